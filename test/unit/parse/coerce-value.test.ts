/**
 * Values (spec section 2, "Values"): numbers, enums, booleans and dates, as a
 * client writes them in a filter, and the INVALID_FILTER / INVALID_DATE split.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, comparison, leads, safeParseListQuery } from '../../../src/index.js';
import { coerceValue } from '../../../src/syntax/coerce-value.js';
import { formatDecimal } from '../../../src/syntax/decimal.js';
import { propertyParams } from '../../support/property.js';
import { filterOf, issueOf, tasks } from './fixtures.js';

/** A filter value sent through URLSearchParams, so `+` and `%` reach the parser as written. */
const param = (key: string, value: string): URLSearchParams => new URLSearchParams([[key, value]]);

describe('numbers are plain decimals', () => {
  it.each([
    ['100', 100],
    ['-3', -3],
    ['99.5', 99.5],
    ['0', 0],
    ['-0', 0],
    ['007', 7],
    ['0.000001', 0.000001],
    ['-1.25', -1.25],
    ['100.10', 100.1],
    ['0.1', 0.1],
    ['9007199254740992', 9007199254740992],
    ['123456789012345680000000000000', 1.2345678901234568e29],
    ['0.30000000000000004', 0.1 + 0.2],
  ])('%s → %d', (text, value) => {
    const node = filterOf(param('value[gte]', text));
    expect(node).toEqual(comparison('value', 'gte', value));
    if (node.kind === 'comparison') expect(Object.is(node.value, -0)).toBe(false);
  });

  it.each([
    '',
    'abc',
    '0x10',
    '1e999',
    '1e3',
    '1E3',
    'Infinity',
    '-Infinity',
    'NaN',
    '+1',
    ' 1',
    '1 ',
    '.5',
    '1.',
    '-',
    '--1',
    '1_000',
    '1,5',
    '0b1',
    '١٢',
    `1${'0'.repeat(400)}`,
  ])('%j is INVALID_FILTER', (text) => {
    expect(issueOf(leads, param('value', text))).toEqual({
      code: 'INVALID_FILTER',
      param: 'value',
      value: clip(text),
      message:
        text === ''
          ? "value must be a non-empty value, got ''"
          : `value must be a number, got '${clip(text)}'`,
    });
  });
});

