/**
 * Relations from the client: `relation.field` filters (to-one leaves, to-many
 * `some`), to-one sort keys and embeds print as the server's URL and parse
 * back to the nodes they describe; the printer writes relation leaves and
 * `some` nodes (merged in a group's `and`) and refuses what no URL can say;
 * mistakes name the path; the table state reads relation keys back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildListQuery,
  fromSearch,
  type ListParams,
  listUrl,
  safeListUrl,
  toSearch,
} from '../../src/client/index.js';
import {
  and,
  comparison,
  eq,
  exists,
  formatListQuery,
  inList,
  type ListQuery,
  labeledLeads,
  not,
  or,
  parseListQuery,
  safeParseListQuery,
  some,
  text,
} from '../../src/index.js';
import { propertyParams } from '../support/property.js';

type Labeled = ListParams<typeof labeledLeads>;

/** The query of `params` as the client builds it (it must build). */
function built(params: Labeled): ListQuery {
  const result = buildListQuery(labeledLeads, params);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return { ...result.query, after: null } as ListQuery;
}

const example: Labeled = {
  filter: { 'label.name': 'VIP', 'tags.name': ['vip', 'hot'], 'label.priority': { gte: 2 } },
  sort: [['label.name', 'asc']],
  fields: ['id', 'name', 'label.name', 'tags.name'],
};

