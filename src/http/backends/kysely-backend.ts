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
 * A Kysely instance, as {@link kyselyBackend} takes it. Structural, so that the
 * published types of `listql/http` need no kysely (with `skipLibCheck: false`
 * an import of a package that is not installed fails the user's build); every
 * `Kysely<DB>` (and transaction) fits.
 *
 * @example
 * const db: KyselyInstance = new Kysely<Database>({ dialect });
 */
export interface KyselyInstance {
  selectFrom(from: never): unknown;
  getExecutor(): unknown;
}

/**
 * A SQL dialect of `listql/kysely` (`postgresDialect`, `mysqlDialect`,
 * `sqliteDialect`, or a `SqlDialect` of your own), by the members that name
 * it. The full interface mentions Kysely's types, which this subpath's types
 * must not need; every `SqlDialect` fits.
 *
 * @example
 * const dialect: SqlDialectHandle = postgresDialect;
 */
export interface SqlDialectHandle {
  readonly name: 'postgres' | 'mysql' | 'sqlite';
  readonly maxParameters: number;
  readonly inlineIndexes: boolean;
  codePointText(text: never): unknown;
  selectColumn(column: never, field: never, sorted: boolean): unknown;
  orderItems(expression: never, column: never, direction: never, nullable: boolean): unknown;
  columnType(request: never): unknown;
}

/**
 * Options of {@link kyselyBackend}: those of `runListQuery` in `listql/kysely`.
 *
 * @example
 * const options: KyselyBackendOptions = { table: 'crm.leads', dialect: postgresDialect };
 */
export interface KyselyBackendOptions {
  /** The table (or `schema.table`) holding the resource's rows. */
  readonly table: string;
  /** The dialect; by default `detectSqlDialect` on the first request. */
  readonly dialect?: SqlDialectHandle;
  /** `runListQuery`'s `estimateThreshold`: below it `count=estimated` counts exactly. Default 10,000. */
  readonly estimateThreshold?: number;
  /** `runListQuery`'s `shapeCache`: reuse the SQL of earlier queries of the same shape. Default true. */
  readonly shapeCache?: boolean;
}

/**
 * A {@link ListBackend} over a SQL table through Kysely (PostgreSQL,
 * MySQL/MariaDB, SQLite): `runListQuery` with the page and the count. A
 * statement timeout or a lost connection (`classifySqlError`) becomes a
 * {@link BackendUnavailableError}, which the HTTP layer answers with a 503.
 * Without `options.dialect`, the first request runs `detectSqlDialect` once
 * (the table's collations on MySQL/MariaDB, the connection's LIKE on SQLite)
 * and every request uses what it found.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
 * const backend = kyselyBackend(db, leads, { table: 'leads' });
 * await handleListRequest({ resource: leads, backend, query: 'status=won' });
 */
export function kyselyBackend<F extends string>(
  db: KyselyInstance,
  resource: Resource<F>,
  options: KyselyBackendOptions,
): ListBackend<F> {
  // Both are the real things: only their published types are narrowed (see above).
  const kysely = db as Parameters<KyselyModule['runListQuery']>[0];
  const runOptions = options as RunListQueryOptions;
  let detected: Promise<RunListQueryOptions> | undefined;
  const settled = async (module: KyselyModule): Promise<RunListQueryOptions> => {
    if (runOptions.dialect !== undefined) return runOptions;
    detected ??= module
      .detectSqlDialect(kysely, resource, runOptions)
      .then((dialect) => ({ ...runOptions, dialect }));
    // A failed detection (the database was down) is retried on the next request.
    detected.catch(() => {
      detected = undefined;
    });
    return detected;
  };
  /** The module and the settled options once both are known: later requests skip the awaits. */
  let ready: { readonly module: KyselyModule; readonly options: RunListQueryOptions } | undefined;
  /** A statement timeout or a lost connection is a 503, not a bug. */
  const translate = (err: unknown, module: KyselyModule): unknown => {
    const failure = module.classifySqlError(err);
    return failure ? new BackendUnavailableError(failure, { cause: err }) : err;
  };
  return {
    async ping() {
      const module = await loadKyselyBackend();
      try {
        await module.pingDatabase(kysely);
      } catch (err) {
        throw translate(err, module);
      }
    },
    async run(query: ListQuery<F>) {
      if (ready !== undefined) {
        try {
          return await ready.module.runListQuery(kysely, resource, query, ready.options);
        } catch (err) {
          throw translate(err, ready.module);
        }
      }
      const module = await loadKyselyBackend();
      try {
        const settledOptions = await settled(module);
        ready = { module, options: settledOptions };
        return await module.runListQuery(kysely, resource, query, settledOptions);
      } catch (err) {
        throw translate(err, module);
      }
    },
  };
}
