/**
 * The suite's measurements, kept next to the report (docs/benchmarks.json),
 * one entry per part with the run that produced it. A part can then be run
 * again alone (`npm run bench -- --only=http`) and the whole report rendered
 * from the latest run of every part, so the targets table never mixes a
 * fresh section with stale targets.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Machine } from './machine.js';

/** The parts of the suite, in report order. */
export const PARTS = ['parse', 'memory', 'build', 'scale', 'http', 'relations', 'shard'] as const;

export type PartName = (typeof PARTS)[number];

/** How one part was measured: enough to rerun it and to judge its noise. */
export interface PartRun {
  readonly command: string;
  /** ISO 8601, UTC. */
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** The one-minute load average when the part started and when it ended (other jobs on the machine). */
  readonly load: readonly [number, number];
  readonly quick: boolean;
  readonly machine: Machine;
}

export interface SavedPart {
  readonly run: PartRun;
  readonly result: unknown;
}

export interface SavedResults {
  readonly version: 1;
  readonly parts: Partial<Record<PartName, SavedPart>>;
}

/** The saved results in `file`, or none yet. */
export function readResults(file: string): SavedResults {
  if (!existsSync(file)) return { version: 1, parts: {} };
  const saved = JSON.parse(readFileSync(file, 'utf8'), revive) as SavedResults;
  if (saved.version !== 1) throw new Error(`${file}: unknown results version ${saved.version}`);
  return saved;
}

/** Writes `saved` to `file`, parts in report order. */
export function writeResults(file: string, saved: SavedResults): void {
  const parts: Partial<Record<PartName, SavedPart>> = {};
  for (const name of PARTS) {
    const part = saved.parts[name];
    if (part !== undefined) parts[name] = part;
  }
  writeFileSync(file, `${JSON.stringify({ version: 1, parts }, replace, 1)}\n`);
}

/** A Map in the results (the memory part's medians) as `{ "@map": [[key, value], …] }`. */
function replace(_key: string, value: unknown): unknown {
  return value instanceof Map ? { '@map': [...value] } : value;
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '@map' in value) {
    return new Map((value as { '@map': [unknown, unknown][] })['@map']);
  }
  return value;
}

/** The one-minute load average, rounded. */
export function loadNow(): number {
  return Math.round(loadavg()[0]! * 10) / 10;
}

/** The parts `saved` has no result for. */
export function missingParts(saved: SavedResults): PartName[] {
  return PARTS.filter((name) => saved.parts[name] === undefined);
}
