/** The frozen node factories servers use to add their own conditions. */
import { describe, expect, it } from 'vitest';
import {
  and,
  comparison,
  eq,
  exists,
  type FilterNode,
  inList,
  not,
  or,
  search,
} from '../../../src/index.js';

describe('factories', () => {
  it.each<[string, FilterNode, object]>([
    [
      'comparison',
      comparison('value', 'gt', 5),
      { kind: 'comparison', field: 'value', op: 'gt', value: 5 },
    ],
    ['eq', eq('status', 'won'), { kind: 'comparison', field: 'status', op: 'eq', value: 'won' }],
    [
      'inList',
      inList('status', ['won', 'lost']),
      { kind: 'in', field: 'status', values: ['won', 'lost'] },
    ],
    ['exists', exists('gclid', false), { kind: 'exists', field: 'gclid', exists: false }],
    ['search', search(['name'], 'jo'), { kind: 'search', fields: ['name'], term: 'jo' }],
    ['and', and([eq('a', 1)]), { kind: 'and', children: [eq('a', 1)] }],
    ['or', or([]), { kind: 'or', children: [] }],
    ['not', not(eq('a', true)), { kind: 'not', child: eq('a', true) }],
  ])('%s', (_name, node, shape) => {
    expect(node).toEqual(shape);
    expect(Object.isFrozen(node)).toBe(true);
    for (const value of Object.values(node)) {
      if (typeof value === 'object') expect(Object.isFrozen(value)).toBe(true);
    }
  });

  it('copies the arrays it is given', () => {
    const values = ['won'];
    const children: FilterNode[] = [eq('a', 1)];
    const fields = ['name'];
    const list = inList('status', values);
    const all = and(children);
    const found = search(fields, 'x');
    values.push('lost');
    children.push(eq('b', 2));
    fields.push('email');
    expect(list.values).toEqual(['won']);
    expect(all.children).toHaveLength(1);
    expect(found.fields).toEqual(['name']);
  });

  it('ANDs a server condition into a parsed filter', () => {
    const scoped = and([and([eq('status', 'won')]), eq('labelId', 'tenant_42')]);
    expect(scoped.children).toHaveLength(2);
  });
});
