/**
 * The one module between the form and the wire, built on listql/client: the
 * form's text becomes `ListParams`, `safeListUrl` checks them (issues shaped
 * like the server's, naming the parameter) and prints the canonical query
 * string, and `pages` walks the result, following `nextCursor`.
 */
import {
  type AnyResource,
  fromSearch,
  type ListPage,
  type ListParams,
  ListRequestError,
  pages,
  type Resource,
  safeListUrl,
  toSearch,
} from '../../../client/index.js';
import type { Condition, ExplorerQuery, PageIssue, SortPair } from './explorer-query.js';

/** A request of an endpoint whose field names are only known at run time. */
export type Params = ListParams<AnyResource>;

/** One page of rows, as the client returns it. */
export type Page = ListPage<AnyResource>;

const INTEGER = /^[0-9]{1,15}$/;

/** A form value as the client takes it: lists split, `exists` flags as booleans, the rest as typed. */
function clientValue(resource: Resource, condition: Condition): unknown {
  const { field, op, value } = condition;
  if (op === 'exists') return value === 'true' ? true : value === 'false' ? false : value;
  // The operators that take a comma list: `nin`, and equality on a list field.
  const list = op === 'nin' || (op === 'eq' && resource.fields.get(field)?.list === true);
  return list && typeof value === 'string' ? value.split(',') : value;
}

/**
 * The form's state as client parameters. Values stay the text the person
 * typed: the client reads text the way the server would, so `abc` in a
 * number field comes back as the server's own issue. The one check made
 * here is what an object cannot hold: one operator twice on a field.
 *
 * @example
 * toParams(leads, { conditions: [{ field: 'value', op: 'gte', value: '100' }], search: '', sort: [], fields: [], limit: '' });
 * // { params: { filter: { value: { gte: '100' } } }, issues: [] }
 */
export function toParams(
  resource: Resource,
  query: ExplorerQuery,
): { readonly params: Params; readonly issues: PageIssue[] } {
  const filter = new Map<string, Map<string, unknown>>();
  const issues: PageIssue[] = [];
  for (const condition of query.conditions) {
    const ops = filter.get(condition.field) ?? new Map<string, unknown>();
    filter.set(condition.field, ops);
    if (ops.has(condition.op)) {
      const param = condition.op === 'eq' ? condition.field : `${condition.field}[${condition.op}]`;
      issues.push({ param, message: `${param} is set twice; remove one of the two` });
    }
    ops.set(condition.op, clientValue(resource, condition));
  }
  const params: Record<string, unknown> = {};
  if (filter.size > 0) {
    params['filter'] = Object.fromEntries(
      [...filter].map(([field, ops]) => [field, Object.fromEntries(ops)]),
    );
  }
  if (query.search !== '') params['search'] = query.search;
  if (query.sort.length > 0) params['sort'] = query.sort;
  if (query.fields.length > 0) params['fields'] = query.fields;
  // A number when it is one; otherwise the text, for the client's message to quote.
  if (query.limit !== '')
    params['limit'] = INTEGER.test(query.limit) ? Number(query.limit) : query.limit;
  // Field names are data here (several resources, known at run time), so the client's
  // static types cannot apply; its run-time checks do.
  return { params: params as Params, issues };
}

/**
 * The canonical query string of a request (no `?`), or its issues.
 *
 * @example
 * requestText(leads, { filter: { status: ['won'] } }); // { ok: true, query: 'status=won' }
 */
export function requestText(
  resource: Resource,
  params: Params,
):
  | { readonly ok: true; readonly query: string }
  | { readonly ok: false; readonly issues: readonly PageIssue[] } {
  const url = safeListUrl(resource, params);
  return url.success ? { ok: true, query: url.search } : { ok: false, issues: url.issues };
}

/**
 * The pages of a request, one per `next()`: the iterator of listql/client,
 * which follows `meta.pagination.nextCursor`.
 *
 * @example
 * const walk = walkPages('/leads', leads, params, 'listql-demo-key', signal);
 * const first = await walk.next();
 */
export function walkPages(
  path: string,
  resource: Resource,
  params: Params,
  apiKey: string,
  signal: AbortSignal,
): AsyncGenerator<Page, void, undefined> {
  return pages(path, resource, params, { headers: { 'x-api-key': apiKey }, signal });
}

/**
 * What a failed request means for the form: the server's issues of a 400,
 * the key field for a 401, a line for the rest.
 *
 * @example
 * failureIssues(error); // [{ param: 'value[gte]', message: "value[gte] must be a number, got 'abc'" }]
 */
export function failureIssues(error: unknown): readonly PageIssue[] {
  if (!(error instanceof ListRequestError)) {
    return [{ param: null, message: `The request failed: ${(error as Error).message}` }];
  }
  if (error.status === 401) {
    const message = 'The API refused this key (401). Use the key the demo printed at start.';
    return [{ param: 'x-api-key', message }];
  }
  if (error.issues.length > 0) return error.issues;
  return [{ param: null, message: error.message }];
}

/** A state value as the form shows it: text, lists as lists of text. */
function formText(value: unknown): string | readonly string[] {
  if (Array.isArray(value)) return value.map((item) => String(item));
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * The form's state from the page's own address, read by the client's
 * `fromSearch`: what the resource accepts fills the form, and each part it
 * refuses (a hand-edited link) comes back as an issue.
 *
 * @example
 * readAddress(leads, '?status=won&sort=value:desc').query.sort; // [['value', 'desc']]
 */
export function readAddress(
  resource: Resource,
  search: string,
): { readonly query: ExplorerQuery; readonly issues: readonly PageIssue[] } {
  const { state, issues } = fromSearch(resource, search);
  const conditions: Condition[] = [];
  for (const [field, spec] of Object.entries(state.filter ?? {})) {
    const isOps = typeof spec === 'object' && spec !== null && !Array.isArray(spec);
    const ops = isOps ? Object.entries(spec as Record<string, unknown>) : [['eq', spec] as const];
    for (const [op, value] of ops) conditions.push({ field, op, value: formText(value) });
  }
  const sort = (state.sort ?? []).map((key): SortPair => {
    const [field, direction = 'asc'] = typeof key === 'string' ? [key] : key;
    return [field, direction];
  });
  const query: ExplorerQuery = {
    conditions,
    search: state.search ?? '',
    sort,
    fields: state.fields ?? [],
    limit: state.limit === undefined ? '' : String(state.limit),
  };
  return { query, issues };
}

/**
 * The page's address for a request: `?` and the canonical query string (the
 * client's `toSearch`), or '' for the defaults.
 *
 * @example
 * addressOf(leads, { filter: { status: ['won'] } }); // '?status=won'
 */
export function addressOf(resource: Resource, params: Params): string {
  return toSearch(resource, params);
}
