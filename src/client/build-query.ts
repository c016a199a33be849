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
  type FilterNode,
  SORT_DIRECTIONS,
  type SortKey,
} from '../ast/index.js';
import { withTieBreaker } from '../ast/tie-breaker.js';
import { type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';
import { canonicalOrder } from '../syntax/canonical-order.js';
import { parseSearch } from '../syntax/parse-search.js';
import type { PrintableQuery } from '../syntax/print-list-query.js';
import { valueIssue } from '../syntax/value-issue.js';
import { isRecord, readFilters, shown } from './read-filters.js';
import { readGroup } from './read-group.js';
import { REQUEST_KEYS } from './request-keys.js';
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

const PARAM_KEYS: ReadonlySet<string> = new Set(REQUEST_KEYS);
const directions: readonly string[] = SORT_DIRECTIONS;
const counts: readonly string[] = COUNT_STRATEGIES;

/**
 * Why `sort` (or `fields`) cannot hold the `relation.field` path `name`, in
 * the parser's words; null when it can; undefined when `name` is no path.
 */
function pathRefusal(resource: Resource, name: string, sort: boolean): string | null | undefined {
  const dot = name.indexOf('.');
  if (dot < 0 || resource.relations.size === 0 || resource.fields.has(name)) return undefined;
  const named = name.slice(0, dot);
  const field = name.slice(dot + 1);
  const relation = resource.relations.get(named);
  const lead = sort ? `Cannot sort by '${name}': ` : 'fields has ';
  if (relation === undefined) {
    return `${lead}unknown relation '${named}'. Relations: ${[...resource.relations.keys()].join(', ')}`;
  }
  if (sort && relation.type !== 'toOne') {
    return `${lead}only fields of a to-one relation sort ('${named}' has many rows per row)`;
  }
  const allowed = sort ? relation.sortable : relation.selectable;
  if (allowed.has(field)) return null;
  const list = [...allowed.keys()].join(', ');
  if (!sort) return `${lead}unknown field '${field}' on relation '${named}'. Fields: ${list}`;
  const what = relation.target.fields.has(field) ? 'is not sortable' : 'is unknown';
  return `${lead}field '${field}' on relation '${named}' ${what}. Sortable: ${list}`;
}

/** Why `name` cannot be in `sort` (sort) or `fields`; null when it can. */
function refusal(resource: Resource, name: unknown, sort: boolean): string | null {
  const text = shown(name);
  const path = typeof name === 'string' ? pathRefusal(resource, name, sort) : undefined;
  if (path !== undefined) return path;
  const own = sort ? resource.sortable : resource.selectable;
  if (typeof name === 'string' && own.includes(name)) return null;
  return sort
    ? `Unknown sort field '${text}'. Sortable fields: ${own.join(', ')}`
    : `fields has unknown field '${text}'. Selectable fields: ${own.join(', ')}`;
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
    const refused = refusal(resource, name, true);
    if (typeof name !== 'string' || refused !== null) {
      issues.push(issue('VALIDATION_ERROR', 'sort', text, refused ?? ''));
    } else if (typeof direction !== 'string' || !directions.includes(direction)) {
      issues.push(
        issue(
          'VALIDATION_ERROR',
          'sort',
          text,
          `Sort direction must be asc or desc, got '${shown(direction)}'`,
        ),
      );
    } else if (keys.some((k) => k.field === name)) {
      issues.push(issue('VALIDATION_ERROR', 'sort', text, `Sort field '${name}' is given twice`));
    } else {
      keys.push({ field: name, direction: direction as SortKey['direction'] });
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
    const refused = refusal(resource, name, false);
    if (typeof name !== 'string' || refused !== null) {
      issues.push(issue('VALIDATION_ERROR', 'fields', text, refused ?? ''));
    } else if (!selected.includes(name)) {
      selected.push(name);
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

/** The search nodes of `search`, read by the parser's own `parseSearch` (trimmed; words in `all-words` mode). */
function readSearch(resource: Resource, term: unknown, issues: Issue[]): readonly FilterNode[] {
  if (term === undefined) return [];
  const text = shown(term);
  const refused =
    typeof term === 'string'
      ? valueIssue('VALIDATION_ERROR', 'search', text, resource.limits.maxSearchLength)
      : issue('VALIDATION_ERROR', 'search', text, 'search must be a string');
  if (refused !== null) {
    issues.push(refused);
    return [];
  }
  return parseSearch(resource, text, issues);
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
  // The group parameters come after the flat filters, `and` before `or`, as the parser puts them.
  for (const kind of ['and', 'or'] as const) {
    const group = readGroup(r, kind, input[kind], issues);
    if (group) children.push(group);
  }
  children.push(...readSearch(r, input.search, issues));
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
