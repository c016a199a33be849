import { type SqlBool, sql } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { postgresInstant } from '../instants.js';

const TYPES = {
  // "C" orders by the bytes of UTF-8, which is code point order, and lets the
  // ORDER BY ... COLLATE "C" that listql emits use the column's indexes.
  string: sql`text collate "C"`,
  enum: sql`text collate "C"`,
  // double precision comes back from pg as a JS number (numeric would be a string).
  number: sql`double precision`,
  boolean: sql`boolean`,
  // Millisecond precision, the precision of the API.
  datetime: sql`timestamptz(3)`,
} as const;

/**
 * PostgreSQL (the pg driver, PGlite and other PostgresAdapter dialects).
 *
 * @example
 * applyListQuery(db.selectFrom('leads'), leads, query, { dialect: postgresDialect });
 */
export const postgresDialect: SqlDialect = Object.freeze<SqlDialect>({
  name: 'postgres',
  maxParameters: 65_535,
  codePointText: (text) => sql`${text} collate "C"`,
  selectColumn: (column, field, sorted) =>
    sorted && (field.type === 'string' || field.type === 'enum')
      ? sql`${column} collate "C"`
      : column,
  // Deterministic collations (every built-in one) only call equal strings
  // that are byte-for-byte equal, so plain equality is exact and indexable.
  textIn: (column, values) =>
    values.length === 1
      ? sql<SqlBool>`${column} = ${values[0]}`
      : sql<SqlBool>`${column} in (${sql.join(values)})`,
  // lower() under the "C" collation folds A–Z only; under a linguistic
  // collation it would also fold É, Ä, Σ …
  asciiLower: (text) => sql`lower(${text} collate "C")`,
  // E'' keeps the backslash literal whatever standard_conforming_strings says.
  likeEscape: sql`escape E'\\\\'`,
  // ASC already puts nulls last; DESC needs it spelled out.
  orderItems: (expression, _column, direction, nullable) => [
    { expression, direction, nullsLast: nullable && direction === 'desc' },
  ],
  booleanParam: (value) => value,
  instantParam: postgresInstant,
  inlineIndexes: false,
  columnType: ({ field }) => TYPES[field.type],
  tableOptions: () => undefined,
});
