/**
 * Kysely dialects for the PostgreSQL and MySQL/MariaDB servers, configured
 * the way listql needs them; the demo and the test engines both connect
 * through these.
 */
import { CompiledQuery, type Dialect, MysqlDialect, PostgresDialect } from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';
import { mysqlTypeCast } from '../../backends/kysely/index.js';
import type { ServerSettings } from '../connection-settings.js';

/**
 * A PostgreSQL dialect with a small pool.
 *
 * @example
 * new Kysely({ dialect: postgresServerDialect(postgresSettings()) });
 */
export function postgresServerDialect(settings: ServerSettings): Dialect {
  return new PostgresDialect({
    pool: new pg.Pool({
      host: settings.host,
      port: settings.port,
      user: settings.user,
      ...(settings.password === undefined ? {} : { password: settings.password }),
      database: settings.database,
      max: 4,
    }),
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
export function mysqlServerDialect(settings: ServerSettings): Dialect {
  return new MysqlDialect({
    pool: createPool({
      host: settings.host,
      port: settings.port,
      user: settings.user,
      password: settings.password ?? '',
      database: settings.database,
      timezone: 'Z',
      typeCast: mysqlTypeCast,
      connectionLimit: 4,
    }),
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
    },
  });
}
