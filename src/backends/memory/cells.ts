import type { Field } from '../../resource/index.js';
import { codePointKey } from './code-points.js';
import { dateCellMs, isCanonicalInstant } from './date-cells.js';

/** Rows as the compiled closures read them: cells by storage (column) name. */
export type Cells = Readonly<Record<string, unknown>>;

/** Stands in for a row that lacks a shadowed column: every cell reads `undefined`. */
const NO_CELLS: Cells = Object.freeze(Object.create(null) as Cells);

/**
 * Wraps `read`, a function that reads `row[column]`, so that a column named
 * like a member of `Object.prototype` (`constructor`, `toString`,
 * `__proto__`) reads only the row's own property: a row without it is seen
 * as having no cells, instead of yielding the inherited value. Other columns
 * (all but a handful of names) get `read` back unchanged, so the check costs
 * nothing on the hot path.
 *
 * @example
 * const read = ownCellsOnly('toString', (row) => row['toString'] ?? null);
 * read({}); // null, not Object.prototype.toString
 */
export function ownCellsOnly<R>(column: string, read: (row: Cells) => R): (row: object) => R {
  if (!(column in Object.prototype)) return read as (row: object) => R;
  return (row) => read(Object.hasOwn(row, column) ? (row as Cells) : NO_CELLS);
}

/**
 * A reader of one column that returns null for a null, missing or
 * `undefined` cell (and for an inherited one, see {@link ownCellsOnly}).
 *
 * @example
 * cellReader('value')({ value: undefined }); // null
 */
export function cellReader(column: string): (row: object) => unknown {
  return ownCellsOnly(column, (row) => row[column] ?? null);
}

/**
 * A value whose `<` order is the field's order: a number, or a string compared
 * by code unit.
 *
 * @example
 * const key: OrderKey = codePointKey('Zoë'); // strings sort by this
 */
export type OrderKey = number | string;

/**
 * Maps a non-null cell of `field` to its {@link OrderKey}: booleans to 0 and
 * 1, strings and enums to their {@link codePointKey}, numbers to themselves.
 * A date keeps whichever form costs nothing: a string in the API form stays
 * that string (its text order is its time order), any other cell becomes epoch
 * milliseconds (`getTime()` for a `Date`). `compareOrderKeys` reconciles the
 * two forms when a column mixes them.
 *
 * @example
 * orderKeyOf(leads.fields.get('createdAt')!)(new Date(0)); // 0
 * orderKeyOf(leads.fields.get('createdAt')!)('1970-01-01T00:00:00.000Z'); // the same string
 */
export function orderKeyOf(field: Field): (cell: unknown) => OrderKey {
  const column = field.column;
  switch (field.type) {
    case 'datetime':
      return (cell) =>
        typeof cell === 'string' && isCanonicalInstant(cell) ? cell : dateCellMs(cell, column);
    case 'number':
      return (cell) => cell as number;
    case 'boolean':
      return (cell) => (cell ? 1 : 0);
    case 'string':
    case 'enum':
      return (cell) => codePointKey(cell as string);
  }
}

/**
 * Orders two non-null keys of the same field: negative, zero or positive. Keys
 * of one type compare with `<`; a string meeting a number can only be the two
 * forms of a date key (see {@link orderKeyOf}), and they meet as epoch ms.
 *
 * @example
 * compareOrderKeys('1970-01-01T00:00:00.001Z', 0); // 1
 */
export function compareOrderKeys(x: OrderKey, y: OrderKey): number {
  if (typeof x !== typeof y) {
    const ms = (key: OrderKey) => (typeof key === 'string' ? Date.parse(key) : key);
    return ms(x) - ms(y);
  }
  return x < y ? -1 : x > y ? 1 : 0;
}
