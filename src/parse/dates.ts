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
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
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
    const m = DATE_ONLY.exec(text);
    if (!m) return null;
    return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? text : null;
  }
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(
    Number,
  ) as [number, number, number, number, number, number];
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
