/**
 * Error bodies stay a small multiple of their request: identical issues are
 * merged, at most MAX_REPORTED_ISSUES are reported (the body says how many
 * more), every value is clipped and long lists of names are said once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleListRequest, memoryBackend } from '../../src/http/index.js';
import { leads, MAX_REPORTED_ISSUES, safeParseListQuery } from '../../src/index.js';
import { propertyParams } from '../support/property.js';

const backend = memoryBackend(leads, []);

async function errorBody(query: string) {
  const response = await handleListRequest({ resource: leads, backend, query });
  expect(response.status).toBe(400);
  return response.body as unknown as {
    error: { details: { issues: { message: string }[]; omittedIssues?: number } };
  };
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
/** The bound every 400 keeps: a few times its request, plus a constant for the fixed texts. */
const bound = (query: string): number => 4 * bytes(query) + 16_384;

describe('error size', () => {
  it('the 2 KB request of 990 empty fields and sort keys gets a small body', async () => {
    const query = `fields=${','.repeat(990)}&sort=${','.repeat(990)}`;
    const body = await errorBody(query);
    const size = bytes(JSON.stringify(body));
    expect(size).toBeLessThan(4 * bytes(query));
    expect(body.error.details.issues.map((i) => i.message.split('.')[0])).toEqual([
      'fields has 991 empty field names',
      'Cannot sort by 991 empty sort keys',
    ]);
  });

  it('100 unknown parameters: 20 issues, the rest counted, the field list once', async () => {
    const query = Array.from({ length: 100 }, (_, i) => `nope${i}=1`).join('&');
    const body = await errorBody(query);
    const { issues, omittedIssues } = body.error.details;
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(omittedIssues).toBe(100 - MAX_REPORTED_ISSUES);
    expect(issues[0]!.message).toContain('Filterable fields: status, value');
    expect(issues.filter((i) => i.message.includes('status, value'))).toHaveLength(1);
    // The parser keeps every issue; only the body is capped.
    const parsed = safeParseListQuery(leads, query);
    expect(parsed.success || parsed.issues.length).toBe(100);
  });

  it('identical issues are reported once', async () => {
    const body = await errorBody('status=nope&status=nope');
    expect(body.error.details.issues).toHaveLength(1);
    expect(body.error.details).not.toHaveProperty('omittedIssues');
  });

  it('names in messages are clipped like values', async () => {
    const long = 'x'.repeat(900);
    const body = await errorBody(`sort=${long}&fields=${long}`);
    for (const found of body.error.details.issues) expect(found.message.length).toBeLessThan(1_200);
  });

  /** Pieces of hostile query strings, each already encoded. */
  const piece = fc.oneof(
    fc.integer({ min: 0, max: 990 }).map((n) => `fields=${','.repeat(n)}`),
    fc.integer({ min: 0, max: 990 }).map((n) => `sort=${','.repeat(n)}`),
    fc
      .array(fc.stringMatching(/^[a-z]{1,8}(:[a-z]{0,5})?$/), { maxLength: 100 })
      .map((terms) => `sort=${terms.join(',')}`),
    fc
      .array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 100 })
      .map((names) => `fields=${names.join(',')}`),
    fc.stringMatching(/^[a-z_]{1,12}$/).map((name) => `${name}=1`),
    fc.integer({ min: 1, max: 1_200 }).map((n) => `website=${'a'.repeat(n)}`),
    fc.integer({ min: 1, max: 400 }).map((n) => `search=${'%F0%9F%98%80'.repeat(n)}`),
    fc
      .array(fc.stringMatching(/^[a-z0-9]{0,6}$/), { maxLength: 150 })
      .map((items) => `status=${items.join(',')}`),
    fc
      .array(fc.stringMatching(/^[0-9e.+-]{0,8}$/), { maxLength: 50 })
      .map((items) => `value[gte]=${items.join(',')}`),
    fc.constantFrom(
      'a[b][c]=1',
      'value[nope]=1',
      'phone=1',
      'value=1&value=2',
      'limit=0',
      'page=x',
      'count=all',
      'cursor=%00',
      'x=%ZZ',
      'createdAt=2026-13-01',
    ),
    fc.string({ maxLength: 40 }).map((text) => `or=(${encodeURIComponent(text)})`),
  );
  const hostile = fc
    .array(piece, { minLength: 1, maxLength: 120 })
    .map((pieces) => pieces.join('&'));

  it('a property: body bytes ≤ 4 × request bytes + 16 KiB for hostile requests', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (query) => {
        const response = await handleListRequest({ resource: leads, backend, query });
        if (response.status === 200) return;
        expect(response.status).toBe(400);
        const size = bytes(JSON.stringify(response.body));
        expect(size, query.slice(0, 200)).toBeLessThanOrEqual(bound(query));
      }),
      propertyParams(200),
    );
  });
});
