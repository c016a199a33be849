import type { Kysely } from 'kysely';
import type { CountStrategy, ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { applyListCount, applyListQuery } from './apply-list-query.js';
import { selectedFields } from './compile-select.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialectOf } from './dialects/detect.js';
import { estimateRows } from './estimate-rows.js';
import { type LooseDatabase, loose } from './loose-db.js';
import { type ListRow, readListRow } from './read-row.js';

/** Options of {@link runListQuery}. */
export interface RunListQueryOptions {
  /** The table (or `schema.table`) holding the resource's rows. */
  readonly table: string;
  /** The dialect; by default read from the Kysely instance's adapter. */
  readonly dialect?: SqlDialect;
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
  const from = loose(db).selectFrom(options.table);
  // Qualified columns: ORDER BY can never mistake one for a select alias.
  const sqlOptions = { dialect, table: options.table };
  const count = countStrategyFor(query.count, dialect);
  const [rows, total] = await Promise.all([
    // One row past the page says whether another page follows.
    applyListQuery(from, resource, query, sqlOptions)
      .limit(query.page.limit + 1)
      .execute(),
    countRows(loose(db), from, resource, query, sqlOptions, count),
  ]);
  const fields = selectedFields(resource, query.select);
  const page = rows.slice(0, query.page.limit);
  return {
    data: page.map((row) => readListRow(fields, row)),
    total,
    hasMore: rows.length > query.page.limit,
    count,
  };
}

/** `total` by the strategy `count`: a `count(*)`, the planner's estimate, or nothing. */
async function countRows<F extends string>(
  db: Kysely<LooseDatabase>,
  from: Parameters<typeof applyListCount>[0],
  resource: Resource<F>,
  query: ListQuery<F>,
  options: Parameters<typeof applyListCount>[3],
  count: CountStrategy,
): Promise<number | null> {
  switch (count) {
    case 'none':
      return null;
    case 'estimated': {
      const matching = applyListCount(from, resource, query, options)
        .clearSelect()
        .select((eb) => eb.lit(1).as('one'));
      return estimateRows(db, matching);
    }
    case 'exact': {
      const row = await applyListCount(from, resource, query, options).executeTakeFirstOrThrow();
      return Number(row.total);
    }
  }
}
