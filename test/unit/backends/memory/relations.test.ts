/**
 * Relations in the memory backend, by hand: the worked example of
 * docs/relations.md (labeled leads with labels, tags through lead_tags, notes)
 * on a few rows whose answers can be read off.
 */
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../../../src/backends/memory/index.js';
import { memoryBackend } from '../../../../src/http/backends/memory-backend.js';
import {
  and,
  comparison,
  defineResource,
  eq,
  exists,
  type FilterNode,
  type ListQuery,
  labeledLeads,
  labels,
  not,
  type Resource,
  some,
} from '../../../../src/index.js';

const at = '2026-01-01T00:00:00.000Z';
const lead = (id: string, labelId: string | null) => ({
  id,
  labelId,
  createdAt: at,
  updatedAt: at,
});
const rows = [lead('l1', 'vip'), lead('l2', 'cold'), lead('l3', null), lead('l4', 'gone')];
const related = {
  labels: [
    { id: 'vip', name: 'VIP', color: 'gold', priority: 3 },
    { id: 'cold', name: 'cold', color: null, priority: null },
  ],
  tags: [
    { id: 't2', name: 'hot', deleted_at: null },
    { id: 't1', name: 'vip', deleted_at: null },
    { id: 't3', name: 'old', deleted_at: '2025-01-01T00:00:00.000Z' },
  ],
  lead_tags: [
    { lead_id: 'l1', tag_id: 't2' },
    { lead_id: 'l1', tag_id: 't1' },
    { lead_id: 'l1', tag_id: 't1' },
    { lead_id: 'l2', tag_id: 't3' },
    { lead_id: 'l3', tag_id: 'nope' },
  ],
  notes: [
    { id: 'n2', lead_id: 'l2', body: 'b', pinned: true, created_at: at },
    { id: 'n1', lead_id: 'l2', body: 'a', pinned: false, created_at: new Date(at) },
  ],
};

function query(parts: Partial<ListQuery> = {}): ListQuery {
  return {
    filter: and([]),
    sort: [{ field: 'id', direction: 'asc' }],
    select: ['id'],
    page: { limit: 10, page: 1 },
    after: null,
    count: 'exact',
    ...parts,
  };
}
const ids = (filter: FilterNode, parts: Partial<ListQuery> = {}) =>
  runInMemory(labeledLeads, query({ filter, ...parts }), rows, { related }).data.map(
    (r) => r['id'],
  );

describe('memory relations: filters', () => {
  it('reads a to-one path as a nullable field of the row', () => {
    expect(ids(eq('label.name', 'VIP'))).toEqual(['l1']);
    expect(ids(not(eq('label.name', 'VIP')))).toEqual(['l2', 'l3', 'l4']);
    expect(ids(exists('label.color', false))).toEqual(['l2', 'l3', 'l4']);
    expect(ids(comparison('label.priority', 'gte', 1))).toEqual(['l1']);
  });

  it('some: at least one related row matches; the where and the join dedupe apply', () => {
    expect(ids(some('tags', eq('name', 'vip')))).toEqual(['l1']);
    expect(ids(some('tags', eq('name', 'old')))).toEqual([]); // soft-deleted: never matches
    expect(ids(not(some('tags', and([]))))).toEqual(['l2', 'l3', 'l4']);
    expect(ids(some('notes', eq('pinned', true)))).toEqual(['l2']);
    expect(ids(some('label', eq('name', 'cold')))).toEqual(['l2']);
  });
});

