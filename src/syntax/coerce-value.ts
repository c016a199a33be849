import type { FilterValue } from '../ast/index.js';
import type { IssueCode } from '../errors/index.js';
import type { Field } from '../resource/index.js';
import { parseDateValue } from './dates.js';
import { readDecimal } from './decimal.js';

export type Coerced =
  | { readonly ok: true; readonly value: FilterValue }
  | { readonly ok: false; readonly code: IssueCode; readonly expected: string };

const ok = (value: FilterValue): Coerced => ({ ok: true, value });
const bad = (expected: string, code: IssueCode = 'INVALID_FILTER'): Coerced => ({
  ok: false,
  code,
  expected,
});

/**
 * Turns one filter value (already split from a comma list) into the typed AST
 * value for `field`, or says what was expected.
 */
export function coerceValue(field: Field, text: string): Coerced {
  // An empty date is an invalid date (INVALID_DATE), like any other non-date.
  if (text === '' && field.type !== 'datetime') return bad('a non-empty value');
  switch (field.type) {
    case 'string':
      return ok(text);
    case 'enum':
      return field.values.includes(text) ? ok(text) : bad(`one of ${field.values.join(', ')}`);
    case 'number': {
      const read = readDecimal(text);
      if ('value' in read) return ok(read.value);
      if (read.problem !== 'inexact') return bad('a number');
      // Say what it would have become, when that is short enough to be useful.
      const becomes = read.becomes.length <= 40 ? ` (it would become ${read.becomes})` : '';
      return bad(`a number that a 64-bit float holds exactly${becomes}`);
    }
    case 'boolean':
      return text === 'true' ? ok(true) : text === 'false' ? ok(false) : bad('true or false');
    case 'datetime': {
      const value = parseDateValue(text);
      return value === null
        ? bad('a date (2026-01-15) or date-time (2026-01-15T10:30:00Z)', 'INVALID_DATE')
        : ok(value);
    }
  }
}
