/**
 * Item 21 of issue 10: SIGTERM drops no request. The server of the docs
 * (test/faults/fixtures/docs-server.ts, with `gracefulShutdown`) runs in a
 * child process; requests are in flight on a slow query (a view that sleeps)
 * and other connections are kept alive, idle, when the signal arrives. Every
 * request in flight must get its 200 (with `Connection: close`), the idle
 * connections must be closed without a reset, and the process must exit 0
 * after closing its pool. On SQLite the slow query blocks the event loop, so
 * requests sent on kept-alive connections during it wait unread in the
 * kernel behind the signal: they must be served too, not reset.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import { createTable, insertRows } from '../../src/backends/kysely/index.js';
import { postgresServerDialect } from '../../src/demo/stores/server-dialects.js';
import { leads } from '../../src/index.js';
import { postgresSettings, serverAvailable } from '../support/databases.js';
import { uniqueTableName } from '../support/engines/kysely.js';
import { type ChildServer, startChild, stopChild } from './support/child-server.js';

const postgresUp = await serverAvailable('PostgreSQL', postgresSettings);
const READY = /listening (http:\/\/\S+)/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Reply {
  readonly status?: number | undefined;
  readonly connection?: string | undefined;
  readonly success?: boolean;
  readonly error?: string;
}

/** A GET through `agent`, recording the socket it used and any error on it. */
function get(agent: Agent, url: string, sockets: Map<Socket, string[]>): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          connection: res.headers.connection,
          success: (JSON.parse(body) as { success: boolean }).success,
        }),
      );
    });
    req.on('socket', (socket: Socket) => {
      if (sockets.has(socket)) return;
      const errors: string[] = [];
      sockets.set(socket, errors);
      socket.on('error', (err: NodeJS.ErrnoException) => errors.push(err.code ?? err.message));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end();
  });
}

/** Opens `count` kept-alive connections and leaves them idle. */
async function idleConnections(url: string, count: number) {
  const agent = new Agent({ keepAlive: true });
  const sockets = new Map<Socket, string[]>();
  const replies = await Promise.all(
    Array.from({ length: count }, () => get(agent, `${url}/leads?limit=1`, sockets)),
  );
  expect(replies.map((reply) => reply.status)).toEqual(Array(count).fill(200));
  expect(sockets.size).toBe(count);
  return { agent, sockets };
}

const closedCleanly = async (sockets: Map<Socket, string[]>): Promise<string[][]> => {
  for (let i = 0; i < 100 && [...sockets.keys()].some((s) => !s.destroyed); i++) await sleep(20);
  return [...sockets].map(([socket, errors]) => (socket.destroyed ? errors : ['still open']));
};

describe.skipIf(!postgresUp)('SIGTERM on PostgreSQL with requests in flight', () => {
  const table = uniqueTableName('lq_drain');
  const slow = `${table}_slow`;
  const db = new Kysely<Record<string, never>>({
    dialect: postgresServerDialect(postgresSettings),
  });
  beforeAll(async () => {
    await createTable(db, leads, { table });
    await insertRows(db, leads, generateLeads(50, 3), { table });
    // One sleep per statement: every list request takes at least 0.8 s.
    await sql`create view ${sql.table(slow)} as select t.* from ${sql.table(table)} t cross join (select pg_sleep(0.8)) s`.execute(
      db,
    );
  });
  afterAll(async () => {
    await sql`drop view if exists ${sql.table(slow)}`.execute(db);
    await db.schema.dropTable(table).ifExists().execute();
    await db.destroy();
  });

  it('finishes every request in flight, closes idle kept-alive connections, exits 0', async () => {
    const server = await startChild('test/faults/fixtures/docs-server.ts', [], {
      env: { FIXTURE_STORE: 'postgres', FIXTURE_TABLE: table, FIXTURE_SLOW: slow },
      ready: READY,
    });
    let exit: number | NodeJS.Signals | undefined;
    try {
      const idle = await idleConnections(server.url, 3);
      const busy = new Map<Socket, string[]>();
      const busyAgent = new Agent({ keepAlive: true });
      const inFlight = Array.from({ length: 10 }, () =>
        get(busyAgent, `${server.url}/slow?limit=5`, busy),
      );
      await sleep(300);
      server.child.kill('SIGTERM');
      const replies = await Promise.all(inFlight);
      exit = await server.exited;

      expect(replies).toEqual(Array(10).fill({ status: 200, connection: 'close', success: true }));
      expect(await closedCleanly(idle.sockets)).toEqual([[], [], []]);
      expect([...busy.values()].flat()).toEqual([]);
      expect(server.stdout()).toContain('drained {"inFlight":10,"forced":0}');
      idle.agent.destroy();
      busyAgent.destroy();
    } finally {
      await stopChild(server);
    }
    expect(exit).toBe(0);
  });
});

