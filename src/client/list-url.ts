import type { Issue } from '../errors/issue.js';
import { ListQueryError } from '../errors/list-query-error.js';
import type { Resource } from '../resource/types.js';
import { printRequest } from './print-request.js';
import type { AnyResource, ListParams } from './types.js';

/** What {@link safeListUrl} returns: the query string, or every issue. */
export type SafeListUrlResult =
  | { readonly success: true; readonly search: string }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * The canonical query string (no leading `?`) of a request described as data:
 * the same text `formatListQuery` prints for the query the server parses
 * from it. Defaults are left out, filters come in the resource's canonical
 * order. Whatever the types would have refused throws a `ListQueryError`
 * carrying issues shaped like the server's.
 *
 * @example
 * listUrl(leads, {
 *   filter: { status: ['won', 'lost'], value: { gte: 100 } },
 *   search: 'acme',
 *   sort: [['value', 'desc']],
 *   fields: ['id', 'name'],
 *   limit: 20,
 * });
 * // 'status=won,lost&value[gte]=100&search=acme&sort=value:desc&fields=name&limit=20'
 */
export function listUrl<R extends AnyResource>(resource: R, params: ListParams<R> = {}): string {
  const found = printRequest(resource as Resource, params);
  if (!found.success) throw new ListQueryError(found.issues);
  return found.search;
}

/**
 * {@link listUrl} without throwing: the query string, or the issues.
 *
 * @example
 * const url = safeListUrl(leads, { limit: 500 });
 * if (!url.success) console.log(url.issues[0].message); // 'limit must be an integer from 1 to 100, got '500''
 */
export function safeListUrl<R extends AnyResource>(
  resource: R,
  params: ListParams<R> = {},
): SafeListUrlResult {
  return printRequest(resource as Resource, params);
}
