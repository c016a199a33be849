/**
 * A request described as data (`ListParams`) → its canonical query string,
 * printed directly (no AST, no parser): the text `formatListQuery` prints
 * for the query the server parses from it, or every issue the client's
 * checks find (docs/client.md "What the client checks").
 */
import { withTieBreaker } from '../ast/tie-breaker.js';
import { type Issue, issue } from '../errors/issue.js';
import type { Resource } from '../resource/types.js';
import { capabilities } from './capabilities.js';
import type { SafeListUrlResult } from './list-url.js';
import { allowedNames, encode, isRecord, printFilters, shown } from './print-filter.js';
import { REQUEST_KEYS } from './request-keys.js';

/** The characters of a cursor the server issues (base64url, `.`). */
const CURSOR = /^[\w.-]+$/;

const PARAM_KEYS: readonly string[] = REQUEST_KEYS;
const COUNTS = ['exact', 'estimated', 'none'];

/**
 * Checks `params` against `resource` and prints the canonical query string
 * (no leading `?`), or returns every issue. Nothing throws on the way.
 */
export function printRequest(resource: Resource, params: unknown): SafeListUrlResult {
  const issues: Issue[] = [];
  const refuse = (param: string | null, value: unknown, message: string): false => {
    issues.push(issue('VALIDATION_ERROR', param, shown(value), message));
    return false;
  };
  if (!isRecord(params)) {
    refuse(null, params, 'the request must be an object');
    return { success: false, issues };
  }
  const { idField: id, defaults, limits } = resource;
  const { filter, search, sort, fields, count = defaults.count, after } = params;
  for (const key of Object.keys(params)) {
    if (!PARAM_KEYS.includes(key)) {
      refuse(key, params[key], `Unknown request key '${key}'. Use ${PARAM_KEYS.join(', ')}`);
    }
  }
  // The server sorts the top-level filters: by field (declaration order, then relations), then operator.
  const parts = printFilters(resource, filter, issues)
    .sort((a, b) => a.rank - b.rank)
    .map((leaf) => `${leaf.key}=${encode(leaf.text)}`);
  // The group parameters come after the flat filters, `and` before `or`, as the parser puts them.
  for (const kind of ['and', 'or']) {
    const items = params[kind];
    const print = resource.groups && capabilities.group;
    if (print) parts.push(print(resource, kind, items, issues));
    // (Also for a resource not built by defineResource or buildResource: see capabilities.ts.)
    else if (items !== undefined) {
      issues.push(
        issue(
          'INVALID_FILTER',
          kind,
          shown(items),
          `${kind}: ${resource.name} has no boolean groups`,
        ),
      );
    }
  }

  if (search !== undefined) {
    // Trimmed; the distinct words of an `all-words` search (whitespace as `String#trim` knows it).
    const term = typeof search === 'string' && !/\p{Cs}/u.test(search) ? search.trim() : '';
    const words = resource.search.mode === 'substring' ? [term] : term.split(/\s+/u);
    if (term) parts.push(`search=${encode([...new Set(words)].join(' '))}`);
    else refuse('search', search, 'search must be non-blank text');
  }

  // Each list is checked whole, then item by item against the names the resource allows.
  const list = (name: string, value: unknown, kind: 'sortable' | 'selectable', what: string) => {
    const allowed = allowedNames(resource, kind);
    if (value !== undefined && !Array.isArray(value))
      refuse(name, value, `${name} must be an array of ${what}`);
    return { allowed, items: Array.isArray(value) ? (value as unknown[]) : null };
  };

  const sorting = list('sort', sort, 'sortable', 'keys');
  if (sorting.items) {
    const keys: { field: string; direction: 'asc' | 'desc' }[] = [];
    for (const key of sorting.items) {
      const [field, direction = 'asc'] = Array.isArray(key) ? key : [key];
      if (!sorting.allowed.includes(field)) {
        refuse(
          'sort',
          sort,
          `Unknown sort field '${shown(field)}'. Sortable fields: ${sorting.allowed.join(', ')}`,
        );
      } else if (!/^(asc|desc)$/.test(direction) || keys.some((k) => k.field === field)) {
        refuse(
          'sort',
          sort,
          `Sort field '${field}' must be given once, asc or desc, got '${shown(key)}'`,
        );
      } else keys.push({ field, direction });
    }
    // The default order is left out, whatever its shape; so is the tie-breaker the server appends.
    const text = (sortKeys: readonly (typeof keys)[number][]) =>
      withTieBreaker(id, sortKeys).map((k) => `${k.field}:${k.direction}`);
    const sorted = text(keys);
    if (keys.length > 0 && `${sorted}` !== `${text(defaults.sort)}`) {
      if (sorted.at(-1) === `${id}:${sorted.at(-2)?.split(':')[1]}`) sorted.pop();
      parts.push(`sort=${sorted}`);
    }
  }

  const selecting = list('fields', fields, 'selectable', 'field names');
  if (selecting.items) {
    // The id always comes back, so the URL leaves it out (`fields=id` for the id alone).
    const chosen = selecting.items.filter(
      (name) =>
        selecting.allowed.includes(name as string) ||
        refuse(
          'fields',
          fields,
          `fields has unknown field '${shown(name)}'. Selectable fields: ${selecting.allowed.join(', ')}`,
        ),
    );
    parts.push(`fields=${[...new Set(chosen)].filter((name) => name !== id).join() || id}`);
  }

  // `limit` and `page`: integers from 1 to their maximum; their defaults print nothing.
  const integer = (name: string, max: number, fallback: number): unknown => {
    const value = params[name] ?? fallback;
    if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > max) {
      refuse(name, value, `${name} must be an integer from 1 to ${max}, got '${shown(value)}'`);
    } else if (value !== fallback) parts.push(`${name}=${value}`);
    return value;
  };
  integer('limit', limits.maxLimit, defaults.limit);
  const page = integer('page', Number.MAX_SAFE_INTEGER, 1);
  if (!COUNTS.includes(count as string)) {
    refuse('count', count, `count must be one of ${COUNTS.join(', ')}, got '${shown(count)}'`);
  } else if (count !== defaults.count) parts.push(`count=${count}`);
  if (after !== undefined && after !== null) {
    // A nextCursor is base64url, with a `.` before its signature: anything else
    // (a lone surrogate would make encodeURIComponent throw) is refused.
    if (typeof after === 'string' && CURSOR.test(after) && page === 1) {
      parts.push(`cursor=${encode(after)}`);
    } else refuse('cursor', after, 'after must be a nextCursor, without page');
  }
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, search: parts.filter(Boolean).join('&') };
}
