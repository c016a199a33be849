/**
 * `total` by the query's count strategy, on every dialect:
 * - `none`: no count;
 * - `exact`: `count(*)` of the filter;
 * - `estimated`, hybrid: an estimate that costs a plan, never a scan, and an
 *   exact count wherever the estimate says the matches are few enough
 *   (below `estimateThreshold`) for counting to be cheap — PostgREST's
 *   `planned`/`estimated` split. PostgreSQL asks its planner, MySQL/MariaDB
 *   their optimizer; SQLite has no row estimate, so it counts at most
 *   `estimateThreshold` matches: below, the exact total; at the cap, the cap
 *   itself, a lower bound. The reported strategy says which one it is.
 */
import { type Kysely, sql } from 'kysely';
import type { CountStrategy, ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { applyListCount, type ListQuerySqlOptions } from './apply-list-query.js';
import { countQuery } from './cached-queries.js';
import type { Condition } from './condition.js';
import { estimateMysqlRows, estimateRows } from './estimate-rows.js';
import type { LooseDatabase } from './loose-db.js';

/** Below this many estimated matches, `estimated` counts exactly. */
export const DEFAULT_ESTIMATE_THRESHOLD = 10_000;

/** A total and the strategy that produced it. */
export interface CountResult {
  readonly total: number | null;
  readonly count: CountStrategy;
}

/** What {@link countRows} needs beyond the query. */
export interface CountOptions extends ListQuerySqlOptions {
  readonly table: string;
  readonly cached: boolean;
  readonly estimateThreshold: number;
  /** The filter's where clause when the page already compiled it. */
  readonly where?: Condition | undefined;
}

async function exactCount<F extends string>(
  db: Kysely<LooseDatabase>,
  resource: Resource<F>,
  query: ListQuery<F>,
  options: CountOptions,
): Promise<number> {
  const compiled = countQuery(db, resource, query, options, options.cached, options.where);
  const { rows } = await db.executeQuery(compiled);
  const row = rows[0];
  if (row === undefined) throw new Error('listql/kysely: count(*) returned no row');
  return Number(row.total);
}

/** The filtered select without its count, for EXPLAIN or a capped count. */
function matching<F extends string>(
  db: Kysely<LooseDatabase>,
  resource: Resource<F>,
  query: ListQuery<F>,
  options: CountOptions,
) {
  return applyListCount(db.selectFrom(options.table), resource, query, options)
    .clearSelect()
    .select((eb) => eb.lit(1).as('one'));
}

/**
 * The total of `query` as its count strategy asks, on `options.dialect`.
 *
 * @example
 * const { total, count } = await countRows(db, leads, query, { dialect, table: 'leads', cached: true, estimateThreshold: 10_000 });
 */
export async function countRows<F extends string>(
  db: Kysely<LooseDatabase>,
  resource: Resource<F>,
  query: ListQuery<F>,
  options: CountOptions,
): Promise<CountResult> {
  if (query.count === 'none') return { total: null, count: 'none' };
  if (query.count === 'exact') {
    return { total: await exactCount(db, resource, query, options), count: 'exact' };
  }
  const threshold = options.estimateThreshold;
  if (options.dialect.name === 'sqlite') {
    // Counting stops at the cap: the cost is bounded by it, whatever the table's size.
    const capped = matching(db, resource, query, options).limit(threshold);
    const { rows } = await sql<{
      total: number;
    }>`select count(*) as total from (${capped}) as capped`.execute(db);
    const total = Number(rows[0]?.total ?? 0);
    return total < threshold ? { total, count: 'exact' } : { total, count: 'estimated' };
  }
  const select = matching(db, resource, query, options);
  const estimate =
    options.dialect.name === 'postgres'
      ? await estimateRows(db, select)
      : await estimateMysqlRows(db, select);
  if (estimate < threshold) {
    return { total: await exactCount(db, resource, query, options), count: 'exact' };
  }
  return { total: estimate, count: 'estimated' };
}
