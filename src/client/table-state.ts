/**
 * A data table's state (filters, search, sort, page or cursor, fields) in
 * the address bar: `toSearch` writes it as the canonical query string, and
 * `fromSearch` reads it back after a reload, a shared link or a hand-edited
 * URL — checked, with every problem returned as an issue and the valid
 * rest kept, never a throw.
 */
import { type Issue, issue } from '../errors/issue.js';
import { parseParamKey, splitSortTerm } from '../grammar.js';
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
  const state: Mutable = {};
  const filter: Record<string, Mutable> = {};
  for (const [key, value] of typeof search === 'string' ? new URLSearchParams(search) : search) {
    const found = filterKey(r, key);
    // Where the value goes: a filter's operator, or the state's parameter (`cursor` is `after`).
    if (found) filter[found.name] ??= {};
    const slot = found ? filter[found.name]! : state;
    const name = found?.op ?? (key === 'cursor' ? 'after' : key);
    const known = slot[name];
    let read: unknown = value;
    if (found) {
      // Repeats of a list merge, as on the server.
      read = found.list
        ? [...((known as unknown[]) ?? []), ...value.split(',').map(found.read)]
        : found.read(value);
    } else if (key === 'limit' || key === 'page') {
      // Integers stay numbers; anything else stays text for the builder to refuse.
      read = /^[0-9]{1,16}$/.test(value) ? Number(value) : value;
    } else if (key === 'sort') {
      read = value.split(',').map((term) => {
        const { name: field, direction } = splitSortTerm(term);
        return direction === undefined ? field : [field, direction];
      });
    } else if (key === 'fields') read = value.split(',');
    else if (/^(or|and)$/.test(key) && r.groups && capabilities.readGroup) {
      read = capabilities.readGroup(r, key, value);
      if (!Array.isArray(read)) {
        issues.push(read as Issue);
        continue;
      }
    } else if (!/^(count|search|cursor)$/.test(key)) {
      issues.push(issue('INVALID_FILTER', key, value, `Unknown parameter '${key}'`));
      continue;
    }
    if (known === undefined || found?.list) slot[name] = read;
    else {
      const code = found ? 'INVALID_FILTER' : 'VALIDATION_ERROR';
      issues.push(issue(code, key, value, `${key} is given more than once`));
    }
  }
  if (Object.keys(filter).length > 0) state['filter'] = filter;
  // Each part an issue names is dropped, so what is returned always builds. Filter issues
  // name `field` or `field[op]`; the others their parameter (`cursor` is the state's `after`).
  const built = printRequest(r, state);
  for (const found of built.success ? [] : built.issues) {
    issues.push(found);
    const param = found.param ?? '';
    const key = parseParamKey(param);
    if (key && Object.hasOwn(filter, key.name)) {
      const entry = filter[key.name]!;
      delete entry[key.operator ?? 'eq'];
      if (Object.keys(entry).length === 0) delete filter[key.name];
    } else delete state[param === 'cursor' ? 'after' : param];
  }
  if (Object.keys(filter).length === 0) delete state['filter'];
  return { state: state as ListParams<R>, issues };
}
