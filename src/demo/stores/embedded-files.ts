import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RowSource } from './types.js';

/**
 * Where an embedded store keeps a synthetic dataset between starts, named by
 * what it holds, so a different `--rows` or seed builds its own.
 *
 * @example
 * datasetPath('.demo-data', 'sqlite', { kind: 'synthetic', count: 100000, seed: 1 }, '.sqlite');
 * // '.demo-data/leads-100000-seed1.sqlite'
 */
export function datasetPath(
  dataDir: string,
  prefix: string,
  source: Extract<RowSource, { kind: 'synthetic' }>,
  suffix: string,
): string {
  return join(dataDir, `${prefix}-${source.count}-seed${source.seed}${suffix}`);
}

/**
 * Builds `finalPath` by way of a temporary path, so an interrupted first start
 * never leaves a half-seeded dataset that a later start would reuse: the
 * rename happens only once `build` has finished.
 *
 * @example
 * await buildAtomically('.demo-data/leads.sqlite', async (tmp) => seedInto(tmp));
 */
export async function buildAtomically(
  finalPath: string,
  build: (temporaryPath: string) => Promise<void>,
): Promise<void> {
  const temporary = `${finalPath}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  try {
    await build(temporary);
    await rm(finalPath, { recursive: true, force: true });
    await rename(temporary, finalPath);
  } catch (err) {
    await rm(temporary, { recursive: true, force: true });
    throw err;
  }
}

/** Creates the data folder (and its parents). @example await ensureDir('.demo-data'); */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

export { existsSync };
