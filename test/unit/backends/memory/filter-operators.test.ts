/**
 * Every operator on every field type, against a value below, equal to and
 * above the filter value, a null cell and a missing cell. Two-valued logic: a
 * comparison or `in` on null is false, so its `not` is true.
 */
import { describe, expect, it } from 'vitest';
import {
  type ComparisonOperator,
  comparison,
  exists,
  type FilterValue,
  inList,
  not,
} from '../../../../src/index.js';
import { idsMatching, type ThingField, type ThingRow, thing } from './fixtures.js';

interface TypeCase {
  readonly field: ThingField;
  /** Cells strictly increasing in the field's order; the middle one equals `value`. */
  readonly below: unknown;
  readonly equal: unknown;
  readonly above: unknown;
  readonly value: FilterValue;
}

const CASES: readonly TypeCase[] = [
  { field: 'amount', below: -0.5, equal: 0, above: 99.5, value: 0 },
  { field: 'label', below: 'B', equal: 'a', above: 'ab', value: 'a' },
  // Code point order: U+FFFF is below every astral character (code unit order says otherwise).
  { field: 'note', below: '\uFFFF', equal: '😀', above: '😁', value: '😀' },
  { field: 'kind', below: 'alpha', equal: 'beta', above: 'gamma', value: 'beta' },
  { field: 'flag', below: false, equal: true, above: undefined, value: true },
  {
    field: 'at',
    below: '2026-01-31T23:59:59.999Z',
    equal: new Date('2026-02-01T00:00:00.000Z'),
    above: Date.UTC(2026, 1, 1, 0, 0, 0, 1),
    value: '2026-02-01T00:00:00.000Z',
  },
];

/** Which of below / equal / above satisfy `op` (the value is the middle one). */
const EXPECTED: Record<ComparisonOperator, readonly ('below' | 'equal' | 'above')[]> = {
  eq: ['equal'],
  gt: ['above'],
  gte: ['equal', 'above'],
  lt: ['below'],
  lte: ['below', 'equal'],
};

function rowsFor(c: TypeCase): ThingRow[] {
  const rows = [
    thing('below', { [c.field]: c.below }),
    thing('equal', { [c.field]: c.equal }),
    thing('null', { [c.field]: null }),
    thing('missing'),
    thing('undefined', { [c.field]: undefined }),
  ];
  // Booleans have no third value above true.
  if (c.above !== undefined) rows.splice(2, 0, thing('above', { [c.field]: c.above }));
  return rows;
}

const present = (c: TypeCase): string[] =>
  c.above === undefined ? ['below', 'equal'] : ['below', 'equal', 'above'];
const absent = ['null', 'missing', 'undefined'];

describe.each(CASES)('operators on $field', (c) => {
  const rows = rowsFor(c);
  const kept = (op: ComparisonOperator): string[] =>
    EXPECTED[op].filter((id) => present(c).includes(id));

  it.each(Object.keys(EXPECTED) as ComparisonOperator[])(
    '%s keeps the right rows, never null',
    (op) => {
      expect(idsMatching(comparison(c.field, op, c.value), rows)).toEqual(kept(op));
    },
  );

  it.each(Object.keys(EXPECTED) as ComparisonOperator[])(
    'not %s keeps the rest, nulls included',
    (op) => {
      const rest = rows
        .map((row) => row['thing_id'] as string)
        .filter((id) => !kept(op).includes(id));
      expect(idsMatching(not(comparison(c.field, op, c.value)), rows)).toEqual(rest);
      expect(rest).toEqual(expect.arrayContaining(absent));
    },
  );

  it('in keeps rows equal to any value, never null', () => {
    const values = [c.value, c.below as FilterValue];
    expect(idsMatching(inList(c.field, values), rows)).toEqual(['below', 'equal']);
    const rest = ['above', ...absent].filter((id) => id !== 'above' || c.above !== undefined);
    expect(idsMatching(not(inList(c.field, values)), rows)).toEqual(rest);
  });

  it('an empty in keeps nothing, and its not keeps everything', () => {
    expect(idsMatching(inList(c.field, []), rows)).toEqual([]);
    expect(idsMatching(not(inList(c.field, [])), rows)).toHaveLength(rows.length);
  });

  it('exists true keeps present cells, exists false keeps null and missing ones', () => {
    expect(idsMatching(exists(c.field, true), rows)).toEqual(present(c));
    expect(idsMatching(exists(c.field, false), rows)).toEqual(absent);
  });
});

describe('equality is exact', () => {
  it('does not coerce between types', () => {
    const rows = [thing('text', { amount: '5' }), thing('number', { amount: 5 })];
    expect(idsMatching(comparison('amount', 'eq', 5), rows)).toEqual(['number']);
    expect(idsMatching(comparison('amount', 'gte', 5), rows)).toEqual(['number']);
    expect(idsMatching(comparison('label', 'eq', '5'), [thing('n', { label: 5 })])).toEqual([]);
  });

  it('treats 0 and -0 as equal, and compares decimals exactly', () => {
    const rows = [thing('zero', { amount: -0 }), thing('tenth', { amount: 0.1 + 0.2 })];
    expect(idsMatching(comparison('amount', 'eq', 0), rows)).toEqual(['zero']);
    expect(idsMatching(comparison('amount', 'eq', 0.3), rows)).toEqual([]);
    expect(idsMatching(comparison('amount', 'gt', 0.3), rows)).toEqual(['tenth']);
  });

  it('is case-sensitive for strings and enums', () => {
    const rows = [thing('upper', { label: 'Won' }), thing('lower', { label: 'won' })];
    expect(idsMatching(comparison('label', 'eq', 'won'), rows)).toEqual(['lower']);
  });

  it('matches a list on any of its values', () => {
    const rows = [1, 2, 3, 4].map((n) => thing(`n${n}`, { amount: n }));
    expect(idsMatching(inList('amount', [4, 2, 99]), rows)).toEqual(['n2', 'n4']);
  });
});

describe('code point order in string comparisons', () => {
  it('puts astral characters above the whole BMP', () => {
    const rows = [
      thing('bmp-high', { label: '\uFFFF' }),
      thing('private-use', { label: '\uE000' }),
      thing('astral', { label: '😀' }),
      thing('ascii', { label: 'z' }),
    ];
    expect(idsMatching(comparison('label', 'gt', '\uFFFF'), rows)).toEqual(['astral']);
    expect(idsMatching(comparison('label', 'lt', '😀'), rows)).toEqual([
      'bmp-high',
      'private-use',
      'ascii',
    ]);
    expect(idsMatching(comparison('label', 'lte', '\uE000'), rows)).toEqual([
      'private-use',
      'ascii',
    ]);
  });
});
