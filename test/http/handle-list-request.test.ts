/**
 * handleListRequest over the in-memory backend: the envelope, auth, errors,
 * scope and request ids, checked against answers computed independently from
 * the rows.
 */
import { describe, expect, it, vi } from 'vitest';
import { generateLeads, type SyntheticLead } from '../../bench/support/synthetic-leads.js';
import { runInMemory } from '../../src/backends/memory/index.js';
import {
  apiKeyAuth,
  type ErrorEnvelope,
  handleListRequest,
  type ListBackend,
  type ListLogger,
  memoryBackend,
  newRequestId,
  type SuccessEnvelope,
} from '../../src/http/index.js';
import {
  and,
  eq,
  inList,
  issue,
  type LeadField,
  ListQueryError,
  leads,
  or,
  parseListQuery,
} from '../../src/index.js';

const rows: SyntheticLead[] = generateLeads(240, 7);
const backend = memoryBackend(leads, rows);
const KEY = 'test-key-0123456789';
const auth = apiKeyAuth(KEY);
const headers = { 'x-api-key': KEY };

function success(body: unknown): SuccessEnvelope {
  expect((body as SuccessEnvelope).success).toBe(true);
  return body as SuccessEnvelope;
}

function failure(body: unknown): ErrorEnvelope {
  expect((body as ErrorEnvelope).success).toBe(false);
  return body as ErrorEnvelope;
}

/** A logger that keeps what it is given. */
function recordingLogger(): ListLogger & {
  calls: { err: unknown; requestId: string; message: string }[];
} {
  const calls: { err: unknown; requestId: string; message: string }[] = [];
  return { calls, error: (context, message) => calls.push({ ...context, message }) };
}

