import {
  type CarriedTotal,
  COUNT_STRATEGIES,
  type FilterNode,
  type ListQuery,
} from '../ast/index.js';
import { ListQueryError } from '../errors/index.js';
import { type ListQueryInput, safeParseListQuery, scopeDigest } from '../parse/index.js';
import type { Resource } from '../resource/index.js';
import {
  type ErrorEnvelope,
  errorEnvelope,
  issuesEnvelope,
  type ListEnvelope,
  paginationMeta,
  type ResponseMeta,
  successEnvelope,
} from './envelope.js';
import { readHeader } from './headers.js';
import { nextCursor, widenForCursor, withoutHidden } from './next-cursor.js';
import { requestIdFrom } from './request-id.js';
import { scopedQuery } from './scoped-query.js';
import type {
  Authenticate,
  ListBackend,
  ListLogger,
  ListResponse,
  ListResult,
  RequestHeaders,
} from './types.js';
import { BackendUnavailableError } from './unavailable.js';

/** Server-side conditions, or a function computing them once the request is authenticated. */
export type ListScope<F extends string> =
  | FilterNode<F>
  | (() => FilterNode<F> | Promise<FilterNode<F>>);

/** Everything {@link handleListRequest} needs for one request. */
export interface ListRequestOptions<F extends string> {
  readonly resource: Resource<F>;
  readonly backend: ListBackend<F>;
  /** The query string (with or without `?`), a `URLSearchParams`, or a framework's parsed query object. */
  readonly query: ListQueryInput;
  /** The request headers; read for `X-API-KEY` (through `auth`) and `X-Request-Id`. */
  readonly headers?: RequestHeaders;
  /** Omit for a public endpoint. See {@link apiKeyAuth}. */
  readonly auth?: Authenticate;
  /** ANDed into every query: no parameter can widen or remove it (e.g. the caller's tenant). */
  readonly scope?: ListScope<F>;
  /**
   * Let `count=estimated` use the store's estimate even under a `scope`.
   * Default false: with a scope an estimated count is counted exactly (and
   * reported as `exact`), because PostgreSQL's estimate comes from
   * table-wide statistics and would describe other tenants' rows too. Allow
   * it only where the scope hides nothing secret (e.g. a soft-delete flag).
   */
  readonly allowEstimatesWithScope?: boolean;
  /** Receives the cause of every 500. Default: `console`. */
  readonly logger?: ListLogger;
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // Lists behind an API key are per caller and change constantly: no shared caching.
  'cache-control': 'no-store',
} as const;

const UNAUTHORIZED_MESSAGE = 'A valid API key is required in the X-API-KEY header';
const INTERNAL_MESSAGE = 'An unexpected error occurred; quote the requestId when reporting it';
const UNAVAILABLE_MESSAGES = {
  timeout: 'The query took too long to run; retry later, or narrow it',
  connection: 'The service is temporarily unavailable; retry later',
} as const;
/** Seconds a client should wait before retrying a 503: a reconnect usually takes less. */
const RETRY_AFTER_SECONDS = '1';

function respond(
  status: number,
  body: ListEnvelope,
  meta: ResponseMeta,
): ListResponse<ListEnvelope> {
  return { status, headers: { ...JSON_HEADERS, 'x-request-id': meta.requestId }, body };
}

/** A backend that breaks its contract must not produce a 200 with nonsense in it. */
function checkResult(result: ListResult): ListResult {
  if (
    typeof result !== 'object' ||
    result === null ||
    !Array.isArray(result.data) ||
    !(result.total === null || (Number.isSafeInteger(result.total) && result.total >= 0)) ||
    !(result.hasMore === undefined || typeof result.hasMore === 'boolean') ||
    !(result.count === undefined || COUNT_STRATEGIES.includes(result.count))
  ) {
    throw new TypeError(
      'listql/http: the backend returned something other than { data: [], total, hasMore? }',
    );
  }
  return result;
}

async function resolveScope<F extends string>(
  scope: ListScope<F> | undefined,
): Promise<FilterNode<F> | undefined> {
  return typeof scope === 'function' ? await scope() : scope;
}

/**
 * Serves one list request, framework-neutral: authenticates, parses and
 * validates the query against `resource`, ANDs in the server's `scope`, runs
 * it on `backend` and wraps the outcome in the spec's envelope, whose
 * `meta.pagination` carries the count strategy used and the `nextCursor` of
 * the following page (see `docs/pagination.md`). Never throws:
 * a bad request is a 400 listing every issue, a missing or wrong key a 401,
 * a store that timed out or cannot be reached (a {@link BackendUnavailableError})
 * a 503 with `Retry-After`, anything unexpected a 500 whose body says nothing about the cause (the
 * cause goes to `logger`).
 *
 * @example
 * const response = await handleListRequest({
 *   resource: leads,
 *   backend: memoryBackend(leads, rows),
 *   query: 'status=won&sort=value:desc',
 *   headers: { 'x-api-key': 'secret' },
 *   auth: apiKeyAuth('secret'),
 *   scope: eq('labelId', 'tenant_42'),
 * });
 * response.status; // 200
 * response.body.meta.pagination.total; // rows of tenant_42 that are won
 */
