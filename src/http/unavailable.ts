/** Why a store could not answer: it took too long, or it could not be reached. */
export type UnavailableReason = 'timeout' | 'connection';

/**
 * Thrown by a backend when its store is unavailable for a moment rather than
 * wrong: a statement timeout, a connect timeout, a connection dropped by a
 * restart or a failover. `handleListRequest` answers it with a 503
 * `SERVICE_UNAVAILABLE` and a `Retry-After` header, so clients and load
 * balancers retry instead of reporting a bug; the body says nothing about
 * the cause, which goes to the logger. The ready-made `kyselyBackend`
 * translates the drivers' errors into it; a backend of your own may throw
 * it too.
 *
 * @example
 * const backend: ListBackend = {
 *   async run(query) {
 *     try { return await myStore.find(query); }
 *     catch (err) { throw isNetworkError(err) ? new BackendUnavailableError('connection', { cause: err }) : err; }
 *   },
 * };
 */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';

  constructor(
    readonly reason: UnavailableReason,
    options?: { readonly cause?: unknown },
  ) {
    super(
      reason === 'timeout'
        ? 'listql: the store did not answer in time'
        : 'listql: the store could not be reached',
      options,
    );
  }
}
