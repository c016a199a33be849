import type { Kysely } from 'kysely';
import type { CountStrategy, ListQuery } from '../../ast/index.js';
import { type Resource, selectPlan } from '../../resource/index.js';
import { whereCondition } from './apply-list-query.js';
import { pageQuery } from './cached-queries.js';
import { countRows, DEFAULT_ESTIMATE_THRESHOLD } from './count-rows.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialectOf } from './dialects/detect.js';
import { type ListRowWithEmbeds, withEmbeds } from './embed-rows.js';
import { loose } from './loose-db.js';
import type { ListRow } from './read-row.js';

/** Options of {@link runListQuery}. */
export interface RunListQueryOptions {
  /** The table (or `schema.table`) holding the resource's rows. */
  readonly table: string;
  /** The dialect; by default read from the Kysely instance's adapter. */
  readonly dialect?: SqlDialect;
  /**
   * With `count: 'estimated'`, the estimated number of matches below which
   * the total is counted exactly instead (and reported `exact`); on SQLite,
   * which has no estimate, the cap of its count (a total at the cap is a
   * lower bound, reported `estimated`). Default 10,000.
   */
  readonly estimateThreshold?: number;
  /**
   * Reuse the SQL text of an earlier query of the same shape (same fields,
   * sort, page kind and filter structure; other values are only bound again),
   * from a bounded cache per Kysely instance. Default true; false builds and
   * compiles every query.
   */
  readonly shapeCache?: boolean;
}

/**
 * One page of API rows, the number of rows matching the filter (null with
 * `count: 'none'`; with `count: 'estimated'` the planner's or optimizer's
 * estimate, or on SQLite a capped count, when it reaches the threshold),
 * whether rows follow the page, and the count strategy that produced the
 * total (`exact` when `estimated` counted exactly below the threshold).
 *
 * @example
 * const { data, total, hasMore, count }: ListResult<LeadField> = await runListQuery(db, leads, query, { table: 'leads' });
 */
export interface ListResult<F extends string> {
  /** API rows; with relation paths in `select`, their embeds beside the own fields. */
  readonly data: ListRowWithEmbeds<F>[];
  readonly total: number | null;
  readonly hasMore: boolean;
  readonly count: CountStrategy;
}

/**
 * Runs a list query on a table: the page of rows, shaped like the API (field
 * names, ISO date strings, booleans, numbers, nulls), and the total as the
 * query's count strategy asks: `exact` runs `count(*)`, `estimated` is
 * hybrid (an estimate above `estimateThreshold` matches, an exact count
 * below; see `count-rows.ts`), `none` runs no count at all.
 * The page query fetches one row beyond the limit, so `hasMore` is exact
 * whatever the strategy. The queries run concurrently; in a transaction `db`
 * they share it. Each embedded to-many relation (`fields=tags.name`) is one
 * more query for the whole page, run once the page's keys are known.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won&sort=value:desc&limit=20');
 * const { data, total } = await runListQuery(db, leads, query, { table: 'leads' });
 */
export async function runListQuery<DB, F extends string, Q extends string = F>(
  db: Kysely<DB>,
  resource: Resource<F>,
  // Its own type: a parsed query also names the resource's relation paths (`label.name`).
  query: ListQuery<Q>,
  options: RunListQueryOptions,
): Promise<ListResult<F>> {
  return runQuery(db, resource, query as unknown as ListQuery<F>, options);
}

/** The total of `count=none`, without a call (or its promise) per request. */
const NO_COUNT = Object.freeze({ total: null, count: 'none' as const });

/** Whether `select` names something other than an own field (a relation path, which embeds). */
function selectsPaths<F extends string>(
  resource: Resource<F>,
  select: ListQuery<F>['select'],
): boolean {
  if (select === 'all') return false;
  for (const name of select) if (!resource.fields.has(name)) return true;
  return false;
}

/** {@link runListQuery} once the query is read with the resource's own field type. */
async function runQuery<DB, F extends string>(
  db: Kysely<DB>,
  resource: Resource<F>,
  query: ListQuery<F>,
  options: RunListQueryOptions,
): Promise<ListResult<F>> {
  const dialect = options.dialect ?? sqlDialectOf(db);
  const kysely = loose(db);
  // Qualified columns: ORDER BY can never mistake one for a select alias.
  const sqlOptions = { dialect, table: options.table };
  const cached = options.shapeCache ?? true;
  // Without a cursor the page and the count share one where clause: compile it once.
  const where =
    query.after === null ? whereCondition(resource, query, sqlOptions, false) : undefined;
  const page = pageQuery(kysely, resource, query, sqlOptions, cached, where);
  const estimateThreshold = options.estimateThreshold ?? DEFAULT_ESTIMATE_THRESHOLD;
  if (!Number.isSafeInteger(estimateThreshold) || estimateThreshold < 1) {
    throw new Error(
      `listql/kysely: estimateThreshold must be a positive integer, not ${estimateThreshold}`,
    );
  }
  const [result, { total, count }] = await Promise.all([
    kysely.executeQuery(page.compiled),
    query.count === 'none'
      ? NO_COUNT
      : countRows(kysely, resource, query, { ...sqlOptions, cached, estimateThreshold, where }),
  ]);
  // One row past the page says whether another page follows.
  const rows = result.rows;
  const length = Math.min(rows.length, query.page.limit);
  const data = new Array<ListRow<F>>(length);
  for (let i = 0; i < length; i++) data[i] = page.read(rows[i]!);
  const hasMore = rows.length > query.page.limit;
  // Only relation paths embed (`all` is the own selectable fields): the plan is built only for them.
  if (!selectsPaths(resource, query.select)) return { data, total, hasMore, count };
  const { embeds } = selectPlan(resource, query.select);
  const embedded = await withEmbeds(kysely, resource, embeds, rows, data, sqlOptions);
  return { data: embedded, total, hasMore, count };
}
