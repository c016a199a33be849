import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateCellIso,
  dateCellMs,
  isCanonicalInstant,
} from '../../../../src/backends/memory/index.js';
import { propertyParams } from '../../../support/property.js';

const MIN_MS = Date.parse('0000-01-01T00:00:00.000Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');

describe('dateCellMs', () => {
  it.each([
    ['a Date', new Date(86_400_000), 86_400_000],
    ['epoch ms', 1_769_904_000_000, 1_769_904_000_000],
    ['fractional epoch ms, truncated like new Date()', 1.9, 1],
    ['negative epoch ms', -1, -1],
    ['a day (UTC midnight)', '1970-01-02', 86_400_000],
    ['Z', '1970-01-01T00:00:01Z', 1000],
    ['a positive offset', '1970-01-01T02:00:00+02:00', 0],
    ['a negative offset', '1969-12-31T19:00:00.000-05:00', 0],
    ['a short fraction', '1970-01-01T00:00:00.5Z', 500],
    ['a long fraction, cut to ms', '1970-01-01T00:00:00.123999Z', 123],
    ['a leap day', '2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['year 0', '0000-01-01T00:00:00Z', MIN_MS],
    ['a year below 100', '0099-06-01', Date.parse('0099-06-01T00:00:00Z')],
  ])('reads %s', (_what, cell, ms) => {
    expect(dateCellMs(cell, 'c')).toBe(ms);
  });

  it.each([
    ['Feb 30', '2026-02-30T00:00:00Z'],
    ['Feb 29 of a common year', '2025-02-29'],
    ['month 13', '2026-13-01'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['minute 60', '2026-01-01T00:60:00Z'],
    ['offset hour 24', '2026-01-01T00:00:00+24:00'],
    ['no time zone', '2026-01-01T00:00:00'],
    ['no seconds', '2026-01-01T00:00Z'],
    ['a space for T', '2026-01-01 00:00:00Z'],
    ['words', 'Jan 1, 2026'],
    ['empty', ''],
    ['an invalid Date', new Date(Number.NaN)],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['beyond the Date range', 8.64e15 + 1],
    ['a boolean', true],
    ['an object', { at: 1 }],
  ])('refuses %s, naming the column', (_what, cell) => {
    expect(() => dateCellMs(cell, 'created_at')).toThrow(/column 'created_at'/);
  });
});

describe('isCanonicalInstant', () => {
  it.each([
    ['2026-01-31T23:59:59.999Z', true],
    ['2026-01-31T23:59:59Z', false],
    ['2026-01-31T23:59:59.999+00:00', false],
    ['2026-01-31 23:59:59.999Z', false],
    ['+02026-01-31T23:59:59.999Z', false],
  ])('%s: %s', (text, expected) => {
    expect(isCanonicalInstant(text)).toBe(expected);
  });
});

describe('dateCellIso', () => {
  it('returns a string already in the API form as it is', () => {
    const text = '2026-01-31T23:59:59.999Z';
    expect(dateCellIso(text, 'c')).toBe(text);
  });

  it('normalizes every other form', () => {
    expect(dateCellIso('2026-02-01T01:00:00+01:00', 'c')).toBe('2026-02-01T00:00:00.000Z');
    expect(dateCellIso(new Date(0), 'c')).toBe('1970-01-01T00:00:00.000Z');
    expect(dateCellIso(0, 'c')).toBe('1970-01-01T00:00:00.000Z');
  });

  it('refuses years outside 0000–9999, whose text would not sort', () => {
    expect(() => dateCellIso(MAX_MS + 1, 'c')).toThrow(RangeError);
    expect(() => dateCellIso(new Date(MIN_MS - 1), 'c')).toThrow(/years 0000–9999/);
    expect(() => dateCellMs('+010000-01-01T00:00:00.000Z', 'c')).toThrow(/column 'c'/);
  });

  it('orders as the instants it names, for any pair of forms', () => {
    const instant = fc.integer({ min: MIN_MS, max: MAX_MS });
    const form = (ms: number) =>
      fc.constantFrom<unknown>(ms, new Date(ms), new Date(ms).toISOString());
    fc.assert(
      fc.property(
        instant.chain((ms) => fc.tuple(fc.constant(ms), form(ms))),
        instant.chain((ms) => fc.tuple(fc.constant(ms), form(ms))),
        ([a, cellA], [b, cellB]) => {
          const [isoA, isoB] = [dateCellIso(cellA, 'c'), dateCellIso(cellB, 'c')];
          expect(isoA).toBe(new Date(a).toISOString());
          expect(Math.sign(isoA < isoB ? -1 : isoA > isoB ? 1 : 0)).toBe(Math.sign(a - b));
        },
      ),
      propertyParams(500),
    );
  });
});
