import { and, type FilterNode, not, or, some } from '../../ast/index.js';
import { codePointLength, exceedsCodePoints } from '../../code-points.js';
import { type Issue, issue } from '../../errors/index.js';
import type { GroupLimits, Resource } from '../../resource/index.js';
import { parseFilterLeaf } from '../parse-filter-leaf.js';
import { type ItemSyntax, parseGroupSyntax } from './parse-group-syntax.js';
import { tokenize } from './tokenize.js';

/** A group parameter's filter node, or every reason it was refused (at least one). */
export type GroupParamResult =
  | { readonly node: FilterNode }
  | { readonly issues: readonly [Issue, ...Issue[]] };

/** The issue for a value that does not follow the grammar, at a UTF-16 index of it. */
function syntaxIssue(param: string, text: string, index: number, message: string): Issue {
  const position = codePointLength(text, index);
  return issue(
    'INVALID_FILTER',
    param,
    text,
    `${param}: ${message} (at offset ${position})`,
    position,
  );
}

/** The node of one item; the issues of its leaves go to `issues`. */
function build(
  resource: Resource,
  param: string,
  text: string,
  item: ItemSyntax,
  issues: Issue[],
): FilterNode | undefined {
  if (item.kind === 'leaf') {
    const read = parseFilterLeaf(resource, item.key, item.value);
    if ('node' in read) return read.node;
    // The leaf as written (quotes included) is the offending value; the
    // message keeps the leaf's own wording and says where it sits.
    const written = text.slice(item.at, item.end);
    const position = codePointLength(text, item.at);
    for (const found of read.issues) {
      const message = `${found.message} (in ${param}, at offset ${position})`;
      issues.push(issue(found.code, param, written, message, position));
    }
    return undefined;
  }
  const children: FilterNode[] = [];
  for (const child of item.items) {
    const node = build(resource, param, text, child, issues);
    if (node !== undefined) children.push(node);
  }
  if (children.length !== item.items.length) return undefined;
  if (item.kind === 'not') return not(children[0]!);
  return item.kind === 'or' ? or(children) : and(sameRowConditions(children));
}

/**
 * The children of one `and` with the conditions on each to-many relation
 * merged into one `some`, where the first of them stood: conditions written
 * in one group apply to the same related row (docs/relations.md).
 * `and=(tags.name=vip;tags.id=t9)` is `some(tags, and(name=vip, id=t9))`.
 */
function sameRowConditions(children: readonly FilterNode[]): FilterNode[] {
  const byRelation = new Map<string, FilterNode[]>();
  for (const child of children) {
    if (child.kind !== 'some') continue;
    const filters = byRelation.get(child.relation);
    if (filters === undefined) byRelation.set(child.relation, [child.filter]);
    else filters.push(child.filter);
  }
  if ([...byRelation.values()].every((filters) => filters.length < 2)) return [...children];
  const merged: FilterNode[] = [];
  for (const child of children) {
    if (child.kind !== 'some') {
      merged.push(child);
      continue;
    }
    const filters = byRelation.get(child.relation);
    // Later conditions on a relation went into its first one's node.
    if (filters === undefined) continue;
    merged.push(filters.length === 1 ? child : some(child.relation, and(filters)));
    byRelation.delete(child.relation);
  }
  return merged;
}

/**
 * Reads the value of a boolean group parameter (`or` or `and`) into the
 * `or` / `and` node it means, with `or(…)`, `and(…)`, `not(…)` inside and
 * each leaf read by {@link parseFilterLeaf}, exactly like a top-level filter.
 * A value that breaks the grammar or a limit is one `INVALID_FILTER` issue
 * with its `position`; otherwise every refused leaf is reported.
 *
 * @example
 * readGroupParam(resource, 'or', '(status=won;value[gte]=100)', resource.groups!);
 * // { node: or([eq('status', 'won'), comparison('value', 'gte', 100)]) }
 */
export function readGroupParam(
  resource: Resource,
  param: 'or' | 'and',
  text: string,
  limits: GroupLimits,
): GroupParamResult {
  // Length first: nothing else runs on a value past the limit.
  if (exceedsCodePoints(text, limits.maxLength)) {
    const length = codePointLength(text);
    const message = `${param} must be at most ${limits.maxLength} characters, got ${length}`;
    return { issues: [issue('INVALID_FILTER', param, text, message)] };
  }
  const read = tokenize(text);
  if ('problem' in read) {
    return { issues: [syntaxIssue(param, text, read.problem.at, read.problem.message)] };
  }
  const parsed = parseGroupSyntax(read.tokens, param, limits);
  if ('problem' in parsed) {
    return { issues: [syntaxIssue(param, text, parsed.problem.at, parsed.problem.message)] };
  }
  const issues: Issue[] = [];
  const node = build(resource, param, text, parsed.group, issues);
  const [first, ...rest] = issues;
  if (first !== undefined) return { issues: [first, ...rest] };
  return { node: node! };
}
