import type { Kysely } from 'kysely';
import type { CountStrategy, ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { applyListCount, type ListQuerySqlOptions, whereCondition } from './apply-list-query.js';
import { countQuery, pageQuery } from './cached-queries.js';
import type { Condition } from './condition.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialectOf } from './dialects/detect.js';
import { estimateRows } from './estimate-rows.js';
import { type LooseDatabase, loose } from './loose-db.js';
import type { ListRow } from './read-row.js';

/** Options of {@link runListQuery}. */
export interface RunListQueryOptions {
  /** The table (or `schema.table`) holding the resource's rows. */
  readonly table: string;
  /** The dialect; by default read from the Kysely instance's adapter. */
  readonly dialect?: SqlDialect;
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
 * `count: 'none'`; the planner's estimate with `count: 'estimated'` on
 * PostgreSQL), whether rows follow the page, and the count strategy used
 * (`estimated` falls back to `exact` on MySQL/MariaDB and SQLite).
 *
 * @example
 * const { data, total, hasMore, count }: ListResult<LeadField> = await runListQuery(db, leads, query, { table: 'leads' });
 */
export interface ListResult<F extends string> {
  readonly data: ListRow<F>[];
  readonly total: number | null;
  readonly hasMore: boolean;
  readonly count: CountStrategy;
}

/** The strategy a dialect can honour: only PostgreSQL exposes a planner estimate. */
function countStrategyFor(requested: CountStrategy, dialect: SqlDialect): CountStrategy {
  return requested === 'estimated' && dialect.name !== 'postgres' ? 'exact' : requested;
}

/**
 * Runs a list query on a table: the page of rows, shaped like the API (field
 * names, ISO date strings, booleans, numbers, nulls), and the total as the
 * query's count strategy asks: `exact` runs `count(*)`, `estimated` asks
 * PostgreSQL's planner (`exact` elsewhere), `none` runs no count at all.
 * The page query fetches one row beyond the limit, so `hasMore` is exact
 * whatever the strategy. The queries run concurrently; in a transaction `db`
 * they share it.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won&sort=value:desc&limit=20');
 * const { data, total } = await runListQuery(db, leads, query, { table: 'leads' });
 */
export async function runListQuery<DB, F extends string>(
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
  const count = countStrategyFor(query.count, dialect);
  // Without a cursor the page and the count share one where clause: compile it once.
  const where =
    query.after === null ? whereCondition(resource, query, sqlOptions, false) : undefined;
  const page = pageQuery(kysely, resource, query, sqlOptions, cached, where);
  const [result, total] = await Promise.all([
    kysely.executeQuery(page.compiled),
    countRows(kysely, resource, query, sqlOptions, count, cached, where),
  ]);
  // One row past the page says whether another page follows.
  const rows = result.rows;
  const length = Math.min(rows.length, query.page.limit);
  const data = new Array<ListRow<F>>(length);
  for (let i = 0; i < length; i++) data[i] = page.read(rows[i]!);
  return { data, total, hasMore: rows.length > query.page.limit, count };
}

/** `total` by the strategy `count`: a `count(*)`, the planner's estimate, or nothing. */
async function countRows<F extends string>(
  db: Kysely<LooseDatabase>,
  resource: Resource<F>,
  query: ListQuery<F>,
  options: ListQuerySqlOptions & { readonly table: string },
  count: CountStrategy,
  cached: boolean,
  where: Condition | undefined,
): Promise<number | null> {
  switch (count) {
    case 'none':
      return null;
    case 'estimated': {
      const matching = applyListCount(db.selectFrom(options.table), resource, query, options)
        .clearSelect()
        .select((eb) => eb.lit(1).as('one'));
      return estimateRows(db, matching);
    }
    case 'exact': {
      const { rows } = await db.executeQuery(
        countQuery(db, resource, query, options, cached, where),
      );
      const row = rows[0];
      if (row === undefined) throw new Error('listql/kysely: count(*) returned no row');
      return Number(row.total);
    }
  }
}
