import { h } from './dom.js';

/** How a cell shows a JSON value: text as is, null as `null` (dimmed), anything else as JSON. */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

/** The result table: its columns come from the first row's keys, the API's own order. */
export interface ResultTable {
  readonly element: HTMLElement;
  /** Starts over with these rows (a new query). */
  reset(rows: readonly Record<string, unknown>[]): void;
  /** Adds the rows of the next page ("load more"). */
  append(rows: readonly Record<string, unknown>[]): void;
  /** Rows shown. */
  readonly count: number;
}

/**
 * A table of rows in a scrollable, keyboard-focusable region (wide rows
 * scroll sideways on a phone instead of squeezing the page).
 *
 * @example
 * const table = resultTable('Leads');
 * table.reset(body.data);
 */
export function resultTable(caption: string): ResultTable {
  const head = h('thead');
  const body = h('tbody');
  const captionElement = h('caption', { class: 'sr-only' }, caption);
  const table = h('table', {}, captionElement, head, body);
  const element = h(
    'div',
    { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': caption },
    table,
  );
  let columns: string[] = [];
  let count = 0;

  const addRows = (rows: readonly Record<string, unknown>[]): void => {
    for (const row of rows) {
      body.append(
        h(
          'tr',
          {},
          columns.map((key) => {
            const value = row[key];
            const classes = [value === null ? 'null' : '', typeof value === 'number' ? 'num' : ''];
            return h('td', { class: classes.join(' ').trim() || undefined }, cellText(value));
          }),
        ),
      );
    }
    count += rows.length;
  };

  return {
    element,
    reset(rows) {
      columns = rows[0] ? Object.keys(rows[0]) : [];
      head.replaceChildren(
        h(
          'tr',
          {},
          columns.map((key) => h('th', { scope: 'col' }, key)),
        ),
      );
      body.replaceChildren();
      element.hidden = rows.length === 0;
      count = 0;
      addRows(rows);
    },
    append: addRows,
    get count() {
      return count;
    },
  };
}
