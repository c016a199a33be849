/**
 * Date filters: a day names the whole UTC day, an instant is compared at
 * millisecond precision, and a stored date may be a Date, epoch ms or an ISO
 * string (with any offset) and still compare as the instant it names.
 */
import { describe, expect, it } from 'vitest';
import { comparison, inList, not, parseListQuery } from '../../../../src/index.js';
import { idsMatching, idsOf, thing, things } from './fixtures.js';

/** The last instant of Jan 31 and the first of Feb 1, each stored in several forms. */
const rows = [
  thing('jan31-start', { at: '2026-01-31T00:00:00.000Z' }),
  thing('jan31-end-iso', { at: '2026-01-31T23:59:59.999Z' }),
  thing('jan31-end-date', { at: new Date('2026-01-31T23:59:59.999Z') }),
  thing('jan31-end-ms', { at: Date.UTC(2026, 0, 31, 23, 59, 59, 999) }),
  thing('jan31-end-offset', { at: '2026-02-01T01:59:59.999+02:00' }),
  thing('feb01-start-iso', { at: '2026-02-01T00:00:00.000Z' }),
  thing('feb01-start-short', { at: '2026-02-01T00:00:00Z' }),
  thing('feb01-start-day', { at: '2026-02-01' }),
  thing('feb01-start-offset', { at: '2026-01-31T19:00:00-05:00' }),
  thing('null', { at: null }),
  thing('missing'),
];
const JAN31 = [
  'jan31-start',
  'jan31-end-iso',
  'jan31-end-date',
  'jan31-end-ms',
  'jan31-end-offset',
];
const FEB01 = ['feb01-start-iso', 'feb01-start-short', 'feb01-start-day', 'feb01-start-offset'];

describe('a day value names the whole UTC day', () => {
  it.each([
    ['eq', JAN31],
    ['gte', [...JAN31, ...FEB01]],
    ['gt', FEB01],
    ['lte', JAN31],
    ['lt', []],
  ] as const)('at %s 2026-01-31', (op, expected) => {
    expect(idsMatching(comparison('at', op, '2026-01-31'), rows)).toEqual(expected);
  });

  it('parses the same way from the URL', () => {
    const query = (q: string) => parseListQuery(things, `${q}&sort=id&limit=100`);
    expect(idsOf(query('at[lte]=2026-01-31'), rows).sort()).toEqual([...JAN31].sort());
    expect(idsOf(query('at[gt]=2026-01-31'), rows).sort()).toEqual([...FEB01].sort());
    expect(idsOf(query('at=2026-02-01'), rows).sort()).toEqual([...FEB01].sort());
  });

  it('in matches any listed day, and its not keeps nulls', () => {
    expect(idsMatching(inList('at', ['2026-02-01', '2020-01-01']), rows)).toEqual(FEB01);
    expect(idsMatching(not(inList('at', ['2026-02-01'])), rows)).toEqual([
      ...JAN31,
      'null',
      'missing',
    ]);
  });
});

describe('an instant value is compared at millisecond precision', () => {
  const last = '2026-01-31T23:59:59.999Z';
  it.each([
    ['eq', JAN31.slice(1)],
    ['lt', ['jan31-start']],
    ['lte', JAN31],
    ['gt', FEB01],
    ['gte', [...JAN31.slice(1), ...FEB01]],
  ] as const)('at %s the last millisecond of Jan 31', (op, expected) => {
    expect(idsMatching(comparison('at', op, last), rows)).toEqual(expected);
  });

  it('in matches exact instants only', () => {
    expect(idsMatching(inList('at', ['2026-02-01T00:00:00.000Z']), rows)).toEqual(FEB01);
  });
});

describe.each([
  ['API-form strings', (iso: string): unknown => iso],
  ['Dates', (iso: string): unknown => new Date(iso)],
  ['epoch ms', (iso: string): unknown => Date.parse(iso)],
])('date bounds at the ends of the year range, stored as %s', (_form, store) => {
  const edges = [
    thing('first', { at: store('0000-01-01T00:00:00.000Z') }),
    thing('last', { at: store('9999-12-31T23:59:59.999Z') }),
  ];
  it('compares the last day of 9999 as a whole day', () => {
    expect(idsMatching(comparison('at', 'lte', '9999-12-31'), edges)).toEqual(['first', 'last']);
    expect(idsMatching(comparison('at', 'gt', '9999-12-31'), edges)).toEqual([]);
    expect(idsMatching(comparison('at', 'eq', '9999-12-31'), edges)).toEqual(['last']);
    expect(idsMatching(not(comparison('at', 'lt', '9999-12-31')), edges)).toEqual(['last']);
  });
  it('compares the first day of year 0 as a whole day', () => {
    expect(idsMatching(comparison('at', 'lt', '0000-01-01'), edges)).toEqual([]);
    expect(idsMatching(comparison('at', 'eq', '0000-01-01'), edges)).toEqual(['first']);
  });
});

describe('bad stored dates fail loudly', () => {
  it.each([
    ['an impossible day', '2026-02-30T00:00:00Z'],
    ['no time zone', '2026-01-15T10:30:00'],
    ['not a date', 'yesterday'],
    ['an invalid Date', new Date(Number.NaN)],
    ['a boolean', true],
    ['a Date past year 9999', new Date(Date.UTC(10_000, 0, 1))],
    ['epoch ms before year 0', Date.parse('0000-01-01T00:00:00.000Z') - 1],
  ])('%s throws, naming the column', (_what, cell) => {
    const predicate = () =>
      idsMatching(comparison('at', 'gte', '2026-01-01'), [thing('x', { at: cell })]);
    expect(predicate).toThrow(/column 'at_time'/);
  });
});
