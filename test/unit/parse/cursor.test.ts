import { describe, expect, it } from 'vitest';
import {
  defineResource,
  encodeCursor,
  formatListQuery,
  leads,
  parseListQuery,
  positionOf,
  safeParseListQuery,
  withCursorSecret,
} from '../../../src/index.js';

const SECRET = 'a-secret-of-at-least-16-chars';
const signed = withCursorSecret(leads, SECRET);
const BASE = 'status=won,lost&value[gte]=100&sort=value:desc';
const row = { id: 'lead_9', value: 250, createdAt: '2026-01-31T23:59:59.999Z' };

function cursorFor(resource: typeof leads, query: string, lastRow: Record<string, unknown> = row) {
  const q = parseListQuery(resource, query);
  return encodeCursor(resource, q.filter, q.sort, positionOf(resource, q.sort, lastRow));
}

function issueOf(resource: typeof leads, query: string) {
  const result = safeParseListQuery(resource, query);
  if (result.success) throw new Error(`expected ${query} to be refused`);
  return result.issues[0]!;
}

describe('cursor', () => {
  it.each([
    ['unsigned', leads],
    ['signed', signed],
  ])('an %s cursor carries the last row’s sort values back', (_kind, resource) => {
    const cursor = cursorFor(resource, BASE);
    expect(cursor).toMatch(/^[A-Za-z0-9_.-]+$/);
    const next = parseListQuery(resource, `${BASE}&cursor=${cursor}&limit=10`);
    expect(next.after).toEqual([250, 'lead_9']);
    expect(next.page).toEqual({ limit: 10, page: 1 });
    expect(parseListQuery(resource, formatListQuery(resource, next))).toEqual(next);
  });

  it('holds nulls of nullable keys and date-times as instants', () => {
    const query = 'sort=qualifiedAt:asc,createdAt:desc';
    const cursor = cursorFor(leads, query, { ...row, qualifiedAt: null, createdAt: new Date(0) });
    expect(parseListQuery(leads, `${query}&cursor=${cursor}`).after).toEqual([
      null,
      '1970-01-01T00:00:00.000Z',
      'lead_9',
    ]);
  });

  it.each([
    ['another sort', 'status=won,lost&value[gte]=100&sort=value:asc'],
    ['another filter', 'status=won&value[gte]=100&sort=value:desc'],
    ['a search added', `${BASE}&search=john`],
  ])('is refused with %s than it was issued for', (_what, query) => {
    const cursor = cursorFor(leads, BASE);
    expect(issueOf(leads, `${query}&cursor=${cursor}`)).toMatchObject({
      code: 'VALIDATION_ERROR',
      param: 'cursor',
      message: expect.stringContaining('another filter or sort'),
    });
  });

  it('may change limit and fields between pages', () => {
    const cursor = cursorFor(leads, BASE);
    expect(parseListQuery(leads, `${BASE}&limit=5&fields=name&cursor=${cursor}`).after).toEqual([
      250,
      'lead_9',
    ]);
  });

  it('refuses a signed cursor that was altered, unsigned or signed with another secret', () => {
    const cursor = cursorFor(signed, BASE);
    const [body, mac] = cursor.split('.') as [string, string];
    const other = withCursorSecret(leads, 'another-secret-16-chars');
    const forged = cursorFor(leads, BASE).replace(/^./, (c) => (c === 'W' ? 'X' : 'W'));
    for (const bad of [
      `${body}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      body,
      cursorFor(other, BASE),
      `${forged}.${mac}`,
    ]) {
      expect(issueOf(signed, `${BASE}&cursor=${bad}`)).toMatchObject({
        code: 'VALIDATION_ERROR',
        param: 'cursor',
        message: 'cursor is invalid or was altered',
      });
    }
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['another version', Buffer.from('[2,"x",[]]').toString('base64url')],
    ['a signature on an unsigned resource', `${cursorFor(leads, BASE)}.abc`],
  ])('refuses a cursor that is %s', (_what, cursor) => {
    expect(issueOf(leads, `${BASE}&cursor=${cursor}`)).toMatchObject({
      code: 'VALIDATION_ERROR',
      param: 'cursor',
      message: 'cursor is not a cursor this endpoint issued',
    });
  });

  it.each([
    ['too few values', [250]],
    ['a string for a number', ['250', 'lead_9']],
    ['null for the id', [250, null]],
    ['a day for an instant', null],
  ])('refuses a position with %s', (_what, position) => {
    const query = position === null ? 'sort=createdAt:asc' : BASE;
    const q = parseListQuery(leads, query);
    // A hand-made cursor with the right fingerprint: only the position is wrong.
    const good = encodeCursor(leads, q.filter, q.sort, position ?? ['2026-01-31', 'lead_9']);
    expect(issueOf(leads, `${query}&cursor=${good}`).message).toBe(
      'cursor is not a cursor this endpoint issued',
    );
  });

  it.each([
    ['U+0000 in a string', 'sort=name', ['a\u0000b', 'lead_9']],
    ['a lone surrogate', 'sort=name', ['a\uD800', 'lead_9']],
    ['a NUL in the id', 'sort=name', ['a', 'lead\u00009']],
    ['a number for a string', 'sort=name', [7, 'lead_9']],
    ['a value outside the enum', 'sort=status', ['closed', 'lead_9']],
    ['an object', 'sort=name', [{ $gt: '' }, 'lead_9']],
    [
      'an instant that does not exist',
      'sort=createdAt:asc',
      ['2026-02-30T00:00:00.000Z', 'lead_9'],
    ],
    ['an instant without milliseconds', 'sort=createdAt:asc', ['2026-01-30T00:00:00Z', 'lead_9']],
    ['a boolean for a number', 'sort=value', [true, 'lead_9']],
  ])('validates a forged position like a URL value: %s', (_what, query, position) => {
    const q = parseListQuery(leads, query);
    // Forged by hand (no secret on leads): the right fingerprint, a hostile position.
    const forged = encodeCursor(leads, q.filter, q.sort, position as never);
    expect(issueOf(leads, `${query}&cursor=${forged}`).message).toBe(
      'cursor is not a cursor this endpoint issued',
    );
  });

  it('a forged number position must be finite (1e400 in the JSON is Infinity)', () => {
    const q = parseListQuery(leads, 'sort=value');
    const good = encodeCursor(leads, q.filter, q.sort, [1, 'lead_9']);
    const decoded = Buffer.from(good, 'base64url').toString('utf8').replace('[1,', '[1e400,');
    const forged = Buffer.from(decoded).toString('base64url');
    expect(issueOf(leads, `sort=value&cursor=${forged}`).message).toBe(
      'cursor is not a cursor this endpoint issued',
    );
  });

  it('cannot be combined with page', () => {
    const cursor = cursorFor(leads, BASE);
    expect(issueOf(leads, `${BASE}&page=2&cursor=${cursor}`)).toMatchObject({
      code: 'VALIDATION_ERROR',
      param: 'cursor',
      message: expect.stringContaining('cannot be combined'),
    });
  });

  it('refuses a secret shorter than 16 characters', () => {
    expect(() => withCursorSecret(leads, 'short')).toThrow(/at least 16 characters/);
  });
});

describe('count', () => {
  it.each(['exact', 'estimated', 'none'] as const)('count=%s', (strategy) => {
    const query = parseListQuery(leads, `count=${strategy}`);
    expect(query.count).toBe(strategy);
    expect(formatListQuery(leads, query)).toBe(strategy === 'exact' ? '' : `count=${strategy}`);
  });

  it('defaults to exact, or to the resource’s default', () => {
    expect(parseListQuery(leads, '').count).toBe('exact');
    const uncounted = defineResource({
      ...leads.definition,
      defaults: { ...leads.definition.defaults, count: 'none' },
    });
    expect(parseListQuery(uncounted, '').count).toBe('none');
    expect(formatListQuery(uncounted, parseListQuery(uncounted, 'count=exact'))).toBe(
      'count=exact',
    );
  });

  it.each(['', 'EXACT', 'approximate'])('refuses count=%j', (value) => {
    expect(issueOf(leads, `count=${value}`)).toEqual({
      code: 'VALIDATION_ERROR',
      param: 'count',
      value,
      message: `count must be one of exact, estimated, none, got '${value}'`,
    });
  });
});
