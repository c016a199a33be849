/**
 * The end-to-end suite run against the demo server on each backend, over real
 * HTTP: the spec's examples, every error code, 401s, pagination meta, field
 * selection. Expected answers come from the in-memory reference backend over
 * the same generated leads (the `leads` resource, whose columns are its field
 * names), never from the server under test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import { runInMemory } from '../../src/backends/memory/index.js';
import {
  type DemoBackendName,
  type DemoOptions,
  type RunningDemo,
  startDemo,
} from '../../src/demo/index.js';
import type { ErrorEnvelope, ListEnvelope, SuccessEnvelope } from '../../src/http/index.js';
import { leads, parseListQuery } from '../../src/index.js';
import { labeledSuite } from './labeled-suite.js';

export const ROWS = 2_000;
export const SEED = 1;
export const API_KEY = 'e2e-key';
export const referenceRows = generateLeads(ROWS, SEED) as unknown as Record<string, unknown>[];

/** The reference answer: data and total from the in-memory backend. */
export function reference(query: string) {
  return runInMemory(leads, parseListQuery(leads, query), referenceRows);
}

/** The spec's section 7 examples. */
export const SPEC_EXAMPLES = [
  'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
  'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
  'search=john&source=gtm,wordpress&limit=20&page=3',
  'updated_after=2024-01-15T10:00:00Z&sort=updated_at:asc',
];

/** A 500 is provoked by breaking the store under the running server; `restore` mends it. */
export interface StoreBreaker {
  break(demo: RunningDemo): Promise<void>;
  restore(demo: RunningDemo): Promise<void>;
}

export interface DemoRequest {
  status: number;
  headers: Headers;
  body: ListEnvelope;
}

export async function request(
  demo: RunningDemo,
  query: string,
  headers: Record<string, string> = { 'x-api-key': API_KEY },
): Promise<DemoRequest> {
  const response = await fetch(`${demo.url}/leads?${query}`, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ListEnvelope,
  };
}

export function ok(result: DemoRequest): SuccessEnvelope {
  expect(result.status, JSON.stringify(result.body).slice(0, 500)).toBe(200);
  return result.body as SuccessEnvelope;
}

export function failed(result: DemoRequest, status: number): ErrorEnvelope {
  expect(result.status).toBe(status);
  expect(result.body.success).toBe(false);
  return result.body as ErrorEnvelope;
}

/** Starts a demo for a test file, in a fresh data folder, and stops it afterwards. */
export function useDemo(backend: DemoBackendName, extra: Partial<DemoOptions> = {}) {
  const state: { demo?: RunningDemo; dataDir?: string; logged: unknown[] } = { logged: [] };
  beforeAll(async () => {
    state.dataDir = await mkdtemp(join(tmpdir(), 'listql-e2e-'));
    state.demo = await startDemo({
      port: 0,
      backend,
      rows: ROWS,
      seed: SEED,
      apiKey: API_KEY,
      dataDir: state.dataDir,
      logger: { error: (context) => state.logged.push(context.err) },
      ...extra,
    });
  });
  afterAll(async () => {
    await state.demo?.close();
    if (state.dataDir) await rm(state.dataDir, { recursive: true, force: true });
  });
  return state;
}

