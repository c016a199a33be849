import type { Kysely } from 'kysely';

/**
 * A database type with any table and column, for queries on a table named at
 * run time (the identifiers still come from the resource and the caller).
 */
export type LooseDatabase = Record<string, Record<string, unknown>>;

/** `db` typed so that a table named by a string can be queried. */
export function loose<DB>(db: Kysely<DB>): Kysely<LooseDatabase> {
  return db as unknown as Kysely<LooseDatabase>;
}
