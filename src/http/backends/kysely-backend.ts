import type { Kysely } from 'kysely';
import type { ListQuery } from '../../ast/index.js';
import type { RunListQueryOptions } from '../../backends/kysely/index.js';
import type { Resource } from '../../resource/index.js';
import type { ListBackend } from '../types.js';

type KyselyModule = typeof import('../../backends/kysely/index.js');
let kyselyModule: Promise<KyselyModule> | undefined;

/**
 * `listql/kysely` imports `kysely` at run time, and kysely is an optional peer
 * dependency: a static import here would make `listql/http` fail to load for
 * users of the other backends. It is loaded on the first query instead (and
 * whoever passes a Kysely instance has kysely installed).
 */
function loadKyselyBackend(): Promise<KyselyModule> {
  kyselyModule ??= import('../../backends/kysely/index.js');
  return kyselyModule;
}

/**
 * A {@link ListBackend} over a SQL table through Kysely (PostgreSQL,
 * MySQL/MariaDB, SQLite): `runListQuery` with the page and the count.
 * Without `options.dialect`, the first request runs `detectSqlDialect` once
 * (the table's collations on MySQL/MariaDB, the connection's LIKE on SQLite)
 * and every request uses what it found.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
 * const backend = kyselyBackend(db, leads, { table: 'leads' });
 * await handleListRequest({ resource: leads, backend, query: 'status=won' });
 */
export function kyselyBackend<DB, F extends string>(
  db: Kysely<DB>,
  resource: Resource<F>,
  options: RunListQueryOptions,
): ListBackend<F> {
  let detected: Promise<RunListQueryOptions> | undefined;
  const settled = async (module: KyselyModule): Promise<RunListQueryOptions> => {
    if (options.dialect !== undefined) return options;
    detected ??= module
      .detectSqlDialect(db, resource, options)
      .then((dialect) => ({ ...options, dialect }));
    // A failed detection (the database was down) is retried on the next request.
    detected.catch(() => {
      detected = undefined;
    });
    return detected;
  };
  return {
    async run(query: ListQuery<F>) {
      const module = await loadKyselyBackend();
      return module.runListQuery(db, resource, query, await settled(module));
    },
  };
}
