import { type SqlBool, sql } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { isoInstant } from '../instants.js';

const TYPES = {
  string: sql`text`,
  enum: sql`text`,
  number: sql`real`,
  // SQLite has no boolean type: 0 and 1, which order false < true.
  boolean: sql`integer`,
  // ISO-8601 text with milliseconds and Z: fixed width for years 0–9999, so
  // text order is time order and bound ISO strings compare correctly.
  datetime: sql`text`,
} as const;

/**
 * SQLite (better-sqlite3 and other SqliteAdapter dialects). Assumes SQLite's
 * own `LIKE` (no ICU extension) with `PRAGMA case_sensitive_like` off, the
 * default: it folds ASCII letters only, exactly listql's search rule, so
 * `search` compiles to a bare `col like ?`. `detectSqlDialect` checks the
 * connection and picks the `lower(col) like ?` variant when the pragma is on.
 *
 * @example
 * applyListQuery(db.selectFrom('leads'), leads, query, { dialect: sqliteDialect });
 */
export const sqliteDialect: SqlDialect = Object.freeze<SqlDialect>({
  name: 'sqlite',
  // SQLITE_MAX_VARIABLE_NUMBER of SQLite 3.32 and later.
  maxParameters: 32_766,
  // BINARY compares UTF-8 bytes (code point order); spelled out in case the
  // column was declared NOCASE or RTRIM. An index on a BINARY column still applies.
  codePointText: (text) => sql`${text} collate binary`,
  codePointParam: (value) => sql`${value} collate binary`,
  selectColumn: (column) => column,
  textIn: (column, values) =>
    values.length === 1
      ? sql<SqlBool>`${column} collate binary = ${values[0]}`
      : sql<SqlBool>`${column} collate binary in (${sql.join(values)})`,
  asciiLower: (text) => sql`lower(${text})`,
  likeEscape: sql`escape '\\'`,
  likeFoldsAscii: true,
  // SQLite sorts nulls first ascending and has NULLS LAST since 3.30.
  orderItems: (expression, _column, direction, nullable) => [
    { expression, direction, nullsLast: nullable && direction === 'asc' },
  ],
  booleanParam: (value) => (value ? 1 : 0),
  instantParam: isoInstant,
  inlineIndexes: false,
  columnType: ({ field }) => TYPES[field.type],
  tableOptions: () => undefined,
});

/**
 * SQLite on a connection with `PRAGMA case_sensitive_like = on`: its LIKE no
 * longer folds case, so `search` folds the column with the built-in `lower()`
 * (A–Z only without ICU). `detectSqlDialect` returns it for such connections.
 *
 * @example
 * applyListQuery(db.selectFrom('leads'), leads, query, { dialect: sqliteCaseSensitiveLikeDialect });
 */
export const sqliteCaseSensitiveLikeDialect: SqlDialect = Object.freeze<SqlDialect>({
  ...sqliteDialect,
  likeFoldsAscii: false,
});
