import type { ListBackend } from '../../http/index.js';
import type { LeadField } from '../../resource/index.js';
import type { FieldRow } from '../validate-row.js';

/** The stores the demo can serve from. @example DEMO_BACKENDS.includes('pglite'); // true */
export const DEMO_BACKENDS = ['sqlite', 'pglite', 'postgres', 'mysql', 'memory'] as const;
/** One of {@link DEMO_BACKENDS}. */
export type DemoBackendName = (typeof DEMO_BACKENDS)[number];

/** Where the leads come from: the synthetic generator, or a validated data file. */
export type RowSource =
  | { readonly kind: 'synthetic'; readonly count: number; readonly seed: number }
  | { readonly kind: 'file'; readonly path: string; readonly rows: readonly FieldRow[] };

/** What a store is told when it opens. */
export interface StoreContext {
  readonly source: RowSource;
  /** Folder for files the embedded stores keep between starts (`.demo-data`). */
  readonly dataDir: string;
  /** A line for the person starting the demo (reuse, rebuild). */
  readonly log: (line: string) => void;
  /** A progress line while seeding; each one replaces the previous on a terminal. */
  readonly progress: (line: string) => void;
}

/** An open store, serving the demo's resource. */
export interface DemoStore {
  readonly backend: ListBackend<LeadField>;
  /**
   * `GET /labeled-leads`: the same leads with their labels, tags and notes
   * (`demoLabeledLeads`); absent on a store whose backend has no relations yet.
   */
  readonly labeledBackend?: ListBackend<LeadField>;
  /** Rows held. */
  readonly rows: number;
  /** Where they live, for the start-up banner: a file, a table, "memory". */
  readonly location: string;
  close(): Promise<void>;
}
