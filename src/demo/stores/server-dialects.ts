/**
 * Kysely dialects for the PostgreSQL and MySQL/MariaDB servers, configured
 * the way listql needs them and the way a production server should be: the
 * demo and the test engines both connect through these.
 *
 * - **Bounded time.** A connection attempt gives up after `connectTimeoutMs`
 *   (a server that accepts and never answers cannot hang a request), and the
 *   server cancels any statement after `statementTimeoutMs`.
 * - **Dropped connections** (a restart, a failover, `pg_terminate_backend`,
 *   `KILL CONNECTION`) cost the requests using them a 503 and nothing else:
 *   the pools drop the dead connection and open a new one on demand. pg needs
 *   `handlePoolErrors` for that; mysql2 pools do it themselves.
 */
import { CompiledQuery, type Dialect, MysqlDialect, PostgresDialect } from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';
import {
  handlePoolErrors,
  mysqlTypeCast,
  pgCallbackQueries,
  setMysqlStatementTimeout,
} from '../../backends/kysely/index.js';
import {
  mysqlConnectionOptions,
  postgresConnectionOptions,
  type ServerSettings,
} from '../connection-settings.js';

/** How long a server may take. */
export interface ServerTimeouts {
  /** The server cancels a statement running longer. Default 10 s. */
  readonly statementTimeoutMs?: number;
  /** Opening a connection (TCP and login) gives up after this. Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** Called with each connection the server drops. Default: a warning on stderr. */
  readonly onConnectionError?: (err: Error) => void;
}

/** The defaults of {@link ServerTimeouts}. @example DEFAULT_TIMEOUTS.statementTimeoutMs; // 10000 */
export const DEFAULT_TIMEOUTS = { statementTimeoutMs: 10_000, connectTimeoutMs: 5_000 } as const;

/**
 * A PostgreSQL dialect with a small pool that survives dropped connections.
 *
 * @example
 * new Kysely({ dialect: postgresServerDialect(postgresSettings()) });
 */
export function postgresServerDialect(
  settings: ServerSettings,
  timeouts: ServerTimeouts = {},
): Dialect {
  const statementTimeoutMs = timeouts.statementTimeoutMs ?? DEFAULT_TIMEOUTS.statementTimeoutMs;
  const pool = new pg.Pool({
    ...postgresConnectionOptions(settings),
    max: 4,
    connectionTimeoutMillis: timeouts.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
    // Sent at login: the server cancels longer statements (SQLSTATE 57014).
    statement_timeout: statementTimeoutMs,
    // A client-side backstop for a server that stops answering mid-query.
    query_timeout: statementTimeoutMs + 2_000,
  });
  return new PostgresDialect({
    pool: pgCallbackQueries(handlePoolErrors(pool, timeouts.onConnectionError)),
  });
}

/**
 * A MySQL / MariaDB dialect whose DATETIME columns hold UTC: every session
 * runs in UTC, and `mysqlTypeCast` reads dates as UTC text and doubles
 * exactly (mysql2 alone rounds some).
 *
 * @example
 * new Kysely({ dialect: mysqlServerDialect(mysqlSettings()) });
 */
export function mysqlServerDialect(
  settings: ServerSettings,
  timeouts: ServerTimeouts = {},
): Dialect {
  const statementTimeoutMs = timeouts.statementTimeoutMs ?? DEFAULT_TIMEOUTS.statementTimeoutMs;
  return new MysqlDialect({
    pool: createPool({
      ...mysqlConnectionOptions(settings),
      typeCast: mysqlTypeCast,
      connectionLimit: 4,
      connectTimeout: timeouts.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
    }),
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
      await setMysqlStatementTimeout(connection, statementTimeoutMs);
    },
  });
}
