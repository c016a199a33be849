export { canonicalOrder } from './canonical-order.js';
export { type CursorProblem, decodeCursor, encodeCursor, positionOf } from './cursor.js';
export { parseDateValue } from './dates.js';
export { formatDecimal, parseDecimal } from './decimal.js';
export { formatListQuery } from './format-list-query.js';
export { type LeafResult, parseLeaf } from './parse-leaf.js';
export { parseListQuery, type SafeParseResult, safeParseListQuery } from './parse-list-query.js';
export type { ListQueryInput, QueryObject } from './read-input.js';
