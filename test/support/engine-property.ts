/**
 * The loop the engine-wide property tests share: open each engine once, load
 * every generated dataset into fresh storage, check each of its queries, and
 * drop the storage again whatever happened.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ListQuery, Resource } from '../../src/index.js';
import type { GeneratedRow } from '../../src/testing/index.js';
import type { Engine, LoadedDataset } from './engine.js';
import type { EngineSetup } from './engines/index.js';
import { caseArbitrary } from './generated-cases.js';
import { propertyParams } from './property.js';

/** One check of one query against a loaded dataset, the rows it holds and their resource. */
export type DatasetCheck = (
  dataset: LoadedDataset,
  rows: readonly GeneratedRow[],
  query: ListQuery,
  resource: Resource,
) => Promise<void>;

/**
 * For every engine of `setups`, a property over `runs` generated datasets of
 * ten queries each (scaled by LISTQL_RUNS_FACTOR). An engine whose server is
 * unreachable outside CI has said so loudly and checks nothing.
 */
export function describeEngineProperty(
  setups: readonly EngineSetup[],
  title: string,
  runs: number,
  check: DatasetCheck,
): void {
  describe.each(setups)(`$name ${title}`, (setup) => {
    let engine: Engine | undefined;
    beforeAll(async () => {
      engine = await setup.open();
    });
    afterAll(async () => {
      await engine?.close();
    });

    it(
      'for generated datasets and queries',
      async () => {
        if (!engine) return;
        const open = engine;
        await fc.assert(
          fc.asyncProperty(caseArbitrary, async ([resource, rows, queries]) => {
            const dataset = await open.load(resource, rows);
            try {
              for (const query of queries) await check(dataset, rows, query, resource);
            } finally {
              await dataset.drop();
            }
          }),
          propertyParams(runs),
        );
      },
      // Tens of datasets through a database (PGlite runs in WASM on a shared
      // CPU) outlast the default test timeout: allow a minute per ten datasets.
      6_000 * propertyParams(runs).numRuns!,
    );
  });
}
