/**
 * Totals carried in cursors: the first page counts, its cursor carries the
 * total, and following pages answer with it without counting (proved by a
 * backend that records what it was asked, and on SQLite by the statements
 * Kysely ran), unless the request asks for a count; the label says where
 * the total came from; an altered total is refused; a total counted under
 * one scope is never shown under another.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLeads, type SyntheticLead } from '../../bench/support/synthetic-leads.js';
import { createTable, insertRows } from '../../src/backends/kysely/index.js';
import {
  handleListRequest,
  kyselyBackend,
  type ListBackend,
  type ListScope,
  memoryBackend,
  type SuccessEnvelope,
} from '../../src/http/index.js';
import { nextCursor } from '../../src/http/next-cursor.js';
import {
  type CountStrategy,
  eq,
  type LeadField,
  leads,
  parseListQuery,
  type Resource,
  scopeDigest,
  withCursorSecret,
} from '../../src/index.js';

const rows: SyntheticLead[] = generateLeads(120, 7);
const signed = withCursorSecret(leads, 'a-secret-of-at-least-16-chars');

/** A memory backend that records the count strategy of every query it runs. */
function spyBackend(resource: Resource<LeadField>, data: readonly object[]) {
  const inner = memoryBackend(resource, data);
  const counts: CountStrategy[] = [];
  const backend: ListBackend<LeadField> = {
    run: (query) => {
      counts.push(query.count);
      return inner.run(query);
    },
  };
  return { backend, counts };
}

async function page(
  query: string,
  backend: ListBackend<LeadField>,
  resource: Resource<LeadField> = leads,
  scope?: ListScope<LeadField>,
): Promise<SuccessEnvelope> {
  const response = await handleListRequest({
    resource,
    backend,
    query,
    ...(scope === undefined ? {} : { scope }),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as SuccessEnvelope;
}

/** The JSON array inside a cursor's base64url body. */
function payloadOf(cursor: string): unknown[] {
  return JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString('utf8')) as unknown[];
}

function withPayload(cursor: string, payload: unknown[]): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const dot = cursor.indexOf('.');
  return dot === -1 ? body : `${body}${cursor.slice(dot)}`;
}

