import { type SqlBool, sql } from 'kysely';
import type { Sql, SqlDialect } from '../dialect.js';
import { mysqlInstant } from '../instants.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Code point comparison: on utf8mb4 the bytes of a binary string are UTF-8, whose byte order is code point order. */
const binary = (text: Sql): Sql => sql`cast(${text} as binary)`;

/**
 * A–Z to a–z and nothing else. LOWER() would fold É and Σ too (and does
 * nothing at all to binary strings), so replace the 26 letters one by one, on
 * the bytes, where no multi-byte character can be touched.
 */
function asciiLower(text: Sql): Sql {
  let folded = binary(text);
  for (const upper of UPPER) {
    folded = sql`replace(${folded}, ${sql.lit(upper)}, ${sql.lit(upper.toLowerCase())})`;
  }
  return folded;
}

// Backslash escapes in string literals are on by default in MySQL: the literal is one backslash.
const LIKE_ESCAPE = sql`escape '\\\\'`;

/** MariaDB's binary, NO PAD utf8mb4 collation; MySQL 8 calls its own `utf8mb4_0900_bin`. */
export const MARIADB_NOPAD_BINARY = 'utf8mb4_nopad_bin';

/** A collation name goes into SQL text, so it must look like one. */
function checkCollation(name: string): string {
  if (!/^utf8mb4_[a-z0-9_]+$/.test(name)) {
    throw new Error(`listql/kysely: '${name}' is not a utf8mb4 collation name`);
  }
  return name;
}

const TYPES = {
  number: sql`double`,
  boolean: sql`boolean`,
  // DATETIME has no zone: listql stores and binds UTC.
  datetime: sql`datetime(3)`,
} as const;

/**
 * MySQL and MariaDB (mysql2 and other MysqlAdapter dialects). String columns
 * must be utf8mb4 (any collation): code point comparisons cast them to binary.
 *
 * @example
 * applyListQuery(db.selectFrom('leads'), leads, query, { dialect: mysqlDialect });
 */
export const mysqlDialect: SqlDialect = Object.freeze<SqlDialect>({
  name: 'mysql',
  maxParameters: 65_535,
  codePointText: binary,
  // A binary cast would change the value's type, and any expression named like
  // its column would capture that name in ORDER BY: select columns as they are.
  selectColumn: (column) => column,
  // The first test uses the column's collation, so its index applies; it is
  // true for every exact match but also for 'a' = 'A' (a _ci collation) or
  // 'a' = 'a ' (PAD SPACE). The binary test then keeps only exact matches.
  textIn: (column, values) =>
    values.length === 1
      ? sql<SqlBool>`(${column} = ${values[0]} and ${binary(column)} = ${binary(sql`${values[0]}`)})`
      : sql<SqlBool>`(${column} in (${sql.join(values)}) and ${binary(column)} in (${sql.join(
          values.map((value) => binary(sql`${value}`)),
        )}))`,
  asciiLower,
  // LOWER() folds A–Z as the exact fold does, and more (É, Σ): whatever the
  // exact fold matches, it matches too, under any collation (binary-equal
  // text is equal under every one). On a binary string LOWER() does nothing,
  // so the text is read as utf8mb4 first (a no-op on utf8mb4 columns).
  likePrefilter: (column, pattern) =>
    sql<SqlBool>`lower(convert(${column} using utf8mb4)) like lower(${pattern}) ${LIKE_ESCAPE}`,
  likeEscape: LIKE_ESCAPE,
  // Nulls sort first ascending and MySQL has no NULLS LAST: sort by IS NULL first.
  orderItems: (expression, column, direction, nullable) =>
    nullable && direction === 'asc'
      ? [
          { expression: sql<SqlBool>`${column} is null`, direction: 'asc', nullsLast: false },
          { expression, direction, nullsLast: false },
        ]
      : [{ expression, direction, nullsLast: false }],
  booleanParam: (value) => value,
  instantParam: mysqlInstant,
  // InnoDB cannot index TEXT without a prefix length; indexed strings get a
  // VARCHAR (255 utf8mb4 characters fit the 3072-byte key limit).
  inlineIndexes: true,
  columnType: ({ field, indexed }) =>
    field.type === 'string' || field.type === 'enum'
      ? indexed
        ? sql`varchar(255)`
        : sql`text`
      : TYPES[field.type],
  // utf8mb4_bin is PAD SPACE: 'a' and 'a ' would be the same primary key.
  tableOptions: (collation = MARIADB_NOPAD_BINARY) =>
    sql`character set utf8mb4 collate ${sql.raw(checkCollation(collation))}`,
});
