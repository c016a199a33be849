import { parseDateValue } from '../parse/index.js';
import type { Field, Resource } from '../resource/index.js';

/** A row keyed by field name, values in their API form (dates as canonical ISO instants). */
export type FieldRow = Record<string, string | number | boolean | null>;

/** The outcome of {@link validateRow}: the normalized row, or what is wrong with it. */
export type RowCheck = { readonly row: FieldRow } | { readonly problem: string };

/** No store can keep U+0000 in text (PostgreSQL refuses it), nor half a surrogate pair (not Unicode). */
const LONE_SURROGATE = /\p{Cs}/u;
const unstorable = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

type Cell = string | number | boolean | null;
type CellCheck =
  | { readonly ok: true; readonly value: Cell }
  | { readonly ok: false; readonly problem: string };

const ok = (value: Cell): CellCheck => ({ ok: true, value });
const bad = (field: Field, expected: string): CellCheck => ({
  ok: false,
  problem: `'${field.name}' ${expected}`,
});

function checkValue(field: Field, value: unknown): CellCheck {
  if (value === null) return field.nullable ? ok(null) : bad(field, 'may not be null');
  switch (field.type) {
    case 'string':
    case 'enum':
      if (typeof value !== 'string') return bad(field, 'must be a string');
      if (unstorable(value)) return bad(field, 'contains U+0000 or an unpaired surrogate');
      if (field.type === 'enum' && !field.values.includes(value)) {
        return bad(field, `must be one of ${field.values.join(', ')}, got '${value}'`);
      }
      return ok(value);
    case 'number':
      // + 0 turns -0 into 0.
      return typeof value === 'number' && Number.isFinite(value)
        ? ok(value + 0)
        : bad(field, 'must be a finite number');
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : bad(field, 'must be true, false or null');
    case 'datetime': {
      // A stored date is an instant: a date-time (no offset means UTC), never a bare day.
      const instant = typeof value === 'string' && value.length > 10 ? parseDateValue(value) : null;
      return instant === null
        ? bad(field, 'must be an ISO 8601 date-time such as 2026-01-15T10:30:00.000Z')
        : ok(instant);
    }
  }
}

/**
 * Checks one record against `resource`, strictly: a JSON object whose keys
 * are field names, each value of the field's type (null only where the field
 * is nullable), the id a non-empty string or number. A missing nullable
 * field is null; a missing non-nullable field is a problem.
 *
 * @example
 * validateRow(leads, { id: 'lead_1', status: 'won', source: 'api',
 *   createdAt: '2026-01-15T10:30:00Z', updatedAt: '2026-01-15T10:30:00Z' });
 * // { row: { id: 'lead_1', name: null, …, createdAt: '2026-01-15T10:30:00.000Z', … } }
 */
export function validateRow<F extends string>(resource: Resource<F>, value: unknown): RowCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'expected a JSON object' };
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!resource.fields.has(key)) return { problem: `unknown field '${key}'` };
  }
  const row: FieldRow = {};
  for (const field of resource.fieldList) {
    const present = Object.hasOwn(record, field.name);
    if (!present && !field.nullable) return { problem: `'${field.name}' is missing` };
    const checked = checkValue(field, present ? record[field.name] : null);
    if (!checked.ok) return { problem: checked.problem };
    row[field.name] = checked.value;
  }
  if (row[resource.idField] === '') return { problem: `'${resource.idField}' may not be empty` };
  return { row };
}
