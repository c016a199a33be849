import type { Kysely } from 'kysely';
import { createTable, insertRows } from '../../backends/kysely/index.js';
import type { Resource } from '../../resource/index.js';
import type { DemoLabeledLeads } from '../demo-resource.js';
import { generateLeads } from '../synthetic.js';
import { relatedRows } from '../synthetic-relations.js';
import type { FieldRow } from '../validate-row.js';
import { seedRelatedTables } from './seed-relations.js';
import type { RowSource } from './types.js';

/** Rows per progress step: small enough to show movement, large enough not to flood. */
const CHUNK = 10_000;

/**
 * The rows of a source, keyed by field name.
 *
 * @example
 * (await sourceRows({ kind: 'synthetic', count: 3, seed: 1 })).length; // 3
 */
export async function sourceRows(source: RowSource): Promise<readonly FieldRow[]> {
  return source.kind === 'file' ? source.rows : generateLeads(source.count, source.seed);
}

/** How the banner and the progress line name a source. @example describeSource({ kind: 'synthetic', count: 10, seed: 1 }); // 'synthetic leads (seed 1)' */
export function describeSource(source: RowSource): string {
  return source.kind === 'file'
    ? `leads from ${source.path}`
    : `synthetic leads (seed ${source.seed})`;
}

/** The seed of the related rows: the synthetic leads' own, 1 for a data file. @example relationSeed(source); // 1 */
export function relationSeed(source: RowSource): number {
  return source.kind === 'synthetic' ? source.seed : 1;
}

/**
 * Creates `table` and fills it with the source's rows in one transaction, so
 * a failure leaves no table behind, reporting progress after each chunk.
 * With `labeled`, the related tables of `GET /labeled-leads` are created and
 * seeded in the same transaction.
 *
 * @example
 * await seedTable(db, demoLeads, 'leads', { kind: 'synthetic', count: 1000, seed: 1 }, console.log);
 */
export async function seedTable<DB, F extends string>(
  db: Kysely<DB>,
  resource: Resource<F>,
  table: string,
  source: RowSource,
  progress: (line: string) => void,
  labeled?: DemoLabeledLeads,
): Promise<number> {
  const rows = await sourceRows(source);
  const what = describeSource(source);
  await db.transaction().execute(async (trx) => {
    await createTable(trx, resource, { table });
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await insertRows(trx, resource, chunk as Readonly<Partial<Record<F, unknown>>>[], { table });
      const done = start + chunk.length;
      progress(
        `Seeding ${what}: ${done.toLocaleString('en-US')} / ${rows.length.toLocaleString('en-US')}`,
      );
    }
    if (labeled !== undefined) {
      progress('Seeding labels, tags and notes');
      await seedRelatedTables(trx, labeled, relatedRows(rows, relationSeed(source)));
    }
  });
  return rows.length;
}

/**
 * The number of rows in `table`, or undefined when it cannot be read (no
 * such table, a damaged file).
 *
 * @example
 * await countRows(db, 'leads'); // 100000, or undefined
 */
export async function countRows<DB>(db: Kysely<DB>, table: string): Promise<number | undefined> {
  try {
    const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const row = await loose
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('total'))
      .executeTakeFirstOrThrow();
    return Number(row.total);
  } catch {
    return undefined;
  }
}
