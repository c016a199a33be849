import {
  DATE_PATTERN,
  DATE_TIME_EDGE_PATTERN,
  DATE_TIME_PATTERN,
  DECIMAL_PATTERN,
} from '../grammar.js';
import type { Field } from '../resource/index.js';
import type { JsonSchema, JsonValue } from './types.js';

/**
 * The schema of a field's value in a response row. A nullable field's type
 * includes `'null'` (JSON Schema 2020-12, as OpenAPI 3.1 uses it; there is
 * no `nullable` keyword any more), and a nullable enum lists `null` too,
 * since `enum` is checked on its own.
 *
 * @example
 * propertySchema(leads.fields.get('value')!); // { type: ['number', 'null'] }
 */
export function propertySchema(field: Field): JsonSchema {
  const base = valueSchema(field);
  if (!field.nullable) return base;
  const type = base['type'];
  const nullable: Record<string, JsonValue> = { ...base, type: [type as string, 'null'] };
  if (field.type === 'enum') nullable['enum'] = [...field.values, null];
  return nullable;
}

/** The schema of one non-null value of a field, as stored and returned. */
function valueSchema(field: Field): JsonSchema {
  switch (field.type) {
    case 'string':
      return { type: 'string' };
    case 'enum':
      return { type: 'string', enum: [...field.values] };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
  }
}

/**
 * A date-time as the parser reads it. Not `format: date-time`: that is RFC
 * 3339, which also allows a lower-case `t`/`z` and leap seconds (refused
 * here) and requires an offset (optional here: none means UTC). The
 * `pattern` is the parser's own grammar; `not` refuses the two edge days
 * where an offset could leave the four-digit years.
 */
const DATE_TIME_SCHEMA: JsonSchema = {
  type: 'string',
  pattern: DATE_TIME_PATTERN,
  not: { pattern: DATE_TIME_EDGE_PATTERN },
  examples: ['2026-01-15T10:30:00Z', '2026-01-15T10:30:00.250+02:00', '2026-01-15T10:30:00'],
};

/** A whole day, which a date filter reads as the whole UTC day. */
const DATE_SCHEMA: JsonSchema = {
  type: 'string',
  format: 'date',
  pattern: DATE_PATTERN,
  examples: ['2026-01-15'],
};

/**
 * A number as the parser reads it: a string of the plain decimal form (no
 * exponent, `+`, leading or trailing dot, hex), which `type: number` cannot
 * say, since a query value is text and `1e3` is a fine JSON number.
 */
const DECIMAL_SCHEMA: JsonSchema = {
  type: 'string',
  pattern: DECIMAL_PATTERN,
  description:
    'A plain decimal (`100`, `-3`, `99.5`; no exponent, `+`, leading or trailing dot) that a ' +
    '64-bit float holds exactly as written (`9007199254740993` is refused).',
  examples: ['100', '99.5'],
};

/**
 * The schema of a filter value in the URL: what the parser accepts for the
 * field. Strings are capped at `maxValueLength` code points; numbers and
 * dates are strings with the parser's own grammar as `pattern`; a date filter
 * takes a date-time or a whole day.
 *
 * @example
 * filterValueSchema(leads.fields.get('value')!, 1000);
 * // { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'A plain decimal …', examples: […] }
 */
export function filterValueSchema(field: Field, maxValueLength: number): JsonSchema {
  switch (field.type) {
    case 'string':
      return { type: 'string', maxLength: maxValueLength };
    case 'number':
      return DECIMAL_SCHEMA;
    case 'datetime':
      return { anyOf: [DATE_TIME_SCHEMA, DATE_SCHEMA] };
    default:
      return valueSchema(field);
  }
}