describe('SIGTERM on SQLite under keep-alive load, while a slow query blocks the event loop', () => {
  let dir: string;
  const file = () => join(dir, 'leads.sqlite');
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'listql-drain-'));
    const db = new Kysely<Record<string, never>>({
      dialect: new SqliteDialect({ database: new Database(file()) }),
    });
    await createTable(db, leads, { table: 'leads' });
    await insertRows(db, leads, generateLeads(50, 3), { table: 'leads' });
    // A recursive CTE of a million steps: each statement on the view blocks for a while.
    await sql`create view slow as select t.* from leads t cross join (with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000000) select max(i) as m from n) s where s.m > 0`.execute(
      db,
    );
    await db.destroy();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every request sent on a kept-alive connection, or refuses a new one; resets none', async () => {
    const server: ChildServer = await startChild('test/faults/fixtures/docs-server.ts', [], {
      env: {
        FIXTURE_STORE: 'sqlite',
        FIXTURE_SQLITE_FILE: file(),
        FIXTURE_TABLE: 'leads',
        FIXTURE_SLOW: 'slow',
      },
      ready: READY,
    });
    let exit: number | NodeJS.Signals | undefined;
    let signalledAt = Number.POSITIVE_INFINITY;
    const sockets = new Map<Socket, string[]>();
    /** One client on one kept-alive socket, sending until the server refuses a connection. */
    const client = async (): Promise<(Reply & { sentAt: number })[]> => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const replies: (Reply & { sentAt: number })[] = [];
      for (let i = 0; i < 2_000; i++) {
        const sentAt = performance.now();
        const reply = await get(agent, `${server.url}/leads?limit=2`, sockets);
        replies.push({ ...reply, sentAt });
        if (reply.error !== undefined) break;
      }
      agent.destroy();
      return replies;
    };
    try {
      const clients = Array.from({ length: 6 }, () => client());
      await sleep(300);
      const slowReply = get(new Agent(), `${server.url}/slow?limit=5`, new Map());
      await sleep(150);
      // Inside the slow statement: the signal and the clients' next requests queue up behind it.
      server.child.kill('SIGTERM');
      signalledAt = performance.now();
      const replies = (await Promise.all(clients)).flat();
      expect(await slowReply).toEqual({ status: 200, connection: 'close', success: true });
      exit = await server.exited;

      const failures = replies.filter((reply) => reply.status !== 200);
      // The only failure a client sees is the refused connection it opens after `Connection: close`.
      expect(failures.map((reply) => reply.error)).toEqual(Array(6).fill('ECONNREFUSED'));
      expect([...sockets.values()].flat().filter((code) => code !== 'ECONNREFUSED')).toEqual([]);
      // Requests sent after the signal were served, on the connections they were sent on.
      const late = replies.filter((reply) => reply.sentAt > signalledAt && reply.status === 200);
      expect(late.length).toBeGreaterThanOrEqual(6);
    } finally {
      await stopChild(server);
    }
    expect(exit).toBe(0);
  });
});
