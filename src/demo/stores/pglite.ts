import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { type EmbeddedEngine, openEmbeddedStore } from './embedded-store.js';
import type { DemoStore, StoreContext } from './types.js';

/** PGlite (PostgreSQL compiled to WebAssembly): one database folder per synthetic dataset. @example openEmbeddedStore(pgliteEngine, context); */
export const pgliteEngine: EmbeddedEngine = {
  label: 'PGlite',
  prefix: 'pglite-leads',
  suffix: '',
  // Timestamps come back as text: PGlite's Date parsing fails for years before 1 AD.
  open: (path) =>
    new Kysely({
      dialect: new PGliteDialect({
        pglite: () =>
          PGlite.create(path, { parsers: { [types.TIMESTAMPTZ]: (text: string) => text } }),
      }),
    }),
};

/**
 * PostgreSQL semantics with no server: PGlite, embedded.
 *
 * @example
 * const store = await openPgliteStore({ source, dataDir: '.demo-data', log: console.log });
 */
export function openPgliteStore(context: StoreContext): Promise<DemoStore> {
  return openEmbeddedStore(pgliteEngine, context);
}
