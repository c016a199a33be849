/**
 * A bounded request loop on a server under test: `concurrency` workers, each
 * sending one request after another until `stop()` is called, recording every
 * outcome with its start and end time.
 */
import { DEMO_API_KEY } from '../../../src/demo/index.js';

/** One request's outcome; `error` when no HTTP response came back at all. */
export interface Outcome {
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status?: number;
  readonly body?: string;
  readonly error?: string;
}

/** A running loop. */
export interface Load {
  readonly outcomes: Outcome[];
  /** Stops the workers; resolves once every request in flight has come back. */
  stop(): Promise<Outcome[]>;
}

/**
 * Starts the loop on `url` (a full request URL).
 *
 * @example
 * const load = startLoad(`${server.url}/leads?limit=5`, 6);
 * … await load.stop();
 */
export function startLoad(url: string, concurrency: number, apiKey = DEMO_API_KEY): Load {
  const outcomes: Outcome[] = [];
  let running = true;
  const worker = async (): Promise<void> => {
    while (running) {
      const startedAt = performance.now();
      try {
        const response = await fetch(url, {
          headers: { 'x-api-key': apiKey },
          signal: AbortSignal.timeout(15_000),
        });
        const body = await response.text();
        outcomes.push({ startedAt, endedAt: performance.now(), status: response.status, body });
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause;
        outcomes.push({
          startedAt,
          endedAt: performance.now(),
          error: `${(err as Error).message}${cause?.code ? ` (${cause.code})` : ''}`,
        });
        // A dead server would make this loop spin; slow it down.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const workers = Array.from({ length: concurrency }, () => worker());
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(workers);
      return outcomes;
    },
  };
}

/** The 503 and 500 bodies the list endpoint may send: nothing of the cause in them. */
const CLEAN_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  SERVICE_UNAVAILABLE: [
    'The query took too long to run; retry later, or narrow it',
    'The service is temporarily unavailable; retry later',
  ],
  INTERNAL_ERROR: ['An unexpected error occurred; quote the requestId when reporting it'],
};

/**
 * Why an outcome is not a clean answer (undefined when it is): a 200, or a
 * 500/503 whose body is exactly the error envelope with a known message,
 * empty details and nothing else (no SQL, no driver message, no stack).
 */
export function uncleanReason(outcome: Outcome): string | undefined {
  if (outcome.error !== undefined) return `no response: ${outcome.error}`;
  if (outcome.status === 200) return undefined;
  if (outcome.status !== 500 && outcome.status !== 503) return `status ${outcome.status}`;
  let body: unknown;
  try {
    body = JSON.parse(outcome.body ?? '');
  } catch {
    return `not JSON: ${outcome.body}`;
  }
  const { success, error, meta, ...rest } = body as Record<string, unknown>;
  const { code, message, details, ...more } = (error ?? {}) as Record<string, unknown>;
  const expected = outcome.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR';
  const clean =
    success === false &&
    code === expected &&
    CLEAN_MESSAGES[expected]!.includes(message as string) &&
    JSON.stringify(details) === '{}' &&
    Object.keys(rest).length === 0 &&
    Object.keys(more).length === 0 &&
    JSON.stringify(Object.keys((meta ?? {}) as object).sort()) === '["requestId","timestamp"]';
  return clean ? undefined : `unclean ${outcome.status}: ${outcome.body}`;
}
