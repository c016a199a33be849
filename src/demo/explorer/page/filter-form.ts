import type { FieldFilters, FilterControl } from '../filter-controls.js';
import { filterParam } from '../filter-controls.js';
import type { ConditionControl, IssueTarget } from './control.js';
import { h, select, uniqueId } from './dom.js';
import type { Condition } from './explorer-query.js';
import { rowList } from './row-list.js';

/** The message slot next to a control; empty and hidden until an issue arrives. */
export function issueSlot(): HTMLElement {
  return h('p', { class: 'issue', id: uniqueId('issue'), hidden: true });
}

const OPERATOR_LABELS: Readonly<Record<string, string>> = {
  eq: '= eq',
  gt: '> gt',
  gte: '≥ gte',
  lt: '< lt',
  lte: '≤ lte',
  ne: '≠ ne',
  nin: '∉ nin',
  contains: '⊃ contains',
  startsWith: 'startsWith',
  endsWith: 'endsWith',
};

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  number: 'e.g. 100',
  datetime: '2026-01-15 or 2026-01-15T10:30:00Z',
};

function choices(
  field: string,
  control: Extract<FilterControl, { kind: 'choices' }>,
): ConditionControl {
  const slot = issueSlot();
  if (control.multiple) {
    const boxes = control.values.map((value) =>
      h('input', { type: 'checkbox', value, id: uniqueId(`${field}-${value}`) }),
    );
    const element = h(
      'div',
      { class: 'choices' },
      boxes.map((box) => h('label', { for: box.id }, box, ` ${box.value}`)),
      slot,
    );
    return {
      element,
      read() {
        const value = boxes.filter((b) => b.checked).map((b) => b.value);
        if (value.length === 0) return { value: [], targets: [] };
        return {
          value: [{ field, op: 'eq', value }],
          targets: [{ param: control.param, control: boxes[0]!, slot }],
        };
      },
      write(conditions) {
        const on = new Set(conditions.filter((c) => c.op === 'eq').flatMap((c) => c.value));
        for (const box of boxes) box.checked = on.has(box.value);
      },
    };
  }
  const id = uniqueId(field);
  const input = select({ id }, [
    ['', 'any'],
    ...control.values.map((v): [string, string] => [v, v]),
  ]);
  return textLike(
    field,
    control.param,
    h('div', { class: 'row' }, h('label', { for: id }, 'equals'), input),
    input,
    slot,
  );
}

function textLike(
  field: string,
  param: string,
  element: HTMLElement,
  input: HTMLInputElement | HTMLSelectElement,
  slot: HTMLElement,
  op = 'eq',
): ConditionControl {
  element.append(slot);
  return {
    element,
    read() {
      if (input.value === '') return { value: [], targets: [] };
      return {
        value: [{ field, op, value: input.value }],
        targets: [{ param, control: input, slot }],
      };
    },
    write(conditions) {
      const mine = conditions.find((c) => c.op === op);
      input.value = mine === undefined ? '' : [mine.value].flat().join(',');
    },
  };
}

function text(field: string, control: Extract<FilterControl, { kind: 'text' }>): ConditionControl {
  const id = uniqueId(field);
  const slot = issueSlot();
  const input = h('input', {
    type: 'text',
    id,
    autocomplete: 'off',
    placeholder: control.list ? 'one value, or several separated by commas' : undefined,
  });
  const row = h('div', { class: 'row' }, h('label', { for: id }, 'equals'), input);
  return textLike(field, control.param, row, input, slot);
}

function exists(
  field: string,
  control: Extract<FilterControl, { kind: 'exists' }>,
): ConditionControl {
  const id = uniqueId(`${field}-exists`);
  const slot = issueSlot();
  const input = select({ id }, [
    ['', 'any'],
    ['true', 'present (true)'],
    ['false', 'missing (false)'],
  ]);
  const row = h('div', { class: 'row' }, h('label', { for: id }, 'exists'), input);
  return textLike(field, control.param, row, input, slot, 'exists');
}

