/**
 * Input forms: a raw query string (with or without `?`), URLSearchParams, an
 * Express/qs nested object and Fastify/Hono flat objects all give the same
 * AST; decoding, parameter counting and odd object shapes.
 */
import querystring from 'node:querystring';
import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { leads, type QueryObject, safeParseListQuery } from '../../../src/index.js';
import { readInput } from '../../../src/parse/read-input.js';
import { filterOf, issueOf, queryOf, tasks } from './fixtures.js';

/** What Hono's `c.req.queries()` / Fastify give: flat keys, repeated keys as arrays. */
function flat(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** Every form of one query, by name. */
function forms(query: string): [string, string | URLSearchParams | QueryObject][] {
  return [
    ['string', query],
    ['string with ?', `?${query}`],
    ['URLSearchParams', new URLSearchParams(query)],
    ['Express (qs.parse)', qs.parse(query)],
    ['Fastify (querystring.parse)', { ...querystring.parse(query) }],
    ['Hono (flat, arrays for repeats)', flat(query)],
  ];
}

const QUERIES = [
  'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
  'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
  'search=john&source=gtm,wordpress&limit=20&page=3',
  'updated_after=2024-01-15T10:00:00Z&sort=updated_at:asc',
  'status=won&status=lost&labelId=a&labelId=b,c',
  'value[gte]=100&value[lte]=500&value=250',
  'search=john+doe&website=a%26b%3Dc',
  'gclid=abc&gclid[exists]=true',
  'qualifiedAt[exists]=false&createdAt=2026-01-15T10:30:00.5%2B02:00',
  `labelId=${Array.from({ length: 25 }, (_, i) => `l${i}`).join('&labelId=')}`,
  '',
];

describe('every input form gives the same AST', () => {
  describe.each(QUERIES)('%s', (query) => {
    const expected = queryOf(leads, query);
    it.each(forms(query))('%s', (_name, input) => {
      expect(queryOf(leads, input)).toEqual(expected);
    });
  });

  it('the issue doc example: { value: { gte: "100" }, status: ["won", "lost"] }', () => {
    expect(queryOf(leads, { value: { gte: '100' }, status: ['won', 'lost'] })).toEqual(
      queryOf(leads, 'value[gte]=100&status=won&status=lost'),
    );
  });

  it('the same errors from every form', () => {
    const query = 'value[gte]=abc&foo=1&limit=0';
    const expected = safeParseListQuery(leads, query);
    for (const [, input] of forms(query))
      expect(safeParseListQuery(leads, input)).toEqual(expected);
  });
});

describe('the filter order does not depend on the parameter order', () => {
  const parts = ['gclid[exists]=true', 'value[lte]=9', 'status=won', 'search=x', 'value[gt]=1'];
  it.each([parts, [...parts].reverse(), [parts[2], parts[0], parts[4], parts[3], parts[1]]])(
    '%s %s %s %s %s',
    (...order) => {
      expect(queryOf(leads, order.join('&'))).toEqual(queryOf(leads, parts.join('&')));
    },
  );
});

describe('decoding a raw query string', () => {
  it.each([
    ['search=john+doe', 'john doe'],
    ['search=john%20doe', 'john doe'],
    ['search=a%2Bb', 'a+b'],
    ['search=100%25', '100%'],
    ['search=%C3%A9t%C3%A9', 'été'],
    ['search=a=b', 'a=b'],
    ['search=%26', '&'],
  ])('%s → %j', (input, term) => {
    expect(filterOf(input)).toEqual({ kind: 'search', fields: ['name', 'email', 'phone'], term });
  });

  it('decodes keys too', () => {
    expect(queryOf(leads, 'value%5Bgte%5D=1')).toEqual(queryOf(leads, 'value[gte]=1'));
  });

  it.each(['%ZZ', '%', 'a%2', '%E0%A4%A', '%ED%A0%80', '%FF'])(
    'bad percent-encoding in a value: %s',
    (raw) => {
      expect(issueOf(leads, `website=${raw}`)).toEqual({
        code: 'INVALID_FILTER',
        param: 'website',
        value: null,
        message: 'website is not valid percent-encoding',
      });
    },
  );

  it('bad percent-encoding in a reserved parameter is VALIDATION_ERROR', () => {
    expect(issueOf(leads, 'search=%ZZ').code).toBe('VALIDATION_ERROR');
  });

  it('bad percent-encoding in a key', () => {
    expect(issueOf(leads, '%ZZ=1')).toMatchObject({ code: 'INVALID_FILTER', param: '%ZZ' });
  });

  it.each(['', '?', '&', '&&&', '?&'])('%j is the default query', (input) => {
    expect(queryOf(leads, input)).toEqual(queryOf(leads, {}));
  });

  it('a key without = has an empty value', () => {
    expect(issueOf(leads, 'status').message).toBe("status must be a non-empty value, got ''");
  });

  it('skips empty segments', () => {
    expect(queryOf(leads, '&&status=won&&')).toEqual(queryOf(leads, 'status=won'));
  });
});

describe('at most 100 parameters (repeats count)', () => {
  const params = (n: number) => Array.from({ length: n }, (_, i) => `labelId=l${i}`).join('&');
  const tooMany = (n: number) => ({
    success: false,
    issues: [
      {
        code: 'VALIDATION_ERROR',
        param: null,
        value: null,
        message: `A request may have at most 100 parameters, got ${n}`,
      },
    ],
  });

  it.each<[string, (q: string) => string | URLSearchParams | QueryObject]>([
    ['string', (q) => q],
    ['URLSearchParams', (q) => new URLSearchParams(q)],
    ['qs object', (q) => qs.parse(q)],
    ['flat object', (q) => flat(q)],
  ])('%s', (_name, form) => {
    expect(safeParseListQuery(leads, form(params(100))).success).toBe(true);
    expect(safeParseListQuery(leads, form(params(101)))).toEqual(tooMany(101));
  });

  it('refuses 10,000 parameters, counting all of them', () => {
    expect(safeParseListQuery(leads, params(10_000))).toEqual(tooMany(10_000));
  });

  it('does not count empty segments', () => {
    expect(safeParseListQuery(leads, `${params(100)}&&&`).success).toBe(true);
  });

  it('follows the resource limit', () => {
    const small = { ...tasks, limits: { ...tasks.limits, maxParams: 2 } };
    expect(safeParseListQuery(small, 'done=true&tag=a').success).toBe(true);
    expect(safeParseListQuery(small, 'done=true&tag=a&tag=b').success).toBe(false);
  });
});

describe('query objects', () => {
  it.each<[string, QueryObject, string, string]>([
    ['a number', { limit: 5 }, 'limit', 'VALIDATION_ERROR'],
    ['a boolean', { status: true }, 'status', 'INVALID_FILTER'],
    ['null', { status: null }, 'status', 'INVALID_FILTER'],
    ['a number in an array', { status: ['won', 1] }, 'status', 'INVALID_FILTER'],
    ['a function', { search: () => 'x' }, 'search', 'VALIDATION_ERROR'],
    ['nesting past field[op]', { value: { gte: { x: '1' } } }, 'value[gte][x]', 'INVALID_FILTER'],
    [
      'nesting past what qs produces',
      { value: { a: { b: { c: { d: '1' } } } } },
      'value[a][b][c]',
      'INVALID_FILTER',
    ],
  ])('%s is refused', (_name, input, param, code) => {
    const found = issueOf(leads, input);
    expect(found.param).toBe(param);
    expect(found.code).toBe(code);
  });

  it('a non-string value says so', () => {
    expect(issueOf(leads, { limit: 5 })).toEqual({
      code: 'VALIDATION_ERROR',
      param: 'limit',
      value: null,
      message: 'limit must be a string',
    });
  });

  it('ignores undefined values', () => {
    expect(queryOf(leads, { status: 'won', search: undefined })).toEqual(
      queryOf(leads, 'status=won'),
    );
  });

  it('reads only own keys (a polluted or inherited prototype adds nothing)', () => {
    const input = Object.create({ status: 'won' }) as QueryObject;
    expect(queryOf(leads, input)).toEqual(queryOf(leads, ''));
  });

  it('accepts objects without a prototype', () => {
    const input = Object.assign(Object.create(null) as Record<string, string>, { status: 'won' });
    expect(queryOf(leads, input)).toEqual(queryOf(leads, 'status=won'));
  });

  it('an own __proto__ key is an unknown field, not a prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "1"}}') as QueryObject;
    expect(issueOf(leads, input).param).toBe('__proto__[polluted]');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads qs arrays past its arrayLimit (an object with index keys) as repeats', () => {
    expect(queryOf(leads, { labelId: { 0: 'a', 1: 'b' } })).toEqual(queryOf(leads, 'labelId=a,b'));
  });

  it('refuses absurdly nested arrays without overflowing the stack', () => {
    let deep: unknown = 'won';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(issueOf(leads, { status: deep }).message).toBe('status must be a string');
  });
});

describe('other inputs', () => {
  it.each([5, null, undefined, true])('%j is a VALIDATION_ERROR for the whole request', (input) => {
    expect(safeParseListQuery(leads, input as unknown as string)).toEqual({
      success: false,
      issues: [
        {
          code: 'VALIDATION_ERROR',
          param: null,
          value: null,
          message: 'The query must be a string, URLSearchParams or object',
        },
      ],
    });
  });

  it('readInput keeps the order of parameters', () => {
    expect(readInput('b=1&a=2&b=3', 100)).toEqual({
      params: [
        { key: 'b', value: '1' },
        { key: 'a', value: '2' },
        { key: 'b', value: '3' },
      ],
    });
  });
});
