/**
 * Keyset pagination, walked end to end on every engine: for generated
 * datasets and queries, fetch the first page without a position, then each
 * next page after the last row of the one before, until `hasMore` is false.
 * The concatenation must equal the full sorted result of the in-memory
 * reference: no row missing, none repeated, `hasMore` false only at the end.
 *
 * On engines that can change a dataset (memory and the SQL engines; run here
 * on memory and SQLite), a random insert or delete lands between fetches:
 * no id may then be seen twice, and every row present throughout (matching
 * the filter) must be seen exactly once.
 *
 * Runs per engine: LISTQL_RUNS_FACTOR × 10 datasets × 10 queries (100 walks).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/backends/memory/index.js';
import { widenForCursor } from '../../src/http/next-cursor.js';
import { type ListQuery, positionOf, type Resource } from '../../src/index.js';
import { type GeneratedRow, rowsArbitrary } from '../../src/testing/index.js';
import type { ApiRow, Engine, LoadedDataset, StoredRow } from '../support/engine.js';
import { describeEngineProperty } from '../support/engine-property.js';
import { differentialEngines, type EngineSetup } from '../support/engines/index.js';
import { sqliteEngine } from '../support/engines/kysely.js';
import { memoryEngine } from '../support/engines/memory.js';
import { caseArbitrary, resource } from '../support/generated-cases.js';
import { propertyParams } from '../support/property.js';

const idColumn = resource.fields.get(resource.idField)!.column;
const idOf = (row: ApiRow): unknown => row[resource.idField];

/** The walk's query: the generated one from its first page, sort keys selected for positions. */
function firstPage(query: ListQuery): ListQuery {
  return { ...widenForCursor(query).query, after: null, page: { ...query.page, page: 1 } };
}

/** Every row the reference returns for `query`, in order, on one page. */
function everything(on: Resource, query: ListQuery, rows: readonly StoredRow[]): readonly ApiRow[] {
  const all = { ...firstPage(query), page: { limit: rows.length + 1, page: 1 } };
  return runInMemory(on, all, rows).data;
}

/**
 * Walks `query` page by page on `dataset`; `between` runs after each fetch.
 * Returns every row seen, in order. A walk longer than one page per row
 * (plus one) is a loop and fails.
 */
async function walk(
  on: Resource,
  dataset: LoadedDataset,
  query: ListQuery,
  maxPages: number,
  between: (page: number) => Promise<void> = async () => {},
): Promise<ApiRow[]> {
  const seen: ApiRow[] = [];
  let next = firstPage(query);
  for (let page = 1; ; page++) {
    expect(page, 'the walk never ends').toBeLessThanOrEqual(maxPages);
    const result = await dataset.run(next);
    seen.push(...result.data);
    const last = result.data.at(-1);
    if (!result.hasMore) return seen;
    expect(last, 'hasMore on an empty page').toBeDefined();
    next = { ...next, after: positionOf(on, next.sort, last!) };
    await between(page);
  }
}

function engineSetups(): EngineSetup[] {
  return [{ name: memoryEngine.name, open: async () => memoryEngine }, ...differentialEngines()];
}

describeEngineProperty(
  engineSetups(),
  'walks every page by cursor: the full sorted result, no row missing or repeated',
  10,
  async (dataset, rows, query, on) => {
    const seen = await walk(on, dataset, query, rows.length + 1);
    expect(seen).toEqual(everything(on, query, rows));
  },
);

/** One change between two fetches: rows to insert (fresh ids), or ids to delete. */
type Change =
  | { readonly kind: 'insert'; readonly rows: readonly GeneratedRow[] }
  | { readonly kind: 'remove'; readonly picks: readonly number[] };

const changeArbitrary: fc.Arbitrary<Change> = fc.oneof(
  rowsArbitrary(resource, { minLength: 1, maxLength: 3 }).map(
    (rows): Change => ({ kind: 'insert', rows }),
  ),
  fc
    .array(fc.nat(), { minLength: 1, maxLength: 3 })
    .map((picks): Change => ({ kind: 'remove', picks })),
);

const mutationCase = caseArbitrary.chain(([on, rows, queries]) =>
  fc.tuple(
    fc.constant(on),
    fc.constant(rows),
    fc.constant(queries),
    fc.array(changeArbitrary, { minLength: 60, maxLength: 60 }),
  ),
);

const mutableEngines: readonly { name: string; open: () => Engine }[] = [
  { name: 'memory', open: () => memoryEngine },
  { name: 'sqlite', open: () => sqliteEngine() },
];

describe.each(mutableEngines)('$name: rows inserted or deleted between pages', (setup) => {
  const engine = setup.open();
  afterAll(async () => {
    await engine.close();
  });

  it('never show a row twice, and every row present throughout exactly once', async () => {
    let fresh = 0;
    await fc.assert(
      fc.asyncProperty(mutationCase, async ([on, rows, queries, changes]) => {
        const dataset = await engine.load(on, rows);
        try {
          for (const query of queries) {
            const held = new Map<unknown, StoredRow>(rows.map((row) => [row[idColumn], row]));
            const throughout = new Set(held.keys());
            const steps = changes[Symbol.iterator]();
            const seen = await walk(on, dataset, query, 2 * rows.length + 200, async () => {
              const change = steps.next().value;
              if (change === undefined) return;
              if (change.kind === 'insert') {
                const added = change.rows.map((row) => ({ ...row, [idColumn]: `new_${fresh++}` }));
                await dataset.insert!(added);
                for (const row of added) held.set(row[idColumn], row);
              } else {
                const ids = [...held.keys()];
                if (ids.length === 0) return;
                const gone = [...new Set(change.picks.map((pick) => ids[pick % ids.length]!))];
                await dataset.remove!(gone as (string | number)[]);
                for (const id of gone) {
                  held.delete(id);
                  throughout.delete(id);
                }
              }
            });
            const ids = seen.map(idOf);
            expect(new Set(ids).size, 'an id was seen twice').toBe(ids.length);
            const expected = everything(on, query, rows)
              .map(idOf)
              .filter((id) => throughout.has(id));
            const seenSet = new Set(ids);
            expect(expected.filter((id) => !seenSet.has(id))).toEqual([]);
            // Restore the dataset for the next query: the rows it started with.
            const extra = [...held.keys()].filter((id) => !rows.some((r) => r[idColumn] === id));
            await dataset.remove!(extra as (string | number)[]);
            const missing = rows.filter((row) => !held.has(row[idColumn]));
            if (missing.length > 0) await dataset.insert!(missing);
          }
        } finally {
          await dataset.drop();
        }
      }),
      propertyParams(10),
    );
  });
});
