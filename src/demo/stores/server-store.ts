import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { kyselyBackend } from '../../http/index.js';
import { demoLabeledLeads, demoLeads, withRelationTables } from '../demo-resource.js';
import { seedTable } from './seed.js';
import { dropRelatedTables } from './seed-relations.js';
import type { DemoStore, StoreContext } from './types.js';

/**
 * A database server store: a fresh, uniquely named table (so concurrent demos
 * and test runs never collide), seeded on every start and dropped on close.
 *
 * @example
 * const store = await openServerStore(db, 'PostgreSQL', context);
 */
export async function openServerStore(
  db: Kysely<Record<string, never>>,
  label: string,
  context: StoreContext,
): Promise<DemoStore> {
  const table = `listql_demo_${randomBytes(5).toString('hex')}`;
  // The related rows of this run in tables of its own too: listql_demo_1a2b3c4d5e_labels, …
  const labeled = withRelationTables(demoLabeledLeads, (name) => `${table}_${name}`);
  const drop = async (): Promise<void> => {
    await db.schema.dropTable(table).ifExists().execute();
    await dropRelatedTables(db, labeled);
  };
  // Named in the log before seeding, so a failed start can be traced to its table.
  context.log(`Seeding ${label} table ${table}`);
  try {
    const rows = await seedTable(db, demoLeads, table, context.source, context.progress, labeled);
    return {
      backend: kyselyBackend(db, demoLeads, { table }),
      labeledBackend: kyselyBackend(db, labeled, { table }),
      rows,
      location: `${label} table ${table} (dropped on exit)`,
      async close() {
        try {
          await drop();
        } finally {
          await db.destroy();
        }
      },
    };
  } catch (err) {
    // MySQL commits DDL implicitly, so a failed seed may leave the table behind.
    await drop().catch(() => {});
    await db.destroy();
    throw err;
  }
}
