/**
 * A request described as data (`ListParams`) → its canonical query string,
 * printed directly (no AST, no parser): the text `formatListQuery` prints
 * for the query the server parses from it, or every issue the client's
 * checks find (docs/client.md "What the client checks").
 */
import { withTieBreaker } from '../ast/tie-breaker.js';
import { type Issue, issue } from '../errors/issue.js';
import type { Resource } from '../resource/types.js';
import { allowedNames, isRecord, printFilters, shown } from './print-filter.js';
import { capabilities } from './capabilities.js';

const PARAM_KEYS = ['filter', 'or', 'and', 'search', 'sort', 'fields', 'limit', 'page', 'after', 'count'];
const COUNTS = ['exact', 'estimated', 'none'];

/** `encodeURIComponent`, leaving the separators of the grammar (`:`, `,`, `@`) readable, as the server prints. */
const encode = (text: string): string =>
  encodeURIComponent(text).replace(/%(3A|2C|40)/g, decodeURIComponent);

interface Key {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** The sort as the server prints it: with the tie-breaker it appends (the id, in the last key's direction). */
const sortText = (id: string, keys: readonly Key[]): string[] =>
  withTieBreaker(id, keys).map((k) => `${k.field}:${k.direction}`);

/**
 * Checks `params` against `resource` and prints the canonical query string
 * (no leading `?`), or returns every issue. Nothing throws on the way.
 */
export function printRequest(
  resource: Resource,
  params: unknown,
): { readonly search: string } | { readonly issues: Issue[] } {
  const issues: Issue[] = [];
  const refuse = (param: string | null, value: unknown, message: string): false => {
    issues.push(issue('VALIDATION_ERROR', param, shown(value), message));
    return false;
  };
  if (!isRecord(params)) {
    refuse(null, params, 'the request must be an object');
    return { issues };
  }
  const { idField: id, defaults, limits } = resource;
  const param = (key: string): unknown => params[key];
  for (const key of Object.keys(params)) {
    if (!PARAM_KEYS.includes(key)) {
      refuse(key, param(key), `Unknown request key '${key}'. Use ${PARAM_KEYS.join(', ')}`);
    }
  }
  // The server sorts the top-level filters: by field (declaration order, then relations), then operator.
  const leaves = printFilters(resource, param('filter'), issues).sort((a, b) => a.rank - b.rank);
  const parts = leaves.map((leaf) => `${leaf.key}=${encode(leaf.text)}`);
  // The group parameters come after the flat filters, `and` before `or`, as the parser puts them.
  // In a group `;`, `=`, `[` and `]` stay readable, but `]=` is written `]%3D`: qs (Express's
  // `req.query`) ends a key at the first `]=` of a parameter, even inside its value.
  for (const kind of ['and', 'or']) {
    const items = param(kind);
    const print = resource.groups && capabilities.group;
    const group = print ? print(resource, kind, items, issues) : undefined;
    if (items !== undefined && !print) {
      const why = `no boolean groups on ${resource.name} (none in its definition, or not built by defineResource or buildResource)`;
      issues.push(issue('INVALID_FILTER', kind, shown(items), `${kind}: ${why}`));
    } else if (group !== undefined) {
      const text = encode(group).replace(/%(3B|3D|5B|5D)/g, decodeURIComponent);
      parts.push(`${kind}=${text.replace(/\]=/g, ']%3D')}`);
    }
  }

  const term = param('search');
  if (term !== undefined) {
    // Trimmed; the distinct words of an `all-words` search (whitespace as `String#trim` knows it).
    const trimmed = typeof term === 'string' ? term.trim() : '';
    if (typeof term !== 'string' || /\p{Cs}/u.test(term)) {
      refuse('search', term, 'search must be a string of Unicode text');
    } else if (resource.searchable.length === 0) {
      refuse('search', term, `${resource.name} does not support search`);
    } else if (trimmed === '') {
      refuse('search', term, `search must not be ${term === '' ? 'empty' : 'only whitespace'}`);
    } else {
      const words = resource.search.mode === 'substring' ? [trimmed] : trimmed.split(/\s+/u);
      parts.push(`search=${encode([...new Set(words)].join(' '))}`);
    }
  }

  const sort = param('sort');
  if (sort !== undefined && !Array.isArray(sort)) refuse('sort', sort, 'sort must be an array of keys');
  else if (sort !== undefined) {
    const sortable = allowedNames(resource, 'sortable');
    const keys: Key[] = [];
    for (const key of sort as readonly unknown[]) {
      const [field, direction = 'asc'] = Array.isArray(key) ? key : [key];
      const message = !sortable.includes(field)
        ? `Unknown sort field '${shown(field)}'. Sortable fields: ${sortable.join(', ')}`
        : direction !== 'asc' && direction !== 'desc'
          ? `Sort direction must be asc or desc, got '${shown(direction)}'`
          : keys.some((k) => k.field === field) && `Sort field '${field}' is given twice`;
      if (message) refuse('sort', sort, message);
      else keys.push({ field, direction });
    }
    // The default order is left out, whatever its shape; so is the tie-breaker the server appends.
    const text = sortText(id, keys);
    const [previous, last] = text.slice(-2);
    if (text.length > 1 && last === `${id}:${previous!.split(':')[1]}`) text.pop();
    if (keys.length > 0 && sortText(id, keys).join() !== sortText(id, defaults.sort).join()) {
      parts.push(`sort=${text}`);
    }
  }

  const fields = param('fields');
  if (fields !== undefined && !Array.isArray(fields)) {
    refuse('fields', fields, 'fields must be an array of field names');
  } else if (fields !== undefined) {
    // The id always comes back, so the URL leaves it out (`fields=id` for the id alone).
    const selectable = allowedNames(resource, 'selectable');
    const chosen = (fields as readonly string[]).filter(
      (name) =>
        selectable.includes(name) ||
        refuse('fields', fields, `fields has unknown field '${shown(name)}'. Selectable fields: ${selectable.join(', ')}`),
    );
    parts.push(`fields=${[...new Set(chosen)].filter((name) => name !== id).join() || id}`);
  }

  // `limit` and `page`: integers from 1 to their maximum; their defaults print nothing.
  const integer = (name: string, max: number, fallback: number): unknown => {
    const value = param(name) ?? fallback;
    if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > max) {
      refuse(name, value, `${name} must be an integer from 1 to ${max}, got '${shown(value)}'`);
    } else if (value !== fallback) parts.push(`${name}=${value}`);
    return value;
  };
  integer('limit', limits.maxLimit, defaults.limit);
  const page = integer('page', Number.MAX_SAFE_INTEGER, 1);
  const count = param('count') ?? defaults.count;
  if (!COUNTS.includes(count as string)) {
    refuse('count', count, `count must be one of ${COUNTS.join(', ')}, got '${shown(count)}'`);
  } else if (count !== defaults.count) parts.push(`count=${count}`);
  const after = param('after');
  if (after !== undefined && after !== null) {
    if (typeof after !== 'string' || after === '') {
      refuse('cursor', after, 'after must be a nextCursor the server returned');
    } else if (page !== 1) refuse('cursor', after, 'after (a cursor) cannot be combined with page');
    else parts.push(`cursor=${encode(after)}`);
  }
  return issues.length > 0 ? { issues } : { search: parts.join('&') };
}
