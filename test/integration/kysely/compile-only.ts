/**
 * Kysely instances that compile queries for a dialect without a database
 * (Kysely's DummyDriver), for SQL snapshot tests. Executing on them returns
 * no rows; the engines in test/support/engines/kysely.ts run the real thing.
 */
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
import type { SqlDialectName } from '../../../src/backends/kysely/index.js';

// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time in these tests.
export type AnyKysely = Kysely<any>;

/** A compile-only Kysely instance for `name`. */
export function compileOnly(name: SqlDialectName): AnyKysely {
  switch (name) {
    case 'postgres':
      return new Kysely({
        dialect: {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (db) => new PostgresIntrospector(db),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        },
      });
    case 'mysql':
      return new Kysely({
        dialect: {
          createAdapter: () => new MysqlAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (db) => new MysqlIntrospector(db),
          createQueryCompiler: () => new MysqlQueryCompiler(),
        },
      });
    case 'sqlite':
      return new Kysely({
        dialect: {
          createAdapter: () => new SqliteAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (db) => new SqliteIntrospector(db),
          createQueryCompiler: () => new SqliteQueryCompiler(),
        },
      });
  }
}

/** Puts each clause of one-line SQL on its own line, for readable snapshots. */
export function readableSql(text: string): string {
  return text.replace(/ (from|where|order by|limit|offset) /g, '\n$1 ');
}
