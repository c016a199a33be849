/** Day semantics: a calendar day names the half-open UTC day; instants pass through. */
import { describe, expect, it } from 'vitest';
import { dateValueMs, utcMs } from '../../../src/ast/dates.js';
import { type ComparisonOperator, instantBounds, isDayValue } from '../../../src/index.js';

const JAN_31 = Date.UTC(2026, 0, 31);
const FEB_1 = Date.UTC(2026, 1, 1);

describe('instantBounds', () => {
  it.each<[ComparisonOperator, { op: ComparisonOperator; ms: number }[]]>([
    [
      'eq',
      [
        { op: 'gte', ms: JAN_31 },
        { op: 'lt', ms: FEB_1 },
      ],
    ],
    ['gt', [{ op: 'gte', ms: FEB_1 }]],
    ['gte', [{ op: 'gte', ms: JAN_31 }]],
    ['lt', [{ op: 'lt', ms: JAN_31 }]],
    ['lte', [{ op: 'lt', ms: FEB_1 }]],
  ])('%s 2026-01-31', (op, bounds) => {
    expect(instantBounds(op, '2026-01-31')).toEqual(bounds);
  });

  it.each<ComparisonOperator>(['eq', 'gt', 'gte', 'lt', 'lte'])(
    '%s on an instant is unchanged',
    (op) => {
      expect(instantBounds(op, '2026-01-31T10:30:00.000Z')).toEqual([
        { op, ms: Date.UTC(2026, 0, 31, 10, 30) },
      ]);
    },
  );

  it.each([
    ['2024-02-28', Date.UTC(2024, 1, 29)],
    ['2024-02-29', Date.UTC(2024, 2, 1)],
    ['2025-12-31', Date.UTC(2026, 0, 1)],
    ['9999-12-31', Date.UTC(9999, 11, 31) + 86_400_000],
  ])('the day after %s', (day, end) => {
    expect(instantBounds('lte', day)).toEqual([{ op: 'lt', ms: end }]);
  });

  it('handles years below 100 (Date.UTC would map them to 19xx)', () => {
    expect(instantBounds('gte', '0050-01-01')).toEqual([
      { op: 'gte', ms: new Date('0050-01-01T00:00:00Z').getTime() },
    ]);
  });
});

describe('isDayValue', () => {
  it.each([
    ['2026-01-31', true],
    ['0000-01-01', true],
    ['2026-01-31T00:00:00.000Z', false],
    ['2026-1-31', false],
    ['', false],
    ['abcd-ef-gh', false],
  ])('%j → %s', (value, day) => {
    expect(isDayValue(value)).toBe(day);
  });
});

describe('utcMs and dateValueMs', () => {
  it.each([
    [[2026, 1, 31], Date.UTC(2026, 0, 31)],
    [[2026, 1, 31, 10, 30, 15, 250], Date.UTC(2026, 0, 31, 10, 30, 15, 250)],
    [[0, 1, 1], new Date('0000-01-01T00:00:00Z').getTime()],
    [[99, 12, 31], new Date('0099-12-31T00:00:00Z').getTime()],
    [[9999, 12, 31, 23, 59, 59, 999], new Date('9999-12-31T23:59:59.999Z').getTime()],
  ] as const)('utcMs(%j)', (parts, ms) => {
    expect(utcMs(...(parts as unknown as [number, number, number]))).toBe(ms);
  });

  it.each([
    ['2026-01-31', Date.UTC(2026, 0, 31)],
    ['2026-01-31T10:30:00.000Z', Date.UTC(2026, 0, 31, 10, 30)],
    ['0010-05-05', new Date('0010-05-05T00:00:00Z').getTime()],
  ])('dateValueMs(%s)', (value, ms) => {
    expect(dateValueMs(value)).toBe(ms);
  });
});
