/**
 * One interface for every store the shared behaviour suites run against. The
 * in-memory backend is the reference; each other engine must return the same
 * rows, in the same order, with the same total.
 */
import type { CountStrategy, ListQuery, Resource } from '../../src/index.js';

/** A row as stored: keyed by the resource's storage (column) names. */
export type StoredRow = Readonly<Record<string, unknown>>;

/** A row as the API returns it: keyed by field names, dates as ISO strings, booleans as booleans. */
export type ApiRow = Readonly<Record<string, unknown>>;

export interface EngineResult {
  readonly data: readonly ApiRow[];
  /** Null when the query asked for `count: 'none'`. */
  readonly total: number | null;
  /** True when rows follow the page. */
  readonly hasMore: boolean;
  /** The count strategy the backend used. */
  readonly count: CountStrategy;
}

/** A store holding one dataset, ready to answer queries. */
export interface LoadedDataset {
  run(query: ListQuery): Promise<EngineResult>;
  /** Adds rows (ids not yet held); engines that cannot change a dataset omit it. */
  insert?(rows: readonly StoredRow[]): Promise<void>;
  /** Removes the rows with these ids; omitted where `insert` is. */
  remove?(ids: readonly (string | number)[]): Promise<void>;
  /** Removes the dataset's table or collection. */
  drop(): Promise<void>;
}

export interface Engine {
  readonly name: string;
  /** Creates fresh storage with a unique name holding `rows`. */
  load(resource: Resource, rows: readonly StoredRow[]): Promise<LoadedDataset>;
  /** Releases connections. */
  close(): Promise<void>;
}
