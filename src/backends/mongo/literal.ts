import { type ComparisonOperator, type FilterValue, instantBounds } from '../../ast/index.js';
import type { Field } from '../../resource/index.js';
import { checkFilterValue } from '../check-filter-value.js';

/** A value as it may appear in a generated filter: never an object that came from input. */
export type MongoLiteral = string | number | boolean;

const BACKEND = 'listql/mongo';

/**
 * `value` as a typed literal for `field`: a string, a finite number or a
 * boolean of the field's type, and nothing else (see `checkFilterValue`). The
 * check keeps a hand-built node carrying an object (say `{ $ne: null }`) or a
 * mistyped value (`'5'` on a number field, which MongoDB would never match
 * because comparisons do not cross BSON types) from reaching the database.
 *
 * @example
 * literal(leads.fields.get('value')!, 100); // 100
 * literal(leads.fields.get('value')!, '100'); // throws
 */
export function literal(field: Field, value: FilterValue): MongoLiteral {
  return checkFilterValue(BACKEND, field, value);
}

/**
 * The operator document for `field <op> value` on a date-time field: the
 * instant bounds of `instantBounds` (a day becomes a half-open range) as
 * `Date` objects, so MongoDB compares BSON dates, never strings.
 *
 * @example
 * dateCondition(createdAt, 'eq', '2026-01-31');
 * // { $gte: new Date('2026-01-31T00:00:00.000Z'), $lt: new Date('2026-02-01T00:00:00.000Z') }
 */
export function dateCondition(
  field: Field,
  op: ComparisonOperator,
  value: FilterValue,
): Record<string, Date> {
  const day = checkFilterValue(BACKEND, field, value) as string;
  const condition: Record<string, Date> = {};
  for (const bound of instantBounds(op, day)) condition[`$${bound.op}`] = new Date(bound.ms);
  return condition;
}
