/** The generator lives in `listql/testing`; benchmarks and tests import it from here too. */
export * from '../../src/testing/synthetic-leads.js';
