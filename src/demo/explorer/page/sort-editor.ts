import type { Resource } from '../../../resource/index.js';
import type { FormPart } from './control.js';
import { h, select, uniqueId } from './dom.js';
import type { SortPair } from './explorer-query.js';
import { issueSlot } from './filter-form.js';
import { rowList } from './row-list.js';

/**
 * Sort keys, one row each (field, direction, remove), and a button to add
 * one; with no row the resource's default applies, which the legend shows.
 *
 * @example
 * form.append(sortEditor(leads).element);
 */
export function sortEditor(resource: Resource): FormPart<readonly SortPair[]> {
  const slot = issueSlot();
  const fields = resource.sortable.map((f): [string, string] => [f, f]);
  const defaults = resource.defaults.sort.map((k) => `${k.field} ${k.direction}`).join(', ');
  const keys = rowList<HTMLSelectElement, HTMLSelectElement>({
    className: 'sort-keys',
    addText: '+ sort key',
    addLabel: 'Add a sort key',
    minimum: 0,
    labels: (n) => [`Sort key ${n}`, `Sort key ${n}: direction`, `Remove sort key ${n}`],
    blank: () => addRow(),
  });
  function addRow(field = resource.sortable[0] ?? '', direction = 'asc'): void {
    const directions: [string, string][] = [
      ['asc', 'ascending'],
      ['desc', 'descending'],
    ];
    keys.append(
      select({ id: uniqueId('sort-field') }, fields, field),
      select({ id: uniqueId('sort-direction') }, directions, direction),
    );
  }
  const element = h(
    'fieldset',
    { class: 'sort' },
    h('legend', {}, 'Sort', h('span', { class: 'hint' }, ` default: ${defaults}`)),
    keys.element,
    slot,
  );
  return {
    element,
    read() {
      const sort = keys.rows.map(
        (r): SortPair => [r.first.value, r.second.value === 'desc' ? 'desc' : 'asc'],
      );
      const control = keys.rows[0]?.first ?? keys.addButton;
      return { value: sort, targets: [{ param: 'sort', control, slot }] };
    },
    write(sort) {
      keys.clear();
      for (const [field, direction] of sort) addRow(field, direction);
    },
  };
}

/**
 * Which fields the rows carry, in a collapsed group (a resource may have
 * dozens). The id is always returned, so its box is checked and disabled.
 *
 * @example
 * form.append(fieldsPicker(leads).element);
 */
export function fieldsPicker(resource: Resource): FormPart<readonly string[]> {
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
        value: fields,
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
