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
    const idColumn = resource.fields.get(resource.idField)!.column;
    const holding = (): readonly StoredRow[] => {
      if (!held) throw new Error('memory engine: the dataset was dropped');
      return held;
    };
    return {
      async run(query: ListQuery): Promise<EngineResult> {
        return runInMemory(resource, query, holding());
      },
      async insert(added) {
        held = [...holding(), ...added];
      },
      async remove(ids) {
        const gone = new Set<unknown>(ids);
        held = holding().filter((row) => !gone.has(row[idColumn]));
      },
      async drop(): Promise<void> {
        held = undefined;
      },
    };
  },
  async close(): Promise<void> {},
};
