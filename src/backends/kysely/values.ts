/**
 * Values on their way to a driver. mysql2 expands arrays into lists and
 * objects into `key = value` pairs inside a value, so anything but a scalar of
 * the field's type is refused here, before any SQL runs.
 */
import type { FilterValue } from '../../ast/index.js';
import type { Field } from '../../resource/index.js';
import { checkFilterValue as checkValue } from '../check-filter-value.js';
import type { SqlDialect } from './dialect.js';
import { instantMs } from './instants.js';

/**
 * Checks that a filter value fits its field and returns it with its precise
 * type (see the shared `checkFilterValue`); throws a TypeError for anything
 * else (arrays, objects, null, NaN, a string on a number field, a malformed
 * date, a lone surrogate).
 *
 * @example
 * checkFilterValue(valueField, 100); // 100
 * checkFilterValue(valueField, [1, 2]); // throws TypeError
 */
export function checkFilterValue(field: Field, value: unknown): FilterValue {
  return checkValue('listql/kysely', field, value);
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
    if (Number.isNaN(ms)) {
      throw new TypeError(
        `listql/kysely: a stored '${field.name}' (datetime) must be a Date or an ISO date-time with a zone, got ${JSON.stringify(value)}`,
      );
    }
    return dialect.instantParam(ms);
  }
  return bindValue(dialect, field, value);
}
