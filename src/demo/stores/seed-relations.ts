/**
 * The related tables of the demo's `GET /labeled-leads` on a SQL store:
 * labels, tags and notes (each made by `createTable` from its resource, notes
 * indexed by their lead), and the `lead_tags` join table (primary key
 * `(lead_id, tag_id)`, which also keeps a tag from being linked twice, and an
 * index from the tag back), seeded with the demo's synthetic relations.
 */
import type { Kysely } from 'kysely';
import {
  createTable,
  insertRows,
  recommendedIndexes,
  type SqlDialect,
  sqlDialectOf,
} from '../../backends/kysely/index.js';
import { defineResource, type Relation, type Resource } from '../../resource/index.js';
import type { DemoLabeledLeads } from '../demo-resource.js';
import type { RelatedRows } from '../synthetic-relations.js';

/** Join rows per INSERT: two parameters each, far below every dialect's limit. */
const JOIN_CHUNK = 1_000;

/** A key column of the join table, typed like the string ids it joins. */
const joinKey = defineResource({
  name: 'join-key',
  fields: { id: { type: 'string' } },
}).fields.get('id')!;

/**
 * `recommendedIndexes` of a related resource, each once: a sortable list
 * field with no default sort (tags' `name`) is recommended twice as
 * `(name, id)`, and a second CREATE INDEX of one name fails.
 */
function indexesOf(target: Resource, dialect: SqlDialect, extra: readonly string[][] = []) {
  const seen = new Set<string>();
  return [...recommendedIndexes(target, dialect), ...extra].filter((keys) => {
    const key = keys.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function relation(resource: DemoLabeledLeads, name: string): Relation {
  return resource.relations.get(name)!;
}

/** Creates the join table of a many-to-many relation: both columns, their pair as primary key. */
async function createJoinTable<DB>(db: Kysely<DB>, through: NonNullable<Relation['through']>) {
  const dialect = sqlDialectOf(db);
  const type = dialect.columnType({ field: joinKey, indexed: true });
  const base = through.table.split('.').at(-1)!;
  let table = db.schema
    .createTable(through.table)
    .addColumn(through.sourceColumn, type, (column) => column.notNull())
    .addColumn(through.targetColumn, type, (column) => column.notNull())
    .addPrimaryKeyConstraint(`${base}_pkey`, [
      through.sourceColumn,
      through.targetColumn,
    ] as never[]);
  const options = dialect.tableOptions(undefined);
  if (options !== undefined) table = table.modifyEnd(options);
  await table.execute();
  // From the tag back to its leads: `tags.name=vip` probes the join table by tag.
  await db.schema
    .createIndex(`${base}_${through.targetColumn}_idx`)
    .on(through.table)
    .columns([through.targetColumn, through.sourceColumn])
    .execute();
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
  const dialect = sqlDialectOf(db);
  const label = relation(resource, 'label');
  const tags = relation(resource, 'tags');
  const notes = relation(resource, 'notes');
  await createTable(db, label.target, {
    table: label.table,
    indexes: indexesOf(label.target, dialect),
  });
  await insertRows(db, label.target, related.labels, { table: label.table });
  await createTable(db, tags.target, {
    table: tags.table,
    indexes: indexesOf(tags.target, dialect),
  });
  await insertRows(db, tags.target, related.tags, { table: tags.table });
  // Notes are found by their lead (the to-many key), in id order.
  await createTable(db, notes.target, {
    table: notes.table,
    indexes: indexesOf(notes.target, dialect, [['leadId', 'id']]),
  });
  await insertRows(db, notes.target, related.notes, { table: notes.table });
  const through = tags.through!;
  await createJoinTable(db, through);
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