describe('numbers must survive the round trip to a double', () => {
  it.each([
    ['9007199254740993', '9007199254740992'],
    ['123456789012345678901234567890', '123456789012345680000000000000'],
    ['0.1000000000000000055511151231257827', '0.1'],
    ['-9007199254740993.0', '-9007199254740992'],
    [`0.${'0'.repeat(400)}1`, '0'],
  ])('%s is INVALID_FILTER (it would become %s)', (text, becomes) => {
    expect(issueOf(leads, param('value[gte]', text))).toEqual({
      code: 'INVALID_FILTER',
      param: 'value[gte]',
      value: clip(text),
      message: `value[gte] must be a number that a 64-bit float holds exactly (it would become ${becomes}), got '${clip(text)}'`,
    });
  });

  it('every double, written as its shortest plain decimal, is accepted as that double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatDecimal(value);
        expect(filterOf(param('value[gte]', text))).toEqual(
          comparison('value', 'gte', value === 0 ? 0 : value),
        );
      }),
      propertyParams(300),
    );
  });

  it('a decimal is accepted exactly when the double it reads as prints back as written', () => {
    // Integers and decimals of any size: most past 2^53 or 17 digits do not survive.
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,30}$/), fc.stringMatching(/^[0-9]{0,25}$/))
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`,
      );
    fc.assert(
      fc.property(decimal, (text) => {
        const result = safeParseListQuery(leads, param('value[gte]', text));
        const value = Number(text) === 0 ? 0 : Number(text);
        // The rule, restated independently: BigInt-scaled exact comparison of the two decimals.
        const exact = sameDecimal(text, formatDecimal(value));
        expect(result.success).toBe(exact);
        if (exact)
          expect(filterOf(param('value[gte]', text))).toEqual(comparison('value', 'gte', value));
      }),
      propertyParams(500),
    );
  });
});

/** Whether two plain decimals denote the same rational number (exact, with BigInt). */
function sameDecimal(a: string, b: string): boolean {
  const scaled = (text: string, places: number): bigint => {
    const negative = text.startsWith('-');
    const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
    const digits = BigInt(`${whole}${fraction.padEnd(places, '0')}`);
    return negative ? -digits : digits;
  };
  const places = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  return scaled(a, places) === scaled(b, places);
}

describe('enum values are case-sensitive and must be listed', () => {
  it.each(['open', 'qualified', 'won', 'lost'])('status=%s', (value) => {
    expect(filterOf(param('status', value))).toEqual(comparison('status', 'eq', value));
  });

  it.each(['Won', 'WON', ' won', 'won ', 'closed', 'wo'])('status=%j', (value) => {
    expect(issueOf(leads, param('status', value))).toEqual({
      code: 'INVALID_FILTER',
      param: 'status',
      value,
      message: `status must be one of open, qualified, won, lost, got '${value}'`,
    });
  });

  it('names the values of the field in the message', () => {
    expect(issueOf(leads, 'source=GTM').message).toBe(
      "source must be one of inbound, gtm, api, manual, wordpress, import, got 'GTM'",
    );
  });
});

describe('strings are taken as written', () => {
  it.each(['a b', '%', 'ünïcödé', '😀', '<script>', "'; drop table leads; --", '*', 'a%b_c'])(
    'website=%j',
    (value) => {
      expect(filterOf(param('website', value))).toEqual(comparison('website', 'eq', value));
    },
  );

  it('an empty string is INVALID_FILTER', () => {
    expect(issueOf(leads, 'website=')).toMatchObject({ code: 'INVALID_FILTER', value: '' });
  });
});

describe('dates in filters', () => {
  it.each([
    ['2026-01-15', '2026-01-15'],
    ['2026-01-15T10:30:00Z', '2026-01-15T10:30:00.000Z'],
    ['2026-01-15T10:30:00.000+02:00', '2026-01-15T08:30:00.000Z'],
    ['2026-01-15T10:30:00', '2026-01-15T10:30:00.000Z'],
  ])('createdAt[gte]=%s', (text, value) => {
    expect(filterOf(param('createdAt[gte]', text))).toEqual(comparison('createdAt', 'gte', value));
  });

  it.each(['2026-02-30', '2026-13-01', '2026-01-15T24:00:00Z', 'yesterday', '', '1700000000'])(
    'createdAt=%j is INVALID_DATE',
    (text) => {
      const found = issueOf(leads, param('createdAt', text));
      expect(found).toMatchObject({ param: 'createdAt', value: text, code: 'INVALID_DATE' });
    },
  );

  it('names the accepted forms in the message', () => {
    expect(issueOf(leads, 'updated_after=2026-02-30')).toEqual({
      code: 'INVALID_DATE',
      param: 'updated_after',
      value: '2026-02-30',
      message:
        "updated_after must be a date (2026-01-15) or date-time (2026-01-15T10:30:00Z), got '2026-02-30'",
    });
  });

  it('a raw + in an offset is a space (form encoding): write %2B', () => {
    expect(issueOf(leads, 'createdAt=2026-01-15T10:30:00+02:00')).toMatchObject({
      code: 'INVALID_DATE',
      value: '2026-01-15T10:30:00 02:00',
    });
    expect(filterOf('createdAt=2026-01-15T10:30:00%2B02:00')).toEqual(
      comparison('createdAt', 'eq', '2026-01-15T08:30:00.000Z'),
    );
  });
});

describe('coerceValue', () => {
  const field = (name: string) => leads.fields.get(name)!;

  it.each([
    ['status', 'won', { ok: true, value: 'won' }],
    ['value', '1.5', { ok: true, value: 1.5 }],
    ['website', 'x', { ok: true, value: 'x' }],
    ['createdAt', '2026-01-01', { ok: true, value: '2026-01-01' }],
    ['value', '', { ok: false, code: 'INVALID_FILTER', expected: 'a non-empty value' }],
    ['value', 'x', { ok: false, code: 'INVALID_FILTER', expected: 'a number' }],
    [
      'status',
      'x',
      { ok: false, code: 'INVALID_FILTER', expected: 'one of open, qualified, won, lost' },
    ],
    [
      'createdAt',
      'x',
      {
        ok: false,
        code: 'INVALID_DATE',
        expected: 'a date (2026-01-15) or date-time (2026-01-15T10:30:00Z)',
      },
    ],
  ])('%s: %j', (name, text, expected) => {
    expect(coerceValue(field(name), text)).toEqual(expected);
  });

  it.each([
    ['true', { ok: true, value: true }],
    ['false', { ok: true, value: false }],
    ['no', { ok: false, code: 'INVALID_FILTER', expected: 'true or false' }],
  ])('boolean %s', (text, expected) => {
    expect(coerceValue(tasks.fields.get('done')!, text)).toEqual(expected);
  });
});
