import type { ListBackend, ListResult } from './types.js';
import { BackendUnavailableError } from './unavailable.js';

/**
 * Bounds the time of every query of `backend`: past `timeoutMs`, the request
 * is answered with a 503 (a {@link BackendUnavailableError} `'timeout'`) and
 * the `signal` handed to the backend aborts, so a backend that can cancel
 * (`mongoBackend` aborts its aggregations; a store of your own may pass the
 * signal to `fetch`) stops working for nobody. It needs the event loop: a
 * backend that computes synchronously (`memoryBackend`, better-sqlite3)
 * cannot be cut by it; for SQL databases prefer the server's own statement
 * timeout (see docs/backends/sql.md), which frees the connection too.
 * `ping` is passed through unchanged.
 *
 * @example
 * const backend = withTimeout(mongoBackend(collection, leads), { timeoutMs: 2_000 });
 */
export function withTimeout<F extends string>(
  backend: ListBackend<F>,
  options: { readonly timeoutMs: number },
): ListBackend<F> {
  const { timeoutMs } = options;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new Error(`listql/http: withTimeout's timeoutMs must be a number > 0, got ${timeoutMs}`);
  }
  const bounded: ListBackend<F> = {
    async run(query, runOptions = {}) {
      const controller = new AbortController();
      // A caller's own signal aborts the backend's work too.
      const outer = runOptions.signal;
      const forward = (): void => controller.abort(outer?.reason);
      outer?.addEventListener('abort', forward, { once: true });
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const err = new BackendUnavailableError('timeout', {
            cause: new Error(`no answer from the backend in ${timeoutMs} ms`),
          });
          controller.abort(err);
          reject(err);
        }, timeoutMs);
      });
      const running = backend.run(query, { signal: controller.signal });
      // Once the deadline has answered, a late rejection of the backend must not go unhandled.
      running.catch(() => {});
      try {
        return await Promise.race<ListResult>([running, expired]);
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', forward);
      }
    },
  };
  if (backend.ping) bounded.ping = backend.ping.bind(backend);
  return bounded;
}
