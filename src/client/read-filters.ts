/**
 * The `filter` of a request described as data → the filter nodes the server
 * would parse from its URL, or issues. Values go through the server's own
 * value grammar (`src/syntax`), so they are read, normalized and refused
 * exactly as the server reads, normalizes and refuses them.
 */
import {
  comparison,
  exists,
  type FilterNode,
  type FilterValue,
  inList,
  isComparisonOperator,
} from '../ast/index.js';
import { type Issue, issue } from '../errors/index.js';
import type { Field, Resource } from '../resource/index.js';
import { coerceValue } from '../syntax/coerce-value.js';
import { formatDecimal } from '../syntax/decimal.js';
import { valueIssue } from '../syntax/value-issue.js';

/** A plain object (not an array, not a Date). */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** How a JavaScript value reads in the URL, for messages and for the value grammar. */
export function shown(value: unknown): string {
  if (typeof value === 'number')
    return Number.isFinite(value) ? formatDecimal(value) : String(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A value the URL can carry: text, a number, a boolean or a Date (null and objects are not). */
const isScalar = (value: unknown): boolean =>
  ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date;

/** One value for `field` as the parser would read it from `param`, or an issue. */
function readValue(
  resource: Resource,
  field: Field,
  param: string,
  value: unknown,
  issues: Issue[],
): FilterValue | undefined {
  const text = shown(value);
  // Text that reads as the right value is accepted whatever its JavaScript type (the URL is
  // the same); null and the like are not values (`{ exists: false }` asks for nulls).
  const refused = isScalar(value)
    ? valueIssue('INVALID_FILTER', param, text, resource.limits.maxValueLength)
    : issue('INVALID_FILTER', param, text, `${param} must be a value, got '${text}'`);
  if (refused !== null) {
    issues.push(refused);
    return undefined;
  }
  const coerced = coerceValue(field, text);
  if (coerced.ok) return coerced.value;
  issues.push(
    issue(coerced.code, param, text, `${param} must be ${coerced.expected}, got '${text}'`),
  );
  return undefined;
}

/**
 * `field: [a, b]` or `field: { eq: [a, b] }`: a list, where the field takes
 * lists. Reported as the server reports `field=a,b`: one issue for the
 * parameter, naming its first bad item.
 */
function readList(
  resource: Resource,
  field: Field,
  param: string,
  values: readonly unknown[],
  issues: Issue[],
): FilterNode | undefined {
  const joined = values.map(shown).join(',');
  const fail = (message: string): undefined => {
    issues.push(issue('INVALID_FILTER', param, joined, message));
  };
  if (!field.list) return fail(`${param} takes one value, not a list`);
  const [only] = values;
  if (values.length === 1 && !(typeof only === 'string' && only.includes(','))) {
    return readOperator(resource, field, 'eq', only, issues);
  }
  const refused = valueIssue('INVALID_FILTER', param, joined, resource.limits.maxValueLength);
  if (refused !== null) return void issues.push(refused);
  const read: FilterValue[] = [];
  let bad: { item: string; expected: string; code: Issue['code'] } | undefined;
  let badCount = 0;
  for (const value of values) {
    const item = shown(value);
    const coerced: ReturnType<typeof coerceValue> =
      // A comma inside an item would split it into two on the server.
      isScalar(value) && !item.includes(',')
        ? coerceValue(field, item)
        : { ok: false, code: 'INVALID_FILTER', expected: 'a value without a comma' };
    if (!coerced.ok) {
      badCount++;
      bad ??= { item, expected: coerced.expected, code: coerced.code };
    } else if (!read.includes(coerced.value)) read.push(coerced.value);
  }
  if (bad) {
    const more = badCount > 1 ? ` (${badCount} invalid items)` : '';
    const message = `${param} must be ${bad.expected}, got '${bad.item}' in '${joined}'${more}`;
    return void issues.push(issue(bad.code, param, joined, message));
  }
  if (read.length === 0) return fail(`${param} needs at least one value`);
  if (read.length > resource.limits.maxListItems) {
    return fail(
      `${param} takes at most ${resource.limits.maxListItems} values, got ${read.length}`,
    );
  }
  return read.length === 1 ? comparison(field.name, 'eq', read[0]!) : inList(field.name, read);
}

/** One `field[op]` filter as a node, or issues. */
function readOperator(
  resource: Resource,
  field: Field,
  op: string,
  value: unknown,
  issues: Issue[],
): FilterNode | undefined {
  const param = op === 'eq' ? field.name : `${field.name}[${op}]`;
  if (!(field.operators as readonly string[]).includes(op)) {
    const allowed = field.operators.join(', ');
    issues.push(
      issue(
        'INVALID_FILTER',
        param,
        shown(value),
        `Operator '${op}' is not allowed on '${field.name}'. Allowed: ${allowed}`,
      ),
    );
    return undefined;
  }
  if (op === 'exists') {
    if (typeof value === 'boolean') return exists(field.name, value);
    issues.push(
      issue(
        'INVALID_FILTER',
        param,
        shown(value),
        `${param} must be true or false, got '${shown(value)}'`,
      ),
    );
    return undefined;
  }
  if (op === 'eq' && Array.isArray(value)) return readList(resource, field, param, value, issues);
  if (!isComparisonOperator(op)) return undefined; // every allowed operator is handled above
  // A comma in an equality value on a list field is a list, as `status=won,lost` is.
  if (op === 'eq' && field.list && typeof value === 'string' && value.includes(',')) {
    return readList(resource, field, param, value.split(','), issues);
  }
  const read = readValue(resource, field, param, value, issues);
  return read === undefined ? undefined : comparison(field.name, op, read);
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
    // A Map, never `filter[name]` on the resource: `__proto__` finds nothing.
    const field = resource.fields.get(name);
    if (field === undefined || field.operators.length === 0) {
      issues.push(
        issue(
          'INVALID_FILTER',
          name,
          shown(spec),
          `Unknown filter field '${name}'. Filterable fields: ${resource.filterable.join(', ')}`,
        ),
      );
      continue;
    }
    const entries = isRecord(spec) ? Object.entries(spec) : [['eq', spec] as const];
    for (const [op, value] of entries) {
      if (value === undefined) continue;
      const node = readOperator(resource, field, op, value, issues);
      if (node) nodes.push(node);
    }
  }
  return nodes;
}
