import {
  DummyDriver,
  Kysely,
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { ListQuery } from '../ast/index.js';
import {
  applyListCount,
  applyListQuery,
  embedQuery,
  mysqlDialect,
  postgresDialect,
  type SqlDialect,
  sqliteDialect,
} from '../backends/kysely/index.js';
import { type Resource, selectPlan } from '../resource/index.js';
import type { ExplainDialect } from './dialects.js';

/** One statement: its text and the values bound to its placeholders. */
export interface CompiledStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** The statements of a list query. */
export interface CompiledListSql {
  readonly page: CompiledStatement;
  readonly count: CompiledStatement;
  /**
   * One batched query per embedded to-many relation, by relation name, run
   * after the page with the page rows' keys; here the keys are a
   * placeholder, {@link PAGE_KEYS}, since no page has been read.
   */
  readonly embeds: Readonly<Record<string, CompiledStatement>>;
}

/** The stand-in for the page rows' keys in an explained embed query. @example compileListSql(…).embeds['tags']?.parameters[0]; // PAGE_KEYS */
export const PAGE_KEYS = '<the keys of the page rows>';

const DIALECTS: Record<
  ExplainDialect,
  { listql: SqlDialect; kysely: () => Kysely<Record<string, never>> }
> = {
  postgres: {
    listql: postgresDialect,
    kysely: () =>
      offline(
        new PostgresAdapter(),
        new PostgresQueryCompiler(),
        (db) => new PostgresIntrospector(db),
      ),
  },
  mysql: {
    listql: mysqlDialect,
    kysely: () =>
      offline(new MysqlAdapter(), new MysqlQueryCompiler(), (db) => new MysqlIntrospector(db)),
  },
  sqlite: {
    listql: sqliteDialect,
    kysely: () =>
      offline(new SqliteAdapter(), new SqliteQueryCompiler(), (db) => new SqliteIntrospector(db)),
  },
};

/**
 * A Kysely instance that compiles queries for a dialect but never connects:
 * the DummyDriver answers every query with no rows, and nothing executes here.
 */
function offline(
  adapter: PostgresAdapter | MysqlAdapter | SqliteAdapter,
  compiler: PostgresQueryCompiler | MysqlQueryCompiler | SqliteQueryCompiler,
  introspector: (
    db: Kysely<unknown>,
  ) => PostgresIntrospector | MysqlIntrospector | SqliteIntrospector,
): Kysely<Record<string, never>> {
  return new Kysely({
    dialect: {
      createAdapter: () => adapter,
      createDriver: () => new DummyDriver(),
      createIntrospector: introspector,
      createQueryCompiler: () => compiler,
    },
  });
}

/**
 * A Kysely instance that compiles for `dialect` and never connects (the SQL
 * snapshot tests use it too).
 *
 * @example
 * offlineKysely('sqlite').selectFrom('leads' as never).selectAll().compile().sql;
 */
export function offlineKysely(dialect: ExplainDialect): Kysely<Record<string, never>> {
  return DIALECTS[dialect].kysely();
}

/**
 * The SQL a list query runs on `dialect`, with its parameters, compiled with
 * no database: the page statement and the count statement.
 *
 * @example
 * compileListSql(leads, parseListQuery(leads, 'status=won'), 'postgres', 'leads').page.sql;
 * // 'select "id" as "id", … from "leads" where "status" = $1 order by …'
 */
export function compileListSql<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  dialect: ExplainDialect,
  table: string,
): CompiledListSql {
  const { listql } = DIALECTS[dialect];
  const db = offlineKysely(dialect);
  const from = db.selectFrom(table as never);
  // Relations qualify columns with the root table; without any, the SQL stays unqualified as before.
  const options =
    resource.relationList.length === 0 ? { dialect: listql } : { dialect: listql, table };
  const page = applyListQuery(from, resource, query, options).compile();
  const count = applyListCount(from, resource, query, options).compile();
  const embeds: Record<string, CompiledStatement> = {};
  for (const embed of selectPlan(resource, query.select).embeds) {
    if (embed.relation.type === 'toOne') continue; // read from the page's own join
    const compiled = embedQuery(db as never, resource, embed.relation, embed.fields, [PAGE_KEYS], {
      dialect: listql,
      table,
    });
    embeds[embed.relation.name] = { sql: compiled.sql, parameters: compiled.parameters };
  }
  return {
    page: { sql: page.sql, parameters: page.parameters },
    count: { sql: count.sql, parameters: count.parameters },
    embeds,
  };
}