describe('memory relations: sort and keyset', () => {
  it('sorts by a to-one path, nulls (no row, null value) last both ways', () => {
    const sort = (direction: 'asc' | 'desc') =>
      ids(and([]), {
        sort: [
          { field: 'label.priority', direction },
          { field: 'id', direction },
        ],
      });
    expect(sort('desc')).toEqual(['l1', 'l4', 'l3', 'l2']);
    expect(sort('asc')).toEqual(['l1', 'l2', 'l3', 'l4']);
  });

  it('pages after a position holding a path value', () => {
    const sort = [
      { field: 'label.name', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ] as const;
    // label.name folds case: 'cold' < 'VIP'; then no label (null) last.
    expect(ids(and([]), { sort })).toEqual(['l2', 'l1', 'l3', 'l4']);
    expect(ids(and([]), { sort, after: ['VIP', 'l1'] })).toEqual(['l3', 'l4']);
    expect(ids(and([]), { sort, after: [null, 'l3'] })).toEqual(['l4']);
  });
});

describe('memory relations: embeds', () => {
  it('embeds to-one as an object or null, to-many in id order with @more', () => {
    const { data } = runInMemory(
      labeledLeads,
      query({ select: ['id', 'label.name', 'tags.name', 'notes.createdAt', 'notes.id'] }),
      rows,
      { related },
    );
    expect(data).toEqual([
      {
        id: 'l1',
        label: { name: 'VIP' },
        tags: [{ name: 'vip' }, { name: 'hot' }],
        'tags@more': false,
        notes: [],
        'notes@more': false,
      },
      {
        id: 'l2',
        label: { name: 'cold' },
        tags: [],
        'tags@more': false,
        notes: [
          { createdAt: at, id: 'n1' },
          { createdAt: at, id: 'n2' },
        ],
        'notes@more': false,
      },
      { id: 'l3', label: null, tags: [], 'tags@more': false, notes: [], 'notes@more': false },
      { id: 'l4', label: null, tags: [], 'tags@more': false, notes: [], 'notes@more': false },
    ]);
  });

  it('caps a to-many embed at embedLimit and says so', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      id: `n${i}`,
      lead_id: 'l1',
      body: '',
      pinned: false,
      created_at: at,
    }));
    const { data } = runInMemory(labeledLeads, query({ select: ['id', 'notes.id'] }), rows, {
      related: { ...related, notes: many },
    });
    expect(data[0]).toEqual({
      id: 'l1',
      notes: ['n0', 'n1', 'n2', 'n3', 'n4'].map((id) => ({ id })),
      'notes@more': true,
    });
  });

  it('memoryBackend takes the same option', async () => {
    const backend = memoryBackend(labeledLeads as Resource, rows, { related });
    const result = await backend.run(
      query({ filter: eq('label.name', 'VIP'), select: ['id', 'label.color'] }),
    );
    expect(result.data).toEqual([{ id: 'l1', label: { color: 'gold' } }]);
  });
});

describe('memory relations: a missing table', () => {
  it('throws naming the table and the option', () => {
    const { tags: _, ...rest } = related;
    expect(() =>
      runInMemory(labeledLeads, query({ filter: some('tags', eq('name', 'vip')) }), rows, {
        related: rest,
      }),
    ).toThrow(/'tags'.*'related' option/);
    expect(() => runInMemory(labeledLeads, query({ filter: eq('label.name', 'x') }), rows)).toThrow(
      /'labels'/,
    );
  });
});

describe('memory relations: what a hand-built AST can get wrong', () => {
  it('refuses a leaf on a to-many path, and search across a relation', () => {
    expect(() => ids(eq('tags.name', 'vip'))).toThrow(/manyToMany relation.*some\('tags'/);
    expect(() => ids({ kind: 'search', fields: ['label.name'], term: 'v' })).toThrow(
      /search across relations/,
    );
  });

  it('names the relation a nested some asks for and the related resource lacks', () => {
    expect(() => ids(some('label', some('x', and([]))))).toThrow(/no relation 'x'/);
  });
});

describe('memory relations: one level', () => {
  it("never follows a related resource's own relations", () => {
    const teams = defineResource({
      name: 'teams',
      fields: {
        id: { type: 'string', filter: ['eq'] },
        labelId: { type: 'string', nullable: true },
      },
      relations: { label: { type: 'toOne', resource: labels, localKey: 'labelId' } },
    });
    const players = defineResource({
      name: 'players',
      fields: { id: { type: 'string' }, teamId: { type: 'string', nullable: true } },
      relations: { team: { type: 'toOne', resource: teams, localKey: 'teamId' } },
    });
    const run = (filter: FilterNode) =>
      runInMemory(players, query({ filter }), [{ id: 'p1', teamId: 't1' }], {
        related: { teams: [{ id: 't1', labelId: 'vip' }], labels: related.labels },
      });
    expect(run(some('team', eq('id', 't1'))).data).toEqual([{ id: 'p1' }]);
    expect(() => run(some('team', eq('label.name', 'VIP')))).toThrow(/relations reach one level/);
  });
});
