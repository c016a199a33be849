import {
  type ComparisonOperator,
  type FilterValue,
  foldAscii,
  instantBounds,
  type TextOperator,
} from '../../ast/index.js';
import type { Field } from '../../resource/index.js';
import { cellPredicate } from './cell-leaves.js';
import type { OrderKey } from './cells.js';
import { codePointKey } from './code-points.js';
import { dateCellMs, instantText, isCanonicalInstant, MAX_MS, MIN_MS } from './date-cells.js';
import { literalSearchPattern, literalTextPattern } from './search-pattern.js';
import type { RowPredicate } from './types.js';

/*
 * Each leaf is a test of one cell (`cellPredicate`), which `allOf`/`anyOf`
 * read in code generated for the query's columns (see `cell-leaves.ts`). Typed leaves
 * guard the cell with `typeof` (or `===` against a value that is never
 * null), which is the two-valued null rule for free: null, a missing cell, or
 * a cell of another type never matches.
 */

/** `key <op> bound` as a closure over the bound. */
function holds(op: ComparisonOperator, bound: OrderKey): (key: OrderKey) => boolean {
  switch (op) {
    case 'eq':
      return (key) => key === bound;
    case 'gt':
      return (key) => key > bound;
    case 'gte':
      return (key) => key >= bound;
    case 'lt':
      return (key) => key < bound;
    case 'lte':
      return (key) => key <= bound;
  }
}

/** A date test in both forms a cell is compared in (see `date-cells.ts`). */
interface InstantTest {
  /** For a cell that is an API-form string. */
  readonly text: (iso: string) => boolean;
  /** For any other cell, read as epoch milliseconds. */
  readonly ms: (ms: number) => boolean;
}

function allHold<K extends OrderKey>(tests: ((key: K) => boolean)[]): (key: K) => boolean {
  const [first, second] = tests;
  if (!first) throw new Error('listql/memory: instantBounds gave no bound');
  return second ? (key) => first(key) && second(key) : first;
}

/**
 * `instant <op> value` for a date-time value (a day or an instant), as the
 * half-open bounds `instantBounds` gives (the one place that knows the day
 * rules), prepared as ISO text and as epoch milliseconds.
 */
function instantTest(op: ComparisonOperator, value: string): InstantTest {
  const bounds = instantBounds(op, value);
  return {
    text: allHold(bounds.map((bound) => holds(bound.op, instantText(bound.ms)))),
    ms: allHold(bounds.map((bound) => holds(bound.op, bound.ms))),
  };
}

/**
 * A date leaf: an API-form string is compared as text, any other cell is
 * read as epoch milliseconds once (`getTime()` for a `Date`).
 */
function datePredicate(column: string, test: InstantTest): RowPredicate {
  const { text, ms } = test;
  return cellPredicate(column, (cell) => {
    if (typeof cell === 'string') {
      if (isCanonicalInstant(cell)) return text(cell);
    } else if (cell instanceof Date) {
      // The common stored form, read at once; an invalid or out-of-range Date
      // goes on to dateCellMs, which throws.
      const time = cell.getTime();
      if (time >= MIN_MS && time <= MAX_MS) return ms(time);
    }
    return cell !== null && cell !== undefined && ms(dateCellMs(cell, column));
  });
}

/**
 * `field <op> value` as a row predicate, with everything about the value
 * worked out now, once. Equality is `===`; order operators compare numbers
 * numerically, strings by code point and booleans as `false < true`; dates
 * compare against the bounds of the day or instant (see `date-cells.ts`).
 *
 * @example
 * const isBig = comparisonPredicate(leads.fields.get('value')!, 'gte', 100);
 * isBig({ value: 150 }); // true
 * isBig({ value: null }); // false
 */
export function comparisonPredicate(
  field: Field,
  op: ComparisonOperator,
  value: FilterValue,
): RowPredicate {
  const column = field.column;
  if (field.type === 'datetime') return datePredicate(column, instantTest(op, value as string));
  if (op === 'eq') return cellPredicate(column, (cell) => cell === value);
  switch (field.type) {
    case 'number': {
      const test = holds(op, value as number);
      return cellPredicate(column, (cell) => typeof cell === 'number' && test(cell));
    }
    case 'boolean': {
      const test = holds(op, Number(value));
      return cellPredicate(column, (cell) => typeof cell === 'boolean' && test(Number(cell)));
    }
    case 'string':
    case 'enum': {
      const test = holds(op, codePointKey(value as string));
      return cellPredicate(column, (cell) => typeof cell === 'string' && test(codePointKey(cell)));
    }
  }
}

