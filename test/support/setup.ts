/**
 * Set up before every test file (vitest `setupFiles`): every query the
 * Kysely backend's shape cache serves is built again and compared, so any
 * generated or hand-written query whose cache key misses a difference in
 * structure fails the test that ran it (see `verifyShapeCache`).
 */
import { verifyShapeCache } from '../../src/backends/kysely/cached-queries.js';

verifyShapeCache(true);