/** The whole suite for one backend. */
export function demoSuite(backend: DemoBackendName, breaker?: StoreBreaker): void {
  describe(`demo server on ${backend}`, () => {
    const state = useDemo(backend);
    const demo = () => state.demo!;

    labeledSuite(demo);

    it('holds the seeded leads', () => {
      expect(demo().rows).toBe(ROWS);
      expect(demo().backend).toBe(backend);
    });

    it.each(SPEC_EXAMPLES)('spec example %s', async (query) => {
      const body = ok(await request(demo(), query));
      const expected = reference(query);
      expect(expected.data.length).toBeGreaterThan(0);
      expect(body.data).toEqual(expected.data);
      expect(body.meta.pagination.total).toBe(expected.total);
    });

    it('INVALID_FILTER, INVALID_DATE and VALIDATION_ERROR, with every issue listed', async () => {
      const cases: [string, string, string][] = [
        ['foo=1', 'INVALID_FILTER', 'foo'],
        ['status=closed', 'INVALID_FILTER', 'status'],
        ['value[gte]=abc', 'INVALID_FILTER', 'value[gte]'],
        ['gclid[exists]=maybe', 'INVALID_FILTER', 'gclid[exists]'],
        ['createdAt[gte]=2026-02-30', 'INVALID_DATE', 'createdAt[gte]'],
        ['updated_after=yesterday', 'INVALID_DATE', 'updated_after'],
        ['limit=101', 'VALIDATION_ERROR', 'limit'],
        ['page=0', 'VALIDATION_ERROR', 'page'],
        ['sort=phone', 'VALIDATION_ERROR', 'sort'],
        ['fields=id,password', 'VALIDATION_ERROR', 'fields'],
      ];
      for (const [query, code, param] of cases) {
        const body = failed(await request(demo(), query), 400);
        expect(body.error.code, query).toBe(code);
        expect(body.error.details).toMatchObject({ issues: [{ code, param }] });
      }
      const several = failed(await request(demo(), 'limit=0&createdAt[lt]=2026-13-01&foo=1'), 400);
      expect(several.error.code).toBe('VALIDATION_ERROR');
      expect((several.error.details as { issues: unknown[] }).issues).toHaveLength(3);
    });

    it('401 UNAUTHORIZED with no key and with a wrong key, alike', async () => {
      const none = failed(await request(demo(), 'status=won', {}), 401);
      const wrong = failed(
        await request(demo(), 'status=won', { 'x-api-key': `${API_KEY}x` }),
        401,
      );
      expect(none.error).toEqual(wrong.error);
      expect(none.error.code).toBe('UNAUTHORIZED');
      const bad = failed(await request(demo(), 'foo=1', {}), 401);
      expect(bad.error.code).toBe('UNAUTHORIZED');
    });

    it('pagination meta on the first, a middle, the last and a past-the-end page', async () => {
      const filter = 'status=won,lost&limit=30';
      const total = reference(filter).total ?? Number.NaN;
      const totalPages = Math.ceil(total / 30);
      expect(totalPages).toBeGreaterThan(3);
      for (const page of [1, 2, totalPages - 1, totalPages, totalPages + 1, totalPages + 50]) {
        const query = `${filter}&page=${page}`;
        const body = ok(await request(demo(), query));
        expect(body.meta.pagination).toEqual({
          limit: 30,
          page,
          totalPages,
          total,
          hasMore: page < totalPages,
          count: 'exact',
          nextCursor: page < totalPages ? expect.any(String) : null,
        });
        expect(body.data).toEqual(reference(query).data);
      }
      const last = ok(await request(demo(), `${filter}&page=${totalPages}`));
      expect(last.data).toHaveLength(total - (totalPages - 1) * 30);
    });

    it('walking every page returns every match exactly once', async () => {
      const filter = 'source=api&sort=value:desc&limit=100&fields=id,value';
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const body = ok(await request(demo(), `${filter}&page=${page}`));
        seen.push(...body.data.map((row) => row['id'] as string));
        if (!body.meta.pagination.hasMore) break;
      }
      const expected = allIds(filter);
      expect(expected.length).toBeGreaterThan(100);
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('walking by nextCursor returns every match exactly once, sort keys left out of fields', async () => {
      const filter = 'source=api&sort=value:desc&limit=100&fields=id,name&count=none';
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? filter : `${filter}&cursor=${cursor}`;
        const body = ok(await request(demo(), query));
        expect(body.meta.pagination).toMatchObject({
          total: null,
          totalPages: null,
          count: 'none',
        });
        for (const row of body.data) expect(Object.keys(row).sort()).toEqual(['id', 'name']);
        seen.push(...body.data.map((row) => row['id'] as string));
        cursor = body.meta.pagination.nextCursor;
        expect(cursor === null).toBe(!body.meta.pagination.hasMore);
      } while (cursor !== null);
      expect(seen).toEqual(allIds('source=api&sort=value:desc'));
    });

    it('field selection returns exactly the selected keys, id always', async () => {
      const body = ok(await request(demo(), 'fields=name,email,createdAt,ad_storage&limit=5'));
      for (const row of body.data) {
        expect(Object.keys(row).sort()).toEqual(['ad_storage', 'createdAt', 'email', 'id', 'name']);
      }
      const all = ok(await request(demo(), 'limit=1'));
      expect(Object.keys(all.data[0]!).sort()).toEqual([...leads.selectable].sort());
      expect(all.data).toEqual(reference('limit=1').data);
    });

    it('serves its OpenAPI document without a key', async () => {
      const response = await fetch(`${demo().url}/openapi.json`);
      expect(response.status).toBe(200);
      const document = (await response.json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths)).toEqual(['/leads']);
    });

    if (breaker) {
      it('500 INTERNAL_ERROR leaks nothing; the cause goes to the logger', async () => {
        await breaker.break(demo());
        try {
          const result = await request(demo(), 'status=won&sort=value:desc');
          const body = failed(result, 500);
          expect(body.error.code).toBe('INTERNAL_ERROR');
          expect(body.error.details).toEqual({});
          const text = JSON.stringify(body).toLowerCase();
          for (const leak of ['select', 'leads', 'table', 'relation', 'sql', 'exist', ' at ']) {
            expect(text).not.toContain(leak);
          }
          expect(state.logged.length).toBe(1);
          expect(String(state.logged[0])).toMatch(/leads|table|relation/i);
        } finally {
          await breaker.restore(demo());
        }
        ok(await request(demo(), 'limit=1'));
      });
    }
  });
}

/** Every id matching `filter`, in order, from the reference. */
function allIds(filter: string): string[] {
  const query = parseListQuery(leads, filter);
  const everything = runInMemory(
    leads,
    { ...query, page: { limit: ROWS, page: 1 } },
    referenceRows,
  );
  return everything.data.map((row) => row['id'] as string);
}
