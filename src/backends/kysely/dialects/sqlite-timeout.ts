import {
  AndNode,
  type KyselyPlugin,
  ParensNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  SelectQueryNode,
  type SqliteDatabase,
  type SqliteStatement,
  type UnknownRow,
  WhereNode,
} from 'kysely';
import { SQLITE_TIMEOUT_CODE } from './failures.js';

/** The parts of a better-sqlite3 `Database` the timeout needs. */
export interface SqliteFunctionHost extends SqliteDatabase {
  function(
    name: string,
    options: { readonly deterministic?: boolean; readonly varargs?: boolean },
    implementation: () => unknown,
  ): unknown;
}

/** What {@link sqliteStatementTimeout} returns: hand both to Kysely. */
export interface SqliteStatementTimeout {
  /** The database to pass to `SqliteDialect`: it starts each statement's clock. */
  readonly database: SqliteDatabase;
  /** The plugin to pass to `new Kysely({ plugins })`: it makes every select check the clock. */
  readonly plugin: KyselyPlugin;
}

/** The SQL function the plugin calls; its name is listql's, so it cannot shadow one of yours. */
const CHECK_FUNCTION = 'listql_statement_deadline';
const CHECK = RawNode.createWithSql(`${CHECK_FUNCTION}()`);

/** An expired deadline: the driver rethrows it from `all()`. */
class SqliteTimeoutError extends Error {
  override readonly name = 'SqliteTimeoutError';
  readonly code = SQLITE_TIMEOUT_CODE;
}

/** ANDs the deadline check in front of a select's where clause. */
const checkingPlugin: KyselyPlugin = {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (!SelectQueryNode.is(node)) return node;
    const where = node.where
      ? WhereNode.create(AndNode.create(CHECK, ParensNode.create(node.where.where)))
      : WhereNode.create(CHECK);
    return { ...node, where };
  },
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  },
};

/**
 * A statement timeout for SQLite through better-sqlite3, which runs each
 * statement synchronously on the event loop and exposes neither SQLite's
 * progress handler nor `sqlite3_interrupt`, so no timer can fire during a
 * statement. Instead every select checks a clock: the plugin ANDs a call to a
 * user function into its where clause, which SQLite evaluates for each row
 * the statement visits, and the function throws once the statement has run
 * for `timeoutMs` (an error `classifySqlError` calls a timeout, so
 * `kyselyBackend` answers a 503). It bounds what list queries spend their
 * time on: scanning and filtering rows (a `search`, a filter no index
 * serves, a large sort). It cannot interrupt work SQLite does between two
 * rows of the outer loop, such as an aggregate in a view or a subquery; and
 * `iterate()` (Kysely's `stream()`) is not timed. The cost is one JavaScript
 * call per row visited.
 *
 * @example
 * const timeout = sqliteStatementTimeout(new Database('leads.sqlite'), { timeoutMs: 2_000 });
 * const db = new Kysely<Database>({
 *   dialect: new SqliteDialect({ database: timeout.database }),
 *   plugins: [timeout.plugin],
 * });
 */
export function sqliteStatementTimeout(
  database: SqliteFunctionHost,
  options: { readonly timeoutMs: number },
): SqliteStatementTimeout {
  const { timeoutMs } = options;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new Error(
      `listql/kysely: a statement timeout must be a number of milliseconds > 0, got ${timeoutMs}`,
    );
  }
  // better-sqlite3 runs one statement at a time, synchronously: one deadline is enough.
  let deadline = Number.POSITIVE_INFINITY;
  // Not deterministic, so SQLite calls it for every row instead of once.
  database.function(CHECK_FUNCTION, { deterministic: false }, () => {
    if (performance.now() > deadline) {
      throw new SqliteTimeoutError(`listql: statement cancelled after ${timeoutMs} ms`);
    }
    return 1;
  });
  const timed = <T>(run: () => T): T => {
    deadline = performance.now() + timeoutMs;
    try {
      return run();
    } finally {
      deadline = Number.POSITIVE_INFINITY;
    }
  };
  const timedDatabase: SqliteDatabase = {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const statement = database.prepare(sql);
      return {
        get reader() {
          return statement.reader;
        },
        all: (parameters) => timed(() => statement.all(parameters)),
        run: (parameters) => timed(() => statement.run(parameters)),
        iterate: (parameters) => statement.iterate(parameters),
      };
    },
  };
  return { database: timedDatabase, plugin: checkingPlugin };
}
