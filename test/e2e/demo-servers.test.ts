/**
 * The demo server end to end on PostgreSQL and MySQL/MariaDB servers: the
 * shared suite, plus what is special to servers (a fresh table per start,
 * dropped on close; the PG_* / MYSQL_* settings shared with the test suite).
 * An unreachable server fails the run in CI and is skipped loudly elsewhere.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import {
  mysqlSettings as demoMysqlSettings,
  postgresSettings as demoPostgresSettings,
  type RunningDemo,
  startDemo,
} from '../../src/demo/index.js';
import {
  withMysql as mysql,
  mysqlSettings,
  withPostgres as postgres,
  postgresSettings,
  serverAvailable,
} from '../support/databases.js';
import { demoSuite } from './demo-suite.js';

const postgresUp = await serverAvailable('PostgreSQL', postgresSettings);
const mysqlUp = await serverAvailable('MariaDB', mysqlSettings);

/** The related tables of a run: `<table>_labels`, … */
const RELATED_SUFFIXES = ['_labels', '_tags', '_lead_tags', '_notes'];

function tableOf(demo: RunningDemo): string {
  const table = /listql_demo_[0-9a-f]+/.exec(demo.location)?.[0];
  if (!table) throw new Error(`no table in '${demo.location}'`);
  return table;
}

const postgresTableExists = (table: string) =>
  postgres(
    async (client) =>
      (await client.query('select to_regclass($1) as t', [table])).rows[0].t !== null,
  );

const mysqlTableExists = (table: string) =>
  mysql(async (connection) => {
    const [rows] = await connection.query(
      'select count(*) as n from information_schema.tables where table_schema = database() and table_name = ?',
      [table],
    );
    return Number((rows as { n: number }[])[0]!.n) > 0;
  });

it('the demo reads the same connection settings as the test suite', () => {
  expect(demoPostgresSettings()).toEqual(postgresSettings);
  expect(demoMysqlSettings()).toEqual(mysqlSettings);
  expect(demoPostgresSettings({ PG_HOST: 'db', PG_PORT: '6543', PG_PASSWORD: 's' })).toMatchObject({
    host: 'db',
    port: 6543,
    password: 's',
  });
  expect(() => demoMysqlSettings({ MYSQL_PORT: 'x' })).toThrow(/MYSQL_PORT must be a TCP port/);
});

describe.skipIf(!postgresUp)('PostgreSQL', () => {
  demoSuite('postgres', {
    break: (demo) =>
      postgres(async (c) => {
        await c.query(`alter table ${tableOf(demo)} rename to ${tableOf(demo)}_hidden`);
      }),
    restore: (demo) =>
      postgres(async (c) => {
        await c.query(`alter table ${tableOf(demo)}_hidden rename to ${tableOf(demo)}`);
      }),
  });

  it('uses a fresh table per start and drops it on close', async () => {
    const first = await startDemo({ port: 0, backend: 'postgres', rows: 50 });
    const second = await startDemo({ port: 0, backend: 'postgres', rows: 50 });
    expect(tableOf(first)).not.toBe(tableOf(second));
    expect(await postgresTableExists(tableOf(first))).toBe(true);
    // The labeled leads' related tables are the run's own too.
    for (const suffix of RELATED_SUFFIXES) {
      expect(await postgresTableExists(`${tableOf(first)}${suffix}`), suffix).toBe(true);
    }
    await Promise.all([first.close(), second.close()]);
    expect(await postgresTableExists(tableOf(first))).toBe(false);
    for (const suffix of RELATED_SUFFIXES) {
      expect(await postgresTableExists(`${tableOf(first)}${suffix}`), suffix).toBe(false);
    }
    expect(await postgresTableExists(tableOf(second))).toBe(false);
  });
});

describe.skipIf(!mysqlUp)('MySQL / MariaDB', () => {
  demoSuite('mysql', {
    break: (demo) =>
      mysql(async (c) => {
        await c.query(`rename table ${tableOf(demo)} to ${tableOf(demo)}_hidden`);
      }),
    restore: (demo) =>
      mysql(async (c) => {
        await c.query(`rename table ${tableOf(demo)}_hidden to ${tableOf(demo)}`);
      }),
  });

  it('uses a fresh table per start and drops it on close', async () => {
    const demo = await startDemo({ port: 0, backend: 'mysql', rows: 50 });
    const table = tableOf(demo);
    expect(await mysqlTableExists(table)).toBe(true);
    for (const suffix of RELATED_SUFFIXES) {
      expect(await mysqlTableExists(`${table}${suffix}`), suffix).toBe(true);
    }
    await demo.close();
    expect(await mysqlTableExists(table)).toBe(false);
    for (const suffix of RELATED_SUFFIXES) {
      expect(await mysqlTableExists(`${table}${suffix}`), suffix).toBe(false);
    }
  });

  it('a data file the database refuses half-way leaves no table behind', async () => {
    // Valid for listql, too long for MySQL's indexed varchar(255) id; in the second
    // chunk of 10,000 rows, so the first chunk is already inserted when it fails.
    const rows = generateLeads(10_001, 3).map((lead) => JSON.stringify(lead));
    rows[10_000] = JSON.stringify({ ...generateLeads(1, 3)[0], id: `lead_${'x'.repeat(300)}` });
    const dir = await mkdtemp(join(tmpdir(), 'listql-mysql-'));
    const path = join(dir, 'long-id.ndjson');
    await writeFile(path, rows.join('\n'));
    const demoTables = () =>
      mysql(async (c) => {
        const [found] = await c.query(
          "select table_name as t from information_schema.tables where table_schema = database() and table_name like 'listql\\_demo\\_%'",
        );
        return (found as { t: string }[]).map((row) => row.t).sort();
      });
    const lines: string[] = [];
    try {
      await expect(
        startDemo({ port: 0, backend: 'mysql', dataFile: path, log: (l) => lines.push(l) }),
      ).rejects.toThrow(/too long/i);
      // Other test files start MySQL demos at the same time: look for this start's own table.
      const table = lines.join('\n').match(/table (listql_demo_[0-9a-f]+)/)?.[1];
      expect(table).toBeDefined();
      expect(await demoTables()).not.toContain(table);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
