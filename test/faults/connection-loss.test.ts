/**
 * Item 20 of issue 10: the demo (whose pools are the ready-made
 * `src/demo/stores/server-dialects.ts`) survives its database dropping every
 * connection, under concurrent load. The server runs in a child process, so a
 * crash is an exit, not a failed runner. Its own connections (found through
 * /proc by their client ports) are terminated twice, by `pg_terminate_backend`
 * on PostgreSQL and `KILL CONNECTION` on MariaDB; the test then checks that the
 * process lives, that every answer was a 200 or a clean 500/503 envelope, and
 * that requests succeed again within 2 s of the last kill.
 */
import { describe, expect, it } from 'vitest';
import { mysqlSettings, postgresSettings, serverAvailable } from '../support/databases.js';
import { type ChildServer, startChild, stopChild } from './support/child-server.js';
import { killMysqlConnectionsOf, terminatePostgresConnectionsOf } from './support/databases.js';
import { type Outcome, startLoad, uncleanReason } from './support/load.js';

const postgresUp = await serverAvailable('PostgreSQL', postgresSettings);
const mysqlUp = await serverAvailable('MariaDB', mysqlSettings);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs load on the server, kills its connections twice, and returns what happened. */
async function breakUnderLoad(
  server: ChildServer,
  kill: (pid: number) => Promise<number>,
): Promise<{ outcomes: Outcome[]; lastKill: number; killed: number[]; aliveAfter: boolean }> {
  const load = startLoad(`${server.url}/leads?status=won,lost&sort=value:desc&limit=5`, 6);
  const killed: number[] = [];
  await sleep(400);
  killed.push(await kill(server.child.pid!));
  await sleep(500);
  killed.push(await kill(server.child.pid!));
  const lastKill = performance.now();
  await sleep(2_600);
  const outcomes = await load.stop();
  return { outcomes, lastKill, killed, aliveAfter: server.alive() };
}

function expectSurvived(run: Awaited<ReturnType<typeof breakUnderLoad>>): void {
  const { outcomes, lastKill, killed, aliveAfter } = run;
  // The faults were real: the server's connections existed and were killed.
  expect(killed[0]).toBeGreaterThan(0);
  expect(killed[1]).toBeGreaterThan(0);
  expect(aliveAfter).toBe(true);
  const unclean = outcomes.map(uncleanReason).filter((reason) => reason !== undefined);
  expect(unclean).toEqual([]);
  // Recovered by itself: everything sent from 2 s after the last kill on is a 200.
  const late = outcomes.filter((outcome) => outcome.startedAt > lastKill + 2_000);
  expect(late.length).toBeGreaterThan(5);
  expect(late.filter((outcome) => outcome.status !== 200)).toEqual([]);
}

/** Runs the demo on `backend` in a child process and breaks its connections under load. */
async function demoUnderConnectionLoss(
  backend: 'postgres' | 'mysql',
  kill: (pid: number) => Promise<number>,
): Promise<{ run: Awaited<ReturnType<typeof breakUnderLoad>>; stderr: string }> {
  const server = await startChild('src/demo/main.ts', [
    '--backend',
    backend,
    '--rows',
    '300',
    '--port',
    '0',
  ]);
  let run: Awaited<ReturnType<typeof breakUnderLoad>>;
  try {
    run = await breakUnderLoad(server, kill);
  } finally {
    await stopChild(server).then((code) => expect(code).toBe(0));
  }
  return { run, stderr: server.stderr() };
}

describe.skipIf(!postgresUp)(
  'PostgreSQL drops the demo’s connections (pg_terminate_backend)',
  () => {
    it('the process lives, errors are clean 500/503s, and it recovers within 2 s', async () => {
      const { run, stderr } = await demoUnderConnectionLoss(
        'postgres',
        terminatePostgresConnectionsOf,
      );
      expectSurvived(run);
      // The loss is logged, not silent.
      expect(stderr).toMatch(/a database connection was lost/);
    });
  },
);

describe.skipIf(!mysqlUp)('MariaDB drops the demo’s connections (KILL CONNECTION)', () => {
  it('the process lives, errors are clean 500/503s, and it recovers within 2 s', async () => {
    const { run } = await demoUnderConnectionLoss('mysql', killMysqlConnectionsOf);
    expectSurvived(run);
  });
});
