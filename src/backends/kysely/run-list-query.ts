import type { Kysely } from 'kysely';
import type { ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { applyListCount, applyListQuery } from './apply-list-query.js';
import { selectedFields } from './compile-select.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialectOf } from './dialects/detect.js';
import { loose } from './loose-db.js';
import { type ListRow, readListRow } from './read-row.js';

/** Options of {@link runListQuery}. */
export interface RunListQueryOptions {
  /** The table (or `schema.table`) holding the resource's rows. */
  readonly table: string;
  /** The dialect; by default read from the Kysely instance's adapter. */
  readonly dialect?: SqlDialect;
}

/** One page of API rows and the number of rows matching the filter. */
export interface ListResult<F extends string> {
  readonly data: ListRow<F>[];
  readonly total: number;
}

/**
 * Runs a list query on a table: the page of rows, shaped like the API (field
 * names, ISO date strings, booleans, numbers, nulls), and the total count.
 * The two queries run concurrently; in a transaction `db` they share it.
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
  const [rows, count] = await Promise.all([
    applyListQuery(from, resource, query, sqlOptions).execute(),
    applyListCount(from, resource, query, sqlOptions).executeTakeFirstOrThrow(),
  ]);
  const fields = selectedFields(resource, query.select);
  return {
    data: rows.map((row) => readListRow(fields, row)),
    total: Number(count.total),
  };
}
