import { CompiledQuery, Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { mysqlTypeCast } from '../../backends/kysely/index.js';
import { mysqlSettings } from '../connection-settings.js';
import { openServerStore } from './server-store.js';
import type { DemoStore, StoreContext } from './types.js';

/**
 * A MySQL or MariaDB server (settings from `MYSQL_*`), in a fresh table.
 * DATETIME columns hold UTC: the driver reads them as UTC and every session
 * runs in UTC.
 *
 * @example
 * const store = await openMysqlStore({ source, dataDir: '.demo-data', log: console.log });
 */
export function openMysqlStore(context: StoreContext): Promise<DemoStore> {
  const settings = mysqlSettings();
  const dialect = new MysqlDialect({
    pool: createPool({
      host: settings.host,
      port: settings.port,
      user: settings.user,
      password: settings.password ?? '',
      database: settings.database,
      timezone: 'Z',
      // Exact doubles and dates in every year (mysql2 alone rounds some doubles).
      typeCast: mysqlTypeCast,
      connectionLimit: 4,
    }),
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
    },
  });
  return openServerStore(new Kysely({ dialect }), 'MySQL', context);
}