/**
 * `field` equals one of `values`. Dates use the bounds of `eq` for each value
 * (a day matches its whole day) with the cell normalized once; other types
 * look the cell up in a `Set` of the values. An empty list matches nothing.
 *
 * @example
 * const closed = inListPredicate(leads.fields.get('status')!, ['won', 'lost']);
 * closed({ status: 'won' }); // true
 */
export function inListPredicate(field: Field, values: readonly FilterValue[]): RowPredicate {
  const column = field.column;
  if (field.type === 'datetime') {
    const tests = values.map((value) => instantTest('eq', value as string));
    return datePredicate(column, {
      text: (iso) => tests.some((test) => test.text(iso)),
      ms: (ms) => tests.some((test) => test.ms(ms)),
    });
  }
  // A short list is compared value by value: `===` on a handful of values
  // beats hashing the cell for a Set (status=won,lost: 1.5 → 0.5 ms over
  // 100,000 rows), and is the same test for filter values, which are never NaN.
  const [a, b, c] = values;
  if (values.length === 1) return cellPredicate(column, (cell) => cell === a);
  if (values.length === 2) return cellPredicate(column, (cell) => cell === a || cell === b);
  if (values.length === 3) {
    return cellPredicate(column, (cell) => cell === a || cell === b || cell === c);
  }
  const set: ReadonlySet<unknown> = new Set(values);
  return cellPredicate(column, (cell) => set.has(cell));
}

/**
 * `exists: true`: the cell is neither null nor missing; `false`: it is.
 *
 * @example
 * existsPredicate(leads.fields.get('gclid')!, true)({ gclid: null }); // false
 */
export function existsPredicate(field: Field, present: boolean): RowPredicate {
  const column = field.column;
  return present
    ? cellPredicate(column, (cell) => cell !== null && cell !== undefined)
    : cellPredicate(column, (cell) => cell === null || cell === undefined);
}

/**
 * `term` is a case-insensitive (ASCII letters only), literal substring of at
 * least one of `fields`; null cells never match. See `literalSearchPattern`.
 *
 * @example
 * searchPredicate([leads.fields.get('name')!], 'JOHN')({ name: 'Johnny' }); // true
 */
export function searchPredicate(fields: readonly Field[], term: string): RowPredicate {
  const pattern = literalSearchPattern(term);
  const columns = fields.map((field) => field.column);
  // No own-cell guard needed: inherited members are never strings.
  return (row) => {
    for (const column of columns) {
      const cell = (row as Readonly<Record<string, unknown>>)[column];
      if (typeof cell === 'string' && pattern.test(cell)) return true;
    }
    return false;
  };
}

/**
 * A `text` leaf: `value` occurs in the string cell (anywhere, at its start or
 * at its end), literally, ASCII case-insensitively; null never matches.
 *
 * @example
 * textPredicate(leads.fields.get('name')!, 'startsWith', 'jo')({ name: 'John' }); // true
 */
export function textPredicate(field: Field, op: TextOperator, value: string): RowPredicate {
  const pattern = literalTextPattern(op, value);
  const column = field.column;
  return cellPredicate(column, (cell) => typeof cell === 'string' && pattern.test(cell));
}

/**
 * A `foldedComparison` leaf: the string cell and `value`, ASCII-folded, in
 * code point order; null never matches.
 *
 * @example
 * foldedPredicate(leads.fields.get('name')!, 'eq', 'JOHN')({ name: 'john' }); // true
 */
export function foldedPredicate(field: Field, op: ComparisonOperator, value: string): RowPredicate {
  const test = holds(op, codePointKey(foldAscii(value)));
  const column = field.column;
  return cellPredicate(
    column,
    (cell) => typeof cell === 'string' && test(codePointKey(foldAscii(cell))),
  );
}
