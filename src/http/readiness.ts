import type { ListBackend, ListLogger, ListResponse } from './types.js';
import { BackendUnavailableError, type UnavailableReason } from './unavailable.js';

/** Options of {@link checkReady} and {@link handleReadyRequest}. */
export interface ReadinessOptions {
  /** How long the backend's `ping` may take. Default 2 s. */
  readonly timeoutMs?: number;
}

/** The outcome of {@link checkReady}. */
export type Readiness =
  | { readonly ready: true }
  | {
      readonly ready: false;
      /** `timeout` (no answer in time), `connection` (cannot be reached), `error` (anything else). */
      readonly reason: UnavailableReason | 'error';
      /** The cause, for the logs; never send it to a client. */
      readonly error: unknown;
    };

/** The body of {@link handleReadyRequest}: what an orchestrator's probe reads. */
export type ReadinessBody =
  | { readonly status: 'ready' }
  | { readonly status: 'not ready'; readonly reason: UnavailableReason | 'error' };

/** The ping timeout when none is given. @example checkReady(backend, { timeoutMs: DEFAULT_READY_TIMEOUT_MS }); */
export const DEFAULT_READY_TIMEOUT_MS = 2_000;

/**
 * Whether `backend` can serve: runs its `ping` (a trivial query: `select 1`
 * for `kyselyBackend`, a one-document aggregate for `mongoBackend`) within
 * `timeoutMs`. A backend without `ping` (the in-memory one) is always ready.
 * Never throws. Use it at start-up, to log that the database is unreachable
 * instead of answering every request with a 503, and behind a readiness
 * route (see {@link handleReadyRequest}).
 *
 * @example
 * const readiness = await checkReady(backend);
 * if (!readiness.ready) console.error(`database not ready (${readiness.reason}):`, readiness.error);
 */
export async function checkReady(
  backend: ListBackend,
  options: ReadinessOptions = {},
): Promise<Readiness> {
  if (!backend.ping) return { ready: true };
  const timeoutMs = options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new BackendUnavailableError('timeout', {
            cause: new Error(`no answer in ${timeoutMs} ms`),
          }),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([backend.ping(), expired]);
    return { ready: true };
  } catch (err) {
    return {
      ready: false,
      reason: err instanceof BackendUnavailableError ? err.reason : 'error',
      error: err,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A readiness endpoint (`GET /readyz`): 200 `{ status: 'ready' }` when the
 * backend answers, 503 `{ status: 'not ready', reason }` otherwise, with the
 * cause sent to `logger` (default `console`). Point the orchestrator's
 * readiness probe or the load balancer's health check at it, so traffic goes
 * elsewhere while the database is unreachable; keep liveness (`/healthz`)
 * free of database checks, or a database outage restarts every instance.
 *
 * @example
 * if (path === '/readyz') {
 *   const { status, headers, body } = await handleReadyRequest({ backend });
 *   res.writeHead(status, headers).end(JSON.stringify(body));
 * }
 */
export async function handleReadyRequest(
  options: ReadinessOptions & { readonly backend: ListBackend; readonly logger?: ListLogger },
): Promise<ListResponse<ReadinessBody>> {
  const readiness = await checkReady(options.backend, options);
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  };
  if (readiness.ready) return { status: 200, headers, body: { status: 'ready' } };
  try {
    (options.logger ?? console).error(
      { err: readiness.error, requestId: 'readiness' },
      `listql: not ready (${readiness.reason})`,
    );
  } catch {
    // The probe still gets its answer.
  }
  return { status: 503, headers, body: { status: 'not ready', reason: readiness.reason } };
}
