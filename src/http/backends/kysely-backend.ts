import type { Kysely } from 'kysely';
import type { ListQuery } from '../../ast/index.js';
import type { RunListQueryOptions } from '../../backends/kysely/index.js';
import type { Resource } from '../../resource/index.js';
import type { ListBackend } from '../types.js';
import { BackendUnavailableError } from '../unavailable.js';

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
 * MySQL/MariaDB, SQLite): `runListQuery` with the page and the count. A
 * statement timeout or a lost connection (`classifySqlError`) becomes a
 * {@link BackendUnavailableError}, which the HTTP layer answers with a 503.
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
  /** A statement timeout or a lost connection is a 503, not a bug. */
  const translate = (err: unknown, classify: KyselyModule['classifySqlError']): unknown => {
    const failure = classify(err);
    return failure ? new BackendUnavailableError(failure, { cause: err }) : err;
  };
  return {
    async ping() {
      const { classifySqlError, pingDatabase } = await loadKyselyBackend();
      try {
        await pingDatabase(db);
      } catch (err) {
        throw translate(err, classifySqlError);
      }
    },
    async run(query: ListQuery<F>) {
      const { classifySqlError, runListQuery } = await loadKyselyBackend();
      try {
        return await runListQuery(db, resource, query, options);
      } catch (err) {
        throw translate(err, classifySqlError);
      }
    },
  };
}
