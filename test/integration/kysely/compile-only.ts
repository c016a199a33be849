/**
 * Kysely instances that compile queries for a dialect without a database
 * (the CLI's offline instances: Kysely's DummyDriver), for SQL snapshot tests.
 * Executing on them returns no rows; the engines in
 * test/support/engines/kysely.ts run the real thing.
 */
import type { Kysely } from 'kysely';
import type { SqlDialectName } from '../../../src/backends/kysely/index.js';
import { offlineKysely } from '../../../src/cli/compile-sql.js';

// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time in these tests.
export type AnyKysely = Kysely<any>;

/** A compile-only Kysely instance for `name`. */
export function compileOnly(name: SqlDialectName): AnyKysely {
  return offlineKysely(name) as AnyKysely;
}

/** Puts each clause of one-line SQL on its own line, for readable snapshots. */
export function readableSql(text: string): string {
  return text.replace(/ (from|where|order by|limit|offset) /g, '\n$1 ');
}
