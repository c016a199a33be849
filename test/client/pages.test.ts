/**
 * fetchList and pages against a real server: node:http on port 0 serving
 * handleListRequest over the memory backend. The walk visits every matching
 * row once, in the server's order, by cursor and by page number; a 400's
 * issues arrive as a ListRequestError; aborting stops the walk.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import { runInMemory } from '../../src/backends/memory/index.js';
import {
  fetchList,
  type ListPage,
  ListQueryError,
  ListRequestError,
  leads,
  listUrl,
  pages,
} from '../../src/client/index.js';
import { apiKeyAuth, handleListRequest, memoryBackend } from '../../src/http/index.js';
import { parseListQuery } from '../../src/index.js';

const rows = generateLeads(230, 7);
const KEY = 'client-test-key';
let server: Server;
let base: string;
/** Every request the server saw, as its query string. */
const seen: string[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    seen.push(url.search.slice(1));
    // Page numbers only, as a server without keyset support would answer.
    const noCursor = url.pathname === '/numbered';
    if (url.pathname === '/slow') await new Promise((resolve) => setTimeout(resolve, 2_000));
    const response = await handleListRequest({
      resource: leads,
      backend: memoryBackend(leads, rows),
      query: url.search,
      headers: req.headers,
      auth: apiKeyAuth(KEY),
    });
    const body =
      noCursor && response.body.success
        ? {
            ...response.body,
            meta: {
              ...response.body.meta,
              pagination: { ...response.body.meta.pagination, nextCursor: null },
            },
          }
        : response.body;
    res.writeHead(response.status, response.headers).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const headers = { 'x-api-key': KEY };

/** The ids the memory backend returns for the whole request, unpaged. */
function expectedIds(query: string): string[] {
  const parsed = parseListQuery(leads, query);
  const all = { ...parsed, page: { limit: rows.length, page: 1 } };
  return runInMemory(leads, all, rows).data.map((row) => row['id'] as string);
}

async function walk(path: string, params: Parameters<typeof pages<typeof leads>>[2]) {
  const walked: ListPage<typeof leads>[] = [];
  for await (const page of pages(`${base}${path}`, leads, params, { headers })) walked.push(page);
  return walked;
}

describe('fetchList', () => {
  it('returns the envelope of the URL listUrl prints', async () => {
    const params = {
      filter: { status: ['won', 'lost'] },
      fields: ['name', 'value'],
      limit: 5,
    } as const;
    const page = await fetchList(`${base}/leads`, leads, params, { headers });
    expect(seen.at(-1)).toBe(listUrl(leads, params));
    expect(page.data.map((row) => row.id)).toEqual(expectedIds(listUrl(leads, params)).slice(0, 5));
    expect(Object.keys(page.data[0]!).sort()).toEqual(['id', 'name', 'value']);
  });

  it('rejects a 400 with a ListRequestError carrying the envelope’s issues', async () => {
    // A cursor the server never issued: only the server can tell.
    const error = await fetchList(
      `${base}/leads`,
      leads,
      { after: 'not-a-cursor' },
      { headers },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListRequestError);
    const failure = error as ListRequestError;
    expect(failure.status).toBe(400);
    expect(failure.code).toBe('VALIDATION_ERROR');
    expect(failure.body?.error.details).toEqual({ issues: failure.issues });
    expect(failure.issues[0]).toMatchObject({ param: 'cursor', value: 'not-a-cursor' });
  });

  it('rejects a 401 with its code and no issues', async () => {
    const error = await fetchList(`${base}/leads`, leads).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ListRequestError',
      status: 401,
      code: 'UNAUTHORIZED',
      issues: [],
    });
  });

  it('rejects a body that is not an envelope, and a request the client refuses, before sending', async () => {
    const before = seen.length;
    await expect(
      fetchList(`${base}/leads`, leads, { limit: 0 }, { headers }),
    ).rejects.toBeInstanceOf(ListQueryError);
    expect(seen.length).toBe(before);
    const notListql = await fetchList('data:application/json,[1]', leads).catch((e: unknown) => e);
    expect(notListql).toMatchObject({ name: 'ListRequestError', status: 200, code: null });
  });
});

describe('pages', () => {
  it('follows nextCursor over every page: each row once, in the server’s order', async () => {
    const params = {
      filter: { value: { gte: 10 } },
      sort: [['value', 'desc']],
      limit: 17,
    } as const;
    const walked = await walk('/leads', params);
    const ids = walked.flatMap((page) => page.data.map((row) => row.id));
    const expected = expectedIds(listUrl(leads, params));
    expect(expected.length).toBeGreaterThan(17 * 3);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(walked.length).toBe(Math.ceil(expected.length / 17));
    expect(walked.at(-1)!.meta.pagination).toMatchObject({ hasMore: false, nextCursor: null });
    // Every page after the first was asked for by cursor.
    expect(seen.slice(-walked.length + 1).every((q) => q.includes('cursor='))).toBe(true);
  });

  it('follows page numbers when the server gives no cursor', async () => {
    const params = { filter: { status: 'open' }, limit: 20, fields: ['name'] } as const;
    const walked = await walk('/numbered', params);
    const ids = walked.flatMap((page) => page.data.map((row) => row.id));
    expect(ids).toEqual(expectedIds(listUrl(leads, { filter: { status: 'open' } })));
    expect(walked.map((page) => page.meta.pagination.page)).toEqual(walked.map((_, i) => i + 1));
  });

  it('stops when the signal aborts: the pending request rejects and no other is sent', async () => {
    const controller = new AbortController();
    const walked: string[] = [];
    const walking = (async () => {
      for await (const page of pages(
        `${base}/leads`,
        leads,
        { limit: 10 },
        {
          headers,
          signal: controller.signal,
        },
      )) {
        walked.push(...page.data.map((row) => row.id));
        if (walked.length === 20) controller.abort(new Error('enough'));
      }
    })();
    await expect(walking).rejects.toThrow('enough');
    expect(walked).toEqual(expectedIds('').slice(0, 20));
  });

  it('aborts the request in flight', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('too slow')), 50);
    const iterator = pages(`${base}/slow`, leads, {}, { headers, signal: controller.signal });
    // Unaborted, the server's answer (after 2 s) would resolve this with a page.
    await expect(iterator.next()).rejects.toThrow('too slow');
  });

  it('does not start when the signal is already aborted', async () => {
    const before = seen.length;
    const iterator = pages(`${base}/leads`, leads, {}, { headers, signal: AbortSignal.abort() });
    await expect(iterator.next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBe(before);
  });
});
