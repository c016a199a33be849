/**
 * A data table's state (filters, search, sort, page or cursor, fields) in
 * the address bar: `toSearch` writes it as the canonical query string, and
 * `fromSearch` reads it back after a reload, a shared link or a hand-edited
 * URL — validated, with every problem returned as an issue and the valid
 * rest kept, never a throw.
 */
import { type Issue, issue } from '../errors/issue.js';
import { NAME_PATTERN, parseParamKey, splitSortTerm } from '../grammar.js';
import type { Field, Resource } from '../resource/types.js';
import { listUrl } from './list-url.js';
import { canonical } from './print-filter.js';
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
  return search === '' ? '' : `?${search}`;
}

/** A filter value as typed state: the value the server reads (a number, a boolean, a day or instant), else the text. */
function typed(field: Field, op: string, text: string): unknown {
  const value = op === 'exists' ? text : canonical(field, text);
  // Text that does not read stays text, so the builder reports it in its words.
  if (value === null) return text;
  if (op === 'exists' || field.type === 'boolean') {
    return value === 'true' ? true : value === 'false' ? false : text;
  }
  return field.type === 'number' ? Number(value) : value;
}

/** Integers stay numbers; anything else stays text for the builder to refuse. */
const integer = (text: string): unknown => (/^[0-9]{1,16}$/.test(text) ? Number(text) : text);

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
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const issues: Issue[] = [];
  const state: Mutable = {};
  const filter: Record<string, Mutable> = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    const repeated = seen.has(key);
    seen.add(key);
    const target = filterField(r, key);
    if (target !== undefined) {
      const { name, field, op } = target;
      filter[name] ??= {};
      const entry = filter[name]!;
      const list = op === 'eq' && field.list;
      if (repeated && !list) {
        issues.push(issue('INVALID_FILTER', key, value, `${key} is given more than once`));
        continue;
      }
      if (list) {
        const items = value.split(',').map((item) => typed(field, op, item));
        entry[op] = [...((entry[op] as unknown[] | undefined) ?? []), ...items];
      } else entry[op] = typed(field, op, value);
      continue;
    }
    const path = key.includes('.') && r.relations.size > 0 ? splitKey(key) : null;
    if (path !== null) {
      // A path the resource does not have: kept as text, so the builder names what is wrong with it.
      // (Bare, as the issue shows it; one issue per path, however often it is given.)
      filter[path.name] =
        path.operator === undefined ? (value as unknown as Mutable) : { [path.operator]: value };
      continue;
    }
    const slot = RESERVED.get(key);
    if ((key === 'or' || key === 'and') && r.groups !== null && !repeated) {
      const read = readGroupText(r, key, value);
      if ('problem' in read) issues.push(read.problem);
      else state[key] = read.conditions;
    } else if (slot === undefined) {
      issues.push(issue('INVALID_FILTER', key, value, `Unknown parameter '${key}'`));
    } else if (repeated) {
      issues.push(issue('VALIDATION_ERROR', key, value, `${key} is given more than once`));
    } else {
      state[slot.name] = slot.read(value);
    }
  }
  if (Object.keys(filter).length > 0) state['filter'] = filter;
  return { state: keepValid(r, state, filter, issues) as ListParams<R>, issues };
}

/** One `key=value` as a one-entry filter object, typed as at the top level. */
function leafCondition(resource: Resource, key: string, value: string): Mutable {
  const target = filterField(resource, key);
  // A key the resource does not know stays as written: the builder refuses it in its words.
  if (target === undefined) return { [key]: value };
  const { name, field, op } = target;
  const read =
    op === 'eq' && field.list && value.includes(',')
      ? value.split(',').map((item) => typed(field, op, item))
      : typed(field, op, value);
  return { [name]: { [op]: read } };
}

/** Group whitespace (ASCII space, tab, line feed, carriage return), as the server's tokenizer skips it. */
const OPEN = /[ \t\n\r]*(or|and|not)[ \t\n\r]*\(/y;
/** `key=value`: a bare value runs to the next `;` or `)` (trimmed), a quoted one has `\"` and `\\` escapes. */
const LEAF =
  /[ \t\n\r]*([^()=;" \t\n\r]+)[ \t\n\r]*=[ \t\n\r]*(?:"((?:[^"\\]|\\["\\])*)"[ \t\n\r]*|([^;()"]*?)[ \t\n\r]*)(?=[;)])/y;
const NEXT = /[ \t\n\r]*([;)])/y;

/**
 * The conditions of an `or` / `and` parameter's text, or the issue of its
 * first syntax problem. A small reader of the server's group grammar
 * (`(item;…)`, `or(…)`, `and(…)`, `not(…)` of one item, `key=value` with
 * bare or quoted values): it reads everything `toSearch` prints, and what
 * it refuses the server refuses too; limits and leaves are the builder's
 * to check. The issue says where it stopped, not why (the server's
 * message says why).
 */
