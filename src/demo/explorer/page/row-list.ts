import { h, uniqueId } from './dom.js';

/** A control with a text value: an input or a select. */
export type Valued = HTMLInputElement | HTMLSelectElement;

/** One row: two labelled controls, a remove button, and anything after them (an issue slot). */
export interface Row<A extends Valued, B extends Valued> {
  readonly first: A;
  readonly second: B;
  readonly item: HTMLLIElement;
}

/** Options of {@link rowList}. */
export interface RowListOptions {
  readonly className: string;
  /** The add button's text, and its accessible name. */
  readonly addText: string;
  readonly addLabel: string;
  /** Removing never leaves fewer rows than this (a blank one comes back). */
  readonly minimum: number;
  /** The labels of row `n` (from 1): its first control, its second, its remove button. */
  labels(n: number): readonly [string, string, string];
  /** Appends a blank row (the add button and `minimum` call it). */
  blank(): void;
}

/** An ordered, editable list of rows. */
export interface RowList<A extends Valued, B extends Valued> {
  readonly element: HTMLElement;
  readonly addButton: HTMLButtonElement;
  readonly rows: readonly Row<A, B>[];
  append(first: A, second: B, ...after: HTMLElement[]): Row<A, B>;
  clear(): void;
}

/**
 * Rows of two controls each (operator + value, field + direction), with a
 * remove button per row and an add button below. Labels are visually hidden
 * and numbered ("value: operator 2"), and are renumbered when a row goes;
 * focus moves to a neighbouring control, never to the page's top.
 *
 * @example
 * const keys = rowList<HTMLSelectElement, HTMLSelectElement>({ className: 'sort-keys', … });
 * keys.append(fieldSelect, directionSelect);
 */
export function rowList<A extends Valued, B extends Valued>(
  options: RowListOptions,
): RowList<A, B> {
  const list = h('ol', { class: options.className });
  const rows: Row<A, B>[] = [];
  const add = h(
    'button',
    { type: 'button', class: 'add', 'aria-label': options.addLabel },
    options.addText,
  );
  const renumber = (): void => {
    rows.forEach((row, i) => {
      const [first, second, remove] = options.labels(i + 1);
      const labels = row.item.querySelectorAll('label');
      labels[0]!.textContent = first;
      labels[1]!.textContent = second;
      row.item.querySelector('button')!.setAttribute('aria-label', remove);
    });
  };
  add.addEventListener('click', () => {
    options.blank();
    rows.at(-1)?.first.focus();
  });
  const self: RowList<A, B> = {
    element: h('div', {}, list, add),
    addButton: add,
    rows,
    append(first, second, ...after) {
      first.id ||= uniqueId('row');
      second.id ||= uniqueId('row');
      const remove = h('button', { type: 'button', class: 'icon' }, '×');
      const item = h(
        'li',
        { class: 'row' },
        h('label', { for: first.id, class: 'sr-only' }),
        first,
        h('label', { for: second.id, class: 'sr-only' }),
        second,
        remove,
        ...after,
      );
      const row = { first, second, item };
      remove.addEventListener('click', () => {
        rows.splice(rows.indexOf(row), 1);
        item.remove();
        if (rows.length < options.minimum) options.blank();
        renumber();
        (rows[0]?.first ?? add).focus();
      });
      rows.push(row);
      list.append(item);
      renumber();
      return row;
    },
    clear() {
      for (const row of rows.splice(0)) row.item.remove();
    },
  };
  return self;
}
