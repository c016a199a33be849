import type { Collection, Document } from 'mongodb';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type MongoAggregateTarget, readTotal } from '../../../../src/backends/mongo/index.js';

describe('readTotal', () => {
  it('reads { total } and treats no document as zero ($count outputs nothing for no input)', () => {
    expect(readTotal([{ total: 42 }])).toBe(42);
    expect(readTotal([{ total: 0 }])).toBe(0);
    expect(readTotal([])).toBe(0);
  });

  it('refuses anything else rather than report a wrong total', () => {
    expect(() => readTotal([{ count: 3 }])).toThrow(/expected \{ total: <count> \}/);
    expect(() => readTotal([{ total: '3' }])).toThrow(/total/);
    expect(() => readTotal([{ total: -1 }])).toThrow(/total/);
    expect(() => readTotal([{ total: 1.5 }])).toThrow(/total/);
  });
});

describe('MongoAggregateTarget', () => {
  it('is satisfied by a driver Collection (checked by tsc)', () => {
    expectTypeOf<Collection<Document>>().toExtend<MongoAggregateTarget>();
  });
});
