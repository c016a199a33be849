import { describe, expect, it } from 'vitest';
import {
  and,
  defineResource,
  encodeCursor,
  eq,
  exists,
  inList,
  type ListQuery,
  labeledLeads,
  labels,
  leads,
  not,
  or,
  parseListQuery,
  positionOf,
  safeParseListQuery,
  some,
  text,
} from '../../../src/index.js';

const filterOf = (query: string) => parseListQuery(labeledLeads, query).filter;
const issuesOf = (resource: typeof labeledLeads | typeof leads, query: string) => {
  const result = safeParseListQuery(resource as typeof labeledLeads, query);
  if (result.success) throw new Error(`expected issues for ${query}`);
  return result.issues.map(({ code, param, message }) => ({ code, param, message }));
};

describe('relation filters', () => {
  it.each<[string, ReturnType<typeof filterOf>]>([
    // To-one: a leaf on the path.
    ['label.name=VIP', and([eq('label.name', 'VIP')])],
    ['label.name=VIP,Gold', and([inList('label.name', ['VIP', 'Gold'])])],
    ['label.name[ne]=VIP', and([not(eq('label.name', 'VIP'))])],
    ['label.color[exists]=false', and([exists('label.color', false)])],
    [
      'label.priority[gte]=2',
      and([{ kind: 'comparison', field: 'label.priority', op: 'gte', value: 2 }]),
    ],
    ['label.name[startsWith]=V', and([text('label.name', 'startsWith', 'V')])],
    // To-many: at least one related row.
    ['tags.name=vip', and([some('tags', eq('name', 'vip'))])],
    ['tags.name[ne]=vip', and([some('tags', not(eq('name', 'vip')))])],
    ['notes.pinned=true', and([some('notes', eq('pinned', true))])],
    [
      'notes.createdAt[gte]=2026-01-01',
      and([
        some('notes', { kind: 'comparison', field: 'createdAt', op: 'gte', value: '2026-01-01' }),
      ]),
    ],
    // Separate parameters are separate conditions (canonical order: the relation's field order).
    [
      'tags.name=vip&tags.id=t9',
      and([some('tags', eq('id', 't9')), some('tags', eq('name', 'vip'))]),
    ],
    // Own fields first, then the relations in declaration order.
    [
      'tags.name=vip&label.name=VIP&status=won',
      and([eq('status', 'won'), eq('label.name', 'VIP'), some('tags', eq('name', 'vip'))]),
    ],
  ])('%s', (query, expected) => {
    expect(filterOf(query)).toEqual(expected);
  });

  it('reads every input form alike', () => {
    const expected = filterOf('label.priority[gte]=2&tags.name=vip');
    expect(
      parseListQuery(labeledLeads, new URLSearchParams('label.priority[gte]=2&tags.name=vip'))
        .filter,
    ).toEqual(expected);
    expect(
      parseListQuery(labeledLeads, { 'label.priority': { gte: '2' }, 'tags.name': 'vip' }).filter,
    ).toEqual(expected);
  });
});

describe('relation filters in groups', () => {
  it.each<[string, ReturnType<typeof filterOf>]>([
    // One group, one related row.
    [
      'and=(tags.name=vip;tags.id=t9)',
      and([and([some('tags', and([eq('name', 'vip'), eq('id', 't9')]))])]),
    ],
    [
      'and=(tags.name=vip;status=won;tags.id=t9)',
      and([and([some('tags', and([eq('name', 'vip'), eq('id', 't9')])), eq('status', 'won')])]),
    ],
    // Different relations stay apart; nested groups are their own level.
    [
      'and=(tags.name=vip;notes.pinned=true)',
      and([and([some('tags', eq('name', 'vip')), some('notes', eq('pinned', true))])]),
    ],
    [
      'and=(tags.name=vip;or(tags.id=t1;tags.id=t2))',
      and([
        and([
          some('tags', eq('name', 'vip')),
          or([some('tags', eq('id', 't1')), some('tags', eq('id', 't2'))]),
        ]),
      ]),
    ],
    [
      'or=(and(tags.name=vip;tags.id=t9);label.name=VIP)',
      and([
        or([
          and([some('tags', and([eq('name', 'vip'), eq('id', 't9')]))]),
          eq('label.name', 'VIP'),
        ]),
      ]),
    ],
    // not(…): no related row matches.
    ['and=(not(tags.name=vip))', and([and([not(some('tags', eq('name', 'vip')))])])],
    [
      'and=(not(and(tags.name=vip;tags.id=t9)))',
      and([and([not(and([some('tags', and([eq('name', 'vip'), eq('id', 't9')]))]))])]),
    ],
    [
      'or=(label.name=VIP;tags.name=vip)',
      and([or([eq('label.name', 'VIP'), some('tags', eq('name', 'vip'))])]),
    ],
  ])('%s', (query, expected) => {
    expect(filterOf(query)).toEqual(expected);
  });

  it('names the path in a group leaf issue', () => {
    expect(issuesOf(labeledLeads, 'or=(label.nmae=x;status=won)')[0]?.message).toBe(
      "Unknown field 'nmae' on relation 'label'. Fields: id, name, color, priority (in or, at offset 1)",
    );
  });
});

