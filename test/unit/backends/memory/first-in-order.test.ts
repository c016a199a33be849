import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../../../src/backends/memory/first-in-order.js';
import { propertyParams } from '../../../support/property.js';

describe('firstInOrder', () => {
  it('returns the first items in order', () => {
    expect(firstInOrder([5, 1, 4, 2, 3], (a, b) => a - b, 2)).toEqual([1, 2]);
    expect(firstInOrder([5, 1, 4], (a, b) => b - a, 10)).toEqual([5, 4, 1]);
    expect(firstInOrder([5, 1, 4], (a, b) => a - b, 0)).toEqual([]);
    expect(firstInOrder([], (a: number, b: number) => a - b, 3)).toEqual([]);
  });

  it('equals sort then slice for any input and count (a total order)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (items, count) => {
          const order = (a: number, b: number) => a - b;
          const expected = [...items].sort(order).slice(0, count);
          expect(firstInOrder([...items], order, count)).toEqual(expected);
        },
      ),
      propertyParams(500),
    );
  });

  it('handles input already in order and in reverse (the heap worst cases)', () => {
    const up = Array.from({ length: 200 }, (_, i) => i);
    const order = (a: number, b: number) => a - b;
    expect(firstInOrder([...up], order, 7)).toEqual(up.slice(0, 7));
    expect(firstInOrder([...up].reverse(), order, 7)).toEqual(up.slice(0, 7));
  });
});
