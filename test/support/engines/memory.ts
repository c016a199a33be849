/**
 * The in-memory engine: the reference the SQL and Mongo engines are compared
 * with. It keeps its own copy of the rows (the array, not the row objects,
 * which the backend never mutates) and answers with `runInMemory`.
 */
import { runInMemory } from '../../../src/backends/memory/index.js';
import type { ListQuery, Resource } from '../../../src/index.js';
import type { Engine, EngineResult, LoadedDataset, StoredRow } from '../engine.js';

export const memoryEngine: Engine = {
  name: 'memory',
  async load(resource: Resource, rows: readonly StoredRow[]): Promise<LoadedDataset> {
    let held: readonly StoredRow[] | undefined = [...rows];
    return {
      async run(query: ListQuery): Promise<EngineResult> {
        if (!held) throw new Error('memory engine: the dataset was dropped');
        return runInMemory(resource, query, held);
      },
      async drop(): Promise<void> {
        held = undefined;
      },
    };
  },
  async close(): Promise<void> {},
};
