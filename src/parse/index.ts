export { canonicalOrder } from '../syntax/canonical-order.js';
export { parseDateValue } from '../syntax/dates.js';
export {
  type DecimalProblem,
  formatDecimal,
  parseDecimal,
  readDecimal,
} from '../syntax/decimal.js';
export {
  type CursorProblem,
  decodeCursor,
  encodeCursor,
  positionOf,
  scopeDigest,
} from './cursor.js';
export { formatListQuery } from './format-query.js';
export { parseListQuery, type SafeParseResult, safeParseListQuery } from './parse-list-query.js';
export type { ListQueryInput, QueryObject } from './read-input.js';
