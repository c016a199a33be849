/**
 * The cursor side of relations in the HTTP layer: a sort key on a to-one
 * path (`label.name`) is selected so the last row holds it, and what was
 * added only for the cursor leaves the rows again — a key of the embedded
 * object, or the whole embed when the client did not ask for it.
 */
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../../src/ast/index.js';
import { handleListRequest, memoryBackend } from '../../src/http/index.js';
import { widenForCursor, withoutHidden } from '../../src/http/next-cursor.js';
import { labeledLeads, parseListQuery } from '../../src/index.js';

/** A parsed query of the labeled leads with a hand-built sort and select (the parser's forms). */
function query(select: ListQuery['select'], sort: ListQuery['sort']): ListQuery {
  const base = parseListQuery(labeledLeads, '') as unknown as ListQuery;
  return { ...base, select, sort };
}

const byLabel = [
  { field: 'label.name', direction: 'asc' },
  { field: 'id', direction: 'asc' },
] as const;

describe('widenForCursor with to-one path sort keys', () => {
  it('selects the path and hides the whole embed the client did not ask for', () => {
    const widened = widenForCursor(query(['id', 'name'], byLabel), labeledLeads);
    expect(widened.query.select).toEqual(['id', 'name', 'label.name']);
    expect(widened.hidden).toEqual(['label']);
  });

  it('hides only the key when the client embeds other fields of the relation', () => {
    const widened = widenForCursor(query(['id', 'label.color'], byLabel), labeledLeads);
    expect(widened.query.select).toEqual(['id', 'label.color', 'label.name']);
    expect(widened.hidden).toEqual(['label.name']);
  });

  it('adds nothing when the path is selected', () => {
    const q = query(['id', 'label.name'], byLabel);
    expect(widenForCursor(q, labeledLeads)).toEqual({ query: q, hidden: [] });
  });

  it('all fields: embeds nothing, so a path sort key is added and hidden whole', () => {
    const widened = widenForCursor(query('all', byLabel), labeledLeads);
    expect(widened.query.select).toEqual([...labeledLeads.selectable, 'label.name']);
    expect(widened.hidden).toEqual(['label']);
  });

  it('two path keys of one relation hide the embed once', () => {
    const sort = [
      { field: 'label.priority', direction: 'desc' },
      { field: 'label.name', direction: 'asc' },
    ] as const;
    const widened = widenForCursor(query(['id'], sort), labeledLeads);
    expect(widened.query.select).toEqual(['id', 'label.priority', 'label.name']);
    expect(widened.hidden).toEqual(['label']);
  });

  it('without the resource, a dotted name is still read as a path', () => {
    expect(widenForCursor(query(['id'], byLabel)).hidden).toEqual(['label']);
  });
});

describe('withoutHidden', () => {
  it('removes a key of the embedded object, keeping the others and a null embed', () => {
    const rows = [
      { id: 'l1', label: { color: 'gold', name: 'VIP' } },
      { id: 'l2', label: null },
    ];
    expect(withoutHidden(rows, ['label.name'])).toEqual([
      { id: 'l1', label: { color: 'gold' } },
      { id: 'l2', label: null },
    ]);
    // The backend's rows are not changed.
    expect(rows[0]!.label).toEqual({ color: 'gold', name: 'VIP' });
  });

  it('removes a whole embed and own fields', () => {
    const rows = [{ id: 'l1', name: 'Ann', value: 3, label: { name: 'VIP' } }];
    expect(withoutHidden(rows, ['label', 'value'])).toEqual([{ id: 'l1', name: 'Ann' }]);
  });
});

describe('handleListRequest: a cursor walk by a to-one path', () => {
  const lead = (id: string, labelId: string | null) => ({
    id,
    labelId,
    status: 'won',
    source: 'api',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  // b has no label, d a key with no label behind it: both sort last (null), by id.
  const rows = [
    lead('a', 'l2'),
    lead('b', null),
    lead('c', 'l1'),
    lead('d', 'l9'),
    lead('e', 'l1'),
  ];
  const backend = memoryBackend(labeledLeads, rows, {
    related: {
      labels: [
        { id: 'l1', name: 'Cold', color: null, priority: 1 },
        { id: 'l2', name: 'VIP', color: 'gold', priority: 3 },
      ],
      tags: [],
      lead_tags: [],
      notes: [],
    },
  });

  async function walk(query: string): Promise<{ ids: string[]; keys: string[][] }> {
    const ids: string[] = [];
    const keys: string[][] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor === null ? query : `${query}&cursor=${cursor}`;
      const { body } = await handleListRequest({ resource: labeledLeads, backend, query: q });
      if (!body.success) throw new Error(body.error.message);
      ids.push(...body.data.map((row) => String(row['id'])));
      keys.push(...body.data.map((row) => Object.keys(row)));
      cursor = body.meta.pagination.nextCursor;
    } while (cursor !== null);
    return { ids, keys };
  }

  it('passes rows without a related row (null positions), nulls last both ways', async () => {
    const asc = await walk('sort=label.name:asc&fields=id&limit=1');
    expect(asc.ids).toEqual(['c', 'e', 'a', 'b', 'd']);
    // The embed existed only for the cursor: the client sees what it asked for.
    expect(asc.keys).toEqual([['id'], ['id'], ['id'], ['id'], ['id']]);
    const desc = await walk('sort=label.name:desc&fields=id&limit=2');
    expect(desc.ids).toEqual(['a', 'e', 'c', 'd', 'b']);
  });

  it('keeps the embed the client asked for, without the added key', async () => {
    const { body } = await handleListRequest({
      resource: labeledLeads,
      backend,
      query: 'sort=label.name&fields=id,label.color&limit=2',
    });
    if (!body.success) throw new Error(body.error.message);
    expect(body.data).toEqual([
      { id: 'c', label: { color: null } },
      { id: 'e', label: { color: null } },
    ]);
  });
});
