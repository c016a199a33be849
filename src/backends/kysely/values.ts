/**
 * Values on their way to a driver. mysql2 expands arrays into lists and
 * objects into `key = value` pairs inside a value, so anything but a scalar of
 * the field's type is refused here, before any SQL runs.
 */
import type { FilterValue } from '../../ast/index.js';
import type { Field } from '../../resource/index.js';
import type { SqlDialect } from './dialect.js';
import { instantMs } from './instants.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A surrogate not part of a pair: not Unicode text, so no UTF-8 database can
// hold or compare it (SQLite would turn it into U+FFFD, PostgreSQL refuses it).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks that `text` is well-formed Unicode. Throws a TypeError naming `what`
 * when it holds a lone surrogate (the parser refuses those too).
 *
 * @example
 * checkUnicodeText('search term', 'John 😀'); // 'John 😀'
 */
export function checkUnicodeText(what: string, text: string): string {
  if (LONE_SURROGATE.test(text)) {
    throw new TypeError(`listql/kysely: ${what} has a lone surrogate, which is not Unicode text`);
  }
  return text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `the ${typeof value} ${value}`;
  return `a value of type ${typeof value}`;
}

function reject(field: Field, expected: string, value: unknown): never {
  throw new TypeError(
    `listql/kysely: a value for field '${field.name}' (${field.type}) must be ${expected}; got ${describe(value)}`,
  );
}

/** True for a date-time value of the AST: an instant `YYYY-MM-DDTHH:mm:ss.sssZ` or a day `YYYY-MM-DD`. */
function isDateValue(value: string): boolean {
  return (INSTANT.test(value) || DAY.test(value)) && !Number.isNaN(Date.parse(value));
}

/**
 * Checks that a filter value fits its field and returns it with its precise
 * type: a finite number, a boolean, a string, or a canonical date string.
 * Throws a TypeError for anything else (arrays, objects, null, NaN, a string
 * on a number field, a malformed date).
 *
 * @example
 * checkFilterValue(valueField, 100); // 100
 * checkFilterValue(valueField, [1, 2]); // throws TypeError
 */
export function checkFilterValue(field: Field, value: unknown): FilterValue {
  switch (field.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return reject(field, 'a finite number', value);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return reject(field, 'a boolean', value);
      return value;
    case 'datetime':
      if (typeof value !== 'string' || !isDateValue(value)) {
        return reject(field, 'a date string YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss.sssZ', value);
      }
      return value;
    case 'string':
    case 'enum':
      if (typeof value !== 'string') return reject(field, 'a string', value);
      return checkUnicodeText(`a value for field '${field.name}'`, value);
  }
}

/**
 * A filter value as the dialect's driver binds it (booleans become 0/1 on
 * SQLite). Date-time values are not bound here: they become instant bounds.
 */
export function bindValue(dialect: SqlDialect, field: Field, value: unknown): unknown {
  const checked = checkFilterValue(field, value);
  return typeof checked === 'boolean' ? dialect.booleanParam(checked) : checked;
}

/**
 * A stored value (rows given to `insertRows`) as the dialect's driver binds
 * it: null stays null, a date-time (ISO string, or a Date) becomes the
 * dialect's instant, a boolean becomes 0/1 on SQLite.
 *
 * @example
 * storageValue(sqliteDialect, createdAtField, '2026-01-31T10:00:00.000Z'); // same string
 */
export function storageValue(dialect: SqlDialect, field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'datetime') {
    const ms = instantMs(value);
    if (Number.isNaN(ms)) return reject(field, 'a Date or an ISO date-time with a zone', value);
    return dialect.instantParam(ms);
  }
  return bindValue(dialect, field, value);
}
