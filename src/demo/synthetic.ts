import { generateLeads as generate } from '../testing/synthetic-leads.js';
import type { FieldRow } from './validate-row.js';

/**
 * `count` synthetic leads keyed by field name, the same for the same `seed`:
 * the deterministic generator of `listql/testing` that the benchmarks use
 * too, so the demo, the benchmarks and the large tests see the same data.
 *
 * @example
 * const rows = generateLeads(1_000, 1);
 * rows[0]?.id; // 'lead_00000001'
 */
export function generateLeads(count: number, seed: number): FieldRow[] {
  return generate(count, seed) as unknown as FieldRow[];
}