describe('handleListRequest: success', () => {
  it('answers a spec example with the envelope, the rows the backend returns and pagination', async () => {
    const query = 'status=won&value[gte]=100&sort=value:desc&fields=id,name,value';
    const response = await handleListRequest({ resource: leads, backend, query, headers, auth });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = success(response.body);
    const won = rows.filter((r) => r.status === 'won' && r.value !== null && r.value >= 100);
    expect(body.meta.pagination).toEqual({
      limit: 50,
      page: 1,
      totalPages: Math.ceil(won.length / 50),
      total: won.length,
      hasMore: won.length > 50,
      count: 'exact',
      nextCursor: won.length > 50 ? expect.any(String) : null,
    });
    const expected = [...won]
      .sort((a, b) => b.value! - a.value! || (a.id < b.id ? 1 : -1))
      .slice(0, 50)
      .map((r) => ({ id: r.id, name: r.name, value: r.value }));
    expect(body.data).toEqual(expected);
    expect(body.meta.requestId).toMatch(/^req_[0-9a-f]{12}$/);
    expect(response.headers['x-request-id']).toBe(body.meta.requestId);
    expect(new Date(body.meta.timestamp).toISOString()).toBe(body.meta.timestamp);
  });

  it('accepts URLSearchParams and parsed objects like the raw string', async () => {
    const raw = 'source=gtm,wordpress&value[lt]=500&limit=7&page=2';
    const forms = [
      raw,
      `?${raw}`,
      new URLSearchParams(raw),
      { source: 'gtm,wordpress', value: { lt: '500' }, limit: '7', page: '2' },
    ];
    const bodies = await Promise.all(
      forms.map(async (query) =>
        success((await handleListRequest({ resource: leads, backend, query })).body),
      ),
    );
    for (const body of bodies) expect(body.data).toEqual(bodies[0]!.data);
    expect(bodies[0]!.data).toHaveLength(7);
  });

  it('gives a fresh request id per request and echoes a safe X-Request-Id', async () => {
    const a = await handleListRequest({ resource: leads, backend, query: '' });
    const b = await handleListRequest({ resource: leads, backend, query: '' });
    expect(success(a.body).meta.requestId).not.toBe(success(b.body).meta.requestId);
    const echoed = await handleListRequest({
      resource: leads,
      backend,
      query: '',
      headers: { 'X-Request-Id': 'trace-1234.abc:9' },
    });
    expect(success(echoed.body).meta.requestId).toBe('trace-1234.abc:9');
    expect(echoed.headers['x-request-id']).toBe('trace-1234.abc:9');
    for (const unsafe of [
      'bad id',
      'x\r\nSet-Cookie: a=b',
      '"quoted"',
      'a'.repeat(65),
      '-leading',
      '',
    ]) {
      const replaced = await handleListRequest({
        resource: leads,
        backend,
        query: '',
        headers: { 'x-request-id': unsafe },
      });
      expect(success(replaced.body).meta.requestId).toMatch(/^req_[0-9a-f]{12}$/);
    }
  });

  it('never hands out the same fresh id twice, across draws of random bytes', () => {
    // Ids come from a pool of random bytes drawn 512 at a time: 3,000 cross several draws.
    const ids = Array.from({ length: 3_000 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('handleListRequest: pagination meta', () => {
  const total = rows.length; // 240 rows, no filter
  const cases = [
    { page: 1, data: 50, hasMore: true },
    { page: 3, data: 50, hasMore: true },
    { page: 5, data: 40, hasMore: false },
    { page: 6, data: 0, hasMore: false },
    { page: 1000, data: 0, hasMore: false },
  ];
  for (const { page, data, hasMore } of cases) {
    it(`page ${page} of ${total} rows by 50`, async () => {
      const response = await handleListRequest({ resource: leads, backend, query: `page=${page}` });
      const body = success(response.body);
      expect(body.data).toHaveLength(data);
      expect(body.meta.pagination).toEqual({
        limit: 50,
        page,
        totalPages: 5,
        total,
        hasMore,
        count: 'exact',
        nextCursor: hasMore ? expect.any(String) : null,
      });
    });
  }

  it('has no pages when nothing matches', async () => {
    const response = await handleListRequest({ resource: leads, backend, query: 'value[gt]=1e9' });
    expect(response.status).toBe(400); // 1e9 is not a plain decimal
    const none = await handleListRequest({
      resource: leads,
      backend,
      query: 'value[gt]=1000000000',
    });
    expect(success(none.body).meta.pagination).toEqual({
      limit: 50,
      page: 1,
      totalPages: 0,
      total: 0,
      hasMore: false,
      count: 'exact',
      nextCursor: null,
    });
  });
});

describe('handleListRequest: 400', () => {
  it('lists every issue; code and message are the first issue’s', async () => {
    const query = 'createdAt[gte]=2026-02-30&value[gte]=abc&limit=0&foo=1';
    const response = await handleListRequest({ resource: leads, backend, query });
    expect(response.status).toBe(400);
    const body = failure(response.body);
    const issues = (body.error.details as unknown as { issues: { code: string; param: string }[] })
      .issues;
    expect(issues.map((i) => [i.code, i.param])).toEqual([
      ['INVALID_DATE', 'createdAt[gte]'],
      ['INVALID_FILTER', 'value[gte]'],
      ['VALIDATION_ERROR', 'limit'],
      ['INVALID_FILTER', 'foo'],
    ]);
    expect(body.error.code).toBe('INVALID_DATE');
    expect(body.error.message).toBe((issues[0] as unknown as { message: string }).message);
    expect(body.meta.requestId).toMatch(/^req_[0-9a-f]{12}$/);
    expect(body).not.toHaveProperty('data');
  });

  it('turns a ListQueryError thrown by a backend into a 400', async () => {
    const refusing: ListBackend = {
      async run() {
        throw new ListQueryError([
          issue('VALIDATION_ERROR', 'search', 'x', 'This store cannot search'),
        ]);
      },
    };
    const response = await handleListRequest({
      resource: leads,
      backend: refusing,
      query: 'search=x',
    });
    expect(response.status).toBe(400);
    expect(failure(response.body).error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'This store cannot search',
    });
  });
});

describe('handleListRequest: 401', () => {
  const unauthorized = async (h: Record<string, string> | Headers): Promise<ErrorEnvelope> => {
    const response = await handleListRequest({
      resource: leads,
      backend,
      query: '',
      headers: h,
      auth,
    });
    expect(response.status).toBe(401);
    return failure(response.body);
  };

  it('answers a missing, empty, wrong or differently-sized key with the same body', async () => {
    const bodies = await Promise.all([
      unauthorized({}),
      unauthorized({ 'x-api-key': '' }),
      unauthorized({ 'x-api-key': 'wrong' }),
      unauthorized({ 'x-api-key': `${KEY}x` }),
      unauthorized({ 'x-api-key': KEY.slice(0, -1) }),
      unauthorized({ 'x-api-key': KEY.toUpperCase() }),
      unauthorized({ authorization: `Bearer ${KEY}` }),
    ]);
    for (const body of bodies) {
      expect(body.error).toEqual({
        code: 'UNAUTHORIZED',
        message: bodies[0]!.error.message,
        details: {},
      });
    }
  });

  it('checks the key before the query, so strangers learn nothing about it', async () => {
    const response = await handleListRequest({
      resource: leads,
      backend,
      query: 'foo=1',
      headers: {},
      auth,
    });
    expect(response.status).toBe(401);
  });

  it('reads the header case-insensitively, from Node headers or Fetch Headers', async () => {
    for (const h of [
      { 'X-API-KEY': KEY },
      { 'x-Api-Key': KEY },
      new Headers({ 'X-Api-Key': KEY }),
    ]) {
      const response = await handleListRequest({
        resource: leads,
        backend,
        query: '',
        headers: h,
        auth,
      });
      expect(response.status).toBe(200);
    }
  });

  it('refuses a key sent twice (ambiguous) and accepts any of several configured keys', async () => {
    const twice = await handleListRequest({
      resource: leads,
      backend,
      query: '',
      headers: { 'x-api-key': [KEY, KEY] },
      auth,
    });
    expect(twice.status).toBe(401);
    const several = apiKeyAuth(['first-key', KEY, 'third-key']);
    for (const key of ['first-key', KEY, 'third-key']) {
      expect(await several({ 'x-api-key': key })).toBe(true);
    }
    expect(await several({ 'x-api-key': 'fourth-key' })).toBe(false);
  });

  it('refuses to be configured without a key', () => {
    expect(() => apiKeyAuth([])).toThrow(/at least one non-empty key/);
    expect(() => apiKeyAuth('')).toThrow(/at least one non-empty key/);
  });
});

describe('handleListRequest: 500', () => {
  const secret = 'SELECT * FROM "leads" WHERE password = $1 -- at db.internal:5432';
  const broken: ListBackend = {
    async run() {
      throw new Error(secret);
    },
  };

  it('leaks nothing and hands the cause to the logger with the request id', async () => {
    const logger = recordingLogger();
    const response = await handleListRequest({
      resource: leads,
      backend: broken,
      query: '',
      logger,
    });
    expect(response.status).toBe(500);
    const body = failure(response.body);
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(body.error.details).toEqual({});
    const text = JSON.stringify(body);
    for (const leak of ['SELECT', 'leads"', 'password', 'db.internal', 'Error', 'at ']) {
      expect(text).not.toContain(leak);
    }
    expect(logger.calls).toHaveLength(1);
    expect((logger.calls[0]!.err as Error).message).toBe(secret);
    expect(logger.calls[0]!.requestId).toBe(body.meta.requestId);
  });

  it('logs to console by default', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await handleListRequest({ resource: leads, backend: broken, query: '' });
      expect(response.status).toBe(500);
      expect(spy).toHaveBeenCalledTimes(1);
      expect((spy.mock.calls[0]![0] as { err: Error }).err.message).toBe(secret);
    } finally {
      spy.mockRestore();
    }
  });

  it('still answers when the logger itself throws', async () => {
    const logger: ListLogger = {
      error() {
        throw new Error('log sink down');
      },
    };
    const response = await handleListRequest({
      resource: leads,
      backend: broken,
      query: '',
      logger,
    });
    expect(response.status).toBe(500);
  });

  it('refuses a backend result that breaks the contract', async () => {
    const results: unknown[] = [
      null,
      { data: [], total: -1 },
      { data: [], total: 1.5 },
      { data: 'rows', total: 1 },
      { data: [], total: '3' },
    ];
    for (const result of results) {
      const logger = recordingLogger();
      const odd: ListBackend = { run: async () => result as never };
      const response = await handleListRequest({
        resource: leads,
        backend: odd,
        query: '',
        logger,
      });
      expect(response.status).toBe(500);
      expect(String(logger.calls[0]!.err)).toMatch(/backend returned/);
    }
  });

  it('answers 500 when auth or scope throws', async () => {
    const logger = recordingLogger();
    const failingAuth = await handleListRequest({
      resource: leads,
      backend,
      query: '',
      logger,
      auth: () => {
        throw new Error('key store down');
      },
    });
    expect(failingAuth.status).toBe(500);
    const failingScope = await handleListRequest({
      resource: leads,
      backend,
      query: '',
      logger,
      scope: async () => {
        throw new Error('tenant lookup failed');
      },
    });
    expect(failingScope.status).toBe(500);
    expect(logger.calls.map((c) => (c.err as Error).message)).toEqual([
      'key store down',
      'tenant lookup failed',
    ]);
  });
});

describe('handleListRequest: scope', () => {
  const tenant = eq<LeadField>('labelId', 'label_3');
  const inTenant = rows.filter((r) => r.labelId === 'label_3');

  it('ANDs the scope into every query', async () => {
    const response = await handleListRequest({
      resource: leads,
      backend,
      query: 'status=won,lost&limit=100',
      scope: tenant,
    });
    const body = success(response.body);
    const expected = inTenant.filter((r) => r.status === 'won' || r.status === 'lost');
    expect(body.meta.pagination.total).toBe(expected.length);
    expect(body.data.map((r) => r['id']).sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it('cannot be widened or removed by any parameter', async () => {
    const inTenantWith = (keep: (r: SyntheticLead) => boolean): number =>
      inTenant.filter(keep).length;
    const attempts: [string, number][] = [
      ['', inTenant.length],
      ['labelId=label_1', 0],
      ['labelId=label_1,label_3', inTenant.length],
      ['labelId=label_3&labelId=label_1', inTenant.length],
      ['search=john', inTenantWith((r) => /john/i.test(`${r.name}|${r.email}|${r.phone}`))],
    ];
    for (const [query, total] of attempts) {
      const response = await handleListRequest({
        resource: leads,
        backend,
        query: `${query}&limit=100`,
        scope: tenant,
      });
      const body = success(response.body);
      expect(body.meta.pagination.total).toBe(total);
      for (const row of body.data) expect(row['labelId']).toBe('label_3');
    }
  });

  it('takes any filter tree, computed per request after authentication', async () => {
    const scope = vi.fn(() => or<LeadField>([tenant, inList('status', ['qualified'])]));
    const unauthenticated = await handleListRequest({
      resource: leads,
      backend,
      query: '',
      auth,
      scope,
    });
    expect(unauthenticated.status).toBe(401);
    expect(scope).not.toHaveBeenCalled();
    const response = await handleListRequest({
      resource: leads,
      backend,
      query: 'sort=value:desc&limit=100',
      headers,
      auth,
      scope,
    });
    expect(scope).toHaveBeenCalledTimes(1);
    const query = parseListQuery(leads, 'sort=value:desc&limit=100');
    const expected = runInMemory(
      leads,
      { ...query, filter: and([scope.mock.results[0]!.value, query.filter]) },
      rows as unknown as Iterable<Readonly<Record<string, unknown>>>,
    );
    expect(success(response.body).data).toEqual(expected.data);
    expect(expected.total).toBe(
      rows.filter((r) => r.labelId === 'label_3' || r.status === 'qualified').length,
    );
  });
});
