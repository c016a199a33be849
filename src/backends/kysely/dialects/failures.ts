/**
 * Which driver errors mean "the database is unavailable for a moment" rather
 * than "this query is wrong": the HTTP layer answers those with a 503 a
 * client may retry, and everything else with a 500. The codes come from the
 * drivers listql is tested with (pg, mysql2, better-sqlite3) and from Node's
 * sockets; anything unknown is left alone.
 */

/** Why a statement failed without being wrong: too slow, or no connection. @example const kind: SqlFailure = 'timeout'; */
export type SqlFailure = 'timeout' | 'connection';

/** The code of an expired {@link sqliteStatementTimeout} deadline. @example err.code === SQLITE_TIMEOUT_CODE; */
export const SQLITE_TIMEOUT_CODE = 'LISTQL_STATEMENT_TIMEOUT';

const BY_CODE: Readonly<Record<string, SqlFailure>> = {
  // PostgreSQL SQLSTATEs: query_canceled (statement_timeout), lock_not_available (lock_timeout).
  '57014': 'timeout',
  '55P03': 'timeout',
  // admin_shutdown (pg_terminate_backend, a restart), crash_shutdown, cannot_connect_now
  // (starting up, a standby promoting), too_many_connections; class 08 is connection_exception.
  '57P01': 'connection',
  '57P02': 'connection',
  '57P03': 'connection',
  '53300': 'connection',
  '08000': 'connection',
  '08001': 'connection',
  '08003': 'connection',
  '08004': 'connection',
  '08006': 'connection',
  // mysql2: MariaDB's max_statement_time, MySQL's max_execution_time, KILL QUERY.
  ER_STATEMENT_TIMEOUT: 'timeout',
  ER_QUERY_TIMEOUT: 'timeout',
  ER_QUERY_INTERRUPTED: 'timeout',
  // mysql2: KILL CONNECTION, a server shutting down or full, the socket gone.
  ER_CONNECTION_KILLED: 'connection',
  ER_SERVER_SHUTDOWN: 'connection',
  ER_CON_COUNT_ERROR: 'connection',
  PROTOCOL_CONNECTION_LOST: 'connection',
  PROTOCOL_SEQUENCE_TIMEOUT: 'timeout',
  // better-sqlite3: busy_timeout expired on a locked database; listql's own deadline.
  SQLITE_BUSY: 'timeout',
  [SQLITE_TIMEOUT_CODE]: 'timeout',
  // Node sockets, for every driver.
  ECONNREFUSED: 'connection',
  ECONNRESET: 'connection',
  ECONNABORTED: 'connection',
  EPIPE: 'connection',
  ETIMEDOUT: 'connection',
  EHOSTUNREACH: 'connection',
  ENETUNREACH: 'connection',
  ENOTFOUND: 'connection',
  EAI_AGAIN: 'connection',
};

/**
 * mysql2 names MySQL's error numbers, not MariaDB's own (its 1969 comes with
 * no `code`), so numbers are read too.
 */
const BY_ERRNO: Readonly<Record<number, SqlFailure>> = {
  1969: 'timeout', // MariaDB ER_STATEMENT_TIMEOUT (max_statement_time)
  3024: 'timeout', // MySQL ER_QUERY_TIMEOUT (max_execution_time)
  1317: 'timeout', // ER_QUERY_INTERRUPTED (KILL QUERY)
  1927: 'connection', // MariaDB ER_CONNECTION_KILLED
  1053: 'connection', // ER_SERVER_SHUTDOWN
  1040: 'connection', // ER_CON_COUNT_ERROR
  2006: 'connection', // CR_SERVER_GONE_ERROR
  2013: 'connection', // CR_SERVER_LOST
};

/** pg reports a lost or timed-out connection with a message and no code. */
const PG_MESSAGES: readonly (readonly [RegExp, SqlFailure])[] = [
  [/^Query read timeout$/, 'timeout'],
  [/^Connection terminated/, 'connection'],
  [/^timeout exceeded when trying to connect$/, 'connection'],
  [/^Client has encountered a connection error and is not queryable$/, 'connection'],
  [/^Connection closed$/, 'connection'],
  // mysql2, a query sent on a connection the server closed a moment ago.
  [/^Can't add new command when connection is in closed state$/, 'connection'],
];

function classifyOne(err: object): SqlFailure | undefined {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(BY_CODE, code)) return BY_CODE[code];
  const errno = (err as { errno?: unknown }).errno;
  if (typeof errno === 'number' && Object.hasOwn(BY_ERRNO, errno)) return BY_ERRNO[errno];
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string') {
    for (const [pattern, failure] of PG_MESSAGES) if (pattern.test(message)) return failure;
  }
  // mysql2 marks every error after which the connection is unusable as fatal.
  if ((err as { fatal?: unknown }).fatal === true) return 'connection';
  return undefined;
}

/**
 * Whether a driver error means the database timed out or could not be
 * reached (`'timeout'`, `'connection'`), or something else (undefined): a
 * bad statement, a missing table, a constraint. Follows `cause` and the
 * first of an `AggregateError`'s errors (Node reports a refused connection to
 * every address of a host that way).
 *
 * @example
 * classifySqlError(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })); // 'timeout'
 * classifySqlError(new Error('relation "leads" does not exist')); // undefined
 */
export function classifySqlError(err: unknown): SqlFailure | undefined {
  let current: unknown = err;
  // A short walk: a cycle of causes must not hang the error path.
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const found = classifyOne(current);
    if (found) return found;
    const errors = (current as { errors?: unknown }).errors;
    current =
      (current as { cause?: unknown }).cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return undefined;
}
