/**
 * The bodies on the wire of `GET /leads` (section 6 of the contract): every
 * body is `{ success, data | error, meta }`, so a client can branch on
 * `success` before reading anything else. Types and one constant, shared by
 * the server (`listql/http` builds them) and `listql/client` (reads them), so
 * the two ends cannot drift apart.
 */
import type { CountStrategy } from './ast/index.js';
import type { Issue, IssueCode } from './errors/index.js';

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
  /**
   * How `total` was computed: `exact`, `estimated` or `none`. On a cursor
   * page whose total came from the cursor, the strategy that counted it.
   */
  readonly count: CountStrategy;
  /**
   * Present (and true) only when `total` was not counted for this request
   * but carried in its `cursor` from the page that issued it: the total as
   * of that first count. Send `count=exact` with the cursor to recount.
   */
  readonly totalFromCursor?: true;
  /** The `cursor` of the page after this one; null on the last page. */
  readonly nextCursor: string | null;
}

/** `meta` of every response. */
export interface ResponseMeta {
  /** `req_` and 12 hex digits, or the caller's own `X-Request-Id` when it is safe. */
  readonly requestId: string;
  /** When the response was built, ISO 8601 in UTC. */
  readonly timestamp: string;
}

/** A 200 body; `Row` is one row's type (`listql/client` derives it from the resource). */
export interface SuccessEnvelope<Row = Readonly<Record<string, unknown>>> {
  readonly success: true;
  readonly data: readonly Row[];
  readonly meta: ResponseMeta & { readonly pagination: Pagination };
}

/**
 * `error.details`: the issues of a 400 (at most `MAX_REPORTED_ISSUES`, with
 * `omittedIssues` counting the rest when there are more), empty otherwise.
 */
export type ErrorDetails =
  | { readonly issues: readonly Issue[]; readonly omittedIssues?: number }
  | Record<string, never>;

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
export type ListEnvelope<Row = Readonly<Record<string, unknown>>> =
  | SuccessEnvelope<Row>
  | ErrorEnvelope;