export async function handleListRequest<F extends string>(
  options: ListRequestOptions<F>,
): Promise<ListResponse<ListEnvelope>> {
  const headers = options.headers ?? {};
  const meta: ResponseMeta = {
    requestId: requestIdFrom(readHeader(headers, 'x-request-id')),
    timestamp: new Date().toISOString(),
  };
  try {
    // Authenticate before validating, so strangers learn nothing about the query language.
    if (options.auth && !(await options.auth(headers))) {
      return respond(401, errorEnvelope('UNAUTHORIZED', UNAUTHORIZED_MESSAGE, {}, meta), meta);
    }
    const parsed = safeParseListQuery(options.resource, options.query);
    if (!parsed.success) return respond(400, issuesEnvelope(parsed.issues, meta), meta);

    const scope = await resolveScope(options.scope);
    // The next cursor is read from the last row: select the sort keys even when `fields` did not.
    const widened = widenForCursor(parsed.query, options.resource);
    const resource = options.resource as Resource;
    const looseScope = scope as FilterNode | undefined;
    // A total carried in the cursor is reused only under the scope it was counted under.
    // (Digested only when a total is carried in or out: not for a page without a count.)
    const incoming = parsed.query.carriedTotal;
    const print = incoming === undefined ? undefined : digestOf(resource, looseScope);
    const carried = incoming !== undefined && incoming.scope === print ? incoming : undefined;
    const query: ListQuery<F> = scopedQuery(
      carried === undefined ? widened.query : { ...widened.query, count: 'none' },
      scope,
      options.allowEstimatesWithScope ?? false,
    );
    const result = checkResult(await options.backend.run(query));
    const more = hasMore(query, result);
    const total = carried?.total ?? result.total;
    const count = carried?.count ?? result.count ?? (total === null ? 'none' : 'exact');
    const carry: CarriedTotal | undefined =
      total === null || count === 'none'
        ? undefined
        : { total, count, scope: print ?? digestOf(resource, looseScope) };
    const pagination = paginationMeta(query.page, total, {
      hasMore: more,
      count,
      nextCursor: nextCursor(options.resource, parsed.query, result.data, more, carry),
      totalFromCursor: carried !== undefined,
    });
    const data = withoutHidden(result.data, widened.hidden);
    return respond(200, successEnvelope(data, pagination, meta), meta);
  } catch (err) {
    // A backend may refuse a query it cannot run (e.g. a custom store without search).
    if (err instanceof ListQueryError) return respond(400, issuesEnvelope(err.issues, meta), meta);
    logFailure(options.logger ?? console, err, meta.requestId);
    if (err instanceof BackendUnavailableError) return unavailable(err, meta);
    return respond(500, internalError(meta), meta);
  }
}

/** The digest of no scope, per resource: the same for every unscoped request. */
const unscopedDigests = new WeakMap<Resource, string>();

/** `scopeDigest`, remembered for the unscoped case (a sha256 a request need not pay). */
function digestOf(resource: Resource, scope: FilterNode | undefined): string {
  if (scope !== undefined) return scopeDigest(resource, scope);
  let digest = unscopedDigests.get(resource);
  if (digest === undefined) {
    digest = scopeDigest(resource, undefined);
    unscopedDigests.set(resource, digest);
  }
  return digest;
}

/** Whether rows follow: as the backend says, else from the total (unknown without one: false). */
function hasMore(query: ListQuery, result: ListResult): boolean {
  if (result.hasMore !== undefined) return result.hasMore;
  if (result.total === null || query.after !== null) return false;
  return query.page.page * query.page.limit < result.total;
}

/** A logger that throws must not turn a 500 into an unhandled rejection. */
function logFailure(logger: ListLogger, err: unknown, requestId: string): void {
  try {
    logger.error({ err, requestId }, 'listql: list request failed');
  } catch {
    // Nothing left to report to; the client still gets its 500.
  }
}

/** A store that timed out or is unreachable: a 503 the client may retry, saying nothing of the cause. */
function unavailable(err: BackendUnavailableError, meta: ResponseMeta): ListResponse<ListEnvelope> {
  const body = errorEnvelope('SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGES[err.reason], {}, meta);
  const response = respond(503, body, meta);
  return { ...response, headers: { ...response.headers, 'retry-after': RETRY_AFTER_SECONDS } };
}

function internalError(meta: ResponseMeta): ErrorEnvelope {
  return errorEnvelope('INTERNAL_ERROR', INTERNAL_MESSAGE, {}, meta);
}
