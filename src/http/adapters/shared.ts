import type { FilterNode } from '../../ast/index.js';
import type { ListRequestOptions, ListScope } from '../handle-list-request.js';

/**
 * Options shared by the framework adapters: those of `handleListRequest`
 * without the per-request parts, and a scope that may depend on the
 * framework's request (for example the tenant of the authenticated caller).
 */
export interface AdapterOptions<F extends string, Req>
  extends Omit<ListRequestOptions<F>, 'query' | 'headers' | 'scope'> {
  /** A fixed filter, or a function of the request; called only once the request is authenticated. */
  readonly scope?: FilterNode<F> | ((request: Req) => FilterNode<F> | Promise<FilterNode<F>>);
}

/**
 * The query string of a request target (`/leads?status=won#x` → `status=won`).
 * Adapters hand listql the raw string rather than the framework's parsed
 * object: the raw reader reports malformed percent-encoding and counts every
 * parameter, where qs and node:querystring silently drop or rewrite some.
 *
 * @example
 * queryStringOf('/leads?status=won&limit=5'); // 'status=won&limit=5'
 */
export function queryStringOf(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return '';
  const hash = url.indexOf('#', start);
  return url.slice(start + 1, hash === -1 ? undefined : hash);
}

/**
 * The options of `handleListRequest` for one framework request, with the
 * scope bound to that request.
 *
 * @example
 * handleListRequest(requestOptions(options, req, queryStringOf(req.originalUrl), req.headers));
 */
export function requestOptions<F extends string, Req>(
  options: AdapterOptions<F, Req>,
  request: Req,
  query: string,
  headers: ListRequestOptions<F>['headers'] & object,
): ListRequestOptions<F> {
  const { scope, ...rest } = options;
  const bound: ListScope<F> | undefined =
    typeof scope === 'function' ? () => scope(request) : scope;
  return { ...rest, query, headers, ...(bound === undefined ? {} : { scope: bound }) };
}
