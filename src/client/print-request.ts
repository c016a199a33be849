/**
 * A request described as data (`ListParams`) → its canonical query string,
 * printed directly (no AST, no parser): the text `formatListQuery` prints
 * for the query the server parses from it, or every issue the client's
 * checks find (docs/client.md "What the client checks").
 */
import { withTieBreaker } from '../ast/tie-breaker.js';
import { type Issue, issue } from '../errors/issue.js';
import type { Resource } from '../resource/types.js';
import { isRecord, printFilters, shown, valueIssue } from './print-filter.js';
import { printGroup } from './print-groups.js';

const PARAM_KEYS = ['filter', 'or', 'and', 'search', 'sort', 'fields', 'limit', 'page', 'after', 'count'];
const COUNTS = ['exact', 'estimated', 'none'];

/** `encodeURIComponent`, leaving the separators of the grammar (`:`, `,`, `@`) readable, as the server prints. */
const encode = (text: string): string =>
  encodeURIComponent(text).replace(/%(3A|2C|40)/g, decodeURIComponent);

/**
 * A group's text for the URL: `;`, `=`, `[` and `]` stay readable too, but
 * `]=` is written `]%3D` (qs, Express's `req.query`, ends a key at the first
 * `]=` of a parameter, even inside its value).
 */
const encodeGroup = (text: string): string =>
  encode(text).replace(/%(3B|3D|5B|5D)/g, decodeURIComponent).replace(/\]=/g, ']%3D');

