/**
 * Connection settings of the database servers the integration tests use, from
 * environment variables with the defaults of our machines and CI:
 *
 * | variable         | default     |
 * |------------------|-------------|
 * | `PG_HOST`        | `127.0.0.1` |
 * | `PG_PORT`        | `5432`      |
 * | `PG_USER`        | `postgres`  |
 * | `PG_PASSWORD`    | (none)      |
 * | `PG_DATABASE`    | `test`      |
 * | `MYSQL_HOST`     | `127.0.0.1` |
 * | `MYSQL_PORT`     | `3306`      |
 * | `MYSQL_USER`     | `root`      |
 * | `MYSQL_PASSWORD` | (empty)     |
 * | `MYSQL_DATABASE` | `test`      |
 *
 * A server that cannot be reached fails the run when `CI=true`; elsewhere its
 * tests are skipped with a loud message, so a laptop without MariaDB can still
 * run the rest.
 */
import { connect } from 'node:net';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import {
  mysqlConnectionOptions,
  postgresConnectionOptions,
  mysqlSettings as readMysqlSettings,
  postgresSettings as readPostgresSettings,
  type ServerSettings,
} from '../../src/demo/connection-settings.js';

export type { ServerSettings };

/** PostgreSQL server settings (`PG_*`), read as the demo reads them. */
export const postgresSettings: ServerSettings = readPostgresSettings();

/** MySQL / MariaDB server settings (`MYSQL_*`), read as the demo reads them. */
export const mysqlSettings: ServerSettings = readMysqlSettings();

/** True when a TCP connection to the server opens within `timeoutMs`. */
function canConnect(settings: ServerSettings, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: settings.host, port: settings.port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Whether the tests of a server should run. Reachable: true. Unreachable: with
 * `CI=true` this throws, failing the test file; otherwise it prints a loud
 * warning and returns false, and the caller skips its tests.
 *
 * @example
 * const pgUp = await serverAvailable('PostgreSQL', postgresSettings);
 * describe.skipIf(!pgUp)('PostgreSQL', () => { ... });
 */
export async function serverAvailable(label: string, settings: ServerSettings): Promise<boolean> {
  if (await canConnect(settings, 2_000)) return true;
  const where = `${settings.host}:${settings.port}`;
  if (process.env['CI'] === 'true') {
    throw new Error(`${label} at ${where} is unreachable, and CI=true requires it`);
  }
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! ${label} at ${where} is unreachable: its tests are SKIPPED.\n` +
      `!! Start the server or set the connection variables (see test/support/databases.ts).\n${bar}\n`,
  );
  return false;
}

/** pg connection options for `settings` (the test server's by default). */
export function postgresConnection(settings: ServerSettings = postgresSettings): pg.ClientConfig {
  return postgresConnectionOptions(settings);
}

/** mysql2 connection options for `settings` (the test server's by default), UTC. */
export function mysqlConnection(settings: ServerSettings = mysqlSettings) {
  return mysqlConnectionOptions(settings);
}

/** A pg client on the test server, for one piece of work. */
export async function withPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(postgresConnection());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A mysql2 connection on the test server, for one piece of work. */
export async function withMysql<T>(
  work: (connection: import('mysql2/promise').Connection) => Promise<T>,
): Promise<T> {
  const connection = await createConnection({
    host: mysqlSettings.host,
    port: mysqlSettings.port,
    user: mysqlSettings.user,
    password: mysqlSettings.password ?? '',
    database: mysqlSettings.database,
  });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}
