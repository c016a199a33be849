/**
 * A first seed interrupted by Ctrl+C leaves its temporary database and
 * SQLite's journal behind (the process dies before `buildAtomically` can
 * clean up); the next start removes them, but never the temporary of a
 * demo that is still seeding.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleTemporaries } from '../../../src/demo/stores/embedded-files.js';
import { openStore } from '../../../src/demo/stores/open-store.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'listql-stale-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * Starts a build of `final` in another process, as the demo's first start
 * does, and resolves once its temporary files exist; the build never ends.
 */
async function startBuild(final: string): Promise<ChildProcess> {
  const script = join(scratch, `build-${children.length}.mts`);
  const module = pathToFileURL(join(ROOT, 'src/demo/stores/embedded-files.ts')).href;
  writeFileSync(
    script,
    [
      `import { writeFileSync } from 'node:fs';`,
      `import { buildAtomically } from ${JSON.stringify(module)};`,
      `await buildAtomically(${JSON.stringify(final)}, async (temporary) => {`,
      `  writeFileSync(temporary, 'half a database');`,
      `  writeFileSync(temporary + '-journal', 'its journal');`,
      `  console.log('seeding');`,
      '  await new Promise(() => {});',
      '});',
    ].join('\n'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`build exited early (${code})`)));
  });
  return child;
}

async function interrupt(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

describe('temporaries of interrupted demo builds', () => {
  it('are left by Ctrl+C, and removed by the next start, which then builds the dataset', async () => {
    const dataDir = join(scratch, 'interrupted');
    const final = join(dataDir, 'leads-300-seed5.sqlite');
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const child = await startBuild(final);
    await interrupt(child);
    const left = readdirSync(dataDir);
    expect(left).toEqual(
      [
        `leads-300-seed5.sqlite.tmp-${child.pid}`,
        `leads-300-seed5.sqlite.tmp-${child.pid}-journal`,
      ].sort(),
    );

    const lines: string[] = [];
    const store = await openStore('sqlite', {
      source: { kind: 'synthetic', count: 300, seed: 5 },
      dataDir,
      log: (line) => lines.push(line),
      progress: () => {},
    });
    await store.close();
    expect(readdirSync(dataDir)).toEqual(['leads-300-seed5.sqlite']);
    expect(lines.join('\n')).toContain(`leads-300-seed5.sqlite.tmp-${child.pid}`);
  });

  it('of a build still running are kept', async () => {
    const dataDir = join(scratch, 'running');
    mkdirSync(dataDir, { recursive: true });
    const child = await startBuild(join(dataDir, 'leads-10-seed1.sqlite'));
    writeFileSync(join(dataDir, 'leads-10-seed1.sqlite.tmp-999999999'), 'dead');
    writeFileSync(join(dataDir, 'notes.txt'), 'not ours');
    const removed = await removeStaleTemporaries(dataDir);
    expect(removed).toEqual(['leads-10-seed1.sqlite.tmp-999999999']);
    expect(existsSync(join(dataDir, `leads-10-seed1.sqlite.tmp-${child.pid}`))).toBe(true);
    expect(existsSync(join(dataDir, 'notes.txt'))).toBe(true);
    await interrupt(child);
  });
});
