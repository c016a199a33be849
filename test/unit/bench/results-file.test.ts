/**
 * docs/benchmarks.json, the saved measurements the benchmark page is
 * rendered from: what is written is read back the same (Maps included, as
 * the memory part's medians are), parts in report order, and a missing file
 * is an empty set of parts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeMachine } from '../../../bench/support/machine.js';
import {
  missingParts,
  type PartRun,
  readResults,
  writeResults,
} from '../../../bench/support/results-file.js';

const dir = mkdtempSync(join(tmpdir(), 'listql-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run: PartRun = {
  command: 'npm run bench -- --only=memory',
  startedAt: '2026-12-01T16:56:00.000Z',
  durationSeconds: 60,
  load: [1, 1.3],
  quick: false,
  machine: describeMachine(),
};

describe('the benchmark results file', () => {
  it('reads back what it wrote, Maps included, parts in report order', () => {
    const file = join(dir, 'benchmarks.json');
    const medians = new Map([
      ['hand-written', 8.5],
      ['listql runInMemory', 9.7],
    ]);
    writeResults(file, {
      version: 1,
      parts: {
        shard: { run, result: null },
        memory: { run, result: { tables: [{ title: 't', medians }] } },
      },
    });
    const saved = readResults(file);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).parts)).toEqual(['memory', 'shard']);
    const table = (saved.parts.memory!.result as { tables: { medians: Map<string, number> }[] })
      .tables[0]!;
    expect(table.medians).toBeInstanceOf(Map);
    expect([...table.medians]).toEqual([...medians]);
    expect(saved.parts.shard).toEqual({ run, result: null });
    expect(missingParts(saved)).toEqual(['parse', 'build', 'scale', 'http', 'relations']);
  });

  it('starts empty when there is no file yet', () => {
    expect(readResults(join(dir, 'none.json'))).toEqual({ version: 1, parts: {} });
  });
});
