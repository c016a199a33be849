/**
 * Keyset pages and count strategies through handleListRequest: nextCursor on
 * the first, a middle and the last page, sort keys selected behind the
 * client's back and stripped again, signed cursors, the scope, and the
 * `meta.pagination` of each count strategy.
 */
import { describe, expect, it } from 'vitest';
import { generateLeads, type SyntheticLead } from '../../bench/support/synthetic-leads.js';
import { runInMemory } from '../../src/backends/memory/index.js';
import {
  type ErrorEnvelope,
  handleListRequest,
  type ListBackend,
  memoryBackend,
  type SuccessEnvelope,
} from '../../src/http/index.js';
import { eq, type LeadField, leads, parseListQuery, withCursorSecret } from '../../src/index.js';

const rows: SyntheticLead[] = generateLeads(95, 11);
const signed = withCursorSecret(leads, 'a-secret-of-at-least-16-chars');

async function get(query: string, resource = leads, backend = memoryBackend(resource, rows)) {
  return handleListRequest({ resource, backend, query });
}

async function ok(query: string, resource = leads): Promise<SuccessEnvelope> {
  const { status, body } = await get(query, resource);
  expect(status).toBe(200);
  return body as SuccessEnvelope;
}

/** Every id of `query` in order, from the reference with no page limit. */
function allIds(query: string): string[] {
  const parsed = parseListQuery(leads, query);
  return runInMemory(leads, { ...parsed, page: { limit: rows.length, page: 1 } }, rows).data.map(
    (row) => row['id'] as string,
  );
}

describe('nextCursor', () => {
  const base = 'sort=value:desc&limit=40';

  it('is set on the first and a middle page and null on the last; the pages join up', async () => {
    const first = await ok(base);
    expect(first.meta.pagination).toMatchObject({ page: 1, hasMore: true, total: 95 });
    const firstCursor = first.meta.pagination.nextCursor;
    expect(typeof firstCursor).toBe('string');

    const middle = await ok(`${base}&cursor=${firstCursor}`);
    expect(middle.meta.pagination).toMatchObject({ page: 1, hasMore: true, total: 95 });
    const middleCursor = middle.meta.pagination.nextCursor;
    expect(middleCursor).not.toBe(firstCursor);

    const last = await ok(`${base}&cursor=${middleCursor}`);
    expect(last.data).toHaveLength(15);
    expect(last.meta.pagination).toMatchObject({ hasMore: false, nextCursor: null, total: 95 });

    const ids = [...first.data, ...middle.data, ...last.data].map((row) => row['id']);
    expect(ids).toEqual(allIds('sort=value:desc'));
  });

  it('is null when the page is exactly the last rows', async () => {
    const body = await ok('limit=95');
    expect(body.meta.pagination).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it('reads sort keys the fields leave out, and the client never sees them', async () => {
    const query = 'fields=name&sort=status,qualifiedAt:desc&limit=30';
    const first = await ok(query);
    for (const row of first.data) expect(Object.keys(row).sort()).toEqual(['id', 'name']);
    const next = await ok(`${query}&cursor=${first.meta.pagination.nextCursor}`);
    for (const row of next.data) expect(Object.keys(row).sort()).toEqual(['id', 'name']);
    expect([...first.data, ...next.data].map((row) => row['id'])).toEqual(
      allIds('sort=status,qualifiedAt:desc').slice(0, 60),
    );
  });

  it('is refused (400) with another sort or filter, or when a signed cursor is altered', async () => {
    const cursor = (await ok('status=won&limit=5')).meta.pagination.nextCursor;
    expect((await get(`status=lost&limit=5&cursor=${cursor}`)).status).toBe(400);
    expect((await get(`status=won&sort=name&limit=5&cursor=${cursor}`)).status).toBe(400);
    expect((await get(`status=won&limit=5&cursor=${cursor}&page=2`)).status).toBe(400);

    const good = (await ok('limit=5', signed)).meta.pagination.nextCursor!;
    expect(good).toContain('.');
    expect((await get(`limit=5&cursor=${good}`, signed)).status).toBe(200);
    const tampered = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
    const refused = await get(`limit=5&cursor=${tampered}`, signed);
    expect(refused.status).toBe(400);
    expect((refused.body as ErrorEnvelope).error.code).toBe('VALIDATION_ERROR');
  });

  it('works under a server scope, which the cursor does not carry', async () => {
    const scope = eq<LeadField>('source', 'api');
    const backend = memoryBackend(leads, rows);
    const page = async (query: string) =>
      (await handleListRequest({ resource: leads, backend, query, scope })).body as SuccessEnvelope;
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const body: SuccessEnvelope = await page(
        cursor === null ? 'limit=7' : `limit=7&cursor=${cursor}`,
      );
      seen.push(...body.data.map((row) => row['id']));
      cursor = body.meta.pagination.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(allIds('source=api'));
  });
});

describe('count strategies in meta.pagination', () => {
  it('exact (the default) counts and says so', async () => {
    const body = await ok('status=won&limit=10');
    const won = rows.filter((row) => row.status === 'won').length;
    expect(body.meta.pagination).toMatchObject({
      total: won,
      totalPages: Math.ceil(won / 10),
      count: 'exact',
      hasMore: won > 10,
    });
  });

  it('none: no total, no page count, hasMore from the row past the page', async () => {
    const more = await ok('limit=94&count=none');
    expect(more.meta.pagination).toMatchObject({
      total: null,
      totalPages: null,
      count: 'none',
      hasMore: true,
    });
    const end = await ok('limit=95&count=none');
    expect(end.meta.pagination).toMatchObject({ total: null, hasMore: false, nextCursor: null });
  });

  it('estimated: the memory backend counts exactly and reports exact', async () => {
    const body = await ok('count=estimated&limit=10');
    expect(body.meta.pagination).toMatchObject({ total: 95, count: 'exact' });
  });

  it('a custom backend that says nothing of hasMore or count gets them from its total', async () => {
    const bare: ListBackend<LeadField> = {
      async run(query) {
        const { data, total } = runInMemory(leads, query, rows);
        return { data, total };
      },
    };
    const { body } = await get('limit=10&page=2', leads, bare);
    expect((body as SuccessEnvelope).meta.pagination).toMatchObject({
      total: 95,
      hasMore: true,
      count: 'exact',
      nextCursor: expect.any(String),
    });
  });

  it('a backend result with a malformed total, hasMore or count is a 500', async () => {
    const results = [
      { data: [], total: -1 },
      { data: [], total: 1, hasMore: 'yes' },
      { data: [], total: 1, count: 'roughly' },
    ];
    for (const result of results) {
      const broken: ListBackend<LeadField> = {
        run: async () => result as unknown as Awaited<ReturnType<ListBackend['run']>>,
      };
      const { status } = await handleListRequest({
        resource: leads,
        backend: broken,
        query: '',
        logger: { error: () => {} },
      });
      expect(status, JSON.stringify(result)).toBe(500);
    }
  });
});