/** Why `name` cannot be in `sort` (sort) or `fields`; null when it can, in the parser's words. */
function refusal(resource: Resource, name: unknown, sort: boolean): string | null {
  const text = shown(name);
  const dot = text.indexOf('.');
  if (typeof name === 'string' && dot > -1 && resource.relationList.length > 0) {
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
  const own: readonly unknown[] = sort ? resource.sortable : resource.selectable;
  if (own.includes(name)) return null;
  return sort
    ? `Unknown sort field '${text}'. Sortable fields: ${own.join(', ')}`
    : `fields has unknown field '${text}'. Selectable fields: ${own.join(', ')}`;
}

interface Key {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

const formatKeys = (keys: readonly Key[]): string =>
  keys.map((k) => `${k.field}:${k.direction}`).join(',');

/** The `sort` parameter's text, or '' for the default order (what the server reads when it is left out). */
function printSort(resource: Resource, sort: unknown, issues: Issue[]): string {
  if (sort === undefined) return '';
  const text = shown(sort);
  const refuse = (message: string): string => {
    issues.push(issue('VALIDATION_ERROR', 'sort', text, message));
    return '';
  };
  if (!Array.isArray(sort)) return refuse('sort must be an array of keys');
  const keys: Key[] = [];
  for (const key of sort as readonly unknown[]) {
    const [name, direction = 'asc'] = Array.isArray(key) ? key : [key];
    const refused = refusal(resource, name, true);
    if (refused !== null) refuse(refused);
    else if (direction !== 'asc' && direction !== 'desc') {
      refuse(`Sort direction must be asc or desc, got '${shown(direction)}'`);
    } else if (keys.some((k) => k.field === name)) refuse(`Sort field '${name}' is given twice`);
    else keys.push({ field: name as string, direction });
  }
  // The server appends the id as the tie-breaker; the default order is left out, whatever its shape.
  const sorted = withTieBreaker(resource.idField, keys);
  if (keys.length === 0) return '';
  if (formatKeys(sorted) === formatKeys(withTieBreaker(resource.idField, resource.defaults.sort))) {
    return '';
  }
  // The tie-breaker the server would append again is left out.
  const [previous, last] = sorted.slice(-2);
  const appended = sorted.length > 1 && last!.field === resource.idField && last!.direction === previous!.direction;
  return `sort=${formatKeys(appended ? sorted.slice(0, -1) : sorted)}`;
}

/** The `fields` parameter's text ('' for every field): the id always comes back, so it is left out. */
function printFields(resource: Resource, fields: unknown, issues: Issue[]): string {
  if (fields === undefined) return '';
  const text = shown(fields);
  if (!Array.isArray(fields)) {
    issues.push(issue('VALIDATION_ERROR', 'fields', text, 'fields must be an array of field names'));
    return '';
  }
  const selected: string[] = [];
  for (const name of fields as readonly unknown[]) {
    const refused = refusal(resource, name, false);
    if (refused !== null) issues.push(issue('VALIDATION_ERROR', 'fields', text, refused));
    else if (name !== resource.idField && !selected.includes(name as string)) selected.push(name as string);
  }
  return `fields=${selected.length === 0 ? resource.idField : selected.join(',')}`;
}

/** `limit` or `page`: an integer from 1 to `max`; the default (`fallback`) prints nothing. */
function printInteger(name: string, value: unknown, fallback: number, max: number, issues: Issue[]): string {
  if (value === undefined || value === fallback) return '';
  if (Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= max) {
    return `${name}=${value}`;
  }
  const text = shown(value);
  issues.push(issue('VALIDATION_ERROR', name, text, `${name} must be an integer from 1 to ${max}, got '${text}'`));
  return '';
}

/** The `search` parameter's text: trimmed, the distinct words of an `all-words` search joined by spaces. */
function printSearch(resource: Resource, term: unknown, issues: Issue[]): string {
  if (term === undefined) return '';
  const text = shown(term);
  const refuse = (message: string): string => {
    issues.push(issue('VALIDATION_ERROR', 'search', text, message));
    return '';
  };
  if (typeof term !== 'string') return refuse('search must be a string');
  const refused = valueIssue('VALIDATION_ERROR', 'search', text, resource.limits.maxSearchLength);
  if (refused !== null) return refuse(refused.message);
  if (resource.searchable.length === 0) return refuse(`${resource.name} does not support search`);
  const trimmed = term.trim();
  if (trimmed === '') return refuse(`search must not be ${text === '' ? 'empty' : 'only whitespace'}`);
  if (resource.search.mode === 'substring') return `search=${encode(trimmed)}`;
  // Whitespace as `String#trim` knows it, so splitting and trimming agree.
  const words = [...new Set(trimmed.split(/\s+/u))];
  if (words.length > 10) return refuse(`search takes at most 10 words, got ${words.length}`);
  return `search=${encode(words.join(' '))}`;
}

/**
 * Checks `params` against `resource` and prints the canonical query string
 * (no leading `?`), or returns every issue. Nothing throws on the way.
 */
export function printRequest(
  resource: Resource,
  params: unknown,
): { readonly search: string } | { readonly issues: Issue[] } {
  if (!isRecord(params)) {
    return { issues: [issue('VALIDATION_ERROR', null, shown(params), 'the request must be an object')] };
  }
  const issues: Issue[] = [];
  for (const key of Object.keys(params)) {
    if (!PARAM_KEYS.includes(key)) {
      const message = `Unknown request key '${key}'. Use ${PARAM_KEYS.join(', ')}`;
      issues.push(issue('VALIDATION_ERROR', key, shown(params[key]), message));
    }
  }
  // The server sorts the top-level filters: by field (declaration order, then relations), then operator.
  const leaves = printFilters(resource, params['filter'], issues).sort((a, b) => a.rank - b.rank);
  const parts = leaves.map((leaf) => `${leaf.key}=${encode(leaf.text)}`);
  // The group parameters come after the flat filters, `and` before `or`, as the parser puts them.
  for (const kind of ['and', 'or'] as const) {
    const group = printGroup(resource, kind, params[kind], issues);
    if (group !== undefined) parts.push(`${kind}=${encodeGroup(group)}`);
  }
  parts.push(
    printSearch(resource, params['search'], issues),
    printSort(resource, params['sort'], issues),
    printFields(resource, params['fields'], issues),
  );
  const { defaults, limits } = resource;
  const page = params['page'] ?? 1;
  parts.push(
    printInteger('limit', params['limit'], defaults.limit, limits.maxLimit, issues),
    printInteger('page', page, 1, Number.MAX_SAFE_INTEGER, issues),
  );
  const count = params['count'] ?? defaults.count;
  if (!COUNTS.includes(count as string)) {
    const text = shown(count);
    issues.push(issue('VALIDATION_ERROR', 'count', text, `count must be one of ${COUNTS.join(', ')}, got '${text}'`));
  } else if (count !== defaults.count) parts.push(`count=${count}`);
  const after = params['after'] ?? null;
  if (after !== null) {
    const message =
      typeof after !== 'string' || after === ''
        ? 'after must be a nextCursor the server returned'
        : page !== 1
          ? 'after (a cursor) cannot be combined with page'
          : null;
    if (message === null) parts.push(`cursor=${encode(after as string)}`);
    else issues.push(issue('VALIDATION_ERROR', 'cursor', shown(after), message));
  }
  return issues.length > 0 ? { issues } : { search: parts.filter(Boolean).join('&') };
}
