/**
 * Groups in formatListQuery: the canonical text, parsed back to the same AST,
 * and the same AST from every input form (string, URLSearchParams, Express's
 * qs object, Fastify's and Hono's flat objects).
 */
import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { quoteGroupValue } from '../../../../src/grammar.js';
import {
  and,
  comparison,
  defineResource,
  eq,
  exists,
  type FilterNode,
  formatListQuery,
  inList,
  leads,
  not,
  or,
  parseListQuery,
  search,
} from '../../../../src/index.js';
import { inputForms } from '../../../support/input-forms.js';
import { openLeads } from '../../../support/open-leads.js';
import { issuesOf, queryOf } from '../fixtures.js';

const grouped = defineResource({ ...leads.definition, groups: true });

/** The query with `filter` and the defaults. */
function withFilter(filter: ReturnType<typeof and>) {
  return { ...queryOf(grouped, ''), filter };
}

describe('the canonical form', () => {
  it.each([
    ['or=(status=won;value[gte]=100)', 'or=(status=won;value[gte]%3D100)'],
    // spaces dropped, items kept in the order written, aliases printed as their filter
    [
      'or=( value[gte] = 100 ; status = won )&and=(updated_after=2026-01-15)',
      'and=(updatedAt[gte]%3D2026-01-15)&or=(value[gte]%3D100;status=won)',
    ],
    // flat filters first (in canonical order), then and, then or, then search
    [
      'search=jo&or=(status=lost)&value[lte]=5&and=(not(source=import))&status=won',
      'status=won&value[lte]=5&and=(not(source=import))&or=(status=lost)&search=jo',
    ],
    // numbers and dates in their canonical spelling
    [
      'or=(value=1.50;createdAt[gte]=2026-01-15T10:30:00%2B02:00)',
      'or=(value=1.5;createdAt[gte]%3D2026-01-15T08:30:00.000Z)',
    ],
    // quotes only where needed
    ['or=(website="plain";website=" padded ")', 'or=(website=plain;website=%22%20padded%20%22)'],
    [
      'or=(status=won,lost;and(labelId="a;b,c";gclid[exists]=false))',
      'or=(status=won,lost;and(labelId=%22a;b,c%22;gclid[exists]%3Dfalse))',
    ],
  ])('%s → %s', (input, canonical) => {
    const query = queryOf(grouped, input);
    expect(formatListQuery(grouped, query)).toBe(canonical);
    expect(parseListQuery(grouped, canonical)).toEqual(query);
  });

  it.each([
    ['won', 'won'],
    ['a b', 'a b'],
    ['a,b=c\\d', 'a,b=c\\d'],
    ['a;b', '"a;b"'],
    ['(x)', '"(x)"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash "q"', '"back\\\\slash \\"q\\""'],
    [' lead', '" lead"'],
    ['trail\t', '"trail\t"'],
    ['\n', '"\n"'],
  ])('quotes %j as %j', (text, written) => {
    expect(quoteGroupValue(text)).toBe(written);
  });

  it('round-trips every special character through a quoted value', () => {
    for (const text of [
      ';',
      '(',
      ')',
      '"',
      '\\',
      ',',
      '%',
      '_',
      ' ',
      '😀;"\\',
      '?&=#+',
      'a%2Cb',
      'a]=b',
    ]) {
      const filter = and([or([eq('website', text), eq('website', `x${text}y`)])]);
      const query = withFilter(filter);
      const printed = formatListQuery(grouped, query);
      expect(parseListQuery(grouped, printed), printed).toEqual(query);
    }
  });
});

describe('what format refuses', () => {
  it.each([
    ['groups on a resource without them', leads, and([or([eq('status', 'won')])]), /no groups/],
    ['a top-level not', grouped, and([not(eq('status', 'won'))]), /nested 'not'/],
    [
      'two top-level ors',
      grouped,
      and([or([eq('status', 'won')]), or([eq('status', 'lost')])]),
      /second top-level 'or'/,
    ],
    ['an empty group', grouped, and([or([])]), /empty 'or' group/],
    ['an empty nested group', grouped, and([or([and([])])]), /empty 'and' group/],
    [
      'a search inside a group',
      grouped,
      and([or([search(grouped.searchable, 'jo')])]),
      /'search' node inside a group/,
    ],
  ])('%s', (_name, resource, filter, message) => {
    const query = { ...queryOf(resource, ''), filter };
    expect(() => formatListQuery(resource, query)).toThrow(message);
  });
});

