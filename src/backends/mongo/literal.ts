import {
  type ComparisonOperator,
  dateValueMs,
  type FilterValue,
  instantBounds,
  isDayValue,
} from '../../ast/index.js';
import type { Field } from '../../resource/index.js';
import { fail } from './storage.js';

/** A value as it may appear in a generated filter: never an object that came from input. */
export type MongoLiteral = string | number | boolean;

const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LONE_SURROGATE = /\p{Cs}/u;

/** The JavaScript type a filter value must have on a field of this type. */
function expectedType(field: Field): 'string' | 'number' | 'boolean' {
  switch (field.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/**
 * `value` as a typed literal for `field`: a string, a finite number or a
 * boolean of the field's type, and nothing else. The AST promises this; the
 * check keeps a hand-built node carrying an object (say `{ $ne: null }`) or a
 * mistyped value (`'5'` on a number field, which MongoDB would never match
 * because comparisons do not cross BSON types) from reaching the database.
 * A string with a lone surrogate is refused too: BSON strings are UTF-8,
 * which cannot hold one (the driver would turn it into U+FFFD).
 *
 * @example
 * literal(leads.fields.get('value')!, 100); // 100
 * literal(leads.fields.get('value')!, '100'); // throws
 */
export function literal(field: Field, value: FilterValue): MongoLiteral {
  const expected = expectedType(field);
  if (typeof value !== expected || (typeof value === 'number' && !Number.isFinite(value))) {
    fail(`field '${field.name}' (${field.type}) needs a ${expected} value, got ${describe(value)}`);
  }
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    fail(`the value of '${field.name}' has a lone surrogate, which BSON cannot carry`);
  }
  return value;
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
  if (typeof value !== 'string' || !isDateValue(value)) {
    fail(
      `field '${field.name}' (datetime) needs a day YYYY-MM-DD or an instant ` +
        `YYYY-MM-DDTHH:mm:ss.sssZ, got ${describe(value)}`,
    );
  }
  const condition: Record<string, Date> = {};
  for (const bound of instantBounds(op, value)) condition[`$${bound.op}`] = new Date(bound.ms);
  return condition;
}

/** A real calendar day or a canonical UTC instant; round-tripping rejects `2026-02-30`. */
function isDateValue(value: string): boolean {
  if (!(isDayValue(value) || INSTANT_SHAPE.test(value))) return false;
  const ms = dateValueMs(value);
  if (!Number.isFinite(ms)) return false;
  const iso = new Date(ms).toISOString();
  return isDayValue(value) ? iso.slice(0, 10) === value : iso === value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}
