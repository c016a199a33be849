/**
 * listql/kysely: list queries on PostgreSQL, MySQL/MariaDB and SQLite through
 * Kysely, returning the same rows in the same order as the in-memory backend.
 *
 * @example
 * import { leads, parseListQuery } from 'listql';
 * import { runListQuery } from 'listql/kysely';
 *
 * const query = parseListQuery(leads, 'status=won,lost&value[gte]=100&sort=createdAt:desc');
 * const { data, total } = await runListQuery(db, leads, query, { table: 'leads' });
 */
export {
  applyListCount,
  applyListQuery,
  type ListQuerySqlOptions,
  type RawListRow,
} from './apply-list-query.js';
export { type FilterSqlOptions, filterSql } from './compile-filter.js';
export { selectedFields } from './compile-select.js';
export { countIndex } from './count-index.js';
export {
  createRelatedTables,
  type RelatedTableQueries,
  type RelatedTablesOptions,
  relatedTableQueries,
} from './create-related-tables.js';
export {
  createTable,
  createTableQueries,
  type IndexKey,
  recommendedIndexes,
  type TableOptions,
  type TableQueries,
} from './create-table.js';
export { type DetectSqlDialectOptions, detectSqlDialect } from './detect-dialect.js';
export type { ColumnTypeRequest, OrderItem, Sql, SqlDialect, SqlDialectName } from './dialect.js';
export { sqlDialectOf } from './dialects/detect.js';
export { classifySqlError, SQLITE_TIMEOUT_CODE, type SqlFailure } from './dialects/failures.js';
export { mysqlDialect } from './dialects/mysql.js';
export { mysqlBinaryDialect } from './dialects/mysql-binary.js';
export { setMysqlStatementTimeout } from './dialects/mysql-timeout.js';
export {
  type CallbackQueryClient,
  type ConnectingPool,
  pgCallbackQueries,
} from './dialects/pg-callback-queries.js';
export {
  type ErrorEmittingClient,
  type ErrorEmittingPool,
  handlePoolErrors,
} from './dialects/pool-errors.js';
export { postgresDialect } from './dialects/postgres.js';
export { postgresFdwDialect } from './dialects/postgres-fdw.js';
export { sqliteCaseSensitiveLikeDialect, sqliteDialect } from './dialects/sqlite.js';
export {
  type SqliteFunctionHost,
  type SqliteStatementTimeout,
  sqliteStatementTimeout,
} from './dialects/sqlite-timeout.js';
export {
  type EmbedSqlOptions,
  type EmbedValue,
  embedQuery,
  type ListRowWithEmbeds,
  type RelatedRow,
} from './embed-rows.js';
export { type InsertRowsOptions, insertRows } from './insert-rows.js';
export { type MysqlTypeCastField, mysqlTypeCast } from './mysql-type-cast.js';
export { pingDatabase } from './ping.js';
export {
  type ApiValue,
  type ListRow,
  type ListRowReaderOptions,
  listRowReader,
  readListRow,
  readValue,
} from './read-row.js';
export { type ListResult, type RunListQueryOptions, runListQuery } from './run-list-query.js';
export { containsPattern } from './search-pattern.js';
export {
  type SqliteStatementCacheOptions,
  sqliteStatementCache,
} from './sqlite-statement-cache.js';
