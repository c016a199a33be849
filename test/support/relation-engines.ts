/**
 * The engines of the relation differential test
 * (test/property/relations.property.test.ts). An engine loads a generated
 * dataset — root rows and related tables, keyed by storage column — into
 * fresh storage of its own and answers queries on it; the test compares each
 * answer with the memory backend's. To plug in a backend, add a
 * {@link RelationEngineSetup} to {@link relationEngineSetups}.
 */
import { runInMemory } from '../../src/backends/memory/index.js';
import type { ListQuery, Resource } from '../../src/index.js';
import type { RelatedDataset } from '../../src/testing/index.js';
import type { EngineResult } from './engine.js';
import { kyselyRelationSetups } from './engines/kysely-relations.js';
import { mongoRelationEngine } from './engines/mongo.js';

/** A dataset held by an engine. */
export interface LoadedRelationDataset {
  run(query: ListQuery): Promise<EngineResult>;
  /** Removes the dataset's tables or collections. */
  drop(): Promise<void>;
}

/** A store that can hold datasets of resources with relations. */
export interface RelationEngine {
  readonly name: string;
  /**
   * Whether it stores embedded relations (`embedded: true`: MongoDB, memory);
   * engines that do not (SQL) never get such a resource.
   */
  readonly embedded: boolean;
  /**
   * Loads `dataset` of `resource` into fresh storage: the root rows, and each
   * table of `dataset.related` (named by `relation.table` and
   * `relation.through.table`; see `renameTables` to make the names unique).
   */
  load(resource: Resource, dataset: RelatedDataset): Promise<LoadedRelationDataset>;
  close(): Promise<void>;
}

/** An engine opened on demand; undefined when its server is unreachable outside CI. */
export interface RelationEngineSetup {
  readonly name: string;
  open(): Promise<RelationEngine | undefined>;
}

/** The memory backend, run on the dataset as given: the reference, checked itself against a model. */
export const memoryRelationEngine: RelationEngine = {
  name: 'memory',
  embedded: true,
  async load(resource, dataset) {
    return {
      run: async (query) =>
        runInMemory(resource, query, dataset.rows, { related: dataset.related }),
      drop: async () => {},
    };
  },
  async close() {},
};

/** Every engine the relation differential test compares with the memory backend. */
export function relationEngineSetups(): RelationEngineSetup[] {
  return [
    { name: memoryRelationEngine.name, open: async () => memoryRelationEngine },
    { name: mongoRelationEngine.name, open: async () => mongoRelationEngine },
    ...kyselyRelationSetups(),
  ];
}
