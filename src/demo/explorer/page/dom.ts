/** Attributes of {@link h}: strings set attributes, `false`/undefined leave them out, `true` sets them empty. */
export type Attributes = Readonly<Record<string, string | boolean | undefined>>;
/** What an element may contain. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Text is always a text
 * node, never HTML: row values from the API cannot inject markup.
 *
 * @example
 * h('label', { for: 'search' }, 'Search');
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

let nextId = 0;

/**
 * A document-unique id from a readable stem (field names may hold any
 * character the grammar allows; ids keep letters, digits, `-` and `_`).
 *
 * @example
 * uniqueId('value-gte'); // 'value-gte-3'
 */
export function uniqueId(stem: string): string {
  nextId += 1;
  return `${stem.replace(/[^A-Za-z0-9_-]/g, '-')}-${nextId}`;
}

/**
 * Options of a `<select>`: `[value, label]` pairs.
 *
 * @example
 * select({ id: 'dir' }, [['asc', 'ascending'], ['desc', 'descending']], 'desc');
 */
export function select(
  attributes: Attributes,
  options: readonly (readonly [string, string])[],
  selected = '',
): HTMLSelectElement {
  const element = h('select', attributes);
  for (const [value, label] of options) {
    const option = h('option', { value }, label);
    option.selected = value === selected;
    element.append(option);
  }
  return element;
}
