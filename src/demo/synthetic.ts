import type { FieldRow } from './validate-row.js';

/**
 * The demo's synthetic leads come from the deterministic generator the
 * benchmarks use (`bench/support/synthetic-leads.ts`), so the demo, the
 * benchmarks and the large tests see the same data for the same seed.
 *
 * It is loaded by URL at run time, not imported: the published build
 * compiles `src/` only (`rootDir: src`), and a static import of a file
 * outside it would fail that build. The demo runs from a clone (`npm run
 * demo`, through tsx), where the file is present.
 */
const GENERATOR = new URL('../../bench/support/synthetic-leads.ts', import.meta.url).href;

type Generate = (count: number, seed: number) => FieldRow[];

/**
 * `count` synthetic leads keyed by field name, the same for the same `seed`.
 *
 * @example
 * const rows = await generateLeads(1_000, 1);
 * rows[0]?.id; // 'lead_00000001'
 */
export async function generateLeads(count: number, seed: number): Promise<FieldRow[]> {
  const module = (await import(GENERATOR)) as { generateLeads: Generate };
  return module.generateLeads(count, seed);
}
