/**
 * Item 22 of issue 10: a server whose database is unreachable at start says
 * so. The server of the docs (test/faults/fixtures/docs-server.ts) runs in a
 * child process, connected to PostgreSQL through a TCP proxy the test
 * switches: down at start (the start-up check logs it, `/readyz` is a 503
 * "not ready", list requests are clean 503s), then up (`/readyz` 200, lists
 * 200), with no restart of the server.
 */
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import { createTable, insertRows } from '../../src/backends/kysely/index.js';
import { postgresServerDialect } from '../../src/demo/stores/server-dialects.js';
import { leads } from '../../src/index.js';
import { postgresSettings, serverAvailable } from '../support/databases.js';
import { uniqueTableName } from '../support/engines/kysely.js';
import { startChild, stopChild } from './support/child-server.js';
import { uncleanReason } from './support/load.js';
import { startProxy, type TcpProxy } from './support/tcp-proxy.js';

const postgresUp = await serverAvailable('PostgreSQL', postgresSettings);

describe.skipIf(!postgresUp)('readiness of the docs’ server on PostgreSQL', () => {
  const table = uniqueTableName('lq_ready');
  const db = new Kysely<Record<string, never>>({
    dialect: postgresServerDialect(postgresSettings),
  });
  let proxy: TcpProxy;
  beforeAll(async () => {
    await createTable(db, leads, { table });
    await insertRows(db, leads, generateLeads(20, 5), { table });
    proxy = await startProxy(postgresSettings, 'down');
  });
  afterAll(async () => {
    await proxy.close();
    await db.schema.dropTable(table).ifExists().execute();
    await db.destroy();
  });

  it('database down: logged at start, /readyz 503, lists 503; up: both 200 by themselves', async () => {
    const server = await startChild('test/faults/fixtures/docs-server.ts', [], {
      env: { FIXTURE_STORE: 'postgres', FIXTURE_TABLE: table, FIXTURE_PG_PORT: String(proxy.port) },
      ready: /listening (http:\/\/\S+)/,
    });
    try {
      expect(server.stderr()).toMatch(/not ready \(connection\)/);
      const notReady = await fetch(`${server.url}/readyz`);
      expect([notReady.status, await notReady.json()]).toEqual([
        503,
        { status: 'not ready', reason: 'connection' },
      ]);
      const list = await fetch(`${server.url}/leads?limit=1`);
      const body = await list.text();
      expect(list.status).toBe(503);
      expect(uncleanReason({ startedAt: 0, endedAt: 0, status: 503, body })).toBeUndefined();

      proxy.mode = 'up';
      const ready = await fetch(`${server.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
      const listed = await fetch(`${server.url}/leads?limit=1`);
      expect(listed.status).toBe(200);
      expect(
        ((await listed.json()) as { meta: { pagination: { total: number } } }).meta.pagination
          .total,
      ).toBe(20);
    } finally {
      await stopChild(server);
    }
  });
});
