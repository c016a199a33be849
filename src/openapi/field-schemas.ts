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
 * The schema of a filter value in the URL: what the parser accepts for the
 * field. Strings are capped at `maxValueLength`; a date filter takes a
 * date-time or a whole day.
 *
 * @example
 * filterValueSchema(leads.fields.get('createdAt')!, 1000);
 * // { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'string', format: 'date' }] }
 */
export function filterValueSchema(field: Field, maxValueLength: number): JsonSchema {
  switch (field.type) {
    case 'string':
      return { type: 'string', maxLength: maxValueLength };
    case 'datetime':
      return {
        anyOf: [
          { type: 'string', format: 'date-time' },
          { type: 'string', format: 'date' },
        ],
      };
    default:
      return valueSchema(field);
  }
}
