/**
 * Table state in the address bar: toSearch writes the canonical query
 * string, fromSearch reads it back to the same state; a hand-edited URL
 * yields its valid part and an issue for each bad parameter, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromSearch,
  type ListParams,
  listUrl,
  safeListUrl,
  toSearch,
} from '../../src/client/index.js';
import { leads, parseListQuery, type Resource, safeParseListQuery } from '../../src/index.js';
import { listQueryArbitrary } from '../../src/testing/index.js';
import { propertyParams } from '../support/property.js';
import { paramsOf, products } from './fixtures.js';

describe('toSearch', () => {
  it('is ? and the canonical query string, or empty for the default state', () => {
    expect(toSearch(leads, {})).toBe('');
    expect(toSearch(leads, { filter: { status: ['won'] }, page: 2 })).toBe('?status=won&page=2');
  });
});

describe('fromSearch', () => {
  it('reads a state back to what it was', () => {
    const state: ListParams<typeof leads> = {
      filter: { status: ['won', 'lost'], value: { gte: 100 }, gclid: { exists: true } },
      search: 'acme & co',
      sort: [['value', 'desc'], 'name'],
      fields: ['id', 'name'],
      limit: 20,
      page: 3,
    };
    const read = fromSearch(leads, toSearch(leads, state));
    expect(read.issues).toEqual([]);
    expect(read.state).toEqual({
      filter: { status: { eq: ['won', 'lost'] }, value: { gte: 100 }, gclid: { exists: true } },
      search: 'acme & co',
      sort: [
        ['value', 'desc'],
        ['name', 'asc'],
      ],
      fields: ['name'], // the id is always selected, so the URL leaves it out
      limit: 20,
      page: 3,
    });
    expect(toSearch(leads, read.state)).toBe(toSearch(leads, state));
  });

  it('takes URLSearchParams, a leading ?, repeated list values and legacy aliases', () => {
    const read = fromSearch(
      leads,
      new URLSearchParams('status=won&status=lost&updated_after=2026-01-15T10:00:00Z&cursor=abc'),
    );
    expect(read).toEqual({
      state: {
        filter: { status: { eq: ['won', 'lost'] }, updatedAt: { gte: '2026-01-15T10:00:00.000Z' } },
        after: 'abc',
      },
      issues: [],
    });
    expect(fromSearch(leads, '?limit=5')).toEqual(fromSearch(leads, 'limit=5'));
  });

  it('keeps the valid part of a hand-edited URL and names each bad parameter', () => {
    const read = fromSearch(
      leads,
      '?status=won,closed&value[gte]=abc&value[lt]=500&sort=value:desc&limit=500&colour=red&page=2&page=3&phone=1',
    );
    // A repeated page: the first is kept, the repeat is the issue.
    expect(read.state).toEqual({
      filter: { value: { lt: 500 } },
      sort: [['value', 'desc']],
      page: 2,
    });
    expect(read.issues.map((i) => [i.code, i.param])).toEqual([
      ['INVALID_FILTER', 'colour'],
      ['VALIDATION_ERROR', 'page'],
      ['INVALID_FILTER', 'phone'],
      ['INVALID_FILTER', 'status'],
      ['INVALID_FILTER', 'value[gte]'],
      ['VALIDATION_ERROR', 'limit'],
    ]);
    // The messages are the server's for the same parameters.
    const server = safeParseListQuery(leads, 'value[gte]=abc&status=won,closed');
    expect(server.success).toBe(false);
    if (!server.success) {
      for (const found of server.issues) expect(read.issues).toContainEqual(found);
    }
  });

  it('refuses a key the resource does not know as the server does, whatever it looks like', () => {
    // `or` / `and` too, on a resource without groups (the group reader is installed: labeledLeads).
    for (const search of ['colour=red', 'colour[gte]=1', 'or=(status=won)', '__proto__=1']) {
      const server = safeParseListQuery(leads, search);
      expect(server.success).toBe(false);
      if (!server.success) expect(fromSearch(leads, search).issues).toEqual(server.issues);
    }
  });

  it('refuses a repeat of a parameter that is no list, naming it as written', () => {
    const read = fromSearch(
      leads,
      'page=2&page=3&updatedAt[gte]=2026-01-15&updated_after=2026-01-16',
    );
    expect(read.state).toEqual({ page: 2, filter: { updatedAt: { gte: '2026-01-15' } } });
    expect(read.issues).toEqual([
      { code: 'VALIDATION_ERROR', param: 'page', value: '3', message: 'page must be given once' },
      {
        code: 'INVALID_FILTER',
        param: 'updated_after',
        value: '2026-01-16',
        message: 'updated_after must be given once',
      },
    ]);
  });

  it('names long repeated keys in short messages, clipped as the issues’', () => {
    for (const key of [
      `status[${'x'.repeat(1000)}]`,
      'x'.repeat(1000),
      `${'x'.repeat(1000)}[gte]`,
    ]) {
      const read = fromSearch(leads, `${key}=won&${key}=lost`);
      expect(read.issues.length).toBeGreaterThan(0);
      for (const found of read.issues) expect(found.message.length).toBeLessThan(1_000);
    }
  });

  it('keeps no empty filter entry for an operator it refuses', () => {
    const read = fromSearch(leads, 'status[toString]=won&status[__proto__]=won&value[gte]=1');
    expect(read.state).toEqual({ filter: { value: { gte: 1 } } });
    expect(read.issues.map((i) => [i.code, i.param])).toEqual([
      ['INVALID_FILTER', 'status[toString]'],
      ['INVALID_FILTER', 'status[__proto__]'],
    ]);
  });

  it('drops an operator it refuses however long its key, so that what it keeps builds', () => {
    const key = `status[${'x'.repeat(300)}]`;
    const read = fromSearch(leads, `${key}=won&limit=5`);
    expect(read.state).toEqual({ limit: 5 });
    expect(read.issues.map((i) => [i.code, i.message.slice(0, 34)])).toEqual([
      ['INVALID_FILTER', "Operator 'xxxxxxxxxxxxxxxxxxxxxxxx"],
    ]);
    expect(toSearch(leads, read.state)).toBe('?limit=5');
  });

  const resources: [string, Resource][] = [
    ['leads', leads],
    ['products', products],
  ];
  for (const [name, resource] of resources) {
    it(`${name}: any parsed query → toSearch → fromSearch → the same query`, () => {
      fc.assert(
        fc.property(listQueryArbitrary(resource), fc.nat(5), (query, variant) => {
          const read = fromSearch(resource, toSearch(resource, paramsOf(resource, query, variant)));
          expect(read.issues).toEqual([]);
          expect(parseListQuery(resource, listUrl(resource, read.state))).toEqual(query);
        }),
        propertyParams(200),
      );
    });
  }

  it('never throws on any text, and what it keeps always builds', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'status',
        'value[gte]',
        'sort',
        'fields',
        'limit',
        'page',
        'cursor',
        'search',
      ),
      fc.constantFrom(
        'gclid[exists]',
        'createdAt[lt]',
        '__proto__',
        'constructor',
        'value[',
        'count',
      ),
      fc.string({ maxLength: 8 }),
    );
    const value = fc.oneof(
      fc.constantFrom('won', 'won,lost', '100', 'abc', 'true', '2026-01-15', 'value:desc', ''),
      fc.string({ maxLength: 12 }),
    );
    const search = fc
      .array(fc.tuple(piece, value), { maxLength: 8 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(search, fc.string({ maxLength: 40 })), (text) => {
        const read = fromSearch(leads, text);
        expect(safeListUrl(leads, read.state).success).toBe(true);
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      propertyParams(300),
    );
  });
});
