/**
 * Driver values back to API values. Drivers differ: MySQL and SQLite return
 * booleans as 0/1, pg returns bigint and numeric as strings, date-times arrive
 * as Date objects (pg, PGlite, mysql2), `YYYY-MM-DD HH:mm:ss.sss` strings
 * (mysql2 with `dateStrings`), PostgreSQL's text form (`2026-01-31
 * 10:00:00+00`, `0001-12-31 23:59:59.999+00 BC` for ISO year 0) or ISO text
 * (SQLite as listql stores it).
 */
import { utcMs } from '../../ast/index.js';
import type { Field } from '../../resource/index.js';
import { dateIso } from './instants.js';

/** A value of an API row. */
export type ApiValue = string | number | boolean | null;

/** A row as the API returns it: field names, ISO date strings, booleans, numbers, nulls. */
export type ListRow<F extends string> = Partial<Record<F, ApiValue>>;

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// A date-time as databases print it: ISO or SQL spacing, any fraction, an
// optional zone (none means UTC, how listql stores MySQL DATETIME).
const LOOSE_INSTANT =
  /^(\d{4,})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?( BC)?$/;

const SQL_INSTANT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * The ISO text of `YYYY-MM-DD HH:mm:ss.sss` (how mysql2 with
 * `mysqlTypeCast` hands over a DATETIME(3) column: UTC, no zone) by moving
 * characters, without building a Date: exactly what {@link readInstant}'s
 * general parse returns for it, because a field in range reads as itself.
 * Undefined for any other text, and for a field out of range (a 30 February,
 * 24:00), which the general parse reads (it rolls over, as Date does).
 */
function sqlInstantAsIso(value: string): string | undefined {
  if (value.length !== 23 || !SQL_INSTANT.test(value)) return undefined;
  // Digits by char code (48 is '0'), without a helper closure made per call.
  const year =
    value.charCodeAt(0) * 1000 +
    value.charCodeAt(1) * 100 +
    value.charCodeAt(2) * 10 +
    value.charCodeAt(3) -
    48 * 1111;
  const month = value.charCodeAt(5) * 10 + value.charCodeAt(6) - 48 * 11;
  const day = value.charCodeAt(8) * 10 + value.charCodeAt(9) - 48 * 11;
  if (month < 1 || month > 12 || day < 1) return undefined;
  // The proleptic Gregorian calendar of Date (year 0 is a leap year).
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!)) return undefined;
  const hour = value.charCodeAt(11) * 10 + value.charCodeAt(12) - 48 * 11;
  // Minutes and seconds run to 59: their tens digit ('0'–'5') at most 53.
  if (hour > 23 || value.charCodeAt(14) > 53 || value.charCodeAt(17) > 53) return undefined;
  return `${value.slice(0, 10)}T${value.slice(11)}Z`;
}

function fail(field: Field, value: unknown): never {
  throw new Error(
    `listql/kysely: cannot read ${String(value)} (${typeof value}) from the database as field '${field.name}' (${field.type})`,
  );
}

function readInstant(field: Field, value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(field, value);
    return dateIso(value);
  }
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value !== 'string') return fail(field, value);
  if (CANONICAL_INSTANT.test(value)) return value;
  const moved = sqlInstantAsIso(value);
  if (moved !== undefined) return moved;
  const m = LOOSE_INSTANT.exec(value);
  if (!m) return fail(field, value);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  // PostgreSQL counts years BC from 1 with no year 0: 1 BC is ISO year 0.
  const isoYear = m[12] === undefined ? year! : 1 - year!;
  const offsetMinutes =
    m[9] === undefined ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0));
  const wall = utcMs(isoYear, month!, day!, hour!, minute!, second!, ms);
  return new Date(wall - offsetMinutes * 60_000).toISOString();
}

function readBoolean(field: Field, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 0n || value === '0' || value === 'f') return false;
  if (value === 1 || value === 1n || value === '1' || value === 't') return true;
  return fail(field, value);
}

function readNumber(field: Field, value: unknown): number {
  if (typeof value === 'number') return value;
  const number =
    typeof value === 'string' || typeof value === 'bigint' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) return fail(field, value);
  return number;
}

function readText(field: Field, value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return fail(field, value);
}

/**
 * One driver value as the API value of `field`.
 *
 * @example
 * readValue(adStorageField, 1); // true
 * readValue(createdAtField, '2026-01-31 10:00:00.000'); // '2026-01-31T10:00:00.000Z'
 */
export function readValue(field: Field, value: unknown): ApiValue {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'datetime':
      return readInstant(field, value);
    case 'boolean':
      return readBoolean(field, value);
    case 'number':
      return readNumber(field, value);
    case 'string':
    case 'enum':
      return readText(field, value);
  }
}

/**
 * A row selected by `applyListQuery` as the API returns it, with exactly the
 * keys of `fields`, in that order.
 *
 * @example
 * const fields = selectedFields(leads, query.select);
 * const data = rows.map((row) => readListRow(fields, row));
 */
export function readListRow<F extends string>(
  fields: readonly Field<F>[],
  row: Readonly<Record<string, unknown>>,
): ListRow<F> {
  const out: Partial<Record<F, ApiValue>> = {};
  for (const field of fields) out[field.name] = readValue(field, row[field.name]);
  return out;
}

/** Reads one driver value of a field: the common driver type at once, anything else through {@link readValue}. */
type ValueReader = (value: unknown) => ApiValue;

/**
 * A reader for one field that returns the value every driver hands over
 * most often without a type switch (text as text, a double as a number, a
 * boolean, a valid Date, canonical ISO text or MySQL's DATETIME text), and falls back to
 * {@link readValue} for the rest (0/1 booleans, Date text forms, bigint…),
 * which reads them, or refuses them, exactly as before.
 */
