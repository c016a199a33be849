/**
 * Shared timing helpers for the benchmark suite: medians of interleaved
 * rounds, so drift on a shared machine hits every contender alike.
 */
import { performance } from 'node:perf_hooks';

/** The median of `values` (not mutated). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A named function to time; `run` does one unit of work. */
export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

/**
 * Times `contenders` in interleaved rounds, each round calling `run` `batch`
 * times per contender; returns the median time of one call, in microseconds.
 * The first `warmup` rounds are dropped (JIT tiers, caches).
 */
export function timeInterleaved(
  contenders: readonly Contender[],
  options: { rounds: number; warmup: number; batch: number },
): number[] {
  const samples = contenders.map((): number[] => []);
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    // Alternate the order so neither contender always runs right after a GC of the other.
    const order = round % 2 === 0 ? contenders.keys() : [...contenders.keys()].reverse();
    for (const i of order) {
      const run = contenders[i]!.run;
      const start = performance.now();
      for (let j = 0; j < options.batch; j++) run();
      const elapsed = ((performance.now() - start) * 1000) / options.batch;
      if (round >= options.warmup) samples[i]!.push(elapsed);
    }
  }
  return samples.map(median);
}

/** Awaited version of {@link timeInterleaved} for database round trips; milliseconds per call. */
export async function timeInterleavedAsync(
  contenders: readonly { readonly name: string; readonly run: () => Promise<unknown> }[],
  options: { rounds: number; warmup: number; budgetMs?: number },
): Promise<number[]> {
  const samples = contenders.map((): number[] => []);
  const started = performance.now();
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    // A slow query (a deep offset page at 1 M rows) stops at the budget, after three timed rounds.
    const timed = round - options.warmup;
    if (
      options.budgetMs !== undefined &&
      timed >= 3 &&
      performance.now() - started > options.budgetMs
    ) {
      break;
    }
    const order = round % 2 === 0 ? [...contenders.keys()] : [...contenders.keys()].reverse();
    for (const i of order) {
      const start = performance.now();
      await contenders[i]!.run();
      const elapsed = performance.now() - start;
      if (round >= options.warmup) samples[i]!.push(elapsed);
    }
  }
  return samples.map(median);
}
