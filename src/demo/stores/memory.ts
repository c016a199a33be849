import { memoryBackend } from '../../http/index.js';
import { demoLeads } from '../demo-resource.js';
import { sourceRows } from './seed.js';
import type { DemoStore, StoreContext } from './types.js';

/**
 * Plain objects in the process, keyed by storage column like a table row.
 *
 * @example
 * const store = await openMemoryStore({ source, dataDir: '.demo-data', log: console.log });
 */
export async function openMemoryStore(context: StoreContext): Promise<DemoStore> {
  const rows = (await sourceRows(context.source)).map((row) =>
    Object.fromEntries(demoLeads.fieldList.map((field) => [field.column, row[field.name] ?? null])),
  );
  return {
    backend: memoryBackend(demoLeads, rows),
    rows: rows.length,
    location: 'memory',
    close: async () => {},
  };
}
