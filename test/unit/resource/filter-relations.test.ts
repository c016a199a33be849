import { describe, expect, it } from 'vitest';
import {
  and,
  eq,
  filterRelations,
  labeledLeads,
  leads,
  not,
  or,
  relationOf,
  some,
} from '../../../src/index.js';

describe('filterRelations', () => {
  it('tells path leaves from some nodes, at any depth, and looks no further into a some', () => {
    const found = filterRelations(
      labeledLeads,
      and([
        eq('status', 'won'),
        or([not(eq('label.name', 'VIP')), some('tags', eq('name', 'vip'))]),
        some('notes', eq('pinned', true)),
      ]),
    );
    expect([...found.paths]).toEqual([relationOf(labeledLeads, 'label')]);
    expect([...found.some]).toEqual([
      relationOf(labeledLeads, 'tags'),
      relationOf(labeledLeads, 'notes'),
    ]);
  });

  it('finds nothing on own fields or a resource without relations', () => {
    expect(filterRelations(labeledLeads, eq('status', 'won'))).toEqual({
      paths: new Set(),
      some: new Set(),
    });
    expect(filterRelations(leads, eq('status', 'won'))).toEqual({
      paths: new Set(),
      some: new Set(),
    });
  });
});
