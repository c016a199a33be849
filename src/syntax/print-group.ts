/**
 * Printing boolean groups (`or=(…)`, `and=(…)`) in their canonical form: the
 * items in the order of the AST, no spaces, each leaf as `printLeaf` writes
 * it, a value in double quotes only when it must be (it holds `;`, `(`, `)`,
 * `"`, or starts or ends with whitespace), and nested `or(…)`, `and(…)`,
 * `not(…)`. The parser reads this text back to the same nodes.
 */
import type { AndNode, FilterNode, OrNode } from '../ast/index.js';
import { parseParamKey, quoteGroupValue } from '../grammar.js';
import type { Resource } from '../resource/index.js';
import { cannot, type PrintedLeaf, printLeaf } from './print-leaf.js';

/** True when the resource lets a top-level parameter (and so a leaf) use this key. */
export function allowed(resource: Resource, leaf: PrintedLeaf): boolean {
  const key = parseParamKey(leaf.key);
  const field = key ? resource.fields.get(key.name) : undefined;
  return (
    (field?.operators as readonly string[] | undefined)?.includes(key?.operator ?? 'eq') ?? false
  );
}

function printItem(resource: Resource, node: FilterNode): string {
  const leaf = printLeaf(resource, node);
  // A `not` of a leaf may have a leaf form of its own (an operator such as
  // `ne`); it is used where the field allows it, `not(…)` elsewhere.
  if (leaf !== null && (node.kind !== 'not' || allowed(resource, leaf))) {
    return `${leaf.key}=${quoteGroupValue(leaf.text)}`;
  }
  switch (node.kind) {
    case 'not':
      return `not(${printItem(resource, node.child)})`;
    case 'and':
    case 'or':
      return `${node.kind}${printItems(resource, node)}`;
    default:
      return cannot(`a '${node.kind}' node inside a group`);
  }
}

function printItems(resource: Resource, node: AndNode | OrNode): string {
  if (node.children.length === 0) cannot(`an empty '${node.kind}' group`);
  return `(${node.children.map((child) => printItem(resource, child)).join(';')})`;
}

/**
 * The value of the `or` or `and` parameter for a top-level `or` / `and`
 * node, not yet percent-encoded.
 *
 * @example
 * printGroup(grouped, or([eq('status', 'won'), comparison('value', 'gte', 100)]));
 * // '(status=won;value[gte]=100)'
 */
export function printGroup(resource: Resource, node: AndNode | OrNode): string {
  if (resource.groups === null)
    cannot(`a nested '${node.kind}' node on ${resource.name} (no groups)`);
  return printItems(resource, node);
}
