/**
 * Settings for every fast-check property: a fixed seed in CI (so a failure
 * replays), a fresh one elsewhere unless LISTQL_SEED is set, and a run count
 * scaled by LISTQL_RUNS_FACTOR for a long soak (e.g. LISTQL_RUNS_FACTOR=50).
 */
import type fc from 'fast-check';

const FIXED_SEED = 20_261_128;

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got '${raw}'`);
  return value;
}

/** The seed used by this run. */
export const propertySeed: number =
  envNumber('LISTQL_SEED') ?? (process.env['CI'] === 'true' ? FIXED_SEED : Date.now() % 2 ** 31);

/** fast-check parameters for a property that should run `baseRuns` times by default. */
export function propertyParams(baseRuns: number): fc.Parameters<unknown> {
  const factor = envNumber('LISTQL_RUNS_FACTOR') ?? 1;
  return { seed: propertySeed, numRuns: Math.max(1, Math.round(baseRuns * factor)) };
}