describe('a cursor carries the total', () => {
  const base = 'status=won,lost&sort=value:desc&limit=10';

  it('following pages take it from the cursor and run no count', async () => {
    const { backend, counts } = spyBackend(leads, rows);
    const first = await page(base, backend);
    const total = first.meta.pagination.total;
    expect(total).toBe(rows.filter((r) => r.status === 'won' || r.status === 'lost').length);
    expect(first.meta.pagination.count).toBe('exact');
    expect(first.meta.pagination).not.toHaveProperty('totalFromCursor');

    const cursor = first.meta.pagination.nextCursor!;
    expect(payloadOf(cursor)[3]).toEqual([total, 'exact', expect.any(String)]);
    const second = await page(`${base}&cursor=${cursor}`, backend);
    expect(second.meta.pagination).toMatchObject({
      total,
      totalPages: Math.ceil(total! / 10),
      count: 'exact',
      totalFromCursor: true,
      hasMore: true,
    });
    // The third page's cursor still carries it.
    const third = await page(`${base}&cursor=${second.meta.pagination.nextCursor}`, backend);
    expect(third.meta.pagination).toMatchObject({ total, totalFromCursor: true });
    expect(counts).toEqual(['exact', 'none', 'none']);
  });

  it('count=exact recounts, count=none drops it, count=estimated estimates', async () => {
    const { backend, counts } = spyBackend(leads, rows);
    const first = await page(base, backend);
    const cursor = first.meta.pagination.nextCursor!;
    // The data changed since the first page: a recount sees it.
    const fewer = spyBackend(leads, rows.slice(20));
    const recounted = await page(`${base}&cursor=${cursor}&count=exact`, fewer.backend);
    expect(recounted.meta.pagination.total).toBeLessThan(first.meta.pagination.total!);
    expect(recounted.meta.pagination).not.toHaveProperty('totalFromCursor');
    const none = await page(`${base}&cursor=${cursor}&count=none`, backend);
    expect(none.meta.pagination).toMatchObject({ total: null, count: 'none' });
    expect(none.meta.pagination).not.toHaveProperty('totalFromCursor');
    // No total to carry: the cursor has none, and the page after it counts as the default says.
    expect(payloadOf(none.meta.pagination.nextCursor!)).toHaveLength(3);
    const after = await page(`${base}&cursor=${none.meta.pagination.nextCursor}`, backend);
    expect(after.meta.pagination).toMatchObject({
      count: 'exact',
      total: first.meta.pagination.total,
    });
    expect(counts).toEqual(['exact', 'none', 'exact']);
    expect(fewer.counts).toEqual(['exact']);
  });

  it('keeps the label of the strategy that counted it', async () => {
    const { backend } = spyBackend(leads, rows);
    // The memory backend counts `estimated` exactly and says so; the carried label follows.
    const first = await page(`${base}&count=estimated`, backend);
    const second = await page(`${base}&cursor=${first.meta.pagination.nextCursor}`, backend);
    expect(second.meta.pagination.count).toBe(first.meta.pagination.count);
    const estimated = withPayload(first.meta.pagination.nextCursor!, [
      ...payloadOf(first.meta.pagination.nextCursor!).slice(0, 3),
      [5000, 'estimated', (payloadOf(first.meta.pagination.nextCursor!)[3] as unknown[])[2]],
    ]);
    const labelled = await page(`${base}&cursor=${estimated}`, backend);
    expect(labelled.meta.pagination).toMatchObject({
      total: 5000,
      count: 'estimated',
      totalFromCursor: true,
    });
  });

  it('signed: an altered total is refused; unsigned: only well-formed totals are read', async () => {
    const { backend } = spyBackend(signed, rows);
    const first = await page(base, backend, signed);
    const cursor = first.meta.pagination.nextCursor!;
    expect(cursor).toContain('.');
    const payload = payloadOf(cursor);
    const carried = payload[3] as [number, string, string];
    const altered = withPayload(cursor, [...payload.slice(0, 3), [1, carried[1], carried[2]]]);
    const refused = await handleListRequest({
      resource: signed,
      backend,
      query: `${base}&cursor=${altered}`,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.success ? '' : refused.body.error.message).toMatch(
      /invalid or was altered/,
    );

    const plain = await page(base, spyBackend(leads, rows).backend);
    const plainPayload = payloadOf(plain.meta.pagination.nextCursor!);
    const print = (plainPayload[3] as unknown[])[2];
    for (const bad of [
      [-1, 'exact', print],
      [1.5, 'exact', print],
      ['12', 'exact', print],
      [12, 'none', print],
      [12, 'exact', 'short'],
      [12, 'exact'],
      null,
    ]) {
      const forged = withPayload(plain.meta.pagination.nextCursor!, [
        ...plainPayload.slice(0, 3),
        bad,
      ]);
      const response = await handleListRequest({
        resource: leads,
        backend,
        query: `${base}&cursor=${forged}`,
      });
      expect(response.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('is reused only under the scope it was counted under', async () => {
    const { backend, counts } = spyBackend(signed, rows);
    const tenant = (id: string): ListScope<LeadField> => eq('source', id);
    const first = await page(`${base.replace('10', '3')}`, backend, signed, tenant('api'));
    const cursor = first.meta.pagination.nextCursor!;
    const scoped = base.replace('10', '3');
    const same = await page(`${scoped}&cursor=${cursor}`, backend, signed, tenant('api'));
    expect(same.meta.pagination).toMatchObject({
      total: first.meta.pagination.total,
      totalFromCursor: true,
    });
    const other = await page(`${scoped}&cursor=${cursor}`, backend, signed, tenant('gtm'));
    expect(other.meta.pagination).not.toHaveProperty('totalFromCursor');
    const expected = rows.filter(
      (r) => r.source === 'gtm' && (r.status === 'won' || r.status === 'lost'),
    ).length;
    expect(other.meta.pagination.total).toBe(expected);
    const unscoped = await page(`${scoped}&cursor=${cursor}`, backend, signed);
    expect(unscoped.meta.pagination).not.toHaveProperty('totalFromCursor');
    expect(counts).toEqual(['exact', 'none', 'exact', 'exact']);
  });

  it('a cursor that would pass the length limit goes without it', () => {
    const query = parseListQuery(leads, base);
    const last = [{ id: 'lead_1', value: 10 }];
    const carried = {
      total: 12_345,
      count: 'exact',
      scope: scopeDigest(leads, undefined),
    } as const;
    const plain = nextCursor(leads, query, last, true)!;
    expect(payloadOf(nextCursor(leads, query, last, true, carried)!)).toHaveLength(4);
    const short = { ...leads, limits: { ...leads.limits, maxValueLength: plain.length + 5 } };
    expect(nextCursor(short, query, last, true, carried)).toBe(plain);
  });
});

describe('on SQLite, a cursor page with a carried total runs one statement', () => {
  const statements: string[] = [];
  const db = new Kysely<Record<string, never>>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    },
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('the first page counts, the next one does not, count=exact does again', async () => {
    await createTable(db, leads, { table: 'carried_total_leads' });
    await insertRows(db, leads, rows, { table: 'carried_total_leads' });
    const backend = kyselyBackend(db, leads, { table: 'carried_total_leads' });
    const counted = () => statements.filter((text) => /count\(/i.test(text)).length;

    statements.length = 0;
    const first = await page(base(), backend);
    expect(counted()).toBe(1);
    statements.length = 0;
    const second = await page(`${base()}&cursor=${first.meta.pagination.nextCursor}`, backend);
    expect(statements).toHaveLength(1);
    expect(counted()).toBe(0);
    expect(second.meta.pagination).toMatchObject({
      total: first.meta.pagination.total,
      totalFromCursor: true,
    });
    statements.length = 0;
    await page(`${base()}&cursor=${first.meta.pagination.nextCursor}&count=exact`, backend);
    expect(counted()).toBe(1);
  });

  function base(): string {
    return 'status=won,lost&value[gte]=100&sort=createdAt:desc&limit=10';
  }
});