/** Rows of operator + value; `+ condition` adds one (a range is two rows). */
function conditions(
  field: string,
  type: string,
  control: Extract<FilterControl, { kind: 'conditions' }>,
): ConditionControl {
  // An enum's values as suggestions for its rows (ne, nin): a datalist, typed text still allowed.
  const suggestions =
    control.values.length > 0
      ? h(
          'datalist',
          { id: uniqueId(`${field}-values`) },
          control.values.map((v) => h('option', { value: v })),
        )
      : null;
  const slots = new Map<HTMLElement, HTMLElement>();
  const rows = rowList<HTMLSelectElement, HTMLInputElement>({
    className: 'conditions',
    addText: '+ condition',
    addLabel: `Add a condition on ${field}`,
    minimum: 1,
    labels: (n) => [
      `${field}: operator ${n}`,
      `${field}: value ${n}`,
      `Remove condition ${n} on ${field}`,
    ],
    blank: () => addRow(),
  });
  function addRow(op: string = control.operators[0]!, value = ''): void {
    const slot = issueSlot();
    const opSelect = select(
      { id: uniqueId(`${field}-op`) },
      control.operators.map((o): [string, string] => [o, OPERATOR_LABELS[o] ?? o]),
      op,
    );
    const input = h('input', {
      type: 'text',
      id: uniqueId(`${field}-value`),
      autocomplete: 'off',
      inputmode: type === 'number' ? 'decimal' : undefined,
      list: suggestions?.id,
    });
    input.value = value;
    // `nin` takes several values; say so where the value goes.
    const hint = (): void => {
      input.placeholder =
        opSelect.value === 'nin' ? 'values, separated by commas' : (PLACEHOLDERS[type] ?? '');
    };
    opSelect.addEventListener('change', hint);
    hint();
    slots.set(rows.append(opSelect, input, slot).item, slot);
  }
  addRow();
  return {
    element: suggestions ? h('div', {}, rows.element, suggestions) : rows.element,
    read() {
      const conditions: Condition[] = [];
      const targets: IssueTarget[] = [];
      for (const row of rows.rows) {
        if (row.second.value === '') continue;
        conditions.push({ field, op: row.first.value, value: row.second.value });
        const slot = slots.get(row.item)!;
        targets.push({ param: filterParam(field, row.first.value), control: row.second, slot });
      }
      return { value: conditions, targets };
    },
    write(given) {
      const mine = given.filter((c) => control.operators.includes(c.op as never));
      rows.clear();
      for (const c of mine) addRow(c.op, [c.value].flat().join(','));
      if (rows.rows.length === 0) addRow();
    },
  };
}

const TYPE_HINTS: Readonly<Record<string, string>> = {
  datetime: 'date',
  enum: 'one of',
};

/**
 * The filter block of one field: a fieldset named after the field, holding
 * the controls {@link FieldFilters} lists.
 *
 * @example
 * form.append(fieldFilter(filterControls(leads)[0]!).element);
 */
export function fieldFilter(filters: FieldFilters): ConditionControl {
  const parts = filters.controls.map((control): ConditionControl => {
    switch (control.kind) {
      case 'choices':
        return choices(filters.field, control);
      case 'text':
        return text(filters.field, control);
      case 'exists':
        return exists(filters.field, control);
      default:
        return conditions(filters.field, filters.type, control);
    }
  });
  const hint = `${TYPE_HINTS[filters.type] ?? filters.type}${filters.nullable ? ', nullable' : ''}`;
  const element = h(
    'fieldset',
    { class: 'filter', 'data-field': filters.field },
    h('legend', {}, filters.field, h('span', { class: 'hint' }, ` ${hint}`)),
    parts.map((p) => p.element),
  );
  return {
    element,
    read() {
      const all = parts.map((p) => p.read());
      return {
        value: all.flatMap((r) => r.value),
        targets: all.flatMap((r) => r.targets),
      };
    },
    write(given) {
      const mine = given.filter((c) => c.field === filters.field);
      for (const p of parts) p.write(mine);
    },
  };
}
