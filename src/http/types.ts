import type { CountStrategy, ListQuery } from '../ast/index.js';

/** One row as the API returns it: keyed by field names. */
export type ListRow = Readonly<Record<string, unknown>>;

/**
 * What a backend returns for one query: the requested page (for a keyset
 * query, the rows after `query.after`), the total number of matches, and
 * optionally whether rows follow and which count strategy was used.
 *
 * @example
 * const result: ListResult = { data: rows, total: null, hasMore: true, count: 'none' };
 */
export interface ListResult {
  readonly data: readonly ListRow[];
  /** Rows matching the filter across all pages; null when not counted (`count: 'none'`). */
  readonly total: number | null;
  /**
   * True when rows follow this page. Omitted, it is read from `total` (and
   * unknown, so false, without one); the ready-made backends fetch one row
   * past the page to say it exactly.
   */
  readonly hasMore?: boolean;
  /** The count strategy used; omitted, `exact` when `total` is a number, else `none`. */
  readonly count?: CountStrategy;
}

/**
 * What a backend is told beside the query: a `signal` that aborts when the
 * answer is no longer wanted (see `withTimeout`). A backend that can cancel
 * its work (the MongoDB driver, `fetch`) passes it on; others may ignore it.
 *
 * @example
 * const backend: ListBackend = { run: (query, { signal } = {}) => myStore.find(query, { signal }) };
 */
export interface ListRunOptions {
  readonly signal?: AbortSignal;
}

/**
 * The one thing the HTTP layer needs from a store: run a validated query.
 * The ready-made factories (`memoryBackend`, `kyselyBackend`, `mongoBackend`)
 * implement it; a store of your own plugs in the same way.
 *
 * @example
 * const backend: ListBackend<LeadField> = {
 *   async run(query) {
 *     const { rows, total } = await myStore.find(query); // honouring query.after and query.count
 *     return { data: rows, total };
 *   },
 * };
 */
export interface ListBackend<F extends string = string> {
  run(query: ListQuery<F>, options?: ListRunOptions): Promise<ListResult>;
  /**
   * Optional: resolves when the store can serve (a trivial query), rejects
   * otherwise. Readiness checks (`checkReady`) call it; without it a
   * backend is always ready.
   */
  ping?(): Promise<void>;
}

/**
 * Request headers as Node (`req.headers`) or the Fetch API (`Headers`) hands
 * them over. Names are matched case-insensitively.
 */
export type RequestHeaders = Headers | NodeRequestHeaders;

/**
 * Request headers as Node hands them over (`req.headers`): a name, in lower
 * case, to a value, or to several for a header sent more than once.
 *
 * @example
 * const headers: NodeRequestHeaders = { 'x-api-key': 'secret', accept: 'application/json' };
 */
export type NodeRequestHeaders = {
  readonly [name: string]: string | readonly string[] | undefined;
};

/**
 * Decides whether a request may proceed. Return false for a 401; throwing is
 * an unexpected failure (a 500).
 *
 * @example
 * const auth: Authenticate = (headers) => readHeader(headers, 'x-api-key') === 'dev-only';
 */
export type Authenticate = (headers: RequestHeaders) => boolean | Promise<boolean>;

/**
 * Where the cause of a 500 goes. The call is `logger.error({ err, requestId }, message)`,
 * which suits `console` and pino-style loggers alike.
 *
 * @example
 * const logger: ListLogger = { error: (context, message) => console.error(message, context) };
 */
export interface ListLogger {
  error(context: { readonly err: unknown; readonly requestId: string }, message: string): void;
}

/** A framework-neutral HTTP response: adapters copy it onto their framework's reply. */
export interface ListResponse<Body> {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON-safe value: serialize it with `JSON.stringify`. */
  readonly body: Body;
}
