/**
 * The cursor side of relations in the HTTP layer: a sort key on a to-one
 * path (`label.name`) is selected so the last row holds it, and what was
 * added only for the cursor leaves the rows again — a key of the embedded
 * object, or the whole embed when the client did not ask for it.
 */
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../../src/ast/index.js';
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
