import type { SqlDialect } from '../dialect.js';
import { postgresDialect } from './postgres.js';

/**
 * PostgreSQL for a table whose partitions are `postgres_fdw` foreign tables
 * (a table sharded over several servers). The same SQL as
 * {@link postgresDialect} except the cursor page's seek: postgres_fdw sends
 * plain comparisons, `IS NULL`, `ORDER BY … NULLS LAST` and `COLLATE "C"` on
 * "C" columns to the shards, but never a row comparison `(a, b) < (?, ?)`,
 * which would stay on the coordinator and make every shard return all its
 * rows before the position. Here the seek is the equivalent OR chain bounded
 * by `a <= ?`, which every shard runs on its own index. On one server it
 * returns the same rows as `postgresDialect` (the differential test runs it).
 *
 * @example
 * import { postgresFdwDialect, runListQuery } from 'listql/kysely';
 * await runListQuery(db, leads, query, { table: 'leads_sharded', dialect: postgresFdwDialect });
 */
export const postgresFdwDialect: SqlDialect = Object.freeze<SqlDialect>({
  ...postgresDialect,
  rowValues: false,
});
