/**
 * The operator vocabulary. Each list is the single source of truth: the union
 * types and the guards below derive from it, so adding an operator is one edit
 * here and a compile error in every place that must handle it.
 */

/** Operators that compare a field with one value. */
export const COMPARISON_OPERATORS = ['eq', 'gt', 'gte', 'lt', 'lte'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/**
 * Literal, ASCII case-insensitive text matches of a string field (the
 * `text` node): the value occurs anywhere in it, at its start, at its end.
 */
export const TEXT_OPERATORS = ['contains', 'startsWith', 'endsWith'] as const;
export type TextOperator = (typeof TEXT_OPERATORS)[number];

/**
 * Operators a resource field may allow in the URL grammar (`field[op]=value`).
 * `ne` and `nin` parse to `not` of `eq` and of `in` (so null rows match, the
 * exact complement), the text operators to a `text` node.
 */
export const FILTER_OPERATORS = [
  ...COMPARISON_OPERATORS,
  'exists',
  'ne',
  'nin',
  ...TEXT_OPERATORS,
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Sort directions. */
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

const filterOperatorSet: ReadonlySet<string> = /* @__PURE__ */ new Set(FILTER_OPERATORS);
const comparisonOperatorSet: ReadonlySet<string> = /* @__PURE__ */ new Set(COMPARISON_OPERATORS);
const textOperatorSet: ReadonlySet<string> = /* @__PURE__ */ new Set(TEXT_OPERATORS);

/** True when `name` is one of {@link FILTER_OPERATORS}. */
export function isFilterOperator(name: string): name is FilterOperator {
  return filterOperatorSet.has(name);
}

/** True when `name` is one of {@link COMPARISON_OPERATORS}. */
export function isComparisonOperator(name: string): name is ComparisonOperator {
  return comparisonOperatorSet.has(name);
}

/** True when `name` is one of {@link TEXT_OPERATORS}. @example isTextOperator('startsWith'); // true */
export function isTextOperator(name: string): name is TextOperator {
  return textOperatorSet.has(name);
}

/** How `total` is computed: exactly, from the planner's estimate, or not at all. */
export const COUNT_STRATEGIES = ['exact', 'estimated', 'none'] as const;
export type CountStrategy = (typeof COUNT_STRATEGIES)[number];
