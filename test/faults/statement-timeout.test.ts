/**
 * Item 19 of issue 10: a query's time is bounded on every SQL dialect, and
 * its expiry is a clean 503. Each dialect serves the leads resource from a
 * deliberately slow view (`pg_sleep`, MariaDB's `SLEEP()`, a SQLite
 * recursive CTE of ten million rows) through the settings the docs give
 * (`statement_timeout`, `setMysqlStatementTimeout`, `sqliteStatementTimeout`);
 * the answer must come back long before the view would, as a 503 whose body
 * says nothing of the cause, with the driver's error in the log; the same
 * backend then serves the real table. PGlite is left out: it runs
 * single-threaded in WebAssembly and ignores `statement_timeout`.
 * The connect timeout: the docs' server (in a child process) pointed at a
 * port that accepts and never answers fails its requests within the
 * configured time, and logs it.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import {
  classifySqlError,
  createTable,
  insertRows,
  sqliteStatementTimeout,
} from '../../src/backends/kysely/index.js';
import {
  mysqlServerDialect,
  postgresServerDialect,
} from '../../src/demo/stores/server-dialects.js';
import { handleListRequest, kyselyBackend, type ListBackend } from '../../src/http/index.js';
import { type LeadField, leads } from '../../src/index.js';
import { mysqlSettings, postgresSettings, serverAvailable } from '../support/databases.js';
import { uniqueTableName } from '../support/engines/kysely.js';
import { startChild, stopChild } from './support/child-server.js';
import { uncleanReason } from './support/load.js';
import { startProxy } from './support/tcp-proxy.js';

const postgresUp = await serverAvailable('PostgreSQL', postgresSettings);
const mysqlUp = await serverAvailable('MariaDB', mysqlSettings);

type AnyKysely = Kysely<Record<string, never>>;

/** One request on `backend`, timed, with what reached the logger. */
async function timedRequest(backend: ListBackend<LeadField>, query = 'limit=5&sort=value:desc') {
  const logged: unknown[] = [];
  const started = performance.now();
  const response = await handleListRequest({
    resource: leads,
    backend,
    query,
    logger: { error: (context) => logged.push(context.err) },
  });
  return { response, elapsedMs: performance.now() - started, logged };
}

/** The expired statement: a clean 503, in far less time than the view takes, the cause logged. */
async function expectTimedOut(backend: ListBackend<LeadField>, viewTakesMs: number) {
  const { response, elapsedMs, logged } = await timedRequest(backend);
  expect(response.status).toBe(503);
  const body = JSON.stringify(response.body);
  expect(uncleanReason({ startedAt: 0, endedAt: 0, status: 503, body })).toBeUndefined();
  expect(response.body.success === false && response.body.error.message).toBe(
    'The query took too long to run; retry later, or narrow it',
  );
  expect(elapsedMs).toBeLessThan(viewTakesMs / 2);
  const cause = (logged[0] as { cause?: unknown }).cause;
  expect(classifySqlError(cause)).toBe('timeout');
  return cause;
}

async function loadTable(db: AnyKysely, table: string): Promise<void> {
  await createTable(db, leads, { table });
  await insertRows(db, leads, generateLeads(20, 9), { table });
}

describe.skipIf(!postgresUp)('PostgreSQL: statement_timeout', () => {
  const table = uniqueTableName('lq_timeout');
  const slow = `${table}_slow`;
  const db: AnyKysely = new Kysely({
    dialect: postgresServerDialect(postgresSettings, { statementTimeoutMs: 300 }),
  });
  beforeAll(async () => {
    await loadTable(db, table);
    await sql`create view ${sql.table(slow)} as select t.* from ${sql.table(table)} t cross join (select pg_sleep(4)) s`.execute(
      db,
    );
  });
  afterAll(async () => {
    await sql`drop view if exists ${sql.table(slow)}`.execute(db);
    await db.schema.dropTable(table).ifExists().execute();
    await db.destroy();
  });

  it('cancels the slow statement (57014): a 503, then the table answers', async () => {
    const cause = await expectTimedOut(kyselyBackend(db, leads, { table: slow }), 4_000);
    expect((cause as { code?: string }).code).toBe('57014');
    const { response } = await timedRequest(kyselyBackend(db, leads, { table }));
    expect(response.status).toBe(200);
  });
});

