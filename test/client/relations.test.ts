/**
 * Relations from the client: `relation.field` filters (to-one leaves, to-many
 * `some`), to-one sort keys and embeds print as the server's URL and parse
 * back to the nodes they describe; the printer writes relation leaves and
 * `some` nodes (merged in a group's `and`) and refuses what no URL can say;
 * mistakes name the path; the table state reads relation keys back.
 */
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
  some,
  text,
} from '../../src/index.js';

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

  it('names the path in every issue', () => {
    const result = safeListUrl(labeledLeads, {
      filter: {
        'lable.name': 'x',
        'label.nmae': 'y',
        'tags.name': { gt: 'x' },
        'label.priority': { gte: 'abc' },
        'tags.deletedAt': { exists: true },
      },
      sort: ['tags.name', 'label.nope'],
      fields: ['tags.deletedAt'],
    } as never);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.code, i.param, i.message])).toEqual([
      ['INVALID_FILTER', 'lable.name', "Unknown relation 'lable'. Relations: label, tags, notes"],
      [
        'INVALID_FILTER',
        'label.nmae',
        "Unknown field 'nmae' on relation 'label'. Fields: id, name, color, priority",
      ],
      [
        'INVALID_FILTER',
        'tags.name[gt]',
        "Operator 'gt' is not allowed on 'tags.name'. Allowed: eq, ne, contains, startsWith",
      ],
      ['INVALID_FILTER', 'label.priority[gte]', "label.priority[gte] must be a number, got 'abc'"],
      [
        'INVALID_FILTER',
        'tags.deletedAt',
        "Unknown field 'deletedAt' on relation 'tags'. Fields: id, name",
      ],
      [
        'VALIDATION_ERROR',
        'sort',
        "Cannot sort by 'tags.name': only fields of a to-one relation sort",
      ],
      [
        'VALIDATION_ERROR',
        'sort',
        "Unknown sort field 'label.nope'. Sortable fields: name, email, status, value, createdAt, updatedAt, qualifiedAt",
      ],
      [
        'VALIDATION_ERROR',
        'fields',
        "fields has unknown field 'deletedAt' on relation 'tags'. Selectable fields: id, name",
      ],
    ]);
  });

  it('reads relation keys back into the table state', () => {
    const search = toSearch(labeledLeads, example);
    const { state, issues } = fromSearch(labeledLeads, search);
    expect(issues).toEqual([]);
    expect(toSearch(labeledLeads, state)).toBe(search);
    const bad = fromSearch(labeledLeads, '?label.nmae=x&tags.name[gt]=z&status=won');
    expect(bad.state).toEqual({ filter: { status: { eq: ['won'] } } });
    expect(bad.issues.map((i) => i.param)).toEqual(['label.nmae', 'tags.name[gt]']);
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
    expect(
      decodeURIComponent(formatListQuery(labeledLeads, query(and([and([not(merged)])])))),
    ).toBe('and=(not(tags.name=vip;tags.id=t1))');
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
    ['a some on a to-one relation', and([some('label', eq('name', 'a'))])],
    ['an or inside a some', and([some('tags', or([eq('name', 'a'), eq('id', 'b')]))])],
    ['a field the relation does not filter by', and([some('tags', exists('deletedAt', false))])],
  ])('refuses %s', (_what, filter) => {
    expect(() => formatListQuery(labeledLeads, query(filter))).toThrow(
      /cannot be expressed in the query language/,
    );
  });
});
