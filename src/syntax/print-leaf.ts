import type { FilterNode, FilterValue, InNode } from '../ast/index.js';
import type { Resource } from '../resource/index.js';
import { formatDecimal } from './decimal.js';

/** A programmer's AST that the URL cannot write: `formatListQuery` throws. */
export function cannot(what: string): never {
  throw new Error(`formatListQuery: ${what} cannot be expressed in the query language`);
}

/** A value as the URL writes it (numbers in plain decimal). */
export function formatValue(value: FilterValue): string {
  return typeof value === 'number' ? formatDecimal(value) : String(value);
}

/** A filter as `key` and the text after `=`, not yet encoded or quoted. */
export interface PrintedLeaf {
  readonly key: string;
  readonly text: string;
}

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
      const key = node.op === 'eq' ? node.field : `${node.field}[${node.op}]`;
      const text = formatValue(node.value);
      // On a list field a comma splits the value, so it would come back as a list.
      if (node.op === 'eq' && resource.fields.get(node.field)?.list && text.includes(',')) {
        cannot(`the value ${JSON.stringify(text)} on list field '${node.field}'`);
      }
      return { key, text };
    }
    case 'in':
      if (!resource.fields.get(node.field)?.list) cannot(`a list on '${node.field}'`);
      return { key: node.field, text: listText(node) };
    case 'exists':
      return { key: `${node.field}[exists]`, text: String(node.exists) };
    case 'text':
      return { key: `${node.field}[${node.op}]`, text: node.value };
    case 'not': {
      // `ne` and `nin` parse to `not(eq)` and `not(in)`; no other `not` is one parameter.
      const child = node.child;
      if (child.kind === 'comparison' && child.op === 'eq') {
        return { key: `${child.field}[ne]`, text: formatValue(child.value) };
      }
      return child.kind === 'in' ? { key: `${child.field}[nin]`, text: listText(child) } : null;
    }
    default:
      return null;
  }
}

/** The comma list of an `in` node; its items must not hold the comma that splits them. */
function listText(node: InNode): string {
  const items = node.values.map(formatValue);
  if (items.length === 0 || items.some((item) => item.includes(','))) {
    cannot(`the list ${JSON.stringify(items)} on '${node.field}'`);
  }
  return items.join(',');
}
