/**
 * The whole request: defaults, search, several problems at once (all
 * reported, in parameter order), the frozen AST, and the throwing variant.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  and,
  comparison,
  defineResource,
  exists,
  inList,
  type LeadField,
  ListQueryError,
  leads,
  parseListQuery,
  safeParseListQuery,
  search,
} from '../../../src/index.js';
import { issueOf, issuesOf, queryOf, tasks } from './fixtures.js';

describe('the default query', () => {
  it('has no filter, sorts by createdAt:desc then id, selects all, page 1 of 50', () => {
    expect(queryOf(leads, '')).toEqual({
      filter: { kind: 'and', children: [] },
      sort: [
        { field: 'createdAt', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ],
      select: 'all',
      page: { limit: 50, page: 1 },
      after: null,
      count: 'exact',
    });
  });

  it('types field names as the resource literal union', () => {
    const query = parseListQuery(leads, '');
    expectTypeOf(query.sort[0]!.field).toEqualTypeOf<LeadField>();
    expectTypeOf<'createdAt'>().toMatchTypeOf<LeadField>();
  });
});

describe('the examples of the spec (section 7)', () => {
  it.each([
    [
      'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
      {
        filter: and([comparison('status', 'eq', 'won'), comparison('value', 'gte', 100)]),
        sort: [
          { field: 'value', direction: 'desc' },
          { field: 'id', direction: 'desc' },
        ],
        select: ['id', 'name', 'value'],
        page: { limit: 50, page: 1 },
        after: null,
        count: 'exact',
      },
    ],
    [
      'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
      {
        filter: and([
          exists('gclid', true),
          comparison('createdAt', 'gte', '2026-01-01'),
          comparison('createdAt', 'lt', '2026-02-01'),
        ]),
        sort: [
          { field: 'createdAt', direction: 'desc' },
          { field: 'id', direction: 'desc' },
        ],
        select: 'all',
        page: { limit: 50, page: 1 },
        after: null,
        count: 'exact',
      },
    ],
    [
      'search=john&source=gtm,wordpress&limit=20&page=3',
      {
        filter: and([
          inList('source', ['gtm', 'wordpress']),
          search(['name', 'email', 'phone'], 'john'),
        ]),
        sort: [
          { field: 'createdAt', direction: 'desc' },
          { field: 'id', direction: 'desc' },
        ],
        select: 'all',
        page: { limit: 20, page: 3 },
        after: null,
        count: 'exact',
      },
    ],
    [
      'updated_after=2024-01-15T10:00:00Z&sort=updated_at:asc',
      {
        filter: and([comparison('updatedAt', 'gte', '2024-01-15T10:00:00.000Z')]),
        sort: [
          { field: 'updatedAt', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        select: 'all',
        page: { limit: 50, page: 1 },
        after: null,
        count: 'exact',
      },
    ],
  ])('%s', (input, expected) => {
    expect(parseListQuery(leads, input)).toEqual(expected);
  });
});

describe('search', () => {
  it.each([
    ['search=john', 'john'],
    ['search=John%20Doe', 'John Doe'],
    ['search=%25', '%'],
    ['search=_', '_'],
    ['search=a*b', 'a*b'],
    ['search=%5C', '\\'],
    ['search=won,lost', 'won,lost'],
    ['search=status%3Dwon', 'status=won'],
  ])('%s keeps the term literally', (input, term) => {
    expect(queryOf(leads, input).filter).toEqual(and([search(['name', 'email', 'phone'], term)]));
  });

  it('comes last, after the filters, whatever the parameter order', () => {
    expect(queryOf(leads, 'search=x&status=won').filter).toEqual(
      and([comparison('status', 'eq', 'won'), search(['name', 'email', 'phone'], 'x')]),
    );
  });

  it('searches the searchable fields of a custom resource', () => {
    expect(queryOf(tasks, 'search=x').filter).toEqual(and([search(['title'], 'x')]));
  });

  it('an empty search is VALIDATION_ERROR', () => {
    expect(issueOf(leads, 'search=')).toEqual({
      code: 'VALIDATION_ERROR',
      param: 'search',
      value: '',
      message: 'search must not be empty',
    });
  });

  it('a resource without searchable fields refuses search', () => {
    const plain = defineResource({ name: 'plain', fields: { id: { type: 'string' } } });
    expect(issueOf(plain, 'search=x')).toEqual({
      code: 'VALIDATION_ERROR',
      param: 'search',
      value: 'x',
      message: 'plain does not support search',
    });
  });
});

describe('several problems: all reported, in parameter order', () => {
  it('reports every problem with its code, parameter and value', () => {
    const query =
      'value[gte]=abc&foo=1&createdAt=2026-02-30&limit=0&sort=bad:up&status[gt]=won&a[b]c=1&' +
      'page=0&fields=nope&gclid[exists]=maybe&search=';
    expect(issuesOf(leads, query).map((i) => [i.code, i.param, i.value])).toEqual([
      ['INVALID_FILTER', 'value[gte]', 'abc'],
      ['INVALID_FILTER', 'foo', '1'],
      ['INVALID_DATE', 'createdAt', '2026-02-30'],
      ['VALIDATION_ERROR', 'limit', '0'],
      ['VALIDATION_ERROR', 'sort', 'bad:up'],
      ['INVALID_FILTER', 'status[gt]', 'won'],
      ['INVALID_FILTER', 'a[b]c', '1'],
      ['VALIDATION_ERROR', 'page', '0'],
      ['VALIDATION_ERROR', 'fields', 'nope'],
      ['INVALID_FILTER', 'gclid[exists]', 'maybe'],
      ['VALIDATION_ERROR', 'search', ''],
    ]);
  });

  it.each([
    ['foo=1&value=abc', ['foo', 'value']],
    ['value=abc&foo=1', ['value', 'foo']],
    ['limit=0&x[y][z]=1&status=nope', ['limit', 'x[y][z]', 'status']],
    // the problems of a repeated parameter sit at its first occurrence
    ['status=won&foo=1&status=Bad', ['status', 'foo']],
    ['sort=a&sort=b&page=x', ['sort', 'page']],
  ])('%s', (input, params) => {
    expect(issuesOf(leads, input).map((i) => i.param)).toEqual(params);
  });

  it('the first issue decides the error code', () => {
    const error = errorOf('createdAt=bad&limit=0');
    expect(error.code).toBe('INVALID_DATE');
    expect(errorOf('limit=0&createdAt=bad').code).toBe('VALIDATION_ERROR');
  });
});

describe('parseListQuery', () => {
  it('returns the query of safeParseListQuery', () => {
    const result = safeParseListQuery(leads, 'status=won');
    expect(result.success && result.query).toEqual(parseListQuery(leads, 'status=won'));
  });

  it('throws a ListQueryError with status 400, the first code and every issue', () => {
    const error = errorOf('value=abc&foo=1');
    expect(error).toBeInstanceOf(ListQueryError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ListQueryError');
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_FILTER');
    expect(error.issues).toEqual(issuesOf(leads, 'value=abc&foo=1'));
    expect(error.message).toBe("value must be a number, got 'abc' (and 1 more)");
  });

  it('safeParseListQuery never throws on garbage', () => {
    for (const input of [
      '%',
      '&=&',
      '[]=[]',
      '?'.repeat(10),
      '\u0000=\u0000',
      'a'.repeat(100_000),
    ]) {
      expect(() => safeParseListQuery(leads, input)).not.toThrow();
    }
  });
});

describe('the AST is deeply frozen', () => {
  const query = queryOf(
    leads,
    'status=won,lost&value[gte]=1&gclid[exists]=true&search=x&fields=name&sort=value',
  );

  it.each([
    ['query', query],
    ['filter', query.filter],
    ['filter children', query.filter.kind === 'and' ? query.filter.children : null],
    ['in values', query.filter.kind === 'and' ? query.filter.children[0] : null],
    ['sort', query.sort],
    ['a sort key', query.sort[0]],
    ['select', query.select],
    ['page', query.page],
  ])('%s', (_name, part) => {
    expect(Object.isFrozen(part)).toBe(true);
  });

  it('every node in the tree', () => {
    const walk = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      expect(Object.isFrozen(value)).toBe(true);
      for (const child of Object.values(value)) walk(child);
    };
    walk(query);
  });

  it('refuses writes in strict mode', () => {
    expect(() => {
      (query.page as { limit: number }).limit = 1000;
    }).toThrow(TypeError);
  });

  it('the default sort of the resource is not shared mutable state', () => {
    expect(Object.isFrozen(queryOf(leads, '').sort)).toBe(true);
  });
});

function errorOf(input: string): ListQueryError {
  try {
    parseListQuery(leads, input);
  } catch (error) {
    if (error instanceof ListQueryError) return error;
    throw error;
  }
  return expect.fail(`expected ${input} to throw`);
}
