import type { Resource } from '../../../resource/index.js';
import type { IssueTarget } from './control.js';
import { h, select, uniqueId } from './dom.js';
import type { SortPair } from './explorer-query.js';
import { issueSlot } from './filter-form.js';

/** The sort keys editor: rows of field + direction, in order of precedence. */
export interface SortEditor {
  readonly element: HTMLElement;
  read(): { readonly sort: SortPair[]; readonly targets: IssueTarget[] };
  write(sort: readonly SortPair[]): void;
}

/**
 * Sort keys, one row each (field, direction, remove), and a button to add
 * one; with no row the resource's default applies, which the legend shows.
 *
 * @example
 * form.append(sortEditor(leads).element);
 */
export function sortEditor(resource: Resource): SortEditor {
  const slot = issueSlot();
  const list = h('ol', { class: 'sort-keys' });
  const rows: { field: HTMLSelectElement; direction: HTMLSelectElement; item: HTMLElement }[] = [];
  const fields = resource.sortable.map((f): [string, string] => [f, f]);
  const defaults = resource.defaults.sort.map((k) => `${k.field} ${k.direction}`).join(', ');

  const renumber = (): void => {
    rows.forEach((row, i) => {
      const [fieldLabel, directionLabel] = row.item.querySelectorAll('label');
      fieldLabel!.textContent = `Sort key ${i + 1}`;
      directionLabel!.textContent = `Sort key ${i + 1}: direction`;
      row.item.querySelector('button')!.setAttribute('aria-label', `Remove sort key ${i + 1}`);
    });
  };
  const addRow = (field = resource.sortable[0] ?? '', direction = 'asc'): void => {
    const fieldId = uniqueId('sort-field');
    const directionId = uniqueId('sort-direction');
    const fieldSelect = select({ id: fieldId }, fields, field);
    const directionSelect = select(
      { id: directionId },
      [
        ['asc', 'ascending'],
        ['desc', 'descending'],
      ],
      direction,
    );
    const remove = h('button', { type: 'button', class: 'icon' }, '×');
    const item = h(
      'li',
      { class: 'row' },
      h('label', { for: fieldId, class: 'sr-only' }),
      fieldSelect,
      h('label', { for: directionId, class: 'sr-only' }),
      directionSelect,
      remove,
    );
    const row = { field: fieldSelect, direction: directionSelect, item };
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      item.remove();
      renumber();
      (rows[0]?.field ?? add).focus();
    });
    rows.push(row);
    list.append(item);
    renumber();
  };
  const add = h('button', { type: 'button', class: 'add' }, '+ sort key');
  add.addEventListener('click', () => {
    addRow();
    rows.at(-1)?.field.focus();
  });
  const element = h(
    'fieldset',
    { class: 'sort' },
    h('legend', {}, 'Sort', h('span', { class: 'hint' }, ` default: ${defaults}`)),
    list,
    add,
    slot,
  );
  return {
    element,
    read() {
      const sort = rows.map(
        (r): SortPair => [r.field.value, r.direction.value === 'desc' ? 'desc' : 'asc'],
      );
      return { sort, targets: [{ param: 'sort', control: rows[0]?.field ?? add, slot }] };
    },
    write(sort) {
      for (const row of rows.splice(0)) row.item.remove();
      for (const [field, direction] of sort) addRow(field, direction);
    },
  };
}

/** The fields picker: a checkbox per selectable field; none checked means all. */
export interface FieldsPicker {
  readonly element: HTMLElement;
  read(): { readonly fields: string[]; readonly targets: IssueTarget[] };
  write(fields: readonly string[]): void;
}

/**
 * Which fields the rows carry, in a collapsed group (a resource may have
 * dozens). The id is always returned, so its box is checked and disabled.
 *
 * @example
 * form.append(fieldsPicker(leads).element);
 */
export function fieldsPicker(resource: Resource): FieldsPicker {
  const slot = issueSlot();
  const boxes = resource.selectable.map((name) => {
    const box = h('input', { type: 'checkbox', value: name, id: uniqueId(`field-${name}`) });
    if (name === resource.idField) {
      box.checked = true;
      box.disabled = true;
    }
    return box;
  });
  const summary = h('summary', {});
  const update = (): void => {
    const chosen = boxes.filter((b) => b.checked && !b.disabled).length;
    summary.textContent = chosen === 0 ? 'Fields: all' : `Fields: ${chosen + 1} chosen`;
  };
  const clear = h('button', { type: 'button', class: 'add' }, 'All fields');
  clear.addEventListener('click', () => {
    for (const box of boxes) if (!box.disabled) box.checked = false;
    update();
  });
  const group = h(
    'fieldset',
    { class: 'fields' },
    h('legend', { class: 'sr-only' }, 'Fields'),
    h(
      'div',
      { class: 'choices' },
      boxes.map((box) => h('label', { for: box.id }, box, ` ${box.value}`)),
    ),
    clear,
    slot,
  );
  group.addEventListener('change', update);
  update();
  return {
    element: h('details', { class: 'fields-picker' }, summary, group),
    read() {
      const fields = boxes.filter((b) => b.checked && !b.disabled).map((b) => b.value);
      return {
        fields,
        targets: [{ param: 'fields', control: boxes.find((b) => !b.disabled) ?? clear, slot }],
      };
    },
    write(fields) {
      const on = new Set(fields);
      for (const box of boxes) if (!box.disabled) box.checked = on.has(box.value);
      update();
    },
  };
}