describe.skipIf(!mysqlUp)('MariaDB: max_statement_time', () => {
  const table = uniqueTableName('lq_timeout');
  const slow = `${table}_slow`;
  const db: AnyKysely = new Kysely({
    dialect: mysqlServerDialect(mysqlSettings, { statementTimeoutMs: 300 }),
  });
  beforeAll(async () => {
    await loadTable(db, table);
    // SLEEP(0.2) for each of the 20 rows: 4 s a statement.
    await sql`create view ${sql.table(slow)} as select t.* from ${sql.table(table)} t where sleep(0.2) = 0`.execute(
      db,
    );
  });
  afterAll(async () => {
    await sql`drop view if exists ${sql.table(slow)}`.execute(db);
    await db.schema.dropTable(table).ifExists().execute();
    await db.destroy();
  });

  it('aborts the slow statement (1969): a 503, then the table answers', async () => {
    const cause = await expectTimedOut(kyselyBackend(db, leads, { table: slow }), 4_000);
    expect((cause as { errno?: number }).errno).toBe(1969);
    const { response } = await timedRequest(kyselyBackend(db, leads, { table }));
    expect(response.status).toBe(200);
  });
});

describe('SQLite: sqliteStatementTimeout', () => {
  const database = new Database(':memory:');
  const timeout = sqliteStatementTimeout(database, { timeoutMs: 200 });
  const db: AnyKysely = new Kysely({
    dialect: new SqliteDialect({ database: timeout.database }),
    plugins: [timeout.plugin],
  });
  beforeAll(async () => {
    await loadTable(db, 'leads');
    // Ten million rows streamed by a recursive CTE, every column of a lead: seconds to scan.
    const columns = leads.fieldList
      .filter(
        (field) =>
          !['id', 'status', 'source', 'createdAt', 'updatedAt', 'value'].includes(field.name),
      )
      .map((field) => sql`null as ${sql.ref(field.column)}`);
    await sql`create view slow as with recursive n(i) as (select 1 union all select i + 1 from n where i < 10000000)
      select printf('lead_%08d', i) as "id", 'open' as "status", 'api' as "source", i * 1.0 as "value",
        '2026-01-01T00:00:00.000Z' as "createdAt", '2026-01-01T00:00:00.000Z' as "updatedAt", ${sql.join(columns)}
      from n`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('stops the scan of the slow view: a 503, then the table answers', async () => {
    const cause = await expectTimedOut(kyselyBackend(db, leads, { table: 'slow' }), 4_000);
    expect((cause as { code?: string }).code).toBe('LISTQL_STATEMENT_TIMEOUT');
    const { response } = await timedRequest(
      kyselyBackend(db, leads, { table: 'leads' }),
      'status=won,lost&search=a',
    );
    expect(response.status).toBe(200);
    const direct = await runDirect(db);
    expect(direct).toBe(20);
  });
});

/** A query of your own through the same Kysely instance is timed too (and works). */
async function runDirect(db: AnyKysely): Promise<number> {
  const row = await db
    .selectFrom('leads' as never)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number((row as { n: number }).n);
}

describe.skipIf(!postgresUp)('PostgreSQL: connect timeout on a host that never answers', () => {
  it('the docs’ server fails cleanly within the configured time, and logs it', async () => {
    const silent = await startProxy(postgresSettings, 'silent');
    const table = uniqueTableName('lq_never');
    const server = await startChild('test/faults/fixtures/docs-server.ts', [], {
      env: {
        FIXTURE_STORE: 'postgres',
        FIXTURE_TABLE: table,
        FIXTURE_PG_PORT: String(silent.port),
        FIXTURE_CONNECT_TIMEOUT_MS: '500',
      },
      ready: /listening (http:\/\/\S+)/,
    });
    try {
      // The start-up check said so.
      expect(server.stderr()).toMatch(/not ready \(connection\)/);
      const started = performance.now();
      const response = await fetch(`${server.url}/leads?limit=1`);
      const elapsedMs = performance.now() - started;
      expect(response.status).toBe(503);
      expect(
        uncleanReason({ startedAt: 0, endedAt: 0, status: 503, body: await response.text() }),
      ).toBeUndefined();
      // Two connection attempts at most (the page and the count), 500 ms each, in parallel.
      expect(elapsedMs).toBeLessThan(2_500);
      for (let i = 0; i < 50 && !/list request failed/.test(server.stderr()); i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(server.stderr()).toMatch(/list request failed/);
      expect(server.stderr()).toMatch(/timeout/i);
    } finally {
      await stopChild(server);
      await silent.close();
    }
  });
});
