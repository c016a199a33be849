/** The canonical filter order: field declaration order, then operator, then `exists`; search last. */
import { describe, expect, it } from 'vitest';
import {
  comparison,
  exists,
  type FilterNode,
  inList,
  leads,
  not,
  search,
} from '../../../src/index.js';
import { canonicalOrder, filterOrderKey } from '../../../src/syntax/canonical-order.js';

describe('canonicalOrder', () => {
  const ordered: FilterNode[] = [
    inList('status', ['won', 'lost']),
    comparison('value', 'eq', 5),
    comparison('value', 'gt', 1),
    comparison('value', 'gte', 1),
    comparison('value', 'lt', 9),
    comparison('value', 'lte', 9),
    comparison('source', 'eq', 'gtm'),
    comparison('gclid', 'eq', 'g'),
    exists('gclid', true),
    comparison('createdAt', 'gte', '2026-01-01'),
    exists('qualifiedAt', false),
    search(['name', 'email', 'phone'], 'x'),
  ];

  it.each([
    ['reversed', [...ordered].reverse()],
    ['rotated', [...ordered.slice(5), ...ordered.slice(0, 5)]],
    [
      'interleaved',
      ordered.filter((_, i) => i % 2 === 1).concat(ordered.filter((_, i) => i % 2 === 0)),
    ],
  ])('%s', (_name, shuffled) => {
    expect(canonicalOrder(leads, shuffled)).toEqual(ordered);
  });

  it('returns a new array', () => {
    const input = [...ordered];
    expect(canonicalOrder(leads, input)).not.toBe(input);
  });

  it('puts nodes the URL cannot produce last, like search', () => {
    expect(filterOrderKey(leads, not(exists('gclid', true)))).toBe(
      filterOrderKey(leads, search(['name'], 'x')),
    );
  });
});
