import type { FilterNode } from '../ast/index.js';
import { type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';
import { refusedKey, valueProblem } from './group-params.js';
import type { ParamGroup } from './param-group.js';
import { parseFilter } from './parse-filter.js';
import { resourceTables } from './resource-tables.js';

/** The result of {@link parseLeaf}: the filter node, or why the leaf is refused. */
export type LeafResult<F extends string> =
  | { readonly node: FilterNode<F> }
  | { readonly issues: readonly Issue[] };

/**
 * One filter written `key=value` (`status=won,lost`, `value[gte]=100`,
 * `name[contains]=acme`, a legacy alias), validated exactly as a top-level
 * filter parameter is: the same operators allowed per field, the same value
 * checks and limits, the same issue codes and messages. Reserved parameters
 * (`sort`, `search`, …) are not filters and are refused. This is the leaf of
 * the boolean group grammar (`or=(…)`), which reuses it so a leaf inside a
 * group means exactly what it means outside one.
 *
 * @example
 * parseLeaf(leads, 'status', 'won,lost'); // { node: inList('status', ['won', 'lost']) }
 * parseLeaf(leads, 'value[gte]', 'abc'); // { issues: [{ code: 'INVALID_FILTER', … }] }
 */
export function parseLeaf<F extends string>(
  resource: Resource<F>,
  key: string,
  value: string,
): LeafResult<F> {
  const generic = resource as Resource;
  const tables = resourceTables(generic);
  const meaning = tables.keys.get(key);
  if (meaning === undefined) {
    return { issues: [refusedKey(generic, tables.filterable, key, value)] };
  }
  if (meaning.kind === 'reserved') {
    return {
      issues: [
        issue(
          'INVALID_FILTER',
          key,
          value,
          `'${key}' is a parameter, not a filter: use field=value`,
        ),
      ],
    };
  }
  const group: ParamGroup = {
    kind: 'filter',
    field: meaning.field,
    op: meaning.op,
    at: 0,
    values: [{ param: key, value }],
  };
  const problem = valueProblem(generic, group, { key, value });
  if (problem !== null) return { issues: [problem] };
  const issues: Issue[] = [];
  const node = parseFilter(group, resource.limits, issues);
  return node === undefined ? { issues } : { node: node as FilterNode<F> };
}