describe('relation issues name the path', () => {
  it.each([
    [
      'label.nmae=x',
      'INVALID_FILTER',
      'label.nmae',
      "Unknown field 'nmae' on relation 'label'. Fields: id, name, color, priority",
    ],
    [
      'lable.name=x',
      'INVALID_FILTER',
      'lable.name',
      "Unknown relation 'lable'. Relations: label, tags, notes",
    ],
    [
      'tags.deletedAt[exists]=true',
      'INVALID_FILTER',
      'tags.deletedAt[exists]',
      "Field 'deletedAt' on relation 'tags' is not filterable. Filterable: id, name",
    ],
    [
      'tags.name[gt]=x',
      'INVALID_FILTER',
      'tags.name[gt]',
      "Operator 'gt' is not allowed on 'tags.name'. Allowed: equality, ne, contains, startsWith",
    ],
    [
      'label.priority=high',
      'INVALID_FILTER',
      'label.priority',
      "label.priority must be a number, got 'high'",
    ],
    [
      'sort=tags.name',
      'VALIDATION_ERROR',
      'sort',
      "Cannot sort by 'tags.name': only fields of a to-one relation sort ('tags' has many rows per row)",
    ],
    [
      'sort=label.nope',
      'VALIDATION_ERROR',
      'sort',
      "Cannot sort by 'label.nope': field 'nope' on relation 'label' is unknown. Sortable: id, name, color, priority",
    ],
    [
      'sort=lable.name',
      'VALIDATION_ERROR',
      'sort',
      "Cannot sort by 'lable.name': unknown relation 'lable'. Relations: label, tags, notes",
    ],
    [
      'fields=tags.deletedAt',
      'VALIDATION_ERROR',
      'fields',
      "fields has unknown field 'deletedAt' on relation 'tags'. Fields: id, name",
    ],
    [
      'fields=lable.x',
      'VALIDATION_ERROR',
      'fields',
      "fields has unknown relation 'lable'. Relations: label, tags, notes",
    ],
  ])('%s', (query, code, param, message) => {
    expect(issuesOf(labeledLeads, query)).toEqual([{ code, param, message }]);
  });

  it('leaves resources without relations as they were: a path is a malformed key', () => {
    expect(issuesOf(leads, 'label.name=x')[0]?.message).toBe(
      "Malformed parameter 'label.name': use field=value or field[operator]=value",
    );
    expect(issuesOf(leads, 'sort=label.name')[0]?.message).toMatch(
      /^Cannot sort by 'label.name'\. Sortable fields: /,
    );
  });
});

describe('relation sort and fields', () => {
  it('sorts by to-one fields, the id breaking ties', () => {
    expect(parseListQuery(labeledLeads, 'sort=label.priority:desc,createdAt').sort).toEqual([
      { field: 'label.priority', direction: 'desc' },
      { field: 'createdAt', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ]);
  });

  it('selects embeds by path, id first, without repeats', () => {
    expect(
      parseListQuery(labeledLeads, 'fields=name,label.name,tags.name,label.name').select,
    ).toEqual(['id', 'name', 'label.name', 'tags.name']);
  });

  it('types the paths into the query', () => {
    const query: ListQuery<'id' | 'label.name'> = {
      ...parseListQuery(labeledLeads, ''),
      sort: [],
      filter: and([]),
      select: ['id', 'label.name'],
    };
    const parsed = parseListQuery(labeledLeads, 'sort=label.name');
    const field: (typeof parsed.sort)[number]['field'] = 'label.name';
    // @ts-expect-error not a path of labeled-leads
    const wrong: (typeof parsed.sort)[number]['field'] = 'label.nmae';
    expect([query.select, field, wrong]).toHaveLength(3);
  });
});

describe('cursors on relation sort keys', () => {
  it('reads the position from the embedded object and replays it', () => {
    const first = parseListQuery(labeledLeads, 'sort=label.priority:desc');
    const row = { id: 'l9', label: { priority: 3 } };
    const position = positionOf(labeledLeads, first.sort, row);
    expect(position).toEqual([3, 'l9']);
    expect(positionOf(labeledLeads, first.sort, { id: 'l8', label: null })).toEqual([null, 'l8']);
    const cursor = encodeCursor(labeledLeads, first.filter, first.sort, position);
    const next = parseListQuery(labeledLeads, `sort=label.priority:desc&cursor=${cursor}`);
    expect(next.after).toEqual([3, 'l9']);
  });

  it('seals positions of related fields a relation does not let clients select', () => {
    const hidden = defineResource({
      ...leads.definition,
      name: 'hidden-label',
      cursorSecret: 'a-secret-of-enough-length',
      relations: {
        label: { type: 'toOne', resource: labels, localKey: 'labelId', selectable: ['name'] },
      },
    });
    const query = parseListQuery(hidden, 'sort=label.priority');
    const cursor = encodeCursor(hidden, query.filter, query.sort, [7, 'l1']);
    expect(Buffer.from(cursor, 'base64url').toString()).not.toContain('7,');
    expect(parseListQuery(hidden, `sort=label.priority&cursor=${cursor}`).after).toEqual([7, 'l1']);
  });
});
