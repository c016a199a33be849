/**
 * The `filter` of a request described as data → the filter nodes the server
 * would parse from its URL, or issues. Values go through the server's own
 * filter reading (`src/syntax`), so they are read, normalized and refused
 * exactly as the server reads, normalizes and refuses them.
 */
import { type FilterNode, type FilterOperator, some } from '../ast/index.js';
import { type Issue, issue } from '../errors/index.js';
import type { Field, Resource } from '../resource/index.js';
import { parseFilter, takesList } from '../syntax/parse-filter.js';
import { valueIssue } from '../syntax/value-issue.js';
import { isRecord, shown } from './print-filter.js';

// One reading of a request's JavaScript values for both builders (this one and `listUrl`'s).
export { isRecord, shown } from './print-filter.js';

/** A value the URL can carry: text, a number, a boolean or a Date (null and objects are not). */
const isScalar = (value: unknown): boolean =>
  ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date;

/**
 * The URL text of one operator's value: a scalar as the URL writes it, a
 * list (where the operator takes one) joined by commas; or why there is none.
 * Text that reads as the right value is accepted whatever its JavaScript
 * type, since the URL is the same; `null` is not a value (`{ exists: false }`
 * asks for nulls).
 */
function urlText(field: Field, op: string, value: unknown): { text: string } | { why: string } {
  if (!Array.isArray(value)) {
    return isScalar(value) ? { text: shown(value) } : { why: 'must be a value' };
  }
  if (!takesList({ field, op: op as FilterOperator }))
    return { why: 'takes one value, not a list' };
  const items = value as readonly unknown[];
  for (const item of items) {
    if (!isScalar(item)) return { why: 'must be a list of values' };
    // A comma inside an item would split it into two on the server.
    if (shown(item).includes(',')) return { why: 'items must not contain a comma' };
  }
  return { text: items.map(shown).join(',') };
}

/**
 * One `field[op]` filter as a node, or issues: the value is written as the
 * URL would carry it and read by the parser's own `parseFilter`, so every
 * operator (`ne`, `nin`, the text operators…) means, normalizes and refuses
 * exactly what it does on the server.
 */
function readOperator(
  resource: Resource,
  field: Field,
  name: string,
  op: string,
  value: unknown,
  issues: Issue[],
): FilterNode | undefined {
  const param = op === 'eq' ? name : `${name}[${op}]`;
  if (!(field.operators as readonly string[]).includes(op)) {
    const allowed = field.operators.join(', ');
    const message = `Operator '${op}' is not allowed on '${name}'. Allowed: ${allowed}`;
    issues.push(issue('INVALID_FILTER', param, shown(value), message));
    return undefined;
  }
  const written = urlText(field, op, value);
  if ('why' in written) {
    issues.push(issue('INVALID_FILTER', param, shown(value), `${param} ${written.why}`));
    return undefined;
  }
  const refused = valueIssue('INVALID_FILTER', param, written.text, resource.limits.maxValueLength);
  if (refused !== null) {
    issues.push(refused);
    return undefined;
  }
  const group = { field, op: op as FilterOperator, values: [{ param, value: written.text }] };
  return parseFilter(group, resource.limits, issues);
}

/** What a filter key names: the field its values are read with, and the relation of a to-many path. */
interface FilterTarget {
  readonly field: Field;
  readonly relation: string | null;
}

/**
 * What a filter key names, or why it names nothing. A to-one path reads
 * like a field of the row (its nodes name the path); a to-many one is a
 * condition on one related row (its nodes name the related field, in `some`).
 */
function filterTarget(resource: Resource, name: string): FilterTarget | string {
  // A Map, never `filter[name]` on the resource: `__proto__` finds nothing.
  const field = resource.fields.get(name);
  if (field?.operators.length) return { field, relation: null };
  const dot = name.indexOf('.');
  if (dot < 0 || field || resource.relations.size === 0) {
    return `Unknown filter field '${name}'. Filterable fields: ${resource.filterable.join(', ')}`;
  }
  const named = name.slice(0, dot);
  const fieldName = name.slice(dot + 1);
  const relation = resource.relations.get(named);
  if (relation === undefined) {
    return `Unknown relation '${named}'. Relations: ${[...resource.relations.keys()].join(', ')}`;
  }
  const related = relation.filterable.get(fieldName);
  if (related === undefined) {
    const list = [...relation.filterable.keys()].join(', ');
    return relation.target.fields.has(fieldName)
      ? `Field '${fieldName}' on relation '${named}' is not filterable. Filterable: ${list}`
      : `Unknown field '${fieldName}' on relation '${named}'. Fields: ${list}`;
  }
  return relation.type === 'toOne'
    ? { field: { ...related, name }, relation: null }
    : { field: related, relation: named };
}

/** The nodes of a `filter` object (or of one condition of a group), in its entries' order. */
export function readFilters(resource: Resource, filter: unknown, issues: Issue[]): FilterNode[] {
  const nodes: FilterNode[] = [];
  if (filter === undefined) return nodes;
  if (!isRecord(filter)) {
    issues.push(issue('INVALID_FILTER', 'filter', shown(filter), 'filter must be an object'));
    return nodes;
  }
  for (const name of Object.keys(filter)) {
    const spec = filter[name];
    if (spec === undefined) continue;
    const target = filterTarget(resource, name);
    if (typeof target === 'string') {
      issues.push(issue('INVALID_FILTER', name, shown(spec), target));
      continue;
    }
    const entries = isRecord(spec) ? Object.entries(spec) : [['eq', spec] as const];
    for (const [op, value] of entries) {
      if (value === undefined) continue;
      const node = readOperator(resource, target.field, name, op, value, issues);
      if (node) nodes.push(target.relation === null ? node : some(target.relation, node));
    }
  }
  return nodes;
}