function readGroupText(
  resource: Resource,
  param: 'or' | 'and',
  text: string,
): { readonly conditions: unknown } | { readonly problem: Issue } {
  let at = 0;
  const sticky = (pattern: RegExp): RegExpExecArray => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null) throw at;
    at = pattern.lastIndex;
    return match;
  };
  // Deeper than the limit is the builder's issue; the reader stops one past it (no deep recursion).
  const deepest = resource.groups!.maxDepth + 1;
  const items = (depth: number): unknown[] => {
    const list: unknown[] = [];
    do list.push(item(depth));
    while (sticky(NEXT)[1] === ';');
    return list;
  };
  const item = (depth: number): unknown => {
    OPEN.lastIndex = at;
    const open = OPEN.exec(text);
    if (open !== null && depth < deepest) {
      at = OPEN.lastIndex;
      const kind = open[1]!;
      const inner = items(depth + 1);
      if (kind === 'not' && inner.length !== 1) throw at;
      return { [kind]: kind === 'not' ? inner[0] : inner };
    }
    const [, key, quoted, bare] = sticky(LEAF);
    return leafCondition(resource, key!, quoted?.replace(/\\(["\\])/g, '$1') ?? bare!);
  };
  try {
    at = text.indexOf('(') + 1;
    if (!/^[ \t\n\r]*\($/.test(text.slice(0, at))) throw 0;
    const conditions = items(1);
    if (!/^[ \t\n\r]*$/.test(text.slice(at))) throw at;
    return { conditions };
  } catch (stop) {
    if (typeof stop !== 'number') throw stop;
    // Offsets count code points, as the server's do.
    const offset = [...text.slice(0, stop)].length;
    const message = `${param}: not a boolean group: (filter;…), or(…), and(…), not(…) (at offset ${offset})`;
    return { problem: issue('INVALID_FILTER', param, text, message, offset) };
  }
}

/** `value[gte]`, `label.name[gte]`: the name and operator of a filter key (null when it is not one). */
function splitKey(key: string): { name: string; operator: string | undefined } | null {
  const dot = key.indexOf('.');
  const rest = parseParamKey(key.slice(dot + 1));
  const relation = key.slice(0, dot + 1);
  return rest && (dot === -1 || NAME_PATTERN.test(relation.slice(0, -1)))
    ? { name: relation + rest.name, operator: rest.operator }
    : null;
}

/**
 * What a filter key names (`value[gte]`, `status`, `label.name`, a legacy
 * alias): the state's filter name, the field whose type its values read
 * with, and the operator; undefined when it is no filter of the resource.
 */
function filterField(
  resource: Resource,
  key: string,
): { name: string; field: Field; op: string } | undefined {
  const alias = resource.aliases.params.get(key);
  if (alias) return { name: alias.field, field: resource.fields.get(alias.field)!, op: alias.op };
  const parsed = splitKey(key);
  const name = parsed?.name ?? '';
  const path = resource.paths.get(name);
  const field = resource.fields.get(name) ?? path?.relation.filterable.get(path.field.name);
  if (!parsed || !field || field.operators.length === 0) return undefined;
  // An operator the field refuses still names the field: the builder says why.
  return { name, field, op: parsed.operator ?? 'eq' };
}

interface Slot {
  readonly name: keyof ListParams<AnyResource>;
  readonly read: (text: string) => unknown;
}

const text = (value: string): unknown => value;
/** The parameters that are not filters, and where each goes in the state. */
const RESERVED: ReadonlyMap<string, Slot> = new Map<string, Slot>([
  ['limit', { name: 'limit', read: integer }],
  ['page', { name: 'page', read: integer }],
  ['count', { name: 'count', read: text }],
  ['search', { name: 'search', read: text }],
  ['cursor', { name: 'after', read: text }],
  ['fields', { name: 'fields', read: (value) => value.split(',') }],
  [
    'sort',
    {
      name: 'sort',
      read: (value) =>
        value.split(',').map((term) => {
          const { name, direction } = splitSortTerm(term);
          return direction === undefined ? name : [name, direction];
        }),
    },
  ],
]);

/**
 * Drops each part of `state` an issue names, so what is returned always
 * builds. Filter issues name `field` or `field[op]`; the others their
 * parameter (`cursor` is the state's `after`).
 */
function keepValid(
  resource: Resource,
  state: Mutable,
  filter: Record<string, Mutable>,
  issues: Issue[],
): Mutable {
  const built = printRequest(resource, state);
  if ('search' in built) return state;
  for (const found of built.issues) {
    issues.push(found);
    const param = found.param ?? '';
    const key = splitKey(param);
    if (key && Object.hasOwn(filter, key.name)) {
      const entry = filter[key.name]!;
      delete entry[key.operator ?? 'eq'];
      // An unknown path's bare value goes whole.
      if (typeof entry !== 'object' || Object.keys(entry).length === 0) delete filter[key.name];
    } else {
      delete state[param === 'cursor' ? 'after' : param];
    }
  }
  if (Object.keys(filter).length === 0) delete state['filter'];
  return state;
}
