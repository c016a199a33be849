import type { Resource } from '../../../resource/index.js';
import { filterControls } from '../filter-controls.js';
import type { ConditionControl, IssueTarget } from './control.js';
import { h, uniqueId } from './dom.js';
import type { ExplorerQuery } from './explorer-query.js';
import { fieldFilter, issueSlot } from './filter-form.js';
import { fieldsPicker, sortEditor } from './sort-editor.js';

/** The controls of one endpoint's query: filters, search, sort, fields, page size. */
export interface QueryForm {
  readonly element: HTMLElement;
  read(): { readonly query: ExplorerQuery; readonly targets: IssueTarget[] };
  write(query: ExplorerQuery): void;
}

function labelled(
  label: string,
  hint: string,
  attributes: Record<string, string>,
): { element: HTMLElement; input: HTMLInputElement; slot: HTMLElement } {
  const id = uniqueId(label.toLowerCase().replace(/\s+/g, '-'));
  const hintId = `${id}-hint`;
  const slot = issueSlot();
  const input = h('input', { id, 'aria-describedby': hintId, autocomplete: 'off', ...attributes });
  const element = h(
    'div',
    { class: 'single' },
    h('label', { for: id }, label),
    input,
    h('span', { class: 'hint', id: hintId }, hint),
    slot,
  );
  return { element, input, slot };
}

/**
 * The form of one resource, generated from its definition: a block per
 * filterable field (free-text fields in a collapsed "more filters" group),
 * search over the searchable fields, the sort editor, the fields picker and
 * the page size.
 *
 * @example
 * const form = queryForm(leads); container.append(form.element);
 */
export function queryForm(resource: Resource): QueryForm {
  const filters = filterControls(resource);
  const blocks: ConditionControl[] = filters.map(fieldFilter);
  const primary = blocks.filter((_, i) => filters[i]!.primary);
  const secondary = blocks.filter((_, i) => !filters[i]!.primary);
  const more = h(
    'details',
    { class: 'more' },
    h('summary', {}, `More filters (${secondary.length})`),
    secondary.map((b) => b.element),
  );
  const search =
    resource.searchable.length > 0
      ? labelled('Search', `in ${resource.searchable.join(', ')}`, { type: 'search' })
      : null;
  const sort = sortEditor(resource);
  const fields = fieldsPicker(resource);
  const limit = labelled(
    'Page size',
    `1 to ${resource.limits.maxLimit}, default ${resource.defaults.limit}`,
    {
      type: 'text',
      inputmode: 'numeric',
    },
  );

  const element = h(
    'div',
    { class: 'query' },
    h(
      'fieldset',
      { class: 'filters' },
      h('legend', {}, 'Filters'),
      primary.map((b) => b.element),
      secondary.length > 0 && more,
    ),
    search?.element,
    sort.element,
    fields.element,
    limit.element,
  );
  return {
    element,
    read() {
      const parts = blocks.map((b) => b.read());
      const sorted = sort.read();
      const picked = fields.read();
      const targets = [...parts.flatMap((p) => p.targets), ...sorted.targets, ...picked.targets];
      if (search) targets.push({ param: 'search', control: search.input, slot: search.slot });
      targets.push({ param: 'limit', control: limit.input, slot: limit.slot });
      return {
        query: {
          conditions: parts.flatMap((p) => p.value),
          search: search?.input.value ?? '',
          sort: sorted.value,
          fields: picked.value,
          limit: limit.input.value,
        },
        targets,
      };
    },
    write(query) {
      for (const b of blocks) b.write(query.conditions);
      if (search) search.input.value = query.search;
      sort.write(query.sort);
      fields.write(query.fields);
      limit.input.value = query.limit;
      more.open = secondary.some((b) => b.read().value.length > 0);
    },
  };
}
