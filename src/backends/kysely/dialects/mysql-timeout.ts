import { CompiledQuery, type DatabaseConnection } from 'kysely';

/** A timeout in milliseconds must be a positive integer: it goes into SQL text. */
function checkTimeout(timeoutMs: number): number {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Error(
      `listql/kysely: a statement timeout must be a positive integer of milliseconds, got ${timeoutMs}`,
    );
  }
  return timeoutMs;
}

/**
 * Bounds every statement of a MySQL or MariaDB session: MariaDB's
 * `max_statement_time` (seconds, any statement) or MySQL's
 * `max_execution_time` (milliseconds, SELECT only), whichever the server
 * has. Call it from `MysqlDialect`'s `onCreateConnection`; the server then
 * aborts a statement that runs longer (`ER_STATEMENT_TIMEOUT` /
 * `ER_QUERY_TIMEOUT`, a 503 through `kyselyBackend`) and the connection
 * stays usable.
 *
 * @example
 * new MysqlDialect({
 *   pool: createPool({ host, user, database, typeCast: mysqlTypeCast }),
 *   onCreateConnection: async (connection) => {
 *     await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
 *     await setMysqlStatementTimeout(connection, 5_000);
 *   },
 * });
 */
export async function setMysqlStatementTimeout(
  connection: DatabaseConnection,
  timeoutMs: number,
): Promise<void> {
  const ms = checkTimeout(timeoutMs);
  const { rows } = await connection.executeQuery<{ version: string }>(
    CompiledQuery.raw('select version() as version'),
  );
  const mariadb = /mariadb/i.test(String(rows[0]?.version));
  await connection.executeQuery(
    CompiledQuery.raw(
      mariadb
        ? `set session max_statement_time = ${ms / 1000}`
        : `set session max_execution_time = ${ms}`,
    ),
  );
}
