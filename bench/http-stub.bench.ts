/**
 * The JavaScript of one list request with the database stubbed out: the
 * server of `bench/http.bench.ts` built the way docs/http.md says
 * (`handleListRequest` over `kyselyBackend`, then `JSON.stringify`) against
 * the hand-written handler (`bench/support/http-hand.ts`), both handed the
 * same rows at once by a stub (a Kysely driver on one side, a `HandStore` on
 * the other) that returns, for the page query, fresh copies of 51 rows
 * shaped as each server's real driver returns them (SQLite: ISO text and
 * 0/1; pg: `Date`s and booleans; mysql2: 0/1 booleans, and `Date`s for the
 * hand-written pool but DATETIME text for listql's, whose `mysqlTypeCast`
 * keeps dates as text), and for the count query a total. No sockets, no
 * database: parse, build/compile, row reading, envelope and JSON only.
 * Bodies are checked equal first; interleaved rounds, medians.
 *
 *   npx tsx bench/http-stub.bench.ts [--quick]
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import {
  mysqlBinaryDialect,
  mysqlDialect,
  postgresDialect,
  type SqlDialect,
  sqliteDialect,
} from '../src/backends/kysely/index.js';
import { storageValue } from '../src/backends/kysely/values.js';
import { handleListRequest, kyselyBackend } from '../src/http/index.js';
import { type HandStore, handWrittenHandler } from './support/http-hand.js';
import { benchResource } from './support/load-leads.js';
import { generateLeads } from './support/synthetic-leads.js';
import { median } from './support/timing.js';

const TABLE = 'leads';
/** The shapes timed: the page with the exact count, and the page alone. */
export const STUB_QUERIES = [
  'status=won,lost&value[gte]=100&sort=createdAt:desc',
  'status=won,lost&value[gte]=100&sort=createdAt:desc&count=none',
] as const;

type Row = Record<string, unknown>;

/**
 * How a driver hands values over: `sqlite` ISO text and 0/1 (better-sqlite3),
 * `pg` Dates and booleans, `mysql2` Dates and 0/1 (mysql2 with `timezone: 'Z'`,
 * the hand-written server's pool), `mysql2-typecast` DATETIME text and 0/1
 * (mysql2 with listql's `mysqlTypeCast`, as docs/backends/sql.md sets it up).
 */
type DriverShape = 'sqlite' | 'pg' | 'mysql2' | 'mysql2-typecast';

/** 51 rows as a driver hands them over, keyed by API name (the select aliases). */
function driverRows(shape: DriverShape): Row[] {
  const leads = generateLeads(2_000, 42)
    .filter((lead) => ['won', 'lost'].includes(lead.status) && (lead.value ?? 0) >= 100)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .slice(0, 51) as unknown as Row[];
  return leads.map((lead) => {
    const row: Row = {};
    for (const field of benchResource.fieldList) {
      const value = lead[field.name] ?? null;
      row[field.name] =
        shape === 'sqlite'
          ? storageValue(sqliteDialect, field, value)
          : value === null
            ? null
            : field.type === 'datetime'
              ? shape === 'mysql2-typecast'
                ? storageValue(mysqlDialect, field, value)
                : new Date(value as string)
              : field.type === 'boolean' && shape !== 'pg'
                ? Number(value)
                : value;
    }
    return row;
  });
}

/** The select aliases of each page SQL text, in order (as a driver names the columns). */
const aliasesOf = new Map<string, readonly string[]>();

/**
 * Answers a count with a total, anything else with fresh copies of `rows`
 * holding the columns the SQL selects, in its order (both handlers change
 * rows in place).
 */
function answer(sql: string, rows: readonly Row[], total: unknown): Row[] {
  if (sql.startsWith('select count(*)')) return [{ total }];
  let aliases = aliasesOf.get(sql);
  if (aliases === undefined) {
    const list = sql.slice(0, sql.indexOf(' from '));
    aliases = [...list.matchAll(/ as ["`]([^"`]+)["`]/g)].map((m) => m[1]!);
    aliasesOf.set(sql, aliases);
  }
  const names = aliases;
  return rows.map((row) => {
    const copy: Row = {};
    for (const name of names) copy[name] = row[name];
    return copy;
  });
}

class StubDriver implements Driver {
  constructor(
    private readonly rows: readonly Row[],
    private readonly total: unknown,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const { rows, total } = this;
    return {
      async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
        return { rows: answer(compiled.sql, rows, total) as R[] };
      },
      // biome-ignore lint/correctness/useYield: the stub never streams.
      async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
        throw new Error('stub: no streaming');
      },
    };
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export interface StubRow {
  readonly dialect: string;
  readonly query: string;
  /** µs per request. */
  readonly hand: number;
  readonly listql: number;
}

