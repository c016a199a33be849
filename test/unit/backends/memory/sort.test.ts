/**
 * Sort rules: nulls last in both directions; the id breaks ties in the
 * direction of the last key; strings by code point; booleans false < true;
 * numbers numerically; dates chronologically whatever form they are stored in.
 */
import { describe, expect, it } from 'vitest';
import { compileSort } from '../../../../src/backends/memory/index.js';
import { parseListQuery, type SortKey } from '../../../../src/index.js';
import { idsOf, type ThingField, type ThingRow, thing, things } from './fixtures.js';

const sorted = (sort: string, rows: readonly ThingRow[]) =>
  idsOf(parseListQuery(things, `sort=${sort}&limit=100`), rows);

describe('nulls sort last in both directions', () => {
  const rows = [
    thing('null', { amount: null }),
    thing('two', { amount: 2 }),
    thing('missing'),
    thing('one', { amount: 1 }),
    thing('undefined', { amount: undefined }),
  ];
  it('ascending', () => {
    expect(sorted('amount:asc', rows)).toEqual(['one', 'two', 'missing', 'null', 'undefined']);
  });
  it('descending (the nulls keep the id tie-breaker, now descending)', () => {
    expect(sorted('amount:desc', rows)).toEqual(['two', 'one', 'undefined', 'null', 'missing']);
  });
});

describe('ties are broken by the id in the direction of the last key', () => {
  const rows = ['b', 'c', 'a'].map((id) => thing(id, { amount: 7, label: 'same' }));
  it.each([
    ['amount:asc', ['a', 'b', 'c']],
    ['amount:desc', ['c', 'b', 'a']],
    ['amount:desc,label:asc', ['a', 'b', 'c']],
    ['amount:asc,label:desc', ['c', 'b', 'a']],
    ['id:desc', ['c', 'b', 'a']],
  ])('%s', (sort, expected) => {
    expect(sorted(sort, rows)).toEqual(expected);
  });

  it('later keys only decide among rows equal on earlier keys', () => {
    const mixed = [
      thing('r1', { amount: 2, label: 'x' }),
      thing('r2', { amount: 1, label: 'z' }),
      thing('r3', { amount: 2, label: 'a' }),
      thing('r4', { amount: 1, label: null }),
    ];
    expect(sorted('amount:desc,label:asc', mixed)).toEqual(['r3', 'r1', 'r2', 'r4']);
    expect(sorted('label:desc,amount:asc', mixed)).toEqual(['r2', 'r1', 'r3', 'r4']);
  });
});

describe('value order per type', () => {
  it('strings by code point: astral above U+FFFF, upper case before lower', () => {
    const rows = [
      thing('astral', { label: '😀' }),
      thing('bmp-high', { label: '\uFFFF' }),
      thing('private', { label: '\uE000' }),
      thing('cjk', { label: '中' }),
      thing('lower', { label: 'a' }),
      thing('upper', { label: 'B' }),
      thing('accent', { label: 'é' }),
      thing('empty', { label: '' }),
      thing('prefix', { label: 'ab' }),
    ];
    expect(sorted('label:asc', rows)).toEqual([
      'empty',
      'upper',
      'lower',
      'prefix',
      'accent',
      'cjk',
      'private',
      'bmp-high',
      'astral',
    ]);
  });

  it('astral characters among themselves', () => {
    const rows = [
      thing('x2', { label: 'a😁' }),
      thing('x1', { label: 'a😀' }),
      thing('x3', { label: 'a\u{10FFFF}' }),
      thing('x0', { label: 'a\u{10000}' }),
    ];
    expect(sorted('label', rows)).toEqual(['x0', 'x1', 'x2', 'x3']);
  });

  it('enums by their value, not their declaration order', () => {
    const rows = [
      thing('g', { kind: 'gamma' }),
      thing('a', { kind: 'alpha' }),
      thing('b', { kind: 'beta' }),
    ];
    expect(sorted('kind:desc', rows)).toEqual(['g', 'b', 'a']);
  });

  it('numbers numerically, not as text', () => {
    const rows = [10, -2, 9, 0.5, -10].map((n) => thing(`n${n}`, { amount: n }));
    expect(sorted('amount', rows)).toEqual(['n-10', 'n-2', 'n0.5', 'n9', 'n10']);
  });

  it('booleans false before true', () => {
    const rows = [
      thing('t', { flag: true }),
      thing('n', { flag: null }),
      thing('f', { flag: false }),
    ];
    expect(sorted('flag:asc', rows)).toEqual(['f', 't', 'n']);
    expect(sorted('flag:desc', rows)).toEqual(['t', 'f', 'n']);
  });

  it('dates chronologically across storage forms', () => {
    const rows = [
      thing('offset', { at: '2026-01-01T01:00:00.000+02:00' }), // 2025-12-31T23:00Z
      thing('date', { at: new Date('2026-01-01T00:00:00.001Z') }),
      thing('ms', { at: Date.UTC(2026, 0, 1) }),
      thing('day', { at: '2025-12-31' }),
      thing('iso', { at: '2025-12-31T23:59:59.999Z' }),
    ];
    expect(sorted('at', rows)).toEqual(['day', 'offset', 'iso', 'ms', 'date']);
  });
});

describe('compileSort', () => {
  const sort: SortKey<ThingField>[] = [
    { field: 'at', direction: 'desc' },
    { field: 'id', direction: 'desc' },
  ];
  const { sortKeys, compare } = compileSort(things, sort);

  it('computes keys once per row: dates as API-form text or epoch ms, nulls as null', () => {
    const iso = '2026-01-01T00:00:00.000Z';
    expect(sortKeys(thing('x', { at: iso }))).toEqual([iso, 'x']);
    expect(sortKeys(thing('x', { at: new Date(iso) }))).toEqual([Date.parse(iso), 'x']);
    expect(sortKeys(thing('x', { at: '2026-01-01T01:00:00+01:00' }))).toEqual([
      Date.parse(iso),
      'x',
    ]);
    expect(sortKeys(thing('y'))).toEqual([null, 'y']);
  });

  it('compares the two forms of a date key as the instants they name', () => {
    const text = sortKeys(thing('a', { at: '2026-01-01T00:00:00.001Z' }));
    const ms = sortKeys(thing('a', { at: Date.UTC(2026, 0, 1) }));
    const same = sortKeys(thing('a', { at: new Date('2026-01-01T00:00:00.001Z') }));
    // Descending: the later instant first.
    expect(compare(text, ms)).toBeLessThan(0);
    expect(compare(ms, text)).toBeGreaterThan(0);
    expect(compare(text, same)).toBe(0);
  });

  it('compares keys, nulls last even when descending', () => {
    const a = sortKeys(thing('a', { at: '2026-01-02T00:00:00.000Z' }));
    const b = sortKeys(thing('b', { at: '2026-01-01T00:00:00.000Z' }));
    const none = sortKeys(thing('c'));
    expect(compare(a, b)).toBeLessThan(0);
    expect(compare(b, a)).toBeGreaterThan(0);
    expect(compare(none, b)).toBeGreaterThan(0);
    expect(compare(b, none)).toBeLessThan(0);
    expect(compare(a, a)).toBe(0);
  });

  it('refuses a field the resource does not have', () => {
    expect(() => compileSort(things, [{ field: 'nope', direction: 'asc' }])).toThrow(/'nope'/);
  });
});
