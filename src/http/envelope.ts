/**
 * The response envelope of `docs/leads.md`: every body is
 * `{ success, data | error, meta }`, so a client can branch on `success`
 * before reading anything else.
 */
import type { CountStrategy } from '../ast/index.js';
import { type Issue, reportIssues } from '../errors/index.js';
import type {
  ErrorCode,
  ErrorDetails,
  ErrorEnvelope,
  Pagination,
  ResponseMeta,
  SuccessEnvelope,
} from '../wire.js';
import type { ListRow } from './types.js';

export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorDetails,
  type ErrorEnvelope,
  type ListEnvelope,
  type Pagination,
  type ResponseMeta,
  type SuccessEnvelope,
} from '../wire.js';

/** What {@link paginationMeta} knows beyond the page and the total. */
export interface PaginationExtras {
  /** Whether rows follow; by default read from `total`. */
  readonly hasMore?: boolean | undefined;
  /** The count strategy used; by default `exact` with a total, `none` without. */
  readonly count?: CountStrategy | undefined;
  /** The next page's cursor; default null. */
  readonly nextCursor?: string | null | undefined;
  /** The total came from the request's cursor, not from a count; default false. */
  readonly totalFromCursor?: boolean | undefined;
}

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
 * paginationMeta({ limit: 50, page: 1 }, 234, { hasMore: true, totalFromCursor: true });
 * // { …, total: 234, count: 'exact', nextCursor: null, totalFromCursor: true }
 */
export function paginationMeta(
  page: { limit: number; page: number },
  total: number | null,
  extras: PaginationExtras = {},
): Pagination {
  const totalPages = total === null ? null : Math.ceil(total / page.limit);
  const pagination: Pagination = {
    limit: page.limit,
    page: page.page,
    totalPages,
    total,
    hasMore: extras.hasMore ?? (totalPages !== null && page.page < totalPages),
    count: extras.count ?? (total === null ? 'none' : 'exact'),
    nextCursor: extras.nextCursor ?? null,
  };
  // Only there when true, so envelopes of counted pages keep the contract's exact shape.
  return extras.totalFromCursor === true && total !== null
    ? { ...pagination, totalFromCursor: true }
    : pagination;
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
 * the distinct issues in `details.issues` (the first 20; `details.omittedIssues`
 * counts the rest, and is absent when nothing was left out).
 *
 * @example
 * const result = safeParseListQuery(leads, 'value[gte]=abc');
 * if (!result.success) issuesEnvelope(result.issues, meta);
 */
export function issuesEnvelope(issues: readonly Issue[], meta: ResponseMeta): ErrorEnvelope {
  const first = issues[0];
  if (!first) throw new Error('issuesEnvelope needs at least one issue');
  // A body stays a small multiple of its request: identical issues once, at most 20.
  const reported = reportIssues(issues);
  const details =
    reported.omitted === 0
      ? { issues: reported.issues }
      : { issues: reported.issues, omittedIssues: reported.omitted };
  return errorEnvelope(first.code, first.message, details, meta);
}
