import type { Kysely } from 'kysely';
import type { Resource } from '../../resource/index.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialectOf } from './dialects/detect.js';
import { loose } from './loose-db.js';
import { storageValue } from './values.js';

/** Options of {@link insertRows}. */
export interface InsertRowsOptions {
  /** The table (or `schema.table`). */
  readonly table: string;
  /** Rows per INSERT; default: as many as the dialect's parameter limit allows, at most 1,000. */
  readonly batchSize?: number;
  /** The dialect; by default read from the Kysely instance's adapter. */
  readonly dialect?: SqlDialect;
}

/**
 * Inserts rows shaped like the API (keyed by field name, dates as ISO strings
 * or Dates, booleans as booleans) into the resource's table, converting each
 * value to what the dialect stores, in multi-row INSERTs. A missing field is
 * stored as null; a non-scalar value throws before anything is sent.
 *
 * @example
 * await insertRows(db, leads, generateLeads(1_000, 42), { table: 'leads' });
 */
export async function insertRows<DB, F extends string>(
  db: Kysely<DB>,
  resource: Resource<F>,
  rows: readonly Readonly<Partial<Record<F, unknown>>>[],
  options: InsertRowsOptions,
): Promise<void> {
  const dialect = options.dialect ?? sqlDialectOf(db);
  const fields = resource.fieldList;
  const batchSize =
    options.batchSize ??
    Math.max(1, Math.min(1_000, Math.floor(dialect.maxParameters / fields.length)));
  for (let start = 0; start < rows.length; start += batchSize) {
    // fromEntries defines own properties, so even a column named __proto__ stays data.
    const batch = rows
      .slice(start, start + batchSize)
      .map((row) =>
        Object.fromEntries(
          fields.map((field) => [field.column, storageValue(dialect, field, row[field.name])]),
        ),
      );
    await loose(db).insertInto(options.table).values(batch).execute();
  }
}
