import { dateValueMs, type FilterValue, isDayValue } from '../../ast/index.js';
import type { Field } from '../../resource/index.js';

/** True for a valid AST date value: a real calendar day or a canonical UTC instant. */
function isDateValue(value: string): boolean {
  const ms = dateValueMs(value);
  if (!Number.isFinite(ms)) return false;
  const iso = new Date(ms).toISOString();
  // Round-tripping rejects rolled-over days (2026-02-30) and non-canonical instants.
  return isDayValue(value) ? iso.slice(0, 10) === value : iso === value;
}

function fits(field: Field, value: FilterValue): boolean {
  switch (field.type) {
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return typeof value === 'string' && isDateValue(value);
  }
}

const EXPECTED = {
  string: 'a string',
  enum: 'a string',
  number: 'a finite number',
  boolean: 'a boolean',
  datetime: "a day 'YYYY-MM-DD' or an instant 'YYYY-MM-DDTHH:mm:ss.sssZ'",
} as const;

/**
 * Checks that a filter value has the type the AST promises for `field`.
 * Parsed queries always do; a node built by hand with the wrong type is a
 * programmer error, so it throws an Error that says what was expected.
 *
 * @example
 * checkFilterValue(leads.fields.get('value')!, '100'); // throws: needs a finite number
 */
export function checkFilterValue(field: Field, value: FilterValue): void {
  if (fits(field, value)) return;
  throw new Error(
    `listql/memory: a filter on '${field.name}' (${field.type}) needs ${EXPECTED[field.type]}, ` +
      `got ${typeof value === 'string' ? JSON.stringify(value) : String(value)} (${typeof value})`,
  );
}
