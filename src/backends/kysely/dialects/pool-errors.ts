/** The part of a `pg.Pool` (or a compatible pool) that reports dropped connections. */
export interface ErrorEmittingPool {
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'connect', listener: (client: ErrorEmittingClient) => void): unknown;
}

/** A pooled client: it emits `'error'` when its connection drops while checked out. */
export interface ErrorEmittingClient {
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** What {@link handlePoolErrors} does with a dropped connection by default: one line on stderr. */
function warn(err: Error): void {
  const code = (err as { code?: unknown }).code;
  console.warn(
    `listql: a database connection was lost (${typeof code === 'string' ? `${code}: ` : ''}${err.message}); the pool reconnects on demand`,
  );
}

/**
 * Keeps a `pg.Pool` alive when the server drops its connections (a restart,
 * a failover, pgbouncer, an idle timeout, `pg_terminate_backend`). pg emits
 * the loss as an `'error'` event, on the pool for an idle client and on the
 * client itself while it is checked out; an `'error'` event nobody listens
 * to exits the process. This listens to both and hands each error to
 * `onError` (default: a warning on stderr). The pool has already removed the
 * dead client and opens a new one on the next query; the request that was
 * using it fails, and `kyselyBackend` answers it with a 503. Call it once,
 * right after creating the pool. Returns the pool.
 *
 * @example
 * const pool = handlePoolErrors(new pg.Pool({ host, user, database }), (err) => logger.warn({ err }, 'database connection lost'));
 * const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
 */
export function handlePoolErrors<P extends ErrorEmittingPool>(
  pool: P,
  onError: (err: Error) => void = warn,
): P {
  const report = (err: Error): void => {
    try {
      onError(err);
    } catch {
      // A throwing reporter would be the very unhandled error this guards against.
    }
  };
  pool.on('error', report);
  pool.on('connect', (client) => {
    client.on('error', report);
  });
  return pool;
}
