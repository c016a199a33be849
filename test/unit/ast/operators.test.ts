/** The operator vocabulary and its guards. */
import { describe, expect, it } from 'vitest';
import {
  COMPARISON_OPERATORS,
  FILTER_OPERATORS,
  isComparisonOperator,
  isFilterOperator,
  SORT_DIRECTIONS,
  TEXT_OPERATORS,
} from '../../../src/index.js';

describe('operators', () => {
  it('lists the vocabulary', () => {
    expect(COMPARISON_OPERATORS).toEqual(['eq', 'gt', 'gte', 'lt', 'lte']);
    expect(FILTER_OPERATORS).toEqual([
      'eq',
      'gt',
      'gte',
      'lt',
      'lte',
      'exists',
      'ne',
      'nin',
      'contains',
      'startsWith',
      'endsWith',
    ]);
    expect(TEXT_OPERATORS).toEqual(['contains', 'startsWith', 'endsWith']);
    expect(SORT_DIRECTIONS).toEqual(['asc', 'desc']);
  });

  it.each([
    ['eq', true, true],
    ['lte', true, true],
    ['exists', true, false],
    ['ne', true, false],
    ['nin', true, false],
    ['startsWith', true, false],
    ['startswith', false, false],
    ['$gt', false, false],
    ['__proto__', false, false],
    ['constructor', false, false],
    ['', false, false],
  ])('%j: filter %s, comparison %s', (name, filter, comparison) => {
    expect(isFilterOperator(name)).toBe(filter);
    expect(isComparisonOperator(name)).toBe(comparison);
  });
});
