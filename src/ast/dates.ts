/**
 * Date-time values in the AST are strings of one of two shapes:
 *
 * - an instant, `YYYY-MM-DDTHH:mm:ss.sssZ` (UTC, milliseconds), compared as is;
 * - a calendar day, `YYYY-MM-DD`, that names the whole UTC day
 *   `[day 00:00, next day 00:00)`.
 *
 * Keeping the day as written (rather than expanding it in the parser) keeps the
 * AST faithful to the request, so `formatListQuery` can print it back; every
 * backend turns it into half-open instant bounds with {@link instantBounds},
 * which is the single place that knows the day rules.
 */
import type { ComparisonOperator } from './operators.js';

const DAY_MS = 86_400_000;
const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant comparison: `column <op> ms` with `op` never `eq` for a day. */
export interface InstantBound {
  readonly op: ComparisonOperator;
  readonly ms: number;
}

/** True when `value` is a calendar day (`YYYY-MM-DD`) rather than an instant. */
export function isDayValue(value: string): boolean {
  return value.length === 10 && DAY_SHAPE.test(value);
}

/** Milliseconds since the epoch of a UTC calendar date, valid for years 0–9999. */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year);
  return date.getTime();
}

/** Epoch milliseconds of a canonical instant or the start of a canonical day. */
export function dateValueMs(value: string): number {
  const day = DAY_SHAPE.exec(value);
  if (day) return utcMs(Number(day[1]), Number(day[2]), Number(day[3]));
  return Date.parse(value);
}

/**
 * The instant comparisons equivalent to `field <op> value` for a date-time
 * value. A day `D` with start `S` and end `E = S + 1 day` expands as:
 * `eq D` → `>= S and < E`; `gt D` → `>= E`; `gte D` → `>= S`; `lt D` → `< S`;
 * `lte D` → `< E`. An instant is returned unchanged.
 *
 * @example
 * instantBounds('lte', '2026-01-31'); // [{ op: 'lt', ms: Date.UTC(2026, 1, 1) }]
 */
export function instantBounds(op: ComparisonOperator, value: string): readonly InstantBound[] {
  const start = dateValueMs(value);
  if (!isDayValue(value)) return [{ op, ms: start }];
  const end = start + DAY_MS;
  switch (op) {
    case 'eq':
      return [
        { op: 'gte', ms: start },
        { op: 'lt', ms: end },
      ];
    case 'gt':
      return [{ op: 'gte', ms: end }];
    case 'gte':
      return [{ op: 'gte', ms: start }];
    case 'lt':
      return [{ op: 'lt', ms: start }];
    case 'lte':
      return [{ op: 'lt', ms: end }];
  }
}