function valueReader(field: Field): ValueReader {
  const slow = (value: unknown): ApiValue => readValue(field, value);
  switch (field.type) {
    case 'string':
    case 'enum':
      return (value) => (typeof value === 'string' ? value : slow(value));
    case 'number':
      return (value) => (typeof value === 'number' ? value : slow(value));
    case 'boolean':
      return (value) =>
        typeof value === 'boolean' ? value : value === 1 ? true : value === 0 ? false : slow(value);
    case 'datetime':
      return (value) =>
        value instanceof Date && !Number.isNaN(value.getTime())
          ? dateIso(value)
          : typeof value === 'string'
            ? CANONICAL_INSTANT.test(value)
              ? value
              : (sqlInstantAsIso(value) ?? slow(value))
            : slow(value);
  }
}

/** Options of {@link listRowReader}. */
export interface ListRowReaderOptions {
  /**
   * Convert the driver's row objects in place and return them, when they
   * hold exactly the fields' keys in order (the select list `applyListQuery`
   * builds aliases every column to its field name, so they do): only values
   * that need reading (a `Date`, a 0/1 boolean…) are written, and no row is
   * copied. Checked on the first row read; rows of another layout are copied
   * as without this option. Default false: the rows passed in are left alone.
   */
  readonly reuseRows?: boolean;
}

/** Whether `row`'s own keys are exactly `names`, in that order. */
function hasKeys(row: Readonly<Record<string, unknown>>, names: readonly string[]): boolean {
  const keys = Object.keys(row);
  return keys.length === names.length && keys.every((key, i) => key === names[i]);
}

/**
 * {@link readListRow} specialised once for a list of fields, for reading
 * many rows (`runListQuery` keeps one per query shape): the per-field type
 * switch is decided up front, and every row is built with the same keys in
 * the same order. The same values as `readListRow`, and the same errors.
 * With `{ reuseRows: true }` the driver's rows themselves become the API
 * rows (see {@link ListRowReaderOptions}): on a page of 50 rows of 47
 * fields that saves 50 objects built key by key, which is most of the
 * reading's time and garbage.
 *
 * @example
 * const read = listRowReader(selectedFields(leads, query.select));
 * const data = rows.map(read);
 */
export function listRowReader<F extends string>(
  fields: readonly Field<F>[],
  options: ListRowReaderOptions = {},
): (row: Readonly<Record<string, unknown>>) => ListRow<F> {
  const names = fields.map((field) => field.name);
  const readers = fields.map(valueReader);
  const count = names.length;
  const copy = (row: Readonly<Record<string, unknown>>): ListRow<F> => {
    const out: Partial<Record<F, ApiValue>> = {};
    for (let i = 0; i < count; i++) {
      const name = names[i]!;
      const value = row[name];
      out[name] = value === null || value === undefined ? null : readers[i]!(value);
    }
    return out;
  };
  if (options.reuseRows !== true) return copy;
  const inPlace = inPlaceReader(fields) ?? loopReader(names, readers);
  // Decided on the first row: one SQL text (one shape) gives every row the same columns.
  let reuse: boolean | undefined;
  return (row) => {
    reuse ??= hasKeys(row, names);
    return (reuse ? inPlace(row as Record<string, unknown>) : copy(row)) as ListRow<F>;
  };
}

/** Converts a row's values in place; returns the row. */
type InPlaceReader = (row: Record<string, unknown>) => Record<string, unknown>;

/** The in-place reader as a loop over the fields (where code cannot be generated). */
function loopReader(names: readonly string[], readers: readonly ValueReader[]): InPlaceReader {
  return (row) => {
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const value = row[name];
      if (value === null) continue;
      const read = value === undefined ? null : readers[i]!(value);
      if (read !== value) row[name] = read;
    }
    return row;
  };
}

/**
 * The in-place reader as one generated function with a line per field, so
 * every property access names its key: V8 then serves each from the row's
 * hidden class, where a loop's `row[name]` goes through a megamorphic keyed
 * lookup (about 2.8× slower on a page of 47 fields). Field names enter the
 * code only as JSON string literals (no name can break out of its quotes),
 * and any value that is not the common driver type goes to
 * {@link readValue}, exactly as in the loop. Undefined where the runtime
 * refuses to compile code (e.g. Cloudflare Workers).
 */
function inPlaceReader(fields: readonly Field[]): InPlaceReader | undefined {
  const slow = fields.map((field) => (value: unknown) => readValue(field, value));
  const lines = fields.map((field, i) => {
    const key = `row[${JSON.stringify(field.name)}]`;
    const other = `${key} = slow[${i}](v);`;
    switch (field.type) {
      case 'string':
      case 'enum':
        return `v = ${key}; if (v !== null && typeof v !== 'string') ${other}`;
      case 'number':
        return `v = ${key}; if (v !== null && typeof v !== 'number') ${other}`;
      case 'boolean':
        return `v = ${key}; if (v === 1) ${key} = true; else if (v === 0) ${key} = false; else if (v !== null && typeof v !== 'boolean') ${other}`;
      default:
        return `v = ${key}; if (v instanceof Date && !Number.isNaN(v.getTime())) ${key} = dateIso(v); else if (typeof v === 'string') { if (!canonical.test(v)) ${key} = sqlIso(v) ?? slow[${i}](v); } else if (v !== null) ${other}`;
    }
  });
  try {
    // Generated from field types and JSON-quoted names only (see above).
    const make = new Function(
      'slow',
      'canonical',
      'sqlIso',
      'dateIso',
      `return (row) => { let v;\n${lines.join('\n')}\nreturn row; };`,
    );
    return make(slow, CANONICAL_INSTANT, sqlInstantAsIso, dateIso) as InPlaceReader;
  } catch {
    return undefined;
  }
}
