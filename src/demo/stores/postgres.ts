import { Kysely } from 'kysely';
import { postgresSettings } from '../connection-settings.js';
import { postgresServerDialect } from './server-dialects.js';
import { openServerStore } from './server-store.js';
import type { DemoStore, StoreContext } from './types.js';

/**
 * A PostgreSQL server (settings from `PG_*`), in a fresh table.
 *
 * @example
 * const store = await openPostgresStore({ source, dataDir: '.demo-data', log: console.log });
 */
export function openPostgresStore(context: StoreContext): Promise<DemoStore> {
  const db = new Kysely<Record<string, never>>({
    dialect: postgresServerDialect(postgresSettings()),
  });
  return openServerStore(db, 'PostgreSQL', context);
}
