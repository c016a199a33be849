/**
 * The date grammar of the query language: calendar dates and date-times with
 * seconds, optional fraction and offset; impossible dates are refused, never
 * rolled over.
 */
import { describe, expect, it } from 'vitest';
import { parseDateValue } from '../../../src/index.js';

describe('parseDateValue accepts', () => {
  it.each([
    // calendar days stay days
    ['2026-01-15', '2026-01-15'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['0000-01-01', '0000-01-01'],
    ['9999-12-31', '9999-12-31'],
    ['2026-04-30', '2026-04-30'],
    // instants become UTC with milliseconds
    ['2026-01-15T10:30:00Z', '2026-01-15T10:30:00.000Z'],
    ['2026-01-15T10:30:00', '2026-01-15T10:30:00.000Z'],
    ['2026-01-15T10:30:00.000+02:00', '2026-01-15T08:30:00.000Z'],
    ['2026-01-15T10:30:00-05:30', '2026-01-15T16:00:00.000Z'],
    ['2026-01-15T10:30:00+00:00', '2026-01-15T10:30:00.000Z'],
    ['2026-01-15T10:30:00-00:00', '2026-01-15T10:30:00.000Z'],
    ['2026-01-15T00:30:00+01:00', '2026-01-14T23:30:00.000Z'],
    ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2026-01-15T23:59:59Z', '2026-01-15T23:59:59.000Z'],
    ['2026-01-15T00:00:00+23:59', '2026-01-14T00:01:00.000Z'],
    // fractions: 1 to 9 digits, cut (not rounded) to milliseconds
    ['2026-01-15T10:30:00.5Z', '2026-01-15T10:30:00.500Z'],
    ['2026-01-15T10:30:00.12Z', '2026-01-15T10:30:00.120Z'],
    ['2026-01-15T10:30:00.123Z', '2026-01-15T10:30:00.123Z'],
    ['2026-01-15T10:30:00.123999999Z', '2026-01-15T10:30:00.123Z'],
    // the year range ends at 0000 and 9999, offsets included
    ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['0000-01-01T00:30:00-01:00', '0000-01-01T01:30:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(parseDateValue(text)).toBe(expected);
  });
});

describe('parseDateValue refuses', () => {
  it.each([
    ['2026-02-30', 'no such day'],
    ['2026-13-01', 'no such month'],
    ['2026-00-10', 'month zero'],
    ['2026-01-00', 'day zero'],
    ['2026-01-32', 'day 32'],
    ['2026-04-31', 'April has 30 days'],
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2026-01-15T24:00:00Z', 'hour 24'],
    ['2026-01-15T10:60:00Z', 'minute 60'],
    ['2026-01-15T10:30:60Z', 'second 60 (no leap seconds)'],
    ['2026-02-30T10:30:00Z', 'impossible day in a date-time'],
    ['2026-01-15T10:30:00+24:00', 'offset hour 24'],
    ['2026-01-15T10:30:00+02:60', 'offset minute 60'],
    ['0000-01-01T00:30:00+01:00', 'offset pushes before year 0000'],
    ['9999-12-31T23:30:00-01:00', 'offset pushes past year 9999'],
    ['2026-01-15T10:30Z', 'no seconds'],
    ['2026-01-15T10Z', 'no minutes'],
    ['2026-01-15T10:30:00.Z', 'empty fraction'],
    ['2026-01-15T10:30:00.1234567890Z', 'ten fraction digits'],
    ['2026-01-15T10:30:00+0200', 'offset without colon'],
    ['2026-01-15T10:30:00+02', 'offset without minutes'],
    ['2026-01-15T10:30:00z', 'lower-case z'],
    ['2026-01-15t10:30:00Z', 'lower-case t'],
    ['2026-01-15 10:30:00Z', 'space for T'],
    ['2026-01-15T10:30:00 02:00', 'a + decoded to a space'],
    ['2026-1-15', 'one-digit month'],
    ['26-01-15', 'two-digit year'],
    ['+002026-01-15', 'expanded year'],
    ['20260115', 'basic format'],
    ['2026-W03', 'week date'],
    ['2026-015', 'ordinal date'],
    ['2026-01', 'year and month'],
    ['2026', 'year'],
    ['1700000000', 'epoch seconds'],
    ['Thu, 15 Jan 2026 10:30:00 GMT', 'RFC 1123'],
    ['today', 'word'],
    ['', 'empty'],
    ['2026-01-15T10:30:00ZZ', 'trailing text'],
    [' 2026-01-15', 'leading space'],
    ['２０２６-01-15', 'full-width digits'],
  ])('%j (%s)', (text) => {
    expect(parseDateValue(text)).toBeNull();
  });
});
