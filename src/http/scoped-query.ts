import { and, type FilterNode, type ListQuery } from '../ast/index.js';

/**
 * The query a backend runs for a request with a server `scope`: the scope
 * ANDed in, and `count: 'estimated'` turned into `exact` unless the endpoint
 * allows estimates under a scope. An estimate comes from table-wide
 * statistics (PostgreSQL's planner), so under a tenant scope it describes
 * every tenant's rows: 0 exact matches and 938 estimated tells a caller how
 * much data the others hold. The backend then reports `count: 'exact'`.
 *
 * @example
 * scopedQuery(parseListQuery(leads, 'count=estimated'), eq('labelId', 't1'), false).count; // 'exact'
 */
export function scopedQuery<F extends string>(
  query: ListQuery<F>,
  scope: FilterNode<F> | undefined,
  allowEstimatesWithScope: boolean,
): ListQuery<F> {
  if (scope === undefined) return query;
  const count = query.count === 'estimated' && !allowEstimatesWithScope ? 'exact' : query.count;
  return { ...query, filter: and([scope, query.filter]), count };
}
