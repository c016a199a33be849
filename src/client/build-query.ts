/**
 * A request described as data (`ListParams`) → the query the server would
 * parse from its URL, or every issue. The checks use the server's own value
 * grammar (`src/syntax`), so a value the client accepts is one the server
 * accepts, with the same normal form (dates to UTC instants, numbers as
 * plain decimals).
 */
import {
  and,
  COUNT_STRATEGIES,
  comparison,
  exists,
  type FilterNode,
  type FilterValue,
  inList,
  isComparisonOperator,
  SORT_DIRECTIONS,
  type SortKey,
  search,
} from '../ast/index.js';
import { withTieBreaker } from '../ast/tie-breaker.js';
import { type Issue, issue } from '../errors/index.js';
import type { Field, Resource } from '../resource/index.js';
import { canonicalOrder } from '../syntax/canonical-order.js';
import { coerceValue } from '../syntax/coerce-value.js';
import { formatDecimal } from '../syntax/decimal.js';
import type { PrintableQuery } from '../syntax/print-list-query.js';
import { valueIssue } from '../syntax/value-issue.js';
import type { AnyResource, FieldName, ListParams } from './types.js';

/** The query of a request and its cursor (the `after` it was given, or null). */
export interface BuiltQuery<F extends string = string> {
  readonly query: PrintableQuery<F>;
  readonly cursor: string | null;
}

/** What {@link buildListQuery} returns: the query, or every issue (never thrown). */
export type BuildResult<F extends string = string> =
  | ({ readonly success: true } & BuiltQuery<F>)
  | { readonly success: false; readonly issues: readonly Issue[] };

const PARAM_KEYS: ReadonlySet<string> = new Set([
  'filter',
  'search',
  'sort',
  'fields',
  'limit',
  'page',
  'after',
  'count',
]);
const directions: readonly string[] = SORT_DIRECTIONS;
const counts: readonly string[] = COUNT_STRATEGIES;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** How a JavaScript value reads in the URL, for messages and for the value grammar. */
function shown(value: unknown): string {
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

function readFilters(resource: Resource, filter: unknown, issues: Issue[]): FilterNode[] {
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

function readSort(resource: Resource, sort: unknown, issues: Issue[]): SortKey[] | undefined {
  if (sort === undefined) return undefined;
  const text = shown(sort);
  if (!Array.isArray(sort)) {
    issues.push(issue('VALIDATION_ERROR', 'sort', text, 'sort must be an array of keys'));
    return undefined;
  }
  const keys: SortKey[] = [];
  for (const key of sort as readonly unknown[]) {
    const [name, direction = 'asc'] = Array.isArray(key) ? key : [key];
    const field = typeof name === 'string' ? resource.fields.get(name) : undefined;
    if (!field?.sortable) {
      issues.push(
        issue(
          'VALIDATION_ERROR',
          'sort',
          text,
          `Unknown sort field '${shown(name)}'. Sortable fields: ${resource.sortable.join(', ')}`,
        ),
      );
    } else if (typeof direction !== 'string' || !directions.includes(direction)) {
      issues.push(
        issue(
          'VALIDATION_ERROR',
          'sort',
          text,
          `Sort direction must be asc or desc, got '${shown(direction)}'`,
        ),
      );
    } else if (keys.some((k) => k.field === field.name)) {
      issues.push(
        issue('VALIDATION_ERROR', 'sort', text, `Sort field '${field.name}' is given twice`),
      );
    } else {
      keys.push({ field: field.name, direction: direction as SortKey['direction'] });
    }
  }
  // No keys is the default order, as when `sort` is left out.
  return keys.length === 0 ? undefined : keys;
}

function readFields(
  resource: Resource,
  fields: unknown,
  issues: Issue[],
): readonly string[] | 'all' {
  if (fields === undefined) return 'all';
  const text = shown(fields);
  if (!Array.isArray(fields)) {
    issues.push(
      issue('VALIDATION_ERROR', 'fields', text, 'fields must be an array of field names'),
    );
    return 'all';
  }
  const selected: string[] = [resource.idField];
  for (const name of fields as readonly unknown[]) {
    const field = typeof name === 'string' ? resource.fields.get(name) : undefined;
    if (field === undefined || !resource.selectable.includes(field.name)) {
      issues.push(
        issue(
          'VALIDATION_ERROR',
          'fields',
          text,
          `fields has unknown field '${shown(name)}'. Selectable fields: ${resource.selectable.join(', ')}`,
        ),
      );
    } else if (!selected.includes(field.name)) {
      selected.push(field.name);
    }
  }
  return selected;
}

function readInteger(
  name: string,
  value: unknown,
  fallback: number,
  max: number,
  issues: Issue[],
): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= max) {
    return value;
  }
  issues.push(
    issue(
      'VALIDATION_ERROR',
      name,
      shown(value),
      `${name} must be an integer from 1 to ${max}, got '${shown(value)}'`,
    ),
  );
  return fallback;
}

