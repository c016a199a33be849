/**
 * A request described as data (`ListParams`) → its canonical query string,
 * printed directly (no AST, no parser): the text `formatListQuery` prints
 * for the query the server parses from it, or every issue the client's
 * checks find (docs/client.md "What the client checks").
 */
import { clip, type Issue, issue } from '../errors/issue.js';
import type { Resource } from '../resource/types.js';
import { capabilities } from './capabilities.js';
import type { SafeListUrlResult } from './list-url.js';
import { allowedNames, encode, isRecord, printFilters, shown, target } from './print-filter.js';
import { REQUEST_KEYS } from './request-keys.js';

/** The characters of a cursor the server issues (base64url, `.`). */
const CURSOR = /^[\w.-]+$/;

const PARAM_KEYS: readonly string[] = REQUEST_KEYS;
const COUNTS = ['exact', 'estimated', 'none'];

/**
 * The sort text the server prints for these `field:direction` terms: cut
 * after the id (the order is total there), and without the id's own key
 * where the server appends it itself (after the last key, in its direction).
 * Two orders are the same exactly when their texts are.
 */
function sortText(id: string, terms: readonly string[]): string {
  const at = terms.findIndex((term) => term.startsWith(`${id}:`));
  const keys = at < 0 ? [...terms] : terms.slice(0, at + 1);
  if (at > 0 && keys[at] === `${id}:${keys[at - 1]!.split(':')[1]}`) keys.pop();
  return `${keys}` || `${id}:asc`;
}

/**
 * Checks `request` against `resource` and prints the canonical query string
 * (no leading `?`), or returns every issue. Nothing throws on the way.
 */
export function printRequest(resource: Resource, request: unknown): SafeListUrlResult {
  const issues: Issue[] = [];
  /**
   * Every issue of the request's own keys in one phrasing, the parser's for values:
   * `limit must be an integer from 1 to 100, got '0'` (the value clipped, as the issue's).
   */
  const refuse = (param: string | null, value: unknown, what: string): false => {
    const text = shown(value);
    const message = `${param ?? 'the request'} must be ${what}, got '${clip(text)}'`;
    issues.push(issue('VALIDATION_ERROR', param, text, message));
    return false;
  };
  // What is no object is refused whole, then read as an empty request (which adds nothing).
  if (!isRecord(request)) refuse(null, request, 'an object');
  const params = isRecord(request) ? request : {};
  const { idField: id, defaults, limits } = resource;
  const { filter, search, sort, fields, count = defaults.count, after } = params;
  for (const key of Object.keys(params)) {
    if (!PARAM_KEYS.includes(key)) {
      const message = `Unknown request key '${clip(key)}'. Use ${PARAM_KEYS.join(', ')}`;
      issues.push(issue('VALIDATION_ERROR', key, shown(params[key]), message));
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
    // Without groups (or without the client's group code: see capabilities.ts) they are what the
    // server reads them as: unknown filter fields.
    else if (items !== undefined) {
      issues.push(issue('INVALID_FILTER', kind, shown(items), target(resource, kind) as string));
    }
  }

  if (search !== undefined) {
    // Trimmed; the distinct words of an `all-words` search (whitespace as `String#trim` knows it).
    const term = typeof search === 'string' && !/\p{Cs}/u.test(search) ? search.trim() : '';
    const words = resource.search.mode === 'substring' ? [term] : term.split(/\s+/u);
    if (term) parts.push(`search=${encode([...new Set(words)].join(' '))}`);
    else refuse('search', search, 'non-blank text');
  }

  /** The items of the list `name` (none when it is absent or no array), each checked by `keep`. */
  const items = (name: string, value: unknown, what: string, keep: (item: unknown) => unknown) => {
    if (value !== undefined && !Array.isArray(value)) refuse(name, value, `an array of ${what}`);
    return Array.isArray(value) ? value.filter(keep) : null;
  };

  // Sort keys as their `field:direction` text, each checked against the names the resource allows.
  const sortable = allowedNames(resource, 'sortable');
  const terms: string[] = [];
  const keys = items('sort', sort, 'keys', (key) => {
    const [field, direction = 'asc'] = Array.isArray(key) ? key : [key];
    return sortable.includes(field) &&
      /^(asc|desc)$/.test(direction) &&
      !terms.some((term) => term.startsWith(`${field}:`))
      ? terms.push(`${field}:${direction}`)
      : refuse('sort', key, `sortable fields (${sortable.join(', ')}), each once, asc or desc`);
  });
  if (keys?.length) {
    // The default order is left out, whatever its shape.
    const text = sortText(id, terms);
    if (
      text !==
      sortText(
        id,
        defaults.sort.map((key) => `${key.field}:${key.direction}`),
      )
    ) {
      parts.push(`sort=${text}`);
    }
  }

  const selectable = allowedNames(resource, 'selectable');
  const chosen = items(
    'fields',
    fields,
    'field names',
    (name) =>
      selectable.includes(name as string) ||
      refuse('fields', name, `selectable fields (${selectable.join(', ')})`),
  );
  // The id always comes back, so the URL leaves it out (`fields=id` for the id alone).
  if (chosen)
    parts.push(`fields=${[...new Set(chosen)].filter((name) => name !== id).join() || id}`);

  // `limit` and `page`: integers from 1 to their maximum; their defaults print nothing.
  const integer = (name: string, max: number, fallback: number): unknown => {
    const value = params[name] ?? fallback;
    if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > max) {
      refuse(name, value, `an integer from 1 to ${max}`);
    } else if (value !== fallback) parts.push(`${name}=${value}`);
    return value;
  };
  integer('limit', limits.maxLimit, defaults.limit);
  const page = integer('page', Number.MAX_SAFE_INTEGER, 1);
  if (!COUNTS.includes(count as string)) refuse('count', count, `one of ${COUNTS.join(', ')}`);
  else if (count !== defaults.count) parts.push(`count=${count}`);
  if (after !== undefined && after !== null) {
    // A nextCursor is base64url, with a `.` before its signature: anything else
    // (a lone surrogate would make encodeURIComponent throw) is refused.
    if (typeof after === 'string' && CURSOR.test(after) && page === 1) {
      parts.push(`cursor=${encode(after)}`);
    } else refuse('cursor', after, 'a nextCursor, without page');
  }
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, search: parts.filter(Boolean).join('&') };
}
