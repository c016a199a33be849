import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { postgresSettings } from '../connection-settings.js';
import { openServerStore } from './server-store.js';
import type { DemoStore, StoreContext } from './types.js';

/**
 * A PostgreSQL server (settings from `PG_*`), in a fresh table.
 *
 * @example
 * const store = await openPostgresStore({ source, dataDir: '.demo-data', log: console.log });
 */
export function openPostgresStore(context: StoreContext): Promise<DemoStore> {
  const settings = postgresSettings();
  const pool = new pg.Pool({
    host: settings.host,
    port: settings.port,
    user: settings.user,
    ...(settings.password === undefined ? {} : { password: settings.password }),
    database: settings.database,
    max: 4,
  });
  return openServerStore(
    new Kysely({ dialect: new PostgresDialect({ pool }) }),
    'PostgreSQL',
    context,
  );
}
