/**
 * A data table's state (filters, search, sort, page or cursor, fields) in
 * the address bar: `toSearch` writes it as the canonical query string, and
 * `fromSearch` reads it back after a reload, a shared link or a hand-edited
 * URL — checked, with every problem returned as an issue and the valid
 * rest kept, never a throw.
 */
import { clip, type Issue, issue } from '../errors/issue.js';
import { splitSortTerm } from '../grammar.js';
import type { Resource } from '../resource/types.js';
import { capabilities } from './capabilities.js';
import { filterKey } from './filter-key.js';
import { listUrl } from './list-url.js';
import { printRequest } from './print-request.js';
import type { AnyResource, ListParams } from './types.js';

/** What {@link fromSearch} read: the valid state, and an issue for each part that was not. */
export interface SearchState<R extends AnyResource> {
  readonly state: ListParams<R>;
  readonly issues: readonly Issue[];
}

type Mutable = Record<string, unknown>;

/**
 * The value of a parameter that is no filter, as the state holds it: what
 * it reads as, or its issue (`unknown`, the message for a key that is no
 * parameter either).
 */
function paramValue(resource: Resource, key: string, text: string, unknown: string): unknown {
  // Integers stay numbers; anything else stays text for the builder to refuse.
  if (/^(limit|page)$/.test(key)) return /^\d{1,16}$/.test(text) ? +text : text;
  if (key === 'sort') {
    return text.split(',').map((term) => {
      const { name, direction } = splitSortTerm(term);
      return direction === undefined ? name : [name, direction];
    });
  }
  if (key === 'fields') return text.split(',');
  if (/^(count|search|cursor)$/.test(key)) return text;
  // A group's conditions or the issue of their syntax (installed for resources with groups).
  return (
    capabilities.readGroup?.(resource, key, text) ?? issue('INVALID_FILTER', key, text, unknown)
  );
}

/**
 * The table state as a `location.search` string: `?` and the canonical query
 * string, or `''` for the default state. Throws `ListQueryError` for a state
 * the resource refuses, like `listUrl`.
 *
 * @example
 * history.replaceState(null, '', toSearch(leads, { filter: { status: ['won'] }, page: 2 }));
 * // the address bar now ends in ?status=won&page=2
 */
export function toSearch<R extends AnyResource>(resource: R, state: ListParams<R>): string {
  const search = listUrl(resource, state);
  return search && `?${search}`;
}

/**
 * Reads a table state from a query string (`location.search`, with or
 * without `?`, or `URLSearchParams`), the inverse of {@link toSearch}. Every
 * parameter the resource does not accept is an issue (the server's codes,
 * the parameter as written); what is valid is kept, so the table opens with
 * the rest of its state and can show the issues beside their controls.
 * Legacy aliases (`updated_after`) read as the filter they stand for.
 *
 * @example
 * const { state, issues } = fromSearch(leads, location.search);
 * const page = await fetchList('/leads', leads, state);
 */
export function fromSearch<R extends AnyResource>(
  resource: R,
  search: string | URLSearchParams,
): SearchState<R> {
  const r = resource as Resource;
  const issues: Issue[] = [];
  const filter: Record<string, Mutable> = {};
  // (An empty filter prints nothing, and is dropped at the end.)
  const state: Mutable = { filter };
  // (URLSearchParams copies URLSearchParams, and leaves out a leading `?` of text.)
  for (const [key, text] of new URLSearchParams(search)) {
    // Where the value goes: the operator of filter `name`, or (no name) the state's own
    // parameter, `cursor` as `after`.
    const { name, op = key === 'cursor' ? 'after' : key, list, read, refusal } = filterKey(r, key);
    const slot = name ? (filter[name] ?? {}) : state;
    const known = slot[op];
    // Repeats of a list merge, as on the server.
    const value = list
      ? [...((known as unknown[]) ?? []), ...text.split(',').map(read)]
      : read
        ? read(text)
        : paramValue(r, key, text, refusal!);
    // (Values are text, numbers, booleans and arrays: only an issue has a code.)
    if ((value as Partial<Issue>).code) issues.push(value as Issue);
    else if (known === undefined || list) {
      slot[op] = value;
      if (name) filter[name] = slot;
    } else {
      const code = name ? 'INVALID_FILTER' : 'VALIDATION_ERROR';
      // (The key clipped as the issue's: a long one makes no long message.)
      issues.push(issue(code, key, text, `${clip(key)} must be given once`));
    }
  }
  // Each part an issue names is dropped, so what is returned always builds. Filter issues
  // name `field` or `field[op]` of an entry of `filter`; the others their parameter, a
  // reserved name no field takes (`cursor` is the state's `after`).
  const built = printRequest(r, state);
  for (const found of built.success ? [] : built.issues) {
    issues.push(found);
    const key = found.param!;
    const { name, op = key === 'cursor' ? 'after' : key } = filterKey(r, key);
    // (An entry goes with its last operator.)
    if (!name) delete state[op];
    else if (Object.keys(filter[name]!).length > 1) delete filter[name]![op];
    else delete filter[name];
  }
  if (Object.keys(filter).length === 0) delete state['filter'];
  return { state: state as ListParams<R>, issues };
}
