/**
 * The `or` and `and` parameters of a request described as data: a list of
 * conditions, each a filter object (its entries all required) or a nested
 * `{ or: […] }`, `{ and: […] }`, `{ not: … }` → the group's canonical text,
 * printed directly, or issues naming the parameter. The resource's group
 * limits on depth and leaves are checked here; its length limit, which
 * depends on the printed text, by the server.
 */
import { type Issue, issue } from '../errors/issue.js';
import { quoteGroupValue } from '../grammar.js';
import type { Resource } from '../resource/types.js';
import { encode, isRecord, type Leaf, printFilters, shown } from './print-filter.js';

/** A printed item: a lone leaf (which an `and` may merge with others on its relation), or text. */
type Item = { readonly leaf: Leaf } | { readonly text: string };

interface GroupRead {
  readonly resource: Resource;
  readonly param: string;
  readonly issues: Issue[];
  leaves: number;
}

const written = (leaf: Leaf): string => `${leaf.key}=${quoteGroupValue(leaf.text)}`;
const textOf = (item: Item): string => ('leaf' in item ? written(item.leaf) : item.text);

/**
 * The items of an `and`, joined: the leaves on one to-many relation stand
 * side by side where its first one stood, since side by side they apply to
 * the same related row (the server reads `and=(tags.name=vip;tags.id=t1)` so).
 */
function joinAnd(items: readonly Item[]): string {
  const out: string[] = [];
  const at = new Map<string, number>();
  for (const item of items) {
    const many = 'leaf' in item ? item.leaf.many : null;
    const i = many === null ? undefined : at.get(many);
    if (i !== undefined) out[i] += `;${textOf(item)}`;
    else {
      if (many !== null) at.set(many, out.length);
      out.push(textOf(item));
    }
  }
  return out.join(';');
}

function fail(read: GroupRead, value: unknown, message: string): undefined {
  read.issues.push(issue('INVALID_FILTER', read.param, shown(value), `${read.param}: ${message}`));
  return undefined;
}

/** `(item;item…)` of a group of `kind` at `depth`, or undefined (the issues are in `read`). */
function readItems(read: GroupRead, kind: string, items: unknown, depth: number) {
  const max = read.resource.groups!.maxDepth;
  if (depth > max) return fail(read, items, `groups nest at most ${max} deep`);
  if (!Array.isArray(items) || items.length === 0) {
    return fail(read, items, 'a group needs a non-empty list of conditions');
  }
  const children = (items as readonly unknown[]).map((item) => readItem(read, item, depth));
  if (children.includes(undefined)) return undefined;
  const printed = children as Item[];
  return `(${kind === 'or' ? printed.map(textOf).join(';') : joinAnd(printed)})`;
}

function readItem(read: GroupRead, item: unknown, depth: number): Item | undefined {
  const { resource, param } = read;
  if (!isRecord(item)) return fail(read, item, 'a condition is an object of filters or a group');
  const keys = Object.keys(item);
  const kind = keys[0]!;
  // A nested group: one key `or`, `and` or `not` that is not a filterable field of that name.
  if (
    keys.length === 1 &&
    /^(or|and|not)$/.test(kind) &&
    !resource.fields.get(kind)?.operators.length
  ) {
    if (kind !== 'not') {
      const inner = readItems(read, kind, item[kind], depth + 1);
      return inner === undefined ? undefined : { text: kind + inner };
    }
    const child = readItem(read, item['not'], depth + 1);
    if (child === undefined) return undefined;
    // `not` of equality is `ne` (`nin` of a list) where the field allows it, as the server prints it.
    const leaf = 'leaf' in child ? child.leaf : null;
    const op = leaf?.multi ? 'nin' : 'ne';
    if (
      leaf?.many === null &&
      leaf.op === 'eq' &&
      (leaf.field.operators as string[]).includes(op)
    ) {
      return { text: written({ ...leaf, key: `${leaf.name}[${op}]` }) };
    }
    return { text: `not(${textOf(child)})` };
  }
  // The leaves are read exactly as top-level filters; their issues say where they sit.
  const found: Issue[] = [];
  const leaves = printFilters(resource, item, found);
  for (const leaf of found) {
    read.issues.push(issue(leaf.code, param, leaf.value, `${leaf.message} (in ${param})`));
  }
  if (found.length > 0) return undefined;
  if (leaves.length === 0) return fail(read, item, 'a condition needs at least one filter');
  const limits = resource.groups!;
  read.leaves += leaves.length;
  if (read.leaves > limits.maxLeaves) {
    return fail(read, item, `a group holds at most ${limits.maxLeaves} filters`);
  }
  if (leaves.length === 1) return { leaf: leaves[0]! };
  // Several filters in one condition are all required: `and(…)`, one level deeper.
  if (depth + 1 > limits.maxDepth) {
    return fail(read, item, `groups nest at most ${limits.maxDepth} deep`);
  }
  return { text: `and(${joinAnd(leaves.map((leaf) => ({ leaf })))})` };
}

/**
 * The `or` or `and` parameter of a resource with groups, encoded for the
 * URL; '' when it is absent or refused (the issues are in `issues`). In a
 * group `;`, `=`, `[` and `]` stay readable, but `]=` is written `]%3D`:
 * qs (Express's `req.query`) ends a key at the first `]=` of a parameter,
 * even inside its value.
 *
 * @example
 * printGroup(grouped, 'or', [{ status: 'won' }, { value: { gte: 100 } }], issues);
 * // 'or=(status=won;value[gte]=100)'
 */
export function printGroup(
  resource: Resource,
  param: string,
  items: unknown,
  issues: Issue[],
): string {
  const text =
    items === undefined
      ? undefined
      : readItems({ resource, param, issues, leaves: 0 }, param, items, 1);
  if (text === undefined) return '';
  const readable = encode(text).replace(/%(3B|3D|5B|5D)/g, decodeURIComponent);
  return `${param}=${readable.replace(/\]=/g, ']%3D')}`;
}
