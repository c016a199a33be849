/**
 * The strict date grammar of the query language: an ISO 8601 calendar date
 * (`2026-01-15`) or a date-time with seconds, an optional fraction and an
 * optional `Z` / `±hh:mm` offset (none means UTC). Impossible dates are
 * rejected, not rolled over as `Date.parse` would.
 */
import { utcMs } from '../ast/index.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))?$/;
const MAX_MS = utcMs(9999, 12, 31, 23, 59, 59, 999);
const MIN_MS = utcMs(0, 1, 1);

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by the ASCII digits `text[from..to)` (already checked to be digits). */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses a date filter value into its canonical AST form: the day as written
 * (`YYYY-MM-DD`) or the UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`. Fractions
 * beyond milliseconds are cut (listql compares at millisecond precision).
 * Returns null for anything that is not a valid date.
 *
 * @example
 * parseDateValue('2026-01-15T10:30:00+02:00'); // '2026-01-15T08:30:00.000Z'
 * parseDateValue('2026-02-30'); // null
 */
export function parseDateValue(text: string): string | null {
  if (text.length === 10) {
    if (!DATE_ONLY.test(text)) return null;
    return validDay(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)) ? text : null;
  }
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const instant = utcMs(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  // An offset can push a year-0000 or year-9999 time outside four-digit years.
  if (instant < MIN_MS || instant > MAX_MS) return null;
  return new Date(instant).toISOString();
}
