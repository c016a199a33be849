/**
 * listUrl prints the canonical query string: the text formatListQuery prints
 * for the query the server parses from it, so a client URL and a server AST
 * always agree. Checked on examples, on every mistake the types would catch,
 * and as a property over every query the parser can produce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ListParams, ListQueryError, listUrl, safeListUrl } from '../../src/client/index.js';
import {
  defineResource,
  formatListQuery,
  leads,
  parseListQuery,
  type Resource,
} from '../../src/index.js';
import { listQueryArbitrary } from '../../src/testing/index.js';
import { propertyParams } from '../support/property.js';
import { paramsOf, products } from './fixtures.js';

describe('listUrl', () => {
  it('prints the issue example in canonical order', () => {
    const url = listUrl(leads, {
      filter: { status: ['won', 'lost'], value: { gte: 100 } },
      search: 'acme',
      sort: [['value', 'desc']],
      fields: ['id', 'name'],
      limit: 20,
    });
    expect(url).toBe(
      'status=won,lost&value[gte]=100&search=acme&sort=value:desc&fields=name&limit=20',
    );
    expect(formatListQuery(leads, parseListQuery(leads, url))).toBe(url);
  });

  it.each<[ListParams<typeof leads>, string]>([
    [{}, ''],
    [
      { filter: { createdAt: { gte: '2026-01-15T10:30:00+02:00' } } },
      'createdAt[gte]=2026-01-15T08:30:00.000Z',
    ],
    [
      { filter: { createdAt: { lt: new Date(Date.UTC(2026, 0, 1)) } } },
      'createdAt[lt]=2026-01-01T00:00:00.000Z',
    ],
    [{ filter: { createdAt: '2026-01-31' } }, 'createdAt=2026-01-31'],
    [{ filter: { value: 1e21 } }, 'value=1000000000000000000000'],
    [{ filter: { status: ['won', 'won'] } }, 'status=won'],
    [{ filter: { gclid: { exists: false }, status: 'open' } }, 'status=open&gclid[exists]=false'],
    [{ filter: { website: 'a&b=c d' } }, 'website=a%26b%3Dc%20d'],
    [{ sort: [['createdAt', 'desc']] }, ''],
    [{ sort: ['name', ['email', 'desc']] }, 'sort=name:asc,email:desc'],
    [{ page: 3, count: 'none' }, 'page=3&count=none'],
    [{ after: 'WzEsIm', limit: 50 }, 'cursor=WzEsIm'],
    [{ fields: ['id'] }, 'fields=id'],
  ])('%j → %s', (params, expected) => {
    expect(listUrl(leads, params)).toBe(expected);
  });

  it('throws a ListQueryError whose issues are shaped like the parser’s', () => {
    const bypassed = {
      filter: { value: { gte: 'abc' }, nope: 1, status: ['won', 'closed'], gclid: { gt: 'x' } },
      sort: [['phone', 'asc']],
      fields: ['name', 'password'],
      limit: 500,
      page: 0,
      count: 'maybe',
      colour: 'red',
    } as unknown as ListParams<typeof leads>;
    const error = (() => {
      try {
        listUrl(leads, bypassed);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ListQueryError);
    const issues = (error as ListQueryError).issues;
    expect(issues.map((i) => [i.code, i.param])).toEqual([
      ['VALIDATION_ERROR', 'colour'],
      ['INVALID_FILTER', 'value[gte]'],
      ['INVALID_FILTER', 'nope'],
      ['INVALID_FILTER', 'status'],
      ['INVALID_FILTER', 'gclid[gt]'],
      ['VALIDATION_ERROR', 'sort'],
      ['VALIDATION_ERROR', 'fields'],
      ['VALIDATION_ERROR', 'limit'],
      ['VALIDATION_ERROR', 'page'],
      ['VALIDATION_ERROR', 'count'],
    ]);
    // The same message the server gives for the same value.
    const server = parseIssues('value[gte]=abc');
    expect(issues.find((i) => i.param === 'value[gte]')).toEqual(server[0]);
    expect(issues.find((i) => i.param === 'status')).toEqual(parseIssues('status=won,closed')[0]);
  });

  it.each<[string, unknown, string]>([
    ['a date that does not exist', { filter: { createdAt: '2026-02-30' } }, 'INVALID_DATE'],
    ['an invalid Date', { filter: { createdAt: { gte: new Date(Number.NaN) } } }, 'INVALID_DATE'],
    ['text that is not a number', { filter: { value: '1e3' } }, 'INVALID_FILTER'],
    ['null (nulls are asked for with exists)', { filter: { website: null } }, 'INVALID_FILTER'],
    ['NaN', { filter: { value: Number.NaN } }, 'INVALID_FILTER'],
    [
      'a list where the field takes one value',
      { filter: { website: ['a', 'b'] } },
      'INVALID_FILTER',
    ],
    ['a comma inside a list item', { filter: { labelId: ['a,b'] } }, 'INVALID_FILTER'],
    ['an empty list', { filter: { status: [] } }, 'INVALID_FILTER'],
    ['a lone surrogate', { filter: { website: 'a\uD800' } }, 'INVALID_FILTER'],
    ['exists that is not a boolean', { filter: { gclid: { exists: 'yes' } } }, 'INVALID_FILTER'],
    ['__proto__ as a field', JSON.parse('{"filter":{"__proto__":{"eq":1}}}'), 'INVALID_FILTER'],
    [
      '__proto__ as an operator',
      JSON.parse('{"filter":{"value":{"__proto__":1}}}'),
      'INVALID_FILTER',
    ],
    ['an empty search', { search: '' }, 'VALIDATION_ERROR'],
    ['a sort field twice', { sort: ['name', ['name', 'desc']] }, 'VALIDATION_ERROR'],
    ['a bad direction', { sort: [['name', 'up']] }, 'VALIDATION_ERROR'],
    ['a cursor with a page', { after: 'abc', page: 2 }, 'VALIDATION_ERROR'],
    ['an empty cursor', { after: '' }, 'VALIDATION_ERROR'],
    ['a cursor that is not base64url (a lone surrogate)', { after: '\uD800' }, 'VALIDATION_ERROR'],
    ['a limit that is not an integer', { limit: 2.5 }, 'VALIDATION_ERROR'],
    ['not an object', 'status=won', 'VALIDATION_ERROR'],
  ])('refuses %s with an issue, never a throw from safeListUrl', (_what, params, code) => {
    const result = safeListUrl(leads, params as ListParams<typeof leads>);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]!.code).toBe(code);
  });

  it.each<[string, unknown]>([
    ['count', { count: 'x'.repeat(100_000) }],
    ['search', { search: ' '.repeat(100_000) }],
    ['fields', { fields: ['x'.repeat(100_000)] }],
    ['sort', { sort: [['name', 'x'.repeat(100_000)]] }],
    ['the request', 'x'.repeat(100_000)],
    ['request key', { ['x'.repeat(100_000)]: 1 }],
    ['filter field', { filter: { ['x'.repeat(100_000)]: 1 } }],
    ['filter operator', { filter: { value: { ['x'.repeat(100_000)]: 1 } } }],
  ])('bounds the message of a huge %s, as the issue bounds its value', (_what, params) => {
    const result = safeListUrl(leads, params as ListParams<typeof leads>);
    expect(result.success).toBe(false);
    for (const found of result.success ? [] : result.issues) {
      expect(found.message.length).toBeLessThan(1_000);
      expect(found.value!.length).toBeLessThan(1_000);
    }
  });

  it('prints the operators ne, nin and the text operators as the parser reads them', () => {
    const params: ListParams<typeof products> = {
      filter: {
        title: { contains: 'a;b', ne: 'x' },
        kind: { nin: ['book', 'game'] },
        tag: { nin: 'solo' },
        active: { ne: true },
      },
      search: '  red   blue ',
    };
    const url = listUrl(products, params);
    expect(decodeURIComponent(url)).toBe(
      'title[ne]=x&title[contains]=a;b&active[ne]=true&kind[nin]=book,game&tag[nin]=solo&search=red blue',
    );
    const query = parseListQuery(products, url);
    expect(formatListQuery(products, query)).toBe(url);
    expect(query.filter.kind === 'and' && query.filter.children.map((c) => c.kind)).toEqual([
      'not',
      'text',
      'not',
      'not',
      'not',
      'search',
      'search',
    ]);
  });

  it('reads text the way the server does when types are bypassed (the URL is the same)', () => {
    const bypassed = { filter: { value: '100', createdAt: { gte: '2026-01-15T10:30:00Z' } } };
    expect(listUrl(leads, bypassed as never)).toBe(
      listUrl(leads, {
        filter: { value: 100, createdAt: { gte: new Date('2026-01-15T10:30:00Z') } },
      }),
    );
  });

  it.each<[string, ListParams<typeof leads>]>([
    [
      'a list longer than maxListItems',
      { filter: { labelId: Array.from({ length: 101 }, (_, i) => `l${i}`) } },
    ],
    ['NUL', { filter: { website: 'a\u0000' } }],
    ['a value past maxValueLength', { filter: { website: 'x'.repeat(1001) } }],
    ['a search past maxSearchLength', { search: 'x'.repeat(201) }],
    ['search on a resource without searchable fields', { search: 'x' }],
  ])('leaves %s to the server, whose 400 names the parameter', (what, params) => {
    const plain = defineResource({ name: 'plain', fields: { id: { type: 'string' } } });
    const resource: Resource = what.startsWith('search on') ? plain : leads;
    const url = listUrl(resource as typeof leads, params);
    const issues = parseError(resource, url);
    expect(issues.length).toBeGreaterThan(0);
  });
});

const parseIssues = (text: string) => parseError(leads, text);

function parseError(resource: Resource, text: string) {
  try {
    parseListQuery(resource, text);
  } catch (e) {
    return (e as ListQueryError).issues;
  }
  throw new Error(`expected '${text}' to be refused`);
}

describe('round trip: listUrl → server parse → the AST the params describe', () => {
  const resources: [string, Resource][] = [
    ['leads', leads],
    ['products (number id, booleans, number lists, no eq on dates)', products],
  ];
  for (const [name, resource] of resources) {
    it(`${name}: same text as formatListQuery, same AST back`, () => {
      fc.assert(
        fc.property(listQueryArbitrary(resource), fc.nat(5), (query, variant) => {
          const params = paramsOf(resource, query, variant);
          const url = listUrl(resource, params);
          expect(url).toBe(formatListQuery(resource, query));
          expect(parseListQuery(resource, url)).toEqual(query);
        }),
        propertyParams(300),
      );
    });
  }
});