describe('every input form gives the same AST', () => {
  const text = formatListQuery(
    grouped,
    withFilter(
      and([
        comparison('value', 'gte', 10),
        and([not(inList('source', ['import', 'api'])), or([eq('website', 'a;b "c"')])]),
        or([eq('status', 'won'), and([comparison('value', 'lt', 5), exists('gclid', true)])]),
      ]),
    ),
  );

  it('string, URLSearchParams, qs, node:querystring and a Hono-style object', () => {
    const expected = parseListQuery(grouped, text);
    for (const [form, input] of inputForms(text)) {
      expect(parseListQuery(grouped, input), form).toEqual(expected);
    }
  });

  it('qs takes a raw "]=" in a group for the end of the key, so format writes ]%3D', () => {
    // What a hand-written URL does to Express's req.query (listql's adapters read the raw URL).
    expect(qs.parse('or=(value[gte]=100)')).toEqual({ 'or=(value': { gte: '100)' } });
    // and decodes %5D before looking, so encoding the bracket does not help
    expect(qs.parse('or=(value%5Bgte%5D=100)')).toEqual({ 'or=(value': { gte: '100)' } });
    const query = parseListQuery(grouped, 'or=(value[gte]=100)');
    expect(formatListQuery(grouped, query)).toBe('or=(value[gte]%3D100)');
    expect(parseListQuery(grouped, qs.parse('or=(value[gte]%3D100)'))).toEqual(query);
  });
});

describe('cursors are bound to the whole filter, groups included', () => {
  const first = queryOf(grouped, 'status=won&or=(value[gte]=100;gclid[exists]=true)');
  const position = ['2026-03-01T10:00:00.000Z', 'lead_42'];
  const cursor = new URLSearchParams(formatListQuery(grouped, { ...first, after: position })).get(
    'cursor',
  )!;

  it('a cursor replays with the same groups', () => {
    const next = queryOf(
      grouped,
      `status=won&or=(value[gte]=100;gclid[exists]=true)&cursor=${cursor}`,
    );
    expect(next.after).toEqual(position);
    expect(next.filter).toEqual(first.filter);
  });

  it.each([
    'status=won&or=(value[gte]=101;gclid[exists]=true)',
    'status=won&or=(gclid[exists]=true;value[gte]=100)',
    'status=won&and=(value[gte]=100;gclid[exists]=true)',
    'status=won&or=(value[gte]=100;not(gclid[exists]=false))',
    'status=won',
    'or=(value[gte]=100;gclid[exists]=true)',
  ])('and is refused with another filter: %s', (input) => {
    const issues = issuesOf(grouped, `${input}&cursor=${cursor}`);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'VALIDATION_ERROR',
        param: 'cursor',
        message: expect.stringContaining('issued for another filter or sort'),
      }),
    ]);
  });
});

describe('the new operators inside groups', () => {
  const open = defineResource({ ...openLeads.definition, groups: true });
  /** The node a filter `key=value` gives as a top-level parameter. */
  const topLevel = (leaf: string): FilterNode => {
    const [key, value] = leaf.split(/=(.*)/s, 2) as [string, string];
    const { filter } = queryOf(open, new URLSearchParams([[key, value]]));
    return filter.kind === 'and' ? filter.children[0]! : expect.fail('a top-level and');
  };
  const leaves = [
    'name[contains]=acme',
    'email[endsWith]=@acme.com',
    'phone[startsWith]=+1',
    'status[nin]=won,lost',
    'labelId[ne]=x',
  ];

  it('a leaf takes every operator a top-level filter takes, and means the same', () => {
    const value = `(not(source=import);or(${leaves.join(';')}))`;
    const query = queryOf(open, new URLSearchParams([['and', value]]));
    const expected = and([not(eq('source', 'import')), or(leaves.map(topLevel))]);
    expect(query.filter).toEqual(and([expected]));
    expect(parseListQuery(open, formatListQuery(open, query))).toEqual(query);
  });

  it('prints not(eq) and not(in) as ne and nin where the field allows them, not(…) elsewhere', () => {
    const query = queryOf(
      open,
      new URLSearchParams([
        ['or', '(not(status=won);not(source=api,gtm);not(source=api);not(phone[contains]=1))'],
      ]),
    );
    const printed = formatListQuery(open, query);
    expect(decodeURIComponent(printed)).toBe(
      'or=(status[ne]=won;source[nin]=api,gtm;not(source=api);not(phone[contains]=1))',
    );
    expect(parseListQuery(open, printed)).toEqual(query);
  });

  it('refuses in a group the operators the field does not allow, as the top level does', () => {
    const found = issuesOf(open, new URLSearchParams([['or', '(source[ne]=api)']]));
    expect(found).toEqual([
      expect.objectContaining({
        code: 'INVALID_FILTER',
        param: 'or',
        value: 'source[ne]=api',
        message: expect.stringContaining("Operator 'ne' is not allowed on 'source'"),
        position: 1,
      }),
    ]);
  });
});
