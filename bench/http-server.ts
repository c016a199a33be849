/**
 * One server of `bench/http.bench.ts`, in a process of its own so the load
 * generator and the other server do not share its event loop:
 *
 *   node --import tsx bench/http-server.ts --impl=listql|hand --dialect=sqlite|postgres|mysql
 *        --table=bench_http_123 [--file=/tmp/…/leads.db]
 *
 * `listql` is built the way docs/http.md says (`handleListRequest` over
 * `kyselyBackend`, `res.writeHead(…).end(JSON.stringify(body))`; on SQLite
 * the database wrapped in `sqliteStatementCache`, as docs/backends/sql.md
 * recommends; on PostgreSQL a pg pool wrapped in `pgCallbackQueries`, as that
 * page's "Setup per dialect" says; on MySQL/MariaDB a mysql2 pool set up as that page's "Setup per
 * dialect" says, `typeCast: mysqlTypeCast` and a UTC session, the dialect
 * left to `detectSqlDialect`); `hand` is `bench/support/http-hand.ts` on the
 * bare driver (better-sqlite3 prepared statements kept by SQL text, or a pg
 * or mysql2 pool of the same size, mysql2 with `pool.query`). Prints `LISTENING <port>` once ready; exits on SIGTERM.
 * `GET /__profile/start` and `/__profile/stop` take a V8 CPU profile (what
 * `--cpu-prof` records) of the requests in between only, without the
 * start-up and module loading `--cpu-prof` would include.
 */
import { createServer, type RequestListener } from 'node:http';
import { Session } from 'node:inspector/promises';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  type Dialect,
  Kysely,
  MysqlDialect,
  PostgresDialect,
  SqliteDialect,
} from 'kysely';
import { createPool as createMysqlCallbackPool } from 'mysql2';
import { createPool as createMysqlPool, type PoolOptions } from 'mysql2/promise';
import pg from 'pg';
import {
  mysqlTypeCast,
  pgCallbackQueries,
  sqliteStatementCache,
} from '../src/backends/kysely/index.js';
import { handleListRequest, kyselyBackend, queryStringOf } from '../src/http/index.js';
import { mysqlConnection, postgresConnection } from '../test/support/databases.js';
import { handWrittenHandler } from './support/http-hand.js';
import { mysqlHandStore, postgresHandStore, sqliteHandStore } from './support/http-hand-stores.js';
import { benchResource } from './support/load-leads.js';

/** Connections per server: both servers get the same pool. */
export const POOL_SIZE = 10;

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function postgresPool(): pg.Pool {
  return new pg.Pool({ ...postgresConnection(), max: POOL_SIZE });
}

/** mysql2 pool options both servers share; DATETIME columns hold UTC. */
const mysqlPoolOptions: PoolOptions = {
  ...mysqlConnection(),
  connectionLimit: POOL_SIZE,
};

/** The Kysely dialect docs/backends/sql.md sets up for `dialect`. */
function kyselyDialect(dialect: string, file: string | undefined): Dialect {
  if (dialect === 'sqlite') {
    return new SqliteDialect({ database: sqliteStatementCache(new Database(file)) });
  }
  if (dialect === 'postgres')
    return new PostgresDialect({ pool: pgCallbackQueries(postgresPool()) });
  return new MysqlDialect({
    pool: createMysqlCallbackPool({ ...mysqlPoolOptions, typeCast: mysqlTypeCast }),
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
    },
  });
}

function listqlServer(dialect: string, table: string, file: string | undefined): RequestListener {
  const db = new Kysely<Record<string, never>>({ dialect: kyselyDialect(dialect, file) });
  const resource = benchResource;
  const backend = kyselyBackend(db, resource, { table });
  return async (req, res) => {
    const response = await handleListRequest({
      resource,
      backend,
      query: queryStringOf(req.url ?? ''),
      headers: req.headers,
    });
    res.writeHead(response.status, response.headers).end(JSON.stringify(response.body));
  };
}

function handServer(dialect: string, table: string, file: string | undefined): RequestListener {
  const store =
    dialect === 'sqlite'
      ? sqliteHandStore(new Database(file))
      : dialect === 'postgres'
        ? postgresHandStore(postgresPool())
        : mysqlHandStore(createMysqlPool(mysqlPoolOptions));
  const handle = handWrittenHandler(store, table);
  return async (req, res) => {
    const response = await handle(req.url ?? '', req.headers);
    res.writeHead(response.status, response.headers).end(response.body);
  };
}

const impl = arg('impl');
const dialect = arg('dialect') ?? 'sqlite';
const table = arg('table') ?? 'bench_http';
const file = arg('file');
const listener =
  impl === 'listql' ? listqlServer(dialect, table, file) : handServer(dialect, table, file);
const session = new Session();
/** `/__profile/start` and `/__profile/stop`: the V8 CPU profile of the load window only. */
async function profileRoute(url: string): Promise<string> {
  if (url === '/__profile/start') {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
    return '{}';
  }
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return JSON.stringify(profile);
}
const server = createServer((req, res) => {
  if (req.url?.startsWith('/__profile/')) {
    void profileRoute(req.url).then((body) => res.end(body));
    return;
  }
  // A crash in one request must not hang the load generator.
  Promise.resolve(listener(req, res)).catch((err: unknown) => {
    console.error(err);
    res.writeHead(500).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`LISTENING ${(server.address() as { port: number }).port}`);
});
process.once('SIGTERM', () => process.exit(0));
