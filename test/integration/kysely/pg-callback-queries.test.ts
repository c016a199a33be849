/**
 * pgCallbackQueries on a real PostgreSQL server: Kysely's statements go
 * through pg's callback form, with the same rows, the same errors (with a
 * stack that leads back to the caller), and query objects untouched.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pgCallbackQueries } from '../../../src/backends/kysely/index.js';
import { postgresConnection, postgresSettings, serverAvailable } from '../../support/databases.js';

const available = await serverAvailable('PostgreSQL', postgresSettings);

function newPool(): pg.Pool {
  return new pg.Pool({ ...postgresConnection(), max: 2 });
}

describe.skipIf(!available)('pgCallbackQueries', () => {
  const pool = newPool();
  // Which form each statement reached pg's Client.prototype.query in.
  const forms: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function spied(this: pg.Client, ...args: unknown[]) {
    forms.push(typeof args.at(-1) === 'function' ? 'callback' : 'promise');
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const db = new Kysely<Record<string, never>>({
    dialect: new PostgresDialect({ pool: pgCallbackQueries(pool) }),
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await db.destroy();
  });

  it('answers Kysely with the same rows, through the callback form', async () => {
    forms.length = 0;
    const result = await sql<{
      n: number;
      t: string;
    }>`select ${2}::int + 1 as n, ${'x'}::text as t`.execute(db);
    expect(result.rows).toEqual([{ n: 3, t: 'x' }]);
    expect(forms).toContain('callback');
    expect(forms).not.toContain('promise');
  });

  it('rejects with the server error, its stack leading back to the caller', async () => {
    const failing = async function failingCaller() {
      await sql`select * from a_table_that_is_not_here`.execute(db);
    };
    const error = await failing().catch((err: unknown) => err);
    expect(error).toMatchObject({ code: '42P01' });
    expect((error as Error).stack).toContain('pg-callback-queries.test.ts');
  });

  it('leaves query objects and callers’ callbacks as pg takes them', async () => {
    const client = await pool.connect();
    try {
      const viaCallback = await new Promise((resolve, reject) => {
        client.query('select 1 as one', (err, res) => (err ? reject(err) : resolve(res.rows)));
      });
      expect(viaCallback).toEqual([{ one: 1 }]);
      const viaConfig = await client.query({ text: 'select $1::int as two', values: [2] });
      expect(viaConfig.rows).toEqual([{ two: 2 }]);
    } finally {
      client.release();
    }
  });
});
