/**
 * listql: turn the query string of an HTTP list endpoint into a validated
 * query and run it on any store.
 *
 * @example
 * import { leads, parseListQuery } from 'listql';
 * const query = parseListQuery(leads, 'status=won&value[gte]=100&sort=value:desc');
 */
export * from './ast/index.js';
// The same builders as `listql/client`'s: a resource with groups or relations built here works with the client too.
export { buildResource, defineResource, labeledLeads } from './client/install.js';
export * from './errors/index.js';
export { NAME_PATTERN, RESERVED_PARAMS, type ReservedParam } from './grammar.js';
export {
  decodeCursor,
  encodeCursor,
  formatListQuery,
  type ListQueryInput,
  parseDateValue,
  parseListQuery,
  positionOf,
  type QueryObject,
  type SafeParseResult,
  safeParseListQuery,
  scopeDigest,
} from './parse/index.js';
export * from './resource/index.js';
