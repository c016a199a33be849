import type { DemoBackendName, DemoStore, StoreContext } from './types.js';

/**
 * Opens the named store. Each store module is imported only when chosen, so
 * the memory demo needs no database driver and SQLite needs no PostgreSQL.
 *
 * @example
 * const store = await openStore('sqlite', { source, dataDir: '.demo-data', log: console.log });
 */
export async function openStore(name: DemoBackendName, context: StoreContext): Promise<DemoStore> {
  switch (name) {
    case 'sqlite':
      return (await import('./sqlite.js')).openSqliteStore(context);
    case 'pglite':
      return (await import('./pglite.js')).openPgliteStore(context);
    case 'postgres':
      return (await import('./postgres.js')).openPostgresStore(context);
    case 'mysql':
      return (await import('./mysql.js')).openMysqlStore(context);
    case 'memory':
      return (await import('./memory.js')).openMemoryStore(context);
  }
}
