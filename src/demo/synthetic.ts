/**
 * The one place the demo takes its synthetic leads from: the deterministic
 * generator the benchmarks use, so the demo, the benchmarks and the large
 * tests see the same data for the same seed.
 */
export { generateLeads } from '../../bench/support/synthetic-leads.js';
