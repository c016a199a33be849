/**
 * Date-time cells. A stored date may be a `Date`, epoch milliseconds or an
 * ISO 8601 string. Each is compared in the form that costs nothing to get:
 * a string already in the API form `YYYY-MM-DDTHH:mm:ss.sssZ` as that text
 * (for years 0000–9999, the range the query language accepts, text order is
 * time order), anything else as epoch milliseconds (`getTime()` for a `Date`).
 * Filter bounds are prepared in both forms; sort keys and output use the API
 * form.
 *
 * Everything but an API-form string is read strictly: an impossible date
 * (`2026-02-30`), a date-time without a time zone (which `Date.parse` would
 * read in the machine's local zone), a year outside 0000–9999 or any other
 * value throws, so bad data fails loudly instead of sorting somewhere.
 */
import { utcMs } from '../../ast/index.js';
import { isoText } from '../../iso-text.js';

/** The first and last instants with a four-digit year. */
export const MIN_MS = utcMs(0, 1, 1);
export const MAX_MS = utcMs(9999, 12, 31, 23, 59, 59, 999);

/** `YYYY-MM-DD`, or a date-time with seconds, an optional fraction and a `Z` / `±hh:mm` zone. */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2})))?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms of an ISO 8601 string as described above, or NaN when it is not one. */
function isoStringMs(text: string): number {
  const m = ISO_DATE.exec(text);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [
    m[1],
    m[2],
    m[3],
    m[4],
    m[5],
    m[6],
    m[10],
    m[11],
  ].map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  if (!valid) return Number.NaN;
  // Fraction digits past the third are cut, as the query parser cuts them.
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return utcMs(year, month, day, hour, minute, second, ms) - offset;
}

function describe(cell: unknown): string {
  if (typeof cell === 'string') return `'${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}'`;
  if (cell instanceof Date)
    return `the Date ${Number.isNaN(cell.getTime()) ? 'NaN' : cell.getTime()}`;
  return typeof cell === 'number' ? String(cell) : `a ${typeof cell}`;
}

/**
 * True when `text` has the shape `YYYY-MM-DDTHH:mm:ss.sssZ`. Only the length
 * and the seven separators are checked: this runs once per row read, and a
 * string of that shape is taken to be what it looks like (digits are not
 * checked one by one, nor is `2026-02-30…` detected).
 *
 * @example
 * isCanonicalInstant('2026-01-31T23:59:59.999Z'); // true
 * isCanonicalInstant('2026-01-31T23:59:59Z'); // false: read with dateCellMs
 */
export function isCanonicalInstant(text: string): boolean {
  return (
    text.length === 24 &&
    text.charCodeAt(4) === 45 && // -
    text.charCodeAt(7) === 45 && // -
    text.charCodeAt(10) === 84 && // T
    text.charCodeAt(13) === 58 && // :
    text.charCodeAt(16) === 58 && // :
    text.charCodeAt(19) === 46 && // .
    text.charCodeAt(23) === 90 // Z
  );
}

/**
 * Epoch milliseconds of a non-null date cell: a valid `Date`; a finite number
 * of epoch milliseconds (truncated like `new Date(n)`); or an ISO 8601 string,
 * `YYYY-MM-DD` (UTC midnight) or a date-time with seconds, an optional
 * fraction (cut to milliseconds) and `Z` or `±hh:mm`. Throws a TypeError
 * naming `column` for anything else, and a RangeError for a year outside
 * 0000–9999.
 *
 * @example
 * dateCellMs('2026-01-31T23:59:59.999Z', 'createdAt'); // 1769903999999
 * dateCellMs('2026-02-01T01:00:00+01:00', 'createdAt'); // 1769904000000
 */
export function dateCellMs(cell: unknown, column: string): number {
  let ms = Number.NaN;
  if (typeof cell === 'string') ms = isoStringMs(cell);
  else if (cell instanceof Date) ms = cell.getTime();
  else if (typeof cell === 'number' && Number.isFinite(cell)) ms = new Date(cell).getTime();
  if (Number.isNaN(ms)) {
    throw new TypeError(
      `listql/memory: column '${column}' holds ${describe(cell)}, which is not a date. ` +
        'Store a Date, epoch milliseconds or an ISO 8601 string with a time zone (…Z or …+02:00).',
    );
  }
  if (ms < MIN_MS || ms > MAX_MS) {
    throw new RangeError(
      `listql/memory: column '${column}' holds ${describe(cell)}, outside the years 0000–9999 ` +
        'that dates can have in a query.',
    );
  }
  return ms;
}

/**
 * The API form `YYYY-MM-DDTHH:mm:ss.sssZ` of a non-null date cell: a string
 * already in that form comes back as it is, anything else goes through
 * {@link dateCellMs}.
 *
 * @example
 * dateCellIso(1769903999999, 'createdAt'); // '2026-01-31T23:59:59.999Z'
 * dateCellIso('2026-02-01T01:00:00+01:00', 'createdAt'); // '2026-02-01T00:00:00.000Z'
 */
export function dateCellIso(cell: unknown, column: string): string {
  if (typeof cell === 'string' && isCanonicalInstant(cell)) return cell;
  return isoText(dateCellMs(cell, column));
}

/**
 * The instant `ms` as a string that compares with {@link dateCellIso} values
 * the way `ms` compares with their instants. The only bound past year 9999
 * that a query can produce is the end of 9999-12-31; U+FFFF sorts after every
 * four-digit year, as that instant does.
 *
 * @example
 * instantText(0); // '1970-01-01T00:00:00.000Z'
 */
export function instantText(ms: number): string {
  return ms > MAX_MS ? '\uFFFF' : isoText(ms);
}
