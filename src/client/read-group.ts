/**
 * The `or` and `and` parameters of a request described as data: a list of
 * conditions, each a filter object (its entries ANDed) or a nested
 * `{ or: […] }`, `{ and: […] }`, `{ not: … }` → the group node the server
 * parses from `or=(…)`, or issues naming the parameter. The resource's group
 * limits on depth and leaves are checked here; its length limit, which
 * depends on the printed text, by the server.
 */
import { and, type FilterNode, not, or, some } from '../ast/index.js';
import { type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';
import { isRecord, readFilters, shown } from './read-filters.js';

interface GroupRead {
  readonly resource: Resource;
  readonly param: 'or' | 'and';
  readonly issues: Issue[];
  leaves: number;
}

function fail(read: GroupRead, value: unknown, message: string): undefined {
  read.issues.push(issue('INVALID_FILTER', read.param, shown(value), `${read.param}: ${message}`));
  return undefined;
}

/** A nested `{ or }`, `{ and }` or `{ not }`: one key, and not a filterable field of that name. */
function nestedKind(read: GroupRead, item: Readonly<Record<string, unknown>>) {
  const keys = Object.keys(item);
  const [key] = keys;
  if (keys.length !== 1 || (key !== 'or' && key !== 'and' && key !== 'not')) return undefined;
  return read.resource.fields.get(key)?.operators.length ? undefined : key;
}

/**
 * The children of an `and` in a group, with the conditions on one to-many
 * relation merged into one `some` where its first one stood: written side by
 * side in a group they apply to the same related row, as the parser reads
 * `and=(tags.name=vip;tags.id=t1)`.
 *
 * @example
 * mergeSome([some('tags', eq('name', 'vip')), eq('status', 'won'), some('tags', eq('id', 't1'))]);
 * // [some('tags', and([eq('name', 'vip'), eq('id', 't1')])), eq('status', 'won')]
 */
export function mergeSome(children: readonly FilterNode[]): FilterNode[] {
  const merged: FilterNode[] = [];
  const filters = new Map<string, FilterNode[]>();
  for (const child of children) {
    if (child.kind !== 'some') {
      merged.push(child);
      continue;
    }
    const inner = child.filter.kind === 'and' ? child.filter.children : [child.filter];
    const known = filters.get(child.relation);
    if (known) known.push(...inner);
    else {
      filters.set(child.relation, [...inner]);
      merged.push(child);
    }
  }
  return merged.map((node) => {
    if (node.kind !== 'some') return node;
    const inner = filters.get(node.relation)!;
    return inner.length === 1 ? node : some(node.relation, and(inner));
  });
}

function readItems(read: GroupRead, kind: 'or' | 'and', items: unknown, depth: number) {
  const limits = read.resource.groups!;
  if (depth > limits.maxDepth) {
    return fail(read, items, `groups nest at most ${limits.maxDepth} deep`);
  }
  if (!Array.isArray(items) || items.length === 0) {
    return fail(read, items, `a group needs a non-empty list of conditions`);
  }
  const children: FilterNode[] = [];
  for (const item of items as readonly unknown[]) {
    const node = readItem(read, item, depth);
    if (node) children.push(node);
  }
  if (children.length !== items.length) return undefined;
  return kind === 'or' ? or(children) : and(mergeSome(children));
}

function readItem(read: GroupRead, item: unknown, depth: number): FilterNode | undefined {
  if (!isRecord(item)) return fail(read, item, 'a condition is an object of filters or a group');
  const kind = nestedKind(read, item);
  if (kind === 'not') {
    const child = readItem(read, item['not'], depth + 1);
    return child && not(child);
  }
  if (kind !== undefined) return readItems(read, kind, item[kind], depth + 1);
  // The leaves are read exactly as top-level filters; their issues say where they sit.
  const found: Issue[] = [];
  const leaves = readFilters(read.resource, item, found);
  for (const leaf of found) {
    read.issues.push(
      issue(leaf.code, read.param, leaf.value, `${leaf.message} (in ${read.param})`),
    );
  }
  if (found.length > 0) return undefined;
  if (leaves.length === 0) return fail(read, item, 'a condition needs at least one filter');
  const limits = read.resource.groups!;
  read.leaves += leaves.length;
  if (read.leaves > limits.maxLeaves) {
    return fail(read, item, `a group holds at most ${limits.maxLeaves} filters`);
  }
  if (leaves.length === 1) return leaves[0];
  // Several filters in one condition are all required: `and(…)`, one level deeper.
  if (depth + 1 > limits.maxDepth) {
    return fail(read, item, `groups nest at most ${limits.maxDepth} deep`);
  }
  // Several on one to-many relation are one `some` inside it (the same related row).
  return and(mergeSome(leaves));
}

/**
 * The node of the `or` or `and` parameter, or undefined when it is absent or
 * refused (the issues are in `issues`).
 *
 * @example
 * readGroup(grouped, 'or', [{ status: 'won' }, { value: { gte: 100 } }], issues);
 * // or([eq('status', 'won'), comparison('value', 'gte', 100)])
 */
export function readGroup(
  resource: Resource,
  param: 'or' | 'and',
  items: unknown,
  issues: Issue[],
): FilterNode | undefined {
  if (items === undefined) return undefined;
  const read: GroupRead = { resource, param, issues, leaves: 0 };
  if (resource.groups === null) {
    return fail(
      read,
      items,
      `${resource.name} has no boolean groups (its definition sets no groups)`,
    );
  }
  return readItems(read, param, items, 1);
}
