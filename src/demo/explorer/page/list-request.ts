/**
 * The one module that turns the form into requests and reads requests back
 * into the form; everything else in the page goes through it.
 */
import { parseParamKey, splitSortTerm } from '../../../grammar.js';
import type { Resource } from '../../../resource/index.js';
import type { Condition, ExplorerQuery, PageIssue, SortPair } from './explorer-query.js';

const encode = (text: string): string =>
  encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%40/g, '@');

/** The query string of the form's state, without `?`; `after` continues from a cursor. */
export function queryString(
  resource: Resource,
  query: ExplorerQuery,
  after?: string,
):
  | { readonly ok: true; readonly query: string }
  | { readonly ok: false; readonly issues: PageIssue[] } {
  const parts: string[] = [];
  for (const c of query.conditions) {
    const key = c.op === 'eq' ? c.field : `${c.field}[${c.op}]`;
    const value = typeof c.value === 'string' ? c.value : c.value.join(',');
    parts.push(`${key}=${encode(value)}`);
  }
  if (query.search !== '') parts.push(`search=${encode(query.search)}`);
  if (query.sort.length > 0)
    parts.push(`sort=${query.sort.map(([f, d]) => `${f}:${d}`).join(',')}`);
  if (query.fields.length > 0) parts.push(`fields=${query.fields.join(',')}`);
  if (query.limit !== '') parts.push(`limit=${encode(query.limit)}`);
  if (after !== undefined) parts.push(`cursor=${encode(after)}`);
  void resource;
  return { ok: true, query: parts.join('&') };
}

/** The form's state from a query string (the page's own address), ignoring what the form cannot show. */
export function readQueryString(resource: Resource, search: string): ExplorerQuery {
  const conditions: Condition[] = [];
  let text = '';
  let sort: SortPair[] = [];
  let fields: string[] = [];
  let limit = '';
  for (const [key, value] of new URLSearchParams(search)) {
    if (key === 'search') text = value;
    else if (key === 'limit') limit = value;
    else if (key === 'fields') fields = value.split(',').filter((f) => resource.fields.has(f));
    else if (key === 'sort') {
      sort = value.split(',').flatMap((term): SortPair[] => {
        const { name, direction } = splitSortTerm(term);
        return resource.fields.has(name) ? [[name, direction === 'desc' ? 'desc' : 'asc']] : [];
      });
    } else {
      const parsed = parseParamKey(key);
      const field = parsed && resource.fields.get(parsed.name);
      if (!parsed || !field) continue;
      const op = parsed.operator ?? 'eq';
      conditions.push({
        field: field.name,
        op,
        value: op === 'eq' && field.list ? value.split(',') : value,
      });
    }
  }
  return { conditions, search: text, sort, fields, limit };
}

/** An answer of the list endpoint, as the page needs it. */
export type ListAnswer =
  | {
      readonly ok: true;
      readonly rows: readonly Record<string, unknown>[];
      readonly total: number | null;
      readonly nextCursor: string | null;
    }
  | { readonly ok: false; readonly status: number; readonly issues: readonly PageIssue[] };

/** GETs one page of the list endpoint. */
export async function fetchListPage(
  path: string,
  query: string,
  apiKey: string,
  signal: AbortSignal,
): Promise<ListAnswer> {
  const response = await fetch(`${path}?${query}`, { headers: { 'x-api-key': apiKey }, signal });
  const body = (await response.json()) as {
    success: boolean;
    data?: Record<string, unknown>[];
    meta?: { pagination?: { total: number | null; nextCursor: string | null } };
    error?: { message: string; details?: { issues?: PageIssue[] } };
  };
  if (body.success && body.data && body.meta?.pagination) {
    const { total, nextCursor } = body.meta.pagination;
    return { ok: true, rows: body.data, total, nextCursor };
  }
  const issues = body.error?.details?.issues ?? [
    { param: null, message: body.error?.message ?? `HTTP ${response.status}` },
  ];
  return { ok: false, status: response.status, issues };
}
