import type { FilterNode } from '../ast/index.js';
import { type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';
import { parseFilter } from '../syntax/parse-filter.js';
import { refusedKey, valueIssue } from './group-params.js';
import { relationLeaf } from './relation-leaf.js';
import { resourceTables } from './resource-tables.js';

/** A filter node, or every reason the filter was refused (at least one). */
export type FilterLeafResult =
  | { readonly node: FilterNode }
  | { readonly issues: readonly [Issue, ...Issue[]] };

/**
 * Reads one filter written `key=value` exactly as a top-level parameter is
 * read: the same keys (aliases included), operators, value checks, codes and
 * messages. Reserved parameters (`limit`, `sort`, …) are not filters here.
 * Boolean groups call this for each of their leaves, so a leaf accepts every
 * operator a top-level filter accepts and nothing else.
 *
 * @example
 * parseFilterLeaf(leads, 'value[gte]', '100'); // { node: comparison('value', 'gte', 100) }
 * parseFilterLeaf(leads, 'value[gte]', 'abc'); // { issues: [{ code: 'INVALID_FILTER', … }] }
 */
export function parseFilterLeaf(resource: Resource, key: string, value: string): FilterLeafResult {
  const { keys, filterable } = resourceTables(resource);
  const meaning = keys.get(key);
  if (meaning === undefined) return { issues: [refusedKey(resource, filterable, key, value)] };
  if (meaning.kind === 'reserved') {
    const message = `'${key}' is a parameter, not a filter: use field=value`;
    return { issues: [issue('INVALID_FILTER', key, value, message)] };
  }
  const refused = valueIssue('INVALID_FILTER', key, value, resource.limits.maxValueLength);
  if (refused !== null) return { issues: [refused] };
  const issues: Issue[] = [];
  const node = parseFilter(
    { field: meaning.field, op: meaning.op, values: [{ param: key, value }] },
    resource.limits,
    issues,
  );
  const [first, ...rest] = issues;
  if (first !== undefined) return { issues: [first, ...rest] };
  // parseFilter returns a node exactly when it adds no issue.
  return { node: relationLeaf(node!, meaning.relation) };
}
