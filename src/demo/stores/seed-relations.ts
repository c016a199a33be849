/**
 * The related tables of the demo's `GET /labeled-leads` on a SQL store:
 * labels, tags, notes and the `lead_tags` join table, made by
 * `createRelatedTables` (with the indexes the joins and `EXISTS` seek on),
 * seeded with the demo's synthetic relations.
 */
import type { Kysely } from 'kysely';
import { createRelatedTables, insertRows } from '../../backends/kysely/index.js';
import type { Relation } from '../../resource/index.js';
import type { DemoLabeledLeads } from '../demo-resource.js';
import type { RelatedRows } from '../synthetic-relations.js';

/** Join rows per INSERT: two parameters each, far below every dialect's limit. */
const JOIN_CHUNK = 1_000;

function relation(resource: DemoLabeledLeads, name: string): Relation {
  return resource.relations.get(name)!;
}

/**
 * Creates and fills the related tables of `resource` (whose relation tables
 * may be renamed, see `withRelationTables`) with `related`. Run it in the
 * transaction that seeds the leads, so a failure leaves nothing behind.
 *
 * @example
 * await seedRelatedTables(trx, demoLabeledLeads, relatedRows(leads, 1));
 */
export async function seedRelatedTables<DB>(
  db: Kysely<DB>,
  resource: DemoLabeledLeads,
  related: RelatedRows,
): Promise<void> {
  const label = relation(resource, 'label');
  const tags = relation(resource, 'tags');
  const notes = relation(resource, 'notes');
  await createRelatedTables(db, resource);
  await insertRows(db, label.target, related.labels, { table: label.table });
  await insertRows(db, tags.target, related.tags, { table: tags.table });
  await insertRows(db, notes.target, related.notes, { table: notes.table });
  const through = tags.through!;
  const loose = db as unknown as Kysely<Record<string, Record<string, string>>>;
  for (let start = 0; start < related.leadTags.length; start += JOIN_CHUNK) {
    const chunk = related.leadTags.slice(start, start + JOIN_CHUNK).map((row) => ({
      [through.sourceColumn]: row.lead_id,
      [through.targetColumn]: row.tag_id,
    }));
    await loose.insertInto(through.table).values(chunk).execute();
  }
}

/**
 * Drops the related tables of `resource`, those that exist.
 *
 * @example
 * await dropRelatedTables(db, withRelationTables(demoLabeledLeads, (t) => `run42_${t}`));
 */
export async function dropRelatedTables<DB>(
  db: Kysely<DB>,
  resource: DemoLabeledLeads,
): Promise<void> {
  for (const item of resource.relationList) {
    await db.schema.dropTable(item.table).ifExists().execute();
    if (item.through !== null) await db.schema.dropTable(item.through.table).ifExists().execute();
  }
}
