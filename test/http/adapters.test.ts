/**
 * The Express 5, Fastify 5 and Hono 4 adapters over real HTTP on 127.0.0.1:
 * each answers exactly like handleListRequest given the raw query string, and
 * each framework's own query parsing (Express: node:querystring and qs;
 * Fastify: its querystring; Hono: the URL) gives the same answers too, except
 * for the few inputs a framework parser rewrites (pinned below).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import {
  apiKeyAuth,
  handleListRequest,
  type ListEnvelope,
  memoryBackend,
  queryStringOf,
} from '../../src/http/index.js';
import { leads } from '../../src/index.js';
import { ADAPTER_CORPUS as CORPUS } from './corpus.js';
import { API_KEY, type RunningServer, startExpress, startFastify, startHono } from './servers.js';

const rows = generateLeads(300, 11);
const backend = memoryBackend(leads, rows);

/** What must agree between two answers: everything but the request id and the clock. */
function comparable(status: number, body: ListEnvelope) {
  const { requestId, timestamp, ...meta } = body.meta as typeof body.meta & Record<string, unknown>;
  expect(requestId).toMatch(/^(req_[0-9a-f]{12}|client-trace-7)$/);
  expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  return { status, ...body, meta };
}

async function direct(query: string) {
  const response = await handleListRequest({
    resource: leads,
    backend,
    query,
    headers: { 'x-api-key': API_KEY },
    auth: apiKeyAuth(API_KEY),
  });
  return comparable(response.status, response.body);
}

async function get(url: string, headers: Record<string, string> = { 'x-api-key': API_KEY }) {
  const response = await fetch(url, { headers });
  expect(response.headers.get('content-type')).toMatch(/^application\/json; ?charset=utf-8$/i);
  const body = (await response.json()) as ListEnvelope;
  expect(response.headers.get('x-request-id')).toBe(body.meta.requestId);
  return { response, body, view: comparable(response.status, body) };
}

const servers: RunningServer[] = [];

beforeAll(async () => {
  servers.push(
    await startExpress(backend, 'simple'),
    await startExpress(backend, 'extended'),
    await startFastify(backend),
    await startHono(backend),
  );
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe.each(['express (simple)', 'express (extended)', 'fastify', 'hono'])('%s', (name) => {
  const server = () => servers.find((s) => s.name === name)!;

  it('the adapter answers every query like handleListRequest on the raw string', async () => {
    for (const query of CORPUS) {
      const { view } = await get(`${server().url}/leads?${query}`);
      expect(view, query).toEqual(await direct(query));
    }
  });

  it("the framework's own query parsing gives the same answers", async () => {
    const routes = name === 'hono' ? ['/parsed', '/parsed-queries'] : ['/parsed'];
    for (const route of routes) {
      for (const query of CORPUS) {
        const { view } = await get(`${server().url}${route}?${query}`);
        expect(view, `${route}?${query}`).toEqual(await direct(query));
      }
    }
  });

  it('401 with no key and with a wrong key, and the same body for both', async () => {
    const missing = await get(`${server().url}/leads?status=won`, {});
    const wrong = await get(`${server().url}/leads?status=won`, { 'x-api-key': 'nope' });
    for (const { response, body } of [missing, wrong]) {
      expect(response.status).toBe(401);
      expect(body).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED', details: {} } });
    }
    expect(missing.body.success === false && missing.body.error.message).toBe(
      wrong.body.success === false && wrong.body.error.message,
    );
  });

  it('binds a per-request scope from the framework request', async () => {
    const { body } = await get(`${server().url}/scoped?limit=100&labelId=label_1,label_4`, {
      'x-api-key': API_KEY,
      'x-tenant': 'label_4',
    });
    expect(body.success).toBe(true);
    if (!body.success) return;
    const expected = rows.filter((r) => r.labelId === 'label_4');
    expect(body.meta.pagination.total).toBe(expected.length);
    expect(body.data.every((r) => r['labelId'] === 'label_4')).toBe(true);
  });

  it('echoes a safe X-Request-Id', async () => {
    const { body } = await get(`${server().url}/leads?limit=1`, {
      'x-api-key': API_KEY,
      'x-request-id': 'client-trace-7',
    });
    expect(body.meta.requestId).toBe('client-trace-7');
  });
});

describe('where framework parsers rewrite the query (why the adapters read the raw string)', () => {
  const at = (name: string) => servers.find((s) => s.name === name)!.url;

  it('malformed percent-encoding: the adapters report it; the parsers pass it through as text', async () => {
    for (const server of servers) {
      const raw = await get(`${server.url}/leads?search=%zz`);
      expect(raw.response.status, server.name).toBe(400);
      const parsed = await get(`${server.url}/parsed?search=%zz`);
      expect(parsed.response.status, server.name).toBe(200);
    }
  });

  it("qs (Express 'extended') silently drops __proto__ and turns status[] into a list", async () => {
    const dropped = await get(`${at('express (extended)')}/parsed?__proto__=x`);
    expect(dropped.response.status).toBe(200);
    const refused = await get(`${at('express (extended)')}/leads?__proto__=x`);
    expect(refused.response.status).toBe(400);
    const bracketList = await get(`${at('express (extended)')}/parsed?status[]=won`);
    expect(bracketList.response.status).toBe(200);
    expect((await get(`${at('express (simple)')}/parsed?status[]=won`)).response.status).toBe(400);
  });
});

describe('queryStringOf', () => {
  it('takes what is between ? and #', () => {
    expect(queryStringOf('/leads')).toBe('');
    expect(queryStringOf('/leads?')).toBe('');
    expect(queryStringOf('/leads?a=1&b=2')).toBe('a=1&b=2');
    expect(queryStringOf('http://h/leads?a=1#frag?x')).toBe('a=1');
    expect(queryStringOf('/leads?a=?b')).toBe('a=?b');
  });
});
