import { Kysely } from 'kysely';
import { mysqlSettings } from '../connection-settings.js';
import { mysqlServerDialect } from './server-dialects.js';
import { openServerStore } from './server-store.js';
import type { DemoStore, StoreContext } from './types.js';

/**
 * A MySQL or MariaDB server (settings from `MYSQL_*`), in a fresh table.
 *
 * @example
 * const store = await openMysqlStore({ source, dataDir: '.demo-data', log: console.log });
 */
export function openMysqlStore(context: StoreContext): Promise<DemoStore> {
  return openServerStore(
    new Kysely<Record<string, never>>({ dialect: mysqlServerDialect(mysqlSettings()) }),
    'MySQL',
    context,
  );
}
