/**
 * What differs between the SQL dialects listql supports, as a handful of small
 * hooks. The filter, order and select compilers are written once against this
 * interface; each dialect file only says how it spells one thing.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { SortDirection } from '../../ast/index.js';
import type { Field } from '../../resource/index.js';

/** The dialects listql compiles for. */
export type SqlDialectName = 'postgres' | 'mysql' | 'sqlite';

/** A SQL fragment: text plus bound parameters, never values in the text. */
export type Sql<T = unknown> = RawBuilder<T>;

/** One ORDER BY item as a dialect spells it. */
export interface OrderItem {
  readonly expression: Sql;
  readonly direction: SortDirection;
  /** Append `NULLS LAST` (only dialects that have it ask for it). */
  readonly nullsLast: boolean;
}

/** A column type in CREATE TABLE, for one field. */
export interface ColumnTypeRequest {
  readonly field: Field;
  /** The column is part of an index or the primary key (MySQL cannot index TEXT without a prefix). */
  readonly indexed: boolean;
}

/**
 * The per-dialect hooks. Every hook returns fragments built with Kysely's
 * `sql` tag, so values stay bound parameters and identifiers stay quoted by the
 * dialect's own compiler.
 *
 * @example
 * const dialect = sqlDialectOf(db); // postgresDialect, mysqlDialect or sqliteDialect
 * dialect.codePointText(sql.id('name')); // "name" collate "C" on PostgreSQL
 */
export interface SqlDialect {
  readonly name: SqlDialectName;
  /** Most bound parameters one statement may carry; batch inserts size themselves by it. */
  readonly maxParameters: number;
  /** `text` compared and ordered by Unicode code point, whatever its column collation. */
  codePointText(text: Sql): Sql;
  /**
   * When given, a row-value comparison of text columns (a cursor page's seek)
   * puts the code point collation on the bound value instead of the column:
   * `("s", "id") > (? collate binary, ? collate binary)`. SQLite applies an
   * explicit COLLATE on either operand, but only a bare column lets its index
   * serve the row value as a range (with the collation on the column it scans
   * the whole index). Omitted: {@link SqlDialect.codePointText} on the column.
   */
  codePointParam?(value: Sql): Sql;
  /**
   * How a column is selected. `sorted` says the field is also a sort key.
   * PostgreSQL selects a sorted text column as its ORDER BY expression
   * (`"id" collate "C"`), so the planner evaluates it once instead of carrying
   * a hidden extra sort column through every row.
   */
  selectColumn(column: Sql, field: Field, sorted: boolean): Sql;
  /**
   * Exact (code point) equality of a text column with any of `values` (never
   * empty), written so that an index on the column can still be used.
   */
  textIn(column: Sql, values: readonly string[]): Sql<SqlBool>;
  /** `text` with A–Z folded to a–z and every other character left exactly as it is. */
  asciiLower(text: Sql): Sql;
  /** The `ESCAPE` clause of a LIKE whose escape character is a backslash. */
  readonly likeEscape: Sql;
  /**
   * True when the dialect's LIKE itself folds A–Z and nothing else (SQLite's
   * built-in LIKE with `case_sensitive_like` off): `search` then compiles to
   * `col like ?`, skipping {@link SqlDialect.asciiLower} on every row. Omitted
   * or false: `asciiLower(col) like ?`.
   */
  readonly likeFoldsAscii?: boolean;
  /**
   * A cheap condition that every row matching `asciiLower(column) like
   * pattern` also matches, tested first so the exact fold runs only where it
   * may succeed (MySQL's fold is 26 nested REPLACE calls per column).
   * Omitted: the exact test alone.
   */
  likePrefilter?(column: Sql, pattern: unknown): Sql<SqlBool>;
  /**
   * ORDER BY items for `expression` in `direction` with nulls last. `column` is
   * the bare column (for an `IS NULL` key); `nullable` is false when the column
   * can hold no null, so no null handling is needed.
   */
  orderItems(
    expression: Sql,
    column: Sql,
    direction: SortDirection,
    nullable: boolean,
  ): readonly OrderItem[];
  /**
   * False when a cursor page's seek must not be a row-value comparison
   * `(a, b) < (?, ?)` but the equivalent OR chain `a < ? or (a = ? and b < ?)`
   * bounded by `a <= ?`: postgres_fdw ships plain comparisons to the remote
   * server but never a row comparison, which it would evaluate locally after
   * fetching every row before the position. Omitted: row values.
   */
  readonly rowValues?: boolean;
  /** A boolean as the driver binds it. */
  booleanParam(value: boolean): unknown;
  /** An instant (epoch milliseconds, years 0–9999) as the driver binds it for a date-time column. */
  instantParam(ms: number): unknown;
  /**
   * Declare indexes inside CREATE TABLE (MySQL: one statement instead of one
   * table rebuild per index) rather than as CREATE INDEX statements.
   */
  readonly inlineIndexes: boolean;
  /** The column type of `field` in CREATE TABLE. */
  columnType(request: ColumnTypeRequest): Sql;
  /**
   * Text appended to CREATE TABLE, or undefined. MySQL sets the character set
   * and `collation` (MySQL only), which must be a binary NO PAD collation.
   */
  tableOptions(collation: string | undefined): Sql | undefined;
}