function comparable(text: string): unknown {
  const body = JSON.parse(text) as {
    meta: Record<string, unknown> & { pagination: { nextCursor: string | null } };
  };
  delete body.meta['requestId'];
  delete body.meta['timestamp'];
  const cursor = body.meta.pagination.nextCursor;
  if (cursor)
    body.meta.pagination.nextCursor = JSON.parse(Buffer.from(cursor, 'base64url').toString())[2];
  return body;
}

/** Both handlers of one dialect and query, on the stub. */
export interface StubContenders {
  readonly dialect: string;
  readonly query: string;
  /** One request through each handler: the body as sent. */
  readonly runHand: () => Promise<string>;
  readonly runListql: () => Promise<string>;
}

const DIALECTS = [
  {
    name: 'SQLite',
    kind: 'sqlite',
    dialect: sqliteDialect,
    adapter: () => new SqliteAdapter(),
    introspector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    compiler: () => new SqliteQueryCompiler(),
    rows: ['sqlite', 'sqlite'],
    total: 1234,
  },
  {
    name: 'PostgreSQL',
    kind: 'postgres',
    dialect: postgresDialect,
    adapter: () => new PostgresAdapter(),
    introspector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    compiler: () => new PostgresQueryCompiler(),
    rows: ['pg', 'pg'],
    // pg returns count(*), a bigint, as text.
    total: '1234',
  },
  {
    name: 'MySQL/MariaDB',
    kind: 'mysql',
    // What detectSqlDialect picks for the tables createTable makes.
    dialect: mysqlBinaryDialect,
    adapter: () => new MysqlAdapter(),
    introspector: (db: Kysely<unknown>) => new MysqlIntrospector(db),
    compiler: () => new MysqlQueryCompiler(),
    rows: ['mysql2', 'mysql2-typecast'],
    total: 1234,
  },
] as const;

/**
 * Both handlers per dialect and query on the stub, bodies checked equal
 * (for `bench/http-stub.bench.ts` and for profiling them in one process).
 *
 * @example
 * for (const { dialect, runListql } of await stubContenders()) await runListql();
 */
export async function stubContenders(
  queries: readonly string[] = STUB_QUERIES,
): Promise<StubContenders[]> {
  const out: StubContenders[] = [];
  for (const { name, kind, dialect, adapter, introspector, compiler, rows, total } of DIALECTS) {
    // Each handler gets the rows its own server's driver configuration returns.
    const [handRows, listqlRows] = rows.map(driverRows) as [Row[], Row[]];
    const db = new Kysely<Record<string, never>>({
      dialect: {
        createAdapter: adapter,
        createDriver: () => new StubDriver(listqlRows, total),
        createIntrospector: introspector,
        createQueryCompiler: compiler,
      },
    });
    const backend = kyselyBackend(db, benchResource, {
      table: TABLE,
      dialect: dialect as SqlDialect,
    });
    const store: HandStore = { dialect: kind, all: async (sql) => answer(sql, handRows, total) };
    const hand = handWrittenHandler(store, TABLE);
    for (const query of queries) {
      const runHand = async () => (await hand(`/leads?${query}`, {})).body;
      const runListql = async () => {
        const response = await handleListRequest({
          resource: benchResource,
          backend,
          query,
          headers: {},
        });
        return JSON.stringify(response.body);
      };
      if (!isDeepStrictEqual(comparable(await runHand()), comparable(await runListql()))) {
        throw new Error(`stub bench: ${name} ${query}: the bodies differ`);
      }
      out.push({ dialect: name, query, runHand, runListql });
    }
  }
  return out;
}

/** Times both handlers per dialect and query; `quick` takes fewer rounds. */
export async function benchStubbed(quick: boolean): Promise<StubRow[]> {
  const out: StubRow[] = [];
  for (const { dialect, query, runHand, runListql } of await stubContenders()) {
    const samples: number[][] = [[], []];
    const contenders = [runHand, runListql];
    const rounds = quick ? 15 : 41;
    for (let round = 0; round < rounds + 5; round++) {
      for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const start = performance.now();
        for (let j = 0; j < 100; j++) await contenders[i]!();
        if (round >= 5) samples[i]!.push(((performance.now() - start) * 1000) / 100);
      }
    }
    out.push({ dialect, query, hand: median(samples[0]!), listql: median(samples[1]!) });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchStubbed(process.argv.includes('--quick'))) {
    console.log(
      `${row.dialect.padEnd(13)} ${row.query.padEnd(64)} hand ${row.hand.toFixed(0)} µs, listql ${row.listql.toFixed(0)} µs (×${(row.listql / row.hand).toFixed(2)})`,
    );
  }
}
