/**
 * The strict date grammar of the query language: an ISO 8601 calendar date
 * (`2026-01-15`) or a date-time with seconds, an optional fraction and an
 * optional `Z` / `±hh:mm` offset (none means UTC). Impossible dates are
 * rejected, not rolled over as `Date.parse` would. The grammar itself is
 * `DATE_PATTERN` / `DATE_TIME_PATTERN` of `src/grammar.ts`, which the OpenAPI
 * document publishes as the parameters' `pattern`; this module only computes
 * the instant.
 */
import { utcMs } from '../ast/index.js';
import { DATE_PATTERN, DATE_TIME_EDGE_PATTERN, DATE_TIME_PATTERN } from '../value-grammar.js';

const DATE_ONLY = new RegExp(DATE_PATTERN);
const DATE_TIME = new RegExp(DATE_TIME_PATTERN);
const EDGE = new RegExp(DATE_TIME_EDGE_PATTERN);

/** The number written by the ASCII digits `text[from..to)` (already checked to be digits). */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/**
 * Parses a date filter value into its canonical AST form: the day as written
 * (`YYYY-MM-DD`) or the UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`. Fractions
 * beyond milliseconds are cut (listql compares at millisecond precision).
 * Returns null for anything that is not a valid date, and for a positive
 * offset on 0000-01-01 or a negative one on 9999-12-31 (the instant could
 * leave the four-digit years).
 *
 * @example
 * parseDateValue('2026-01-15T10:30:00+02:00'); // '2026-01-15T08:30:00.000Z'
 * parseDateValue('2026-02-30'); // null
 */
export function parseDateValue(text: string): string | null {
  if (text.length === 10) return DATE_ONLY.test(text) ? text : null;
  if (!DATE_TIME.test(text) || EDGE.test(text)) return null;
  // The pattern fixed every position: YYYY-MM-DDTHH:mm:ss[.f{1,9}][Z|±hh:mm].
  let end = 19;
  let ms = 0;
  if (text.charCodeAt(19) === 46 /* . */) {
    end = 20;
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    const fraction = text.slice(20, Math.min(end, 23));
    ms = digits(fraction.padEnd(3, '0'), 0, 3);
  }
  let offsetMinutes = 0;
  if (end + 6 === text.length) {
    const sign = text[end] === '-' ? -1 : 1;
    offsetMinutes = sign * (digits(text, end + 1, end + 3) * 60 + digits(text, end + 4, end + 6));
  }
  const instant =
    utcMs(
      digits(text, 0, 4),
      digits(text, 5, 7),
      digits(text, 8, 10),
      digits(text, 11, 13),
      digits(text, 14, 16),
      digits(text, 17, 19),
      ms,
    ) -
    offsetMinutes * 60_000;
  return new Date(instant).toISOString();
}
