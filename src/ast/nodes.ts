import type {
  ComparisonOperator,
  CountStrategy,
  SortDirection,
  TextOperator,
} from './operators.js';

/**
 * A filter value as it appears in the AST: plain, JSON-safe data.
 *
 * - string fields and enums: the string itself;
 * - number fields: a finite number;
 * - boolean fields: a boolean;
 * - date-time fields: a string, either a UTC instant in the canonical form
 *   `YYYY-MM-DDTHH:mm:ss.sssZ`, or a calendar day `YYYY-MM-DD` that names the
 *   whole UTC day (see `docs/ast.md` and {@link instantBounds}).
 */
export type FilterValue = string | number | boolean;

/** `field <op> value`. A comparison on a null field is false. */
export interface ComparisonNode<F extends string = string> {
  readonly kind: 'comparison';
  readonly field: F;
  readonly op: ComparisonOperator;
  readonly value: FilterValue;
}

/** `field` equals any of `values` (never empty when parsed; may be empty when built by hand). */
export interface InNode<F extends string = string> {
  readonly kind: 'in';
  readonly field: F;
  readonly values: readonly FilterValue[];
}

/** `exists: true`: the field is not null; `exists: false`: the field is null. */
export interface ExistsNode<F extends string = string> {
  readonly kind: 'exists';
  readonly field: F;
  readonly exists: boolean;
}

/**
 * A literal, ASCII case-insensitive match of `value` in a string field:
 * anywhere (`contains`), at the start (`startsWith`) or at the end
 * (`endsWith`). `%`, `_`, `\`, `*`, `.` are ordinary characters. False on
 * null, like a comparison, so its `not` is true there.
 */
export interface TextNode<F extends string = string> {
  readonly kind: 'text';
  readonly field: F;
  readonly op: TextOperator;
  readonly value: string;
}

/**
 * `field <op> value` with both sides' ASCII letters folded to lower case
 * (nothing else folded), then compared by code point. The URL cannot write
 * it: `keysetFilter` builds it for the keys of a `caseInsensitiveSort`
 * field, whose order is folded first. False on null.
 */
export interface FoldedComparisonNode<F extends string = string> {
  readonly kind: 'foldedComparison';
  readonly field: F;
  readonly op: ComparisonOperator;
  readonly value: string;
}

/** Case-insensitive, literal substring match of `term` in any of `fields`. */
export interface SearchNode<F extends string = string> {
  readonly kind: 'search';
  readonly fields: readonly F[];
  readonly term: string;
}

/** All children hold. An empty `and` is true. */
export interface AndNode<F extends string = string> {
  readonly kind: 'and';
  readonly children: readonly FilterNode<F>[];
}

/** Any child holds. An empty `or` is false. */
export interface OrNode<F extends string = string> {
  readonly kind: 'or';
  readonly children: readonly FilterNode<F>[];
}

/** The child does not hold (two-valued logic: a comparison on null is false, so its `not` is true). */
export interface NotNode<F extends string = string> {
  readonly kind: 'not';
  readonly child: FilterNode<F>;
}

/**
 * At least one related row of `relation` satisfies `filter`, whose fields are
 * the related resource's (`tags.name=vip` is `some('tags', eq('name', 'vip'))`).
 * No related row (none linked, a null key, all refused by the relation's
 * server-side `where`) makes it false, so its `not` means "no related row
 * matches". The parser writes to-many conditions this way; a to-one
 * relation's fields are plain leaves on `relation.field` paths instead.
 */
export interface SomeNode {
  readonly kind: 'some';
  readonly relation: string;
  readonly filter: FilterNode;
}

/** Any node of the filter tree. */
export type FilterNode<F extends string = string> =
  | ComparisonNode<F>
  | InNode<F>
  | ExistsNode<F>
  | TextNode<F>
  | FoldedComparisonNode<F>
  | SearchNode<F>
  | AndNode<F>
  | OrNode<F>
  | NotNode<F>
  | SomeNode;

/** The `kind` tags of {@link FilterNode}. */
export type FilterNodeKind = FilterNode['kind'];

/** One sort key. Nulls sort last in both directions. */
export interface SortKey<F extends string = string> {
  readonly field: F;
  readonly direction: SortDirection;
}

/** Offset pagination, 1-indexed. */
export interface Page {
  readonly limit: number;
  readonly page: number;
}

/**
 * A keyset position: the sort-key values of the last row a client has seen,
 * one per key of `sort` (the id last). Date-times are instants; a value is
 * null only where that row's field was null.
 */
export type SortPosition = readonly (FilterValue | null)[];

/**
 * The total a keyset cursor was issued with: the count of the first page,
 * carried from page to page so that following pages need not count again.
 *
 * - `count` is the strategy that produced `total` (`estimated` totals stay
 *   labelled as estimates on every page that carries them).
 * - `scope` is a digest of the server scope the total was counted under
 *   (see `scopeDigest`); a total is only reused under the same scope, so a
 *   cursor handed to another tenant never shows that tenant a foreign count.
 */
export interface CarriedTotal {
  readonly total: number;
  readonly count: 'exact' | 'estimated';
  readonly scope: string;
}

/**
 * A validated list query: what every backend compiles.
 *
 * - `filter` is always present; with no filters it is an empty `and` (true).
 * - `sort` already ends with the id tie-breaker.
 * - `select` is `'all'` or the selected field names, id first.
 * - `after`, when set, asks for the rows that come after that position in
 *   the sort order (keyset pagination; `page.page` is then 1); `total` still
 *   counts every row the filter matches.
 * - `count` says how `total` is to be computed.
 * - `carriedTotal`, when set, is the total the request's cursor carries;
 *   the parser sets it only when the request gave no `count` parameter.
 *   Backends ignore it; `handleListRequest` answers with it instead of
 *   counting (an explicit `count=exact` recounts).
 */
export interface ListQuery<F extends string = string> {
  readonly filter: FilterNode<F>;
  readonly sort: readonly SortKey<F>[];
  readonly select: 'all' | readonly F[];
  readonly page: Page;
  readonly after: SortPosition | null;
  readonly count: CountStrategy;
  readonly carriedTotal?: CarriedTotal;
}