function readSearch(resource: Resource, term: unknown, issues: Issue[]): FilterNode | undefined {
  if (term === undefined) return undefined;
  const text = shown(term);
  const message =
    resource.searchable.length === 0
      ? `${resource.name} does not support search`
      : typeof term !== 'string'
        ? 'search must be a string'
        : term === ''
          ? 'search must not be empty'
          : null;
  const refused =
    message === null
      ? valueIssue('VALIDATION_ERROR', 'search', text, resource.limits.maxSearchLength)
      : issue('VALIDATION_ERROR', 'search', text, message);
  if (refused !== null) {
    issues.push(refused);
    return undefined;
  }
  return search(resource.searchable, text);
}

/**
 * Checks `params` against `resource` and builds the query the server would
 * parse from the resulting URL. Nothing throws on the way: mistakes that the
 * types would have caught (an unknown field, an operator the field does not
 * allow, a value outside the enum) come back as issues shaped like the
 * server's, with the parameter the URL would have carried.
 *
 * @example
 * const built = buildListQuery(leads, { filter: { value: { gte: 'abc' } } });
 * if (!built.success) console.log(built.issues[0].message);
 * // "value[gte] must be a number, got 'abc'"
 */
export function buildListQuery<R extends AnyResource>(
  resource: R,
  params: ListParams<R>,
): BuildResult<FieldName<R>> {
  const r = resource as Resource;
  const issues: Issue[] = [];
  if (!isRecord(params)) {
    return {
      success: false,
      issues: [issue('VALIDATION_ERROR', null, shown(params), 'the request must be an object')],
    };
  }
  const input = params as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(input)) {
    if (!PARAM_KEYS.has(key)) {
      issues.push(
        issue(
          'VALIDATION_ERROR',
          key,
          shown(input[key]),
          `Unknown request key '${key}'. Use ${[...PARAM_KEYS].join(', ')}`,
        ),
      );
    }
  }
  const children = canonicalOrder(r, readFilters(r, input.filter, issues));
  const term = readSearch(r, input.search, issues);
  if (term) children.push(term);
  const sort = readSort(r, input.sort, issues);
  const select = readFields(r, input.fields, issues);
  const limit = readInteger('limit', input.limit, r.defaults.limit, r.limits.maxLimit, issues);
  const page = readInteger('page', input.page, 1, Number.MAX_SAFE_INTEGER, issues);
  const count = input.count ?? r.defaults.count;
  if (typeof count !== 'string' || !counts.includes(count)) {
    issues.push(
      issue(
        'VALIDATION_ERROR',
        'count',
        shown(count),
        `count must be one of ${COUNT_STRATEGIES.join(', ')}, got '${shown(count)}'`,
      ),
    );
  }
  const after = input.after ?? null;
  if (after !== null && (typeof after !== 'string' || after === '' || page !== 1)) {
    const message =
      typeof after === 'string' && after !== ''
        ? 'after (a cursor) cannot be combined with page'
        : 'after must be a nextCursor the server returned';
    issues.push(issue('VALIDATION_ERROR', 'cursor', shown(after), message));
  }
  if (issues.length > 0) return { success: false, issues };
  const query: PrintableQuery = {
    filter: and(children),
    sort: withTieBreaker(r.idField, sort ?? r.defaults.sort),
    select,
    page: { limit, page },
    count: count as PrintableQuery['count'],
  };
  return {
    success: true,
    query: query as PrintableQuery<FieldName<R>>,
    cursor: after as string | null,
  };
}
