import { type Kysely, sql } from 'kysely';

/**
 * Runs `select 1` on the database: resolves when a connection can be had and
 * answers, rejects with the driver's error otherwise. A readiness check.
 *
 * @example
 * await pingDatabase(db); // throws ECONNREFUSED when PostgreSQL is down
 */
export async function pingDatabase<DB>(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
