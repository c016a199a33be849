import { memoryBackend } from '../../http/index.js';
import type { Resource } from '../../resource/index.js';
import { demoLabeledLeads, demoLeads } from '../demo-resource.js';
import { relatedRows } from '../synthetic-relations.js';
import type { FieldRow } from '../validate-row.js';
import { relationSeed, sourceRows } from './seed.js';
import type { DemoStore, StoreContext } from './types.js';

/** Rows keyed by field name → rows keyed by storage column, as the memory backend reads them. */
function stored(resource: Resource, rows: readonly FieldRow[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(resource.fieldList.map((field) => [field.column, row[field.name] ?? null])),
  );
}

/**
 * Plain objects in the process, keyed by storage column like a table row;
 * the labeled leads read the same leads and their related rows by table.
 *
 * @example
 * const store = await openMemoryStore({ source, dataDir: '.demo-data', log: console.log });
 */
export async function openMemoryStore(context: StoreContext): Promise<DemoStore> {
  const leadRows = await sourceRows(context.source);
  const rows = stored(demoLeads, leadRows);
  const related = relatedRows(leadRows, relationSeed(context.source));
  const relation = (name: string) => demoLabeledLeads.relations.get(name)!;
  const tables = {
    [relation('label').table]: stored(relation('label').target, related.labels),
    [relation('tags').table]: stored(relation('tags').target, related.tags),
    [relation('tags').through!.table]: related.leadTags,
    [relation('notes').table]: stored(relation('notes').target, related.notes),
  };
  return {
    backend: memoryBackend(demoLeads, rows),
    labeledBackend: memoryBackend(demoLabeledLeads, rows, { related: tables }),
    rows: rows.length,
    location: 'memory',
    close: async () => {},
  };
}
