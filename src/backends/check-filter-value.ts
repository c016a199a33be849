/**
 * The one check every backend makes on a filter value before using it. The
 * parser only produces values of the field's type, but servers build nodes by
 * hand (a scope, a soft-delete flag); a value of the wrong type, an object
 * (mysql2 expands objects and arrays inside values; MongoDB would read one as
 * an operator document), or text with a lone surrogate (no UTF-8 store can
 * hold it) is a programmer error, and it throws before any store sees it.
 */
import { dateValueMs, type FilterValue, isDayValue } from '../ast/index.js';
import type { Field } from '../resource/index.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LONE_SURROGATE = /\p{Cs}/u;

/** A real calendar day `YYYY-MM-DD` or a canonical instant `YYYY-MM-DDTHH:mm:ss.sssZ`. */
function isDateValue(value: string): boolean {
  if (!(isDayValue(value) || INSTANT.test(value))) return false;
  const ms = dateValueMs(value);
  if (!Number.isFinite(ms)) return false;
  const iso = new Date(ms).toISOString();
  // Round-tripping rejects rolled-over days (2026-02-30) and impossible times.
  return isDayValue(value) ? iso.slice(0, 10) === value : iso === value;
}

const EXPECTED = {
  string: 'a string value',
  enum: 'a string value',
  number: 'a finite number value',
  boolean: 'a boolean value',
  datetime: "a date value ('YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm:ss.sssZ')",
} as const;

function fits(field: Field, value: unknown): value is FilterValue {
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

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Returns `value` when it is a filter value of `field`'s type; throws a
 * TypeError naming `backend`, the field and what was expected otherwise.
 *
 * @example
 * checkFilterValue('listql/kysely', leads.fields.get('value')!, 100); // 100
 * checkFilterValue('listql/kysely', leads.fields.get('value')!, '100'); // throws TypeError
 */
export function checkFilterValue(backend: string, field: Field, value: unknown): FilterValue {
  const where = `${backend}: a filter on '${field.name}' (${field.type})`;
  if (!fits(field, value)) {
    throw new TypeError(`${where} needs ${EXPECTED[field.type]}, got ${describe(value)}`);
  }
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    throw new TypeError(`${where} needs well-formed text, got a lone surrogate`);
  }
  return value;
}

/**
 * Returns `text` (a search term) when it is well-formed Unicode; throws a
 * TypeError naming `backend` when it holds a lone surrogate.
 *
 * @example
 * checkSearchTerm('listql/mongo', 'John 😀'); // 'John 😀'
 */
export function checkSearchTerm(backend: string, text: string): string {
  if (LONE_SURROGATE.test(text)) {
    throw new TypeError(
      `${backend}: a search term has a lone surrogate, which is not Unicode text`,
    );
  }
  return text;
}

/**
 * Returns `field` when it is a string field, the only type the `text` and
 * `foldedComparison` nodes apply to; throws an Error naming `backend`, the
 * node kind and the field otherwise (a hand-built node; the parser never
 * builds one elsewhere).
 *
 * @example
 * stringFieldFor('listql/mongo', 'text', leads.fields.get('name')!); // the field
 * stringFieldFor('listql/mongo', 'text', leads.fields.get('value')!); // throws
 */
export function stringFieldFor<F extends Field>(backend: string, kind: string, field: F): F {
  if (field.type !== 'string') {
    throw new Error(
      `${backend}: a '${kind}' node on '${field.name}' (${field.type}); only string fields take it`,
    );
  }
  return field;
}
