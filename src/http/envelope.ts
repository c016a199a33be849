/**
 * The response envelope of `shared/spec/leads-api.md` section 6: every body is
 * `{ success, data | error, meta }`, so a client can branch on `success`
 * before reading anything else.
 */
import type { CountStrategy } from '../ast/index.js';
import type { Issue, IssueCode } from '../errors/index.js';
import type { ListRow } from './types.js';

/** Every error code a list endpoint can answer with. @example ERROR_CODES.includes(body.error.code); // true */
export const ERROR_CODES = [
  'INVALID_FILTER',
  'INVALID_DATE',
  'VALIDATION_ERROR',
  'UNAUTHORIZED',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const satisfies readonly (
  | IssueCode
  | 'UNAUTHORIZED'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE'
)[];
/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** `meta.pagination` of a successful response. */
export interface Pagination {
  readonly limit: number;
  /** The page asked for (1-indexed), even past the last page; 1 for a cursor page. */
  readonly page: number;
  /** `ceil(total / limit)`; 0 when nothing matches; null when not counted. */
  readonly totalPages: number | null;
  /** Rows matching the filter (exact, or the planner's estimate); null when not counted. */
  readonly total: number | null;
  /** True when a later page holds rows. */
  readonly hasMore: boolean;
  /** How `total` was computed: `exact`, `estimated` or `none`. */
  readonly count: CountStrategy;
  /** The `cursor` of the page after this one; null on the last page. */
  readonly nextCursor: string | null;
}

/** What {@link paginationMeta} knows beyond the page and the total. */
export interface PaginationExtras {
  /** Whether rows follow; by default read from `total`. */
  readonly hasMore?: boolean | undefined;
  /** The count strategy used; by default `exact` with a total, `none` without. */
  readonly count?: CountStrategy | undefined;
  /** The next page's cursor; default null. */
  readonly nextCursor?: string | null | undefined;
}

/** `meta` of every response. */
export interface ResponseMeta {
  /** `req_` and 12 hex digits, or the caller's own `X-Request-Id` when it is safe. */
  readonly requestId: string;
  /** When the response was built, ISO 8601 in UTC. */
  readonly timestamp: string;
}

/** A 200 body. */
export interface SuccessEnvelope {
  readonly success: true;
  readonly data: readonly ListRow[];
  readonly meta: ResponseMeta & { readonly pagination: Pagination };
}

/** `error.details`: every issue for a 400, empty otherwise. */
export type ErrorDetails = { readonly issues: readonly Issue[] } | Record<string, never>;

/** A 400, 401, 500 or 503 body. */
export interface ErrorEnvelope {
  readonly success: false;
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly details: ErrorDetails;
  };
  readonly meta: ResponseMeta;
}

/** Either body. */
export type ListEnvelope = SuccessEnvelope | ErrorEnvelope;

/**
 * Pagination metadata for `total` matches seen `limit` at a time, on `page`.
 * An estimated total can disagree with the rows actually there, so `hasMore`
 * is best given (the backends know it from one row fetched past the page).
 *
 * @example
 * paginationMeta({ limit: 50, page: 1 }, 234);
 * // { limit: 50, page: 1, totalPages: 5, total: 234, hasMore: true, count: 'exact', nextCursor: null }
 * paginationMeta({ limit: 50, page: 1 }, null, { hasMore: true, nextCursor: 'WzEsIm…' });
 * // { …, totalPages: null, total: null, hasMore: true, count: 'none', nextCursor: 'WzEsIm…' }
 */
export function paginationMeta(
  page: { limit: number; page: number },
  total: number | null,
  extras: PaginationExtras = {},
): Pagination {
  const totalPages = total === null ? null : Math.ceil(total / page.limit);
  return {
    limit: page.limit,
    page: page.page,
    totalPages,
    total,
    hasMore: extras.hasMore ?? (totalPages !== null && page.page < totalPages),
    count: extras.count ?? (total === null ? 'none' : 'exact'),
    nextCursor: extras.nextCursor ?? null,
  };
}

/**
 * The 200 body.
 *
 * @example
 * successEnvelope(rows, paginationMeta(query.page, total), meta);
 */
export function successEnvelope(
  data: readonly ListRow[],
  pagination: Pagination,
  meta: ResponseMeta,
): SuccessEnvelope {
  return { success: true, data, meta: { pagination, ...meta } };
}

/**
 * An error body.
 *
 * @example
 * errorEnvelope('UNAUTHORIZED', 'A valid API key is required in the X-API-KEY header', {}, meta);
 */
export function errorEnvelope(
  code: ErrorCode,
  message: string,
  details: ErrorDetails,
  meta: ResponseMeta,
): ErrorEnvelope {
  return { success: false, error: { code, message, details }, meta };
}

/**
 * The 400 body for a list of issues: the first issue's code and message,
 * every issue in `details.issues`.
 *
 * @example
 * const result = safeParseListQuery(leads, 'value[gte]=abc');
 * if (!result.success) issuesEnvelope(result.issues, meta);
 */
export function issuesEnvelope(issues: readonly Issue[], meta: ResponseMeta): ErrorEnvelope {
  const first = issues[0];
  if (!first) throw new Error('issuesEnvelope needs at least one issue');
  return errorEnvelope(first.code, first.message, { issues }, meta);
}
