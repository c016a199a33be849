/**
 * `--data FILE`: newline-delimited JSON leads, validated strictly before
 * anything is loaded; the demo then serves exactly those leads.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import { runInMemory } from '../../src/backends/memory/index.js';
import {
  DataFileError,
  type DemoBackendName,
  readDataFile,
  startDemo,
  validateRow,
} from '../../src/demo/index.js';
import { leads, parseListQuery } from '../../src/index.js';
import { API_KEY, ok, request } from './demo-suite.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'listql-data-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const minimal = {
  id: 'lead_1',
  status: 'won',
  source: 'api',
  createdAt: '2026-01-15T10:30:00Z',
  updatedAt: '2026-01-15T12:30:00.5+02:00',
};

describe('validateRow', () => {
  it('fills absent nullable fields with null and normalizes dates', () => {
    const checked = validateRow(leads, minimal);
    expect(checked).toHaveProperty('row');
    if (!('row' in checked)) return;
    expect(Object.keys(checked.row)).toEqual(leads.fieldList.map((f) => f.name));
    expect(checked.row).toMatchObject({
      id: 'lead_1',
      name: null,
      value: null,
      ad_storage: null,
      createdAt: '2026-01-15T10:30:00.000Z',
      updatedAt: '2026-01-15T10:30:00.500Z',
    });
    const negativeZero = validateRow(leads, { ...minimal, value: -0 });
    expect('row' in negativeZero && Object.is(negativeZero.row['value'], 0)).toBe(true);
  });

  it('accepts every synthetic lead as is', () => {
    for (const lead of generateLeads(200, 4)) {
      const checked = validateRow(leads, lead);
      expect('row' in checked && checked.row).toEqual(lead);
    }
  });

  const problems: [string, unknown, RegExp][] = [
    ['an array', [minimal], /expected a JSON object/],
    ['null', null, /expected a JSON object/],
    ['a string', 'lead', /expected a JSON object/],
    ['an unknown field', { ...minimal, password: 'x' }, /unknown field 'password'/],
    ['a prototype key', JSON.parse('{"__proto__": {"x": 1}}'), /unknown field '__proto__'/],
    ['a missing required field', { ...minimal, status: undefined }, /'status' is missing/],
    ['null where not nullable', { ...minimal, createdAt: null }, /'createdAt' may not be null/],
    ['an empty id', { ...minimal, id: '' }, /'id' may not be empty/],
    ['a number id on a string field', { ...minimal, id: 7 }, /'id' must be a string/],
    ['an enum value not listed', { ...minimal, status: 'Won' }, /'status' must be one of open/],
    ['a number as a string', { ...minimal, value: '12' }, /'value' must be a finite number/],
    [
      'a boolean as a string',
      { ...minimal, ad_storage: 'true' },
      /'ad_storage' must be true, false or null/,
    ],
    [
      'a day for a date-time',
      { ...minimal, createdAt: '2026-01-15' },
      /'createdAt' must be an ISO 8601 date-time/,
    ],
    [
      'an impossible date',
      { ...minimal, createdAt: '2026-02-30T00:00:00Z' },
      /'createdAt' must be/,
    ],
    ['a date as a number', { ...minimal, createdAt: 1_700_000_000_000 }, /'createdAt' must be/],
    ['U+0000 in text', { ...minimal, name: 'a\u0000b' }, /'name' contains U\+0000/],
    ['half a surrogate pair', JSON.parse('{"id":"lead_1","name":"\\ud800"}'), /'name' contains/],
  ];
  for (const [what, value, message] of problems) {
    it(`refuses ${what}`, () => {
      // JSON has no undefined: a key set to undefined is absent, as after JSON.parse.
      const checked = validateRow(leads, JSON.parse(JSON.stringify(value) ?? 'null'));
      const problem = 'problem' in checked ? checked.problem : 'accepted';
      expect(problem).toMatch(message);
    });
  }
});

describe('readDataFile', () => {
  it('reads every line, with a byte order mark, CRLF line ends and a final newline', async () => {
    const rows = generateLeads(3, 9);
    const path = await file(
      'good.ndjson',
      `\uFEFF${rows.map((r) => JSON.stringify(r)).join('\r\n')}\r\n`,
    );
    expect(await readDataFile(path, leads)).toEqual(rows);
    expect(await readDataFile(await file('empty.ndjson', ''), leads)).toEqual([]);
  });

  const bad: [string, string, number, RegExp][] = [
    [
      'a bad value',
      `${JSON.stringify(minimal)}\n${JSON.stringify({ ...minimal, id: 'b', value: 'x' })}\n`,
      2,
      /'value' must be/,
    ],
    ['broken JSON', `${JSON.stringify(minimal)}\n{"id": "b",\n`, 2, /not valid JSON/],
    [
      'an empty line',
      `${JSON.stringify(minimal)}\n\n${JSON.stringify({ ...minimal, id: 'c' })}\n`,
      2,
      /is empty/,
    ],
    [
      'a repeated id',
      [1, 2, 3].map((n) => JSON.stringify({ ...minimal, id: n === 3 ? 'x1' : `x${n}` })).join('\n'),
      3,
      /id 'x1' repeats line 1/,
    ],
    ['a JSON array line', '[1,2]\n', 1, /expected a JSON object/],
  ];
  for (const [what, text, line, problem] of bad) {
    it(`names the line of ${what}`, async () => {
      const path = await file(`bad-${line}.ndjson`, text);
      const error = await readDataFile(path, leads).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as DataFileError).line).toBe(line);
      expect((error as DataFileError).problem).toMatch(problem);
      expect((error as DataFileError).message).toBe(
        `${path} line ${line}: ${(error as DataFileError).problem}`,
      );
    });
  }

  it('reports a file that cannot be read', async () => {
    await expect(readDataFile(join(dir, 'missing.ndjson'), leads)).rejects.toThrow(
      /missing\.ndjson: cannot be read \(ENOENT\)/,
    );
  });
});

describe('the demo with --data', () => {
  const rows = generateLeads(150, 21);
  const reference = (query: string) =>
    runInMemory(leads, parseListQuery(leads, query), rows as unknown as Record<string, unknown>[]);
  const queries = [
    'limit=100&page=2',
    'status=won,lost&sort=value:desc&fields=id,value',
    'search=smith',
  ];

  for (const backend of ['memory', 'sqlite', 'pglite'] as DemoBackendName[]) {
    it(`serves exactly the file's leads on ${backend}, and writes no dataset`, async () => {
      const path = await file(
        `leads-${backend}.ndjson`,
        rows.map((r) => JSON.stringify(r)).join('\n'),
      );
      const dataDir = join(dir, `data-${backend}`);
      const demo = await startDemo({ port: 0, backend, dataFile: path, apiKey: API_KEY, dataDir });
      try {
        expect(demo.rows).toBe(150);
        for (const query of queries) {
          const body = ok(await request(demo, query));
          expect(body.data).toEqual(reference(query).data);
          expect(body.meta.pagination.total).toBe(reference(query).total);
        }
      } finally {
        await demo.close();
      }
      await expect(readdir(dataDir)).rejects.toThrow(/ENOENT/);
    });
  }

  it('a bad line stops the start before any store is opened', async () => {
    const lines = rows.map((r) => JSON.stringify(r));
    lines[41] = JSON.stringify({ ...rows[41], status: 'closed' });
    const path = await file('bad-42.ndjson', lines.join('\n'));
    const dataDir = join(dir, 'data-bad');
    await expect(
      startDemo({ port: 0, backend: 'sqlite', dataFile: path, dataDir }),
    ).rejects.toThrow(/bad-42\.ndjson line 42: 'status' must be one of/);
    await expect(readdir(dataDir)).rejects.toThrow(/ENOENT/);
  });
});
