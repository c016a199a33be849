/**
 * The check of a result's total that the differential tests share: exact
 * (and equal to the reference) unless the query asked for none (null) or for
 * an estimate the backend gave (a non-negative integer: the planner's guess,
 * not checked for closeness).
 */
import { expect } from 'vitest';
import type { ListQuery } from '../../src/index.js';
import type { EngineResult } from './engine.js';

export function expectCount(
  actual: EngineResult,
  query: ListQuery,
  exactTotal: number | null,
): void {
  if (query.count === 'none') {
    expect({ total: actual.total, count: actual.count }).toEqual({ total: null, count: 'none' });
  } else if (actual.count === 'estimated') {
    expect(query.count).toBe('estimated');
    expect(Number.isSafeInteger(actual.total) && (actual.total ?? -1) >= 0).toBe(true);
  } else {
    expect({ total: actual.total, count: actual.count }).toEqual({
      total: exactTotal,
      count: 'exact',
    });
  }
}