describe('relations in listUrl', () => {
  it('prints the brief’s example: to-one leaves, a to-many list, a to-one sort, embeds', () => {
    const url = listUrl(labeledLeads, example);
    expect(url).toBe(
      'label.name=VIP&label.priority[gte]=2&tags.name=vip,hot&sort=label.name:asc&fields=name,label.name,tags.name',
    );
    const query = built(example);
    expect(query.filter).toEqual(
      and([
        eq('label.name', 'VIP'),
        comparison('label.priority', 'gte', 2),
        some('tags', inList('name', ['vip', 'hot'])),
      ]),
    );
    expect(query.sort).toEqual([
      { field: 'label.name', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ]);
    expect(query.select).toEqual(['id', 'name', 'label.name', 'tags.name']);
    expect(formatListQuery(labeledLeads, query)).toBe(url);
    // The server reads the URL back to the very query the params describe.
    expect(parseListQuery(labeledLeads, url)).toEqual(query);
  });

  it.each<[string, Labeled]>([
    [
      'to-one operators',
      { filter: { 'label.color': { exists: false }, 'label.name': { ne: 'x', startsWith: 'V' } } },
    ],
    [
      'to-many operators',
      {
        filter: {
          'tags.name': { ne: 'vip', contains: 'o' },
          'notes.createdAt': { gte: '2026-01-01' },
        },
      },
    ],
    [
      'own and related filters mixed',
      {
        filter: {
          status: 'won',
          'notes.pinned': true,
          'label.priority': { lt: 3 },
          value: { gte: 10 },
        },
      },
    ],
    [
      'a to-one sort among own keys',
      { sort: [['label.priority', 'desc'], 'createdAt'], fields: ['label.color', 'notes.body'] },
    ],
    [
      'groups with relation leaves',
      {
        and: [{ 'tags.name': 'vip' }, { status: 'won' }, { 'tags.id': ['t1', 't2'] }],
        or: [
          { not: { 'tags.name': 'x' } },
          { 'label.name': 'VIP', 'notes.body': { contains: ';' } },
          { 'tags.name': 'a', 'tags.id': 'b' },
        ],
      },
    ],
  ])('%s: the server parses listUrl’s text to the query the params describe', (_what, params) => {
    const url = listUrl(labeledLeads, params);
    const query = built(params);
    expect(parseListQuery(labeledLeads, url)).toEqual(query);
    expect(formatListQuery(labeledLeads, query)).toBe(url);
  });

  it('keeps separate to-many parameters separate, one some each', () => {
    const query = built({
      filter: { 'tags.name': { eq: 'vip', startsWith: 'h' }, 'notes.pinned': true },
    });
    const children = query.filter.kind === 'and' ? query.filter.children : [];
    expect(children).toEqual(
      expect.arrayContaining([
        some('tags', eq('name', 'vip')),
        some('tags', text('name', 'startsWith', 'h')),
        some('notes', eq('pinned', true)),
      ]),
    );
    expect(children).toHaveLength(3);
  });

  it('merges the conditions on one to-many relation written side by side in a group', () => {
    const query = built({
      and: [{ 'tags.name': 'vip' }, { status: 'won' }, { 'tags.id': 't1' }],
      or: [{ not: { 'tags.name': 'x' } }, { 'label.color': { exists: false } }],
    });
    const [andGroup, orGroup] = query.filter.kind === 'and' ? query.filter.children : [];
    expect(andGroup).toEqual(
      and([some('tags', and([eq('name', 'vip'), eq('id', 't1')])), eq('status', 'won')]),
    );
    expect(orGroup).toEqual(or([not(some('tags', eq('name', 'x'))), exists('label.color', false)]));
    expect(
      decodeURIComponent(
        listUrl(labeledLeads, { and: [{ 'tags.name': 'vip' }, { 'tags.id': 't1' }] }),
      ),
    ).toBe('and=(tags.name=vip;tags.id=t1)');
    // One condition of several filters: all on the same related row, one level deeper.
    expect(
      decodeURIComponent(
        listUrl(labeledLeads, { or: [{ 'tags.name': 'vip', 'tags.id': 't1' }, { status: 'won' }] }),
      ),
    ).toBe('or=(and(tags.name=vip;tags.id=t1);status=won)');
  });

  it('names the path in every issue; the server refuses each too', () => {
    const filter = {
      'lable.name': 'x',
      'label.nmae': 'y',
      'tags.name': { gt: 'x' },
      'label.priority': { gte: 'abc' },
      'tags.deletedAt': { exists: true },
    };
    const result = safeListUrl(labeledLeads, { filter } as never);
    const server = serverIssues(
      'lable.name=x&label.nmae=y&tags.name[gt]=x&label.priority[gte]=abc&tags.deletedAt[exists]=true',
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    const unknown = (path: string) =>
      expect.stringMatching(
        new RegExp(`^Unknown filter field '${path}'\\. Filterable fields: .*label\\.name`),
      );
    expect(result.issues.map((i) => [i.code, i.param, i.message])).toEqual([
      ['INVALID_FILTER', 'lable.name', unknown('lable.name')],
      ['INVALID_FILTER', 'label.nmae', unknown('label.nmae')],
      [
        'INVALID_FILTER',
        'tags.name[gt]',
        "Operator 'gt' is not allowed on 'tags.name'. Allowed: eq, ne, contains, startsWith",
      ],
      ['INVALID_FILTER', 'label.priority[gte]', "label.priority[gte] must be a number, got 'abc'"],
      ['INVALID_FILTER', 'tags.deletedAt', unknown('tags.deletedAt')],
    ]);
    // The server refuses the same parameters (an unknown path's with its operator; its words for
    // paths are more precise).
    expect(server.map((i) => i.code)).toEqual(result.issues.map((i) => i.code));
    for (const [i, found] of server.entries()) {
      expect(found.param?.startsWith(result.issues[i]!.param!)).toBe(true);
    }
  });

  it.each([
    ['tags.name', 'sort'],
    ['notes.createdAt', 'sort'],
    ['lable.name', 'sort'],
    ['label.nope', 'sort'],
    ['label.nope', 'fields'],
    ['lable.name', 'fields'],
    ['tags.deletedAt', 'fields'],
  ] as const)('refuses %s in %s, naming it, as the server does', (name, param) => {
    const result = safeListUrl(labeledLeads, { [param]: [name] } as never);
    expect(result.success).toBe(false);
    if (result.success) return;
    const server = serverIssues(`${param}=${name}`);
    expect(result.issues.map((i) => [i.code, i.param])).toEqual(
      server.map((i) => [i.code, i.param]),
    );
    expect(result.issues[0]!.message).toContain(`'${name}'`);
  });

  it('reads relation keys back into the table state', () => {
    const search = toSearch(labeledLeads, example);
    const { state, issues } = fromSearch(labeledLeads, search);
    expect(issues).toEqual([]);
    expect(toSearch(labeledLeads, state)).toBe(search);
    // Groups with relation leaves come back as conditions that print the same text.
    const grouped = toSearch(labeledLeads, {
      and: [{ 'tags.name': 'vip' }, { 'tags.id': 't1' }],
      or: [{ not: { 'tags.name': 'x' } }, { 'label.name': 'VIP', 'notes.body': { contains: ';' } }],
    });
    const read = fromSearch(labeledLeads, grouped);
    expect(read.issues).toEqual([]);
    expect(read.state.and).toEqual([{ 'tags.name': { eq: 'vip' } }, { 'tags.id': { eq: 't1' } }]);
    expect(toSearch(labeledLeads, read.state)).toBe(grouped);
    const bad = fromSearch(labeledLeads, '?label.nmae=x&tags.name[gt]=z&status=won');
    expect(bad.state).toEqual({ filter: { status: { eq: ['won'] } } });
    expect(bad.issues.map((i) => i.param)).toEqual(['label.nmae', 'tags.name[gt]']);
  });
});

describe('relation keys in fromSearch', () => {
  it('never throws on any text, and what it keeps always builds', () => {
    const key = fc.constantFrom(
      'label.name',
      'label.priority[gte]',
      'tags.name',
      'tags.name[ne]',
      'tags.deletedAt',
      'lable.name',
      'label.',
      '.name',
      'a.b.c',
      'notes.pinned',
      'sort',
      'fields',
      'and',
      'or',
    );
    const value = fc.constantFrom(
      'VIP',
      'a,b',
      '2',
      'abc',
      'true',
      '',
      'label.name:desc',
      'tags.name',
      '(tags.name=vip;tags.id=t1)',
      '(not(tags.name=x);label.color[exists]=false)',
    );
    const search = fc
      .array(fc.tuple(fc.oneof(key, fc.string({ maxLength: 6 })), value), { maxLength: 8 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    fc.assert(
      fc.property(search, (text) => {
        const read = fromSearch(labeledLeads, text);
        const url = safeListUrl(labeledLeads, read.state);
        expect(url.success).toBe(true);
        // What it keeps is what the server reads.
        if (url.success) expect(safeParseListQuery(labeledLeads, url.search).success).toBe(true);
      }),
      propertyParams(300),
    );
  });
});

describe('the printer and some nodes', () => {
  const query = (filter: ListQuery['filter']): ListQuery => ({
    ...parseListQuery(labeledLeads, ''),
    filter,
  });

  it('prints a to-many condition and its ne / nin forms', () => {
    expect(formatListQuery(labeledLeads, query(and([some('tags', eq('name', 'vip'))])))).toBe(
      'tags.name=vip',
    );
    expect(formatListQuery(labeledLeads, query(and([some('tags', not(eq('name', 'vip')))])))).toBe(
      'tags.name[ne]=vip',
    );
  });

  it('prints the conditions of one some side by side inside a group’s and', () => {
    const merged = some('tags', and([eq('name', 'vip'), eq('id', 't1')]));
    expect(decodeURIComponent(formatListQuery(labeledLeads, query(and([and([merged])]))))).toBe(
      'and=(tags.name=vip;tags.id=t1)',
    );
  });

  it.each([
    [
      'a some of several conditions at the top level',
      and([some('tags', and([eq('name', 'a'), eq('id', 'b')]))]),
    ],
    [
      'a some of several conditions in an or',
      and([or([some('tags', and([eq('name', 'a'), eq('id', 'b')])), eq('status', 'won')])]),
    ],
    [
      'two somes of one relation in one and',
      and([and([some('tags', eq('name', 'a')), some('tags', eq('id', 'b'))])]),
    ],
    [
      'a not of a some of several conditions (not(…) holds one item)',
      and([and([not(some('tags', and([eq('name', 'a'), eq('id', 'b')])))])]),
    ],
    ['a some on a to-one relation', and([some('label', eq('name', 'a'))])],
    ['an or inside a some', and([some('tags', or([eq('name', 'a'), eq('id', 'b')]))])],
    ['a field the relation does not filter by', and([some('tags', exists('deletedAt', false))])],
  ])('refuses %s', (_what, filter) => {
    expect(() => formatListQuery(labeledLeads, query(filter))).toThrow(
      /cannot be expressed in the query language/,
    );
  });
});

function serverIssues(text: string) {
  const result = safeParseListQuery(labeledLeads, text);
  if (result.success) throw new Error(`expected '${text}' to be refused`);
  return result.issues;
}
