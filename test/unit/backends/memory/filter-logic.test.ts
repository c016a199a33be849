/**
 * and / or / not, empty and nested, and filters as the URL grammar builds
 * them on the leads preset.
 */
import { describe, expect, it } from 'vitest';
import { compileFilter, runInMemory } from '../../../../src/backends/memory/index.js';
import {
  and,
  comparison,
  eq,
  inList,
  leads,
  not,
  or,
  parseListQuery,
} from '../../../../src/index.js';
import { idsMatching, type ThingField, thing } from './fixtures.js';

const rows = [1, 2, 3, 4, 5, 6].map((n) => thing(`n${n}`, { amount: n }));
const gt = (n: number) => comparison('amount', 'gt', n);
const lt = (n: number) => comparison('amount', 'lt', n);
/** An empty `or`: false for every row. */
const never = or<ThingField>([]);

describe('boolean structure', () => {
  it('an empty and keeps every row; an empty or keeps none', () => {
    expect(idsMatching(and([]), rows)).toHaveLength(6);
    expect(idsMatching(or([]), rows)).toEqual([]);
    expect(idsMatching(not(and([])), rows)).toEqual([]);
    expect(idsMatching(not(or([])), rows)).toHaveLength(6);
  });

  it('a single child stands for itself', () => {
    expect(idsMatching(and([gt(4)]), rows)).toEqual(['n5', 'n6']);
    expect(idsMatching(or([gt(4)]), rows)).toEqual(['n5', 'n6']);
  });

  // Sizes 2 to 8 cover the unrolled forms and the recursion past three children.
  it.each([2, 3, 4, 5, 6, 7, 8])('and of %i children needs all of them', (size) => {
    // amount > 1, then amount > 0 (true for all) in the middle, then amount < 4.
    const children = Array.from({ length: size }, (_, i) =>
      i === 0 ? gt(1) : i === size - 1 ? lt(4) : gt(0),
    );
    expect(idsMatching(and(children), rows)).toEqual(['n2', 'n3']);
    // Any one failing child rejects the row, whatever its position.
    for (let at = 0; at < size; at++) {
      const withFalse = children.map((child, i) => (i === at ? never : child));
      expect(idsMatching(and(withFalse), rows)).toEqual([]);
    }
  });

  it.each([2, 3, 4, 5, 6, 7, 8])('or of %i children needs any of them', (size) => {
    const children = Array.from({ length: size }, () => never);
    expect(idsMatching(or(children), rows)).toEqual([]);
    for (let at = 0; at < size; at++) {
      const withOne = children.map((child, i) =>
        i === at ? eq<ThingField>('amount', at + 1) : child,
      );
      expect(idsMatching(or(withOne), rows)).toEqual(at < 6 ? [`n${at + 1}`] : []);
    }
  });

  it('nests and, or and not', () => {
    // (amount < 2 or amount > 5) and not(amount = 6)
    const filter = and([or([lt(2), gt(5)]), not(eq('amount', 6))]);
    expect(idsMatching(filter, rows)).toEqual(['n1']);
    expect(idsMatching(not(not(gt(4))), rows)).toEqual(['n5', 'n6']);
  });

  it('keeps two-valued logic through nesting: not(a or b) is true where both are null', () => {
    const withNull = [...rows, thing('null', { amount: null })];
    const filter = not(or([gt(2), inList('amount', [1])]));
    expect(idsMatching(filter, withNull)).toEqual(['n2', 'null']);
  });
});

describe('filters from the URL on the leads preset', () => {
  const lead = (id: string, cells: Record<string, unknown>) => ({ id, ...cells });
  const leadRows = [
    lead('a', { status: 'won', value: 150, gclid: 'g1', createdAt: '2026-01-02T00:00:00.000Z' }),
    lead('b', { status: 'lost', value: 100, gclid: null, createdAt: '2026-03-01T00:00:00.000Z' }),
    lead('c', { status: 'open', value: 500, gclid: 'g2', createdAt: '2026-02-01T00:00:00.000Z' }),
    lead('d', { status: 'won', value: null, gclid: 'g3', createdAt: '2026-02-01T00:00:00.000Z' }),
    lead('e', { status: 'lost', value: 99.5, gclid: 'g4', createdAt: '2025-12-31T23:59:59.999Z' }),
    lead('f', { status: 'lost', value: 1000, gclid: 'g5', createdAt: '2026-01-01T00:00:00.000Z' }),
  ];
  const ids = (q: string) =>
    runInMemory(leads, parseListQuery(leads, q), leadRows).data.map((row) => row['id']);

  it.each([
    ['status=won,lost', ['b', 'd', 'a', 'f', 'e']],
    ['status=won&status=lost', ['b', 'd', 'a', 'f', 'e']],
    ['value[gte]=100', ['b', 'c', 'a', 'f']],
    ['value[lt]=100', ['e']],
    ['gclid[exists]=false', ['b']],
    ['createdAt[gte]=2026-01-01', ['b', 'd', 'c', 'a', 'f']],
    ['updated_after=2026-01-01', []],
    ['status=won,lost&value[gte]=100&createdAt[gte]=2026-01-01&gclid[exists]=true', ['a', 'f']],
  ])('%s', (q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it('a server-built scope ANDed into a parsed filter', () => {
    const parsed = parseListQuery(leads, 'status=won,lost');
    const scoped = { ...parsed, filter: and([parsed.filter, not(eq('value', 1000))]) };
    const predicate = compileFilter(leads, scoped.filter);
    expect(leadRows.filter(predicate).map((row) => row.id)).toEqual(['a', 'b', 'd', 'e']);
  });
});
