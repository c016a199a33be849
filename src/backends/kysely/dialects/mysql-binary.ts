import { type SqlBool, sql } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { mysqlDialect } from './mysql.js';

/**
 * MySQL and MariaDB for tables whose text columns all have a binary **NO PAD**
 * utf8mb4 collation (`utf8mb4_nopad_bin` on MariaDB, `utf8mb4_0900_bin` on
 * MySQL 8, as `createTable` makes them), or a binary character set. Those
 * collations already compare and order by the bytes of UTF-8, which is code
 * point order, so comparisons, equality and ORDER BY use the bare column and
 * its indexes: `order by created_at desc, id desc` is a backward index scan
 * instead of a full scan plus filesort behind `cast(id as binary)`.
 *
 * Using it on other columns gives wrong answers (`'a' = 'A'` under a `_ci`
 * collation, `'a' = 'a '` under PAD SPACE): let `detectSqlDialect` choose it
 * from the table's real collations.
 *
 * @example
 * const dialect = await detectSqlDialect(db, leads, { table: 'leads' }); // mysqlBinaryDialect for createTable's tables
 * await runListQuery(db, leads, query, { table: 'leads', dialect: mysqlBinaryDialect });
 */
export const mysqlBinaryDialect: SqlDialect = Object.freeze<SqlDialect>({
  ...mysqlDialect,
  codePointText: (text) => text,
  textIn: (column, values) =>
    values.length === 1
      ? sql<SqlBool>`${column} = ${values[0]}`
      : sql<SqlBool>`${column} in (${sql.join(values)})`,
});
