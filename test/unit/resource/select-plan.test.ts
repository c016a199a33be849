import { describe, expect, it } from 'vitest';
import { labeledLeads, leads, moreKey, relationOf, selectPlan } from '../../../src/index.js';

describe('selectPlan', () => {
  it('groups relation paths by relation, in first-mention order', () => {
    const plan = selectPlan(labeledLeads, [
      'id',
      'tags.name',
      'name',
      'label.color',
      'tags.id',
      'label.name',
    ]);
    expect(plan.fields.map((f) => f.name)).toEqual(['id', 'name']);
    expect(plan.embeds.map((e) => [e.relation.name, e.fields.map((f) => f.name)])).toEqual([
      ['tags', ['name', 'id']],
      ['label', ['color', 'name']],
    ]);
  });

  it("embeds nothing for 'all'", () => {
    const plan = selectPlan(labeledLeads, 'all');
    expect(plan.embeds).toEqual([]);
    expect(plan.fields.map((f) => f.name)).toEqual(leads.selectable);
  });

  it('plans a select array once, and refuses unknown names', () => {
    const select = Object.freeze(['id', 'label.name']);
    expect(selectPlan(labeledLeads, select)).toBe(selectPlan(labeledLeads, select));
    expect(() => selectPlan(labeledLeads, ['id', 'label.nope'])).toThrow(
      "Resource 'labeled-leads' has no field or relation path 'label.nope'",
    );
  });

  it('names the more-annotation after the relation', () => {
    expect(moreKey(relationOf(labeledLeads, 'tags'))).toBe('tags@more');
  });
});
