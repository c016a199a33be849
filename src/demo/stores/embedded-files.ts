import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
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

/** `leads-100000-seed1.sqlite.tmp-4242`, and its `-journal`, `-wal`, `-shm`: the pid that built it. */
const TEMPORARY = /\.tmp-(\d+)(?:-journal|-wal|-shm)?$/;

/** Whether process `pid` is running (EPERM: it is, as another user's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what interrupted builds left in `dataDir`: a first seed stopped by
 * Ctrl+C exits before {@link buildAtomically} can clean up, leaving its
 * temporary database (tens of megabytes) and SQLite's journal. A temporary
 * whose process still runs is another demo seeding right now, and is kept.
 * Returns the names removed.
 *
 * @example
 * await removeStaleTemporaries('.demo-data'); // ['leads-100000-seed1.sqlite.tmp-4242', …]
 */
export async function removeStaleTemporaries(
  dataDir: string,
  running: (pid: number) => boolean = isRunning,
): Promise<string[]> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const pid = TEMPORARY.exec(name)?.[1];
    return pid !== undefined && Number(pid) !== process.pid && !running(Number(pid));
  });
  for (const name of stale) await rm(join(dataDir, name), { recursive: true, force: true });
  return stale;
}

/** Creates the data folder (and its parents). @example await ensureDir('.demo-data'); */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

export { existsSync };
