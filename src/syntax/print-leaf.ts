import type { FilterNode, FilterValue, InNode, SomeNode } from '../ast/index.js';
import type { Field, Resource } from '../resource/index.js';
import { formatDecimal } from './decimal.js';

/** A programmer's AST that the URL cannot write: `formatListQuery` throws. */
export function cannot(what: string): never {
  throw new Error(`formatListQuery: ${what} cannot be expressed in the query language`);
}

/** A value as the URL writes it (numbers in plain decimal). */
export function formatValue(value: FilterValue): string {
  return typeof value === 'number' ? formatDecimal(value) : String(value);
}

/** A filter as `key` and the text after `=`, not yet encoded or quoted; `field` and `op` are what the key names. */
export interface PrintedLeaf {
  readonly key: string;
  readonly text: string;
  readonly field: string;
  readonly op: string;
}

/** A field of the resource or a to-one `relation.field` path (its related field). */
function fieldOf(resource: Resource, name: string): Field | undefined {
  return resource.fields.get(name) ?? resource.paths.get(name)?.field;
}

/** True when the resource lets a parameter (and so a group leaf) use the key of this leaf. */
export function allowed(resource: Resource, leaf: PrintedLeaf): boolean {
  const operators: readonly string[] = fieldOf(resource, leaf.field)?.operators ?? [];
  return operators.includes(leaf.op);
}

const leafOf = (key: string, text: string, field: string, op: string): PrintedLeaf => ({
  key: op === 'eq' ? key : `${key}[${op}]`,
  text,
  field,
  op,
});

/**
 * The `key=text` form of a filter node that a single parameter writes (at the
 * top level or as a leaf of a boolean group), or null for any other node.
 * Throws for a leaf the grammar cannot spell back (a comma in a list item).
 *
 * @example
 * printLeaf(leads, comparison('value', 'gte', 100)); // { key: 'value[gte]', text: '100' }
 */
export function printLeaf(resource: Resource, node: FilterNode): PrintedLeaf | null {
  switch (node.kind) {
    case 'comparison': {
      const text = formatValue(node.value);
      // On a list field a comma splits the value, so it would come back as a list.
      if (node.op === 'eq' && fieldOf(resource, node.field)?.list && text.includes(',')) {
        cannot(`the value ${JSON.stringify(text)} on list field '${node.field}'`);
      }
      return leafOf(node.field, text, node.field, node.op);
    }
    case 'in':
      if (!fieldOf(resource, node.field)?.list) cannot(`a list on '${node.field}'`);
      return leafOf(node.field, listText(node), node.field, 'eq');
    case 'exists':
      return leafOf(node.field, String(node.exists), node.field, 'exists');
    case 'text':
      return leafOf(node.field, node.value, node.field, node.op);
    case 'not': {
      // `ne` and `nin` parse to `not(eq)` and `not(in)`; no other `not` is one parameter.
      const child = node.child;
      if (child.kind === 'comparison' && child.op === 'eq') {
        return leafOf(child.field, formatValue(child.value), child.field, 'ne');
      }
      return child.kind === 'in' ? leafOf(child.field, listText(child), child.field, 'nin') : null;
    }
    default:
      return null;
  }
}

/**
 * The leaves of a `some` node as parameters of the root resource
 * (`tags.name=vip`): one per condition of its filter, a leaf or an `and` of
 * leaves (conditions on the same related row, which only a group can write
 * side by side). Throws for anything else in it.
 *
 * @example
 * printSome(labeledLeads, some('tags', eq('name', 'vip'))); // [{ key: 'tags.name', text: 'vip', … }]
 */
export function printSome(resource: Resource, node: SomeNode): readonly PrintedLeaf[] {
  const relation = resource.relations.get(node.relation);
  if (relation === undefined || relation.type === 'toOne') {
    cannot(`a 'some' node on '${node.relation}' (not a to-many relation of ${resource.name})`);
  }
  const conditions = node.filter.kind === 'and' ? node.filter.children : [node.filter];
  if (conditions.length === 0) cannot(`an empty 'some' on '${node.relation}'`);
  return conditions.map((condition) => {
    const leaf = printLeaf(relation.target, condition);
    if (leaf === null || !relation.filterable.has(leaf.field) || !allowed(relation.target, leaf)) {
      return cannot(`a '${condition.kind}' node inside some('${node.relation}')`);
    }
    const field = `${relation.name}.${leaf.field}`;
    return { ...leaf, key: `${relation.name}.${leaf.key}`, field };
  });
}

/** The comma list of an `in` node; its items must not hold the comma that splits them. */
function listText(node: InNode): string {
  const items = node.values.map(formatValue);
  if (items.length === 0 || items.some((item) => item.includes(','))) {
    cannot(`the list ${JSON.stringify(items)} on '${node.field}'`);
  }
  return items.join(',');
}
