/**
 * Connection settings of the PostgreSQL and MySQL/MariaDB servers the demo
 * can use, from the same environment variables as the test suite
 * (`test/support/databases.ts`), with the same defaults:
 *
 * | variable | default | variable | default |
 * |---|---|---|---|
 * | `PG_HOST` | `127.0.0.1` | `MYSQL_HOST` | `127.0.0.1` |
 * | `PG_PORT` | `5432` | `MYSQL_PORT` | `3306` |
 * | `PG_USER` | `postgres` | `MYSQL_USER` | `root` |
 * | `PG_PASSWORD` | (none) | `MYSQL_PASSWORD` | (empty) |
 * | `PG_DATABASE` | `test` | `MYSQL_DATABASE` | `test` |
 */

/** Where a database server listens and how to log in. */
export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string | undefined;
  readonly database: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

function readPort(env: Env, name: string, fallback: number): number {
  const value = Number(read(env, name, String(fallback)));
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new Error(`${name} must be a TCP port, got '${env[name]}'`);
  }
  return value;
}

/**
 * PostgreSQL settings from `PG_*`.
 *
 * @example
 * postgresSettings({ PG_PORT: '5433' }).port; // 5433
 */
export function postgresSettings(env: Env = process.env): ServerSettings {
  return {
    host: read(env, 'PG_HOST', '127.0.0.1'),
    port: readPort(env, 'PG_PORT', 5432),
    user: read(env, 'PG_USER', 'postgres'),
    password: env['PG_PASSWORD'],
    database: read(env, 'PG_DATABASE', 'test'),
  };
}

/**
 * MySQL / MariaDB settings from `MYSQL_*`.
 *
 * @example
 * mysqlSettings({}).user; // 'root'
 */
export function mysqlSettings(env: Env = process.env): ServerSettings {
  return {
    host: read(env, 'MYSQL_HOST', '127.0.0.1'),
    port: readPort(env, 'MYSQL_PORT', 3306),
    user: read(env, 'MYSQL_USER', 'root'),
    password: env['MYSQL_PASSWORD'] ?? '',
    database: read(env, 'MYSQL_DATABASE', 'test'),
  };
}

/** pg's connection options for `settings` (the password only when one is set). */
export function postgresConnectionOptions(settings: ServerSettings) {
  return {
    host: settings.host,
    port: settings.port,
    user: settings.user,
    database: settings.database,
    ...(settings.password === undefined ? {} : { password: settings.password }),
  };
}

/** mysql2's connection options for `settings`: DATETIME is read and written as UTC. */
export function mysqlConnectionOptions(settings: ServerSettings) {
  return {
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password ?? '',
    database: settings.database,
    timezone: 'Z',
  } as const;
}
