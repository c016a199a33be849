/**
 * Printing boolean groups (`or=(…)`, `and=(…)`) in their canonical form: the
 * items in the order of the AST, no spaces, each leaf as `printLeaf` writes
 * it, a value in double quotes only when it must be (it holds `;`, `(`, `)`,
 * `"`, or starts or ends with whitespace), and nested `or(…)`, `and(…)`,
 * `not(…)`. The parser reads this text back to the same nodes.
 */
import type { AndNode, FilterNode, OrNode } from '../ast/index.js';
import { quoteGroupValue } from '../grammar.js';
import type { Resource } from '../resource/index.js';
import { allowed, cannot, type PrintedLeaf, printLeaf, printSome } from './print-leaf.js';

const written = (leaf: PrintedLeaf): string => `${leaf.key}=${quoteGroupValue(leaf.text)}`;

/**
 * One item of a group. A `some` is its leaves side by side: inside an `and`
 * (`inAnd`) they are read back as conditions on one related row, so several
 * may stand there; elsewhere only one.
 */
function printItem(resource: Resource, node: FilterNode, inAnd = false): string {
  if (node.kind === 'some') {
    const leaves = printSome(resource, node);
    if (leaves.length > 1 && !inAnd)
      cannot(`some('${node.relation}') of several conditions outside an 'and'`);
    return leaves.map(written).join(';');
  }
  const leaf = printLeaf(resource, node);
  // A `not` of a leaf may have a leaf form of its own (an operator such as
  // `ne`); it is used where the field allows it, `not(…)` elsewhere.
  if (leaf !== null && (node.kind !== 'not' || allowed(resource, leaf))) {
    return written(leaf);
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
  const inAnd = node.kind === 'and';
  if (inAnd) {
    // Two `some`s of one relation side by side would be read back as one.
    const relations = node.children.flatMap((child) =>
      child.kind === 'some' ? [child.relation] : [],
    );
    if (new Set(relations).size !== relations.length) {
      cannot(`two 'some' nodes on one relation in one 'and'`);
    }
  }
  return `(${node.children.map((child) => printItem(resource, child, inAnd)).join(';')})`;
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
