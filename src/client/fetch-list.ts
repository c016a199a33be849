import type { ErrorEnvelope, SuccessEnvelope } from '../wire.js';
import { ListRequestError } from './list-request-error.js';
import { listUrl } from './list-url.js';
import type { AnyResource, ListParams, QueryName, Row, SelectableField } from './types.js';

/**
 * How {@link fetchList} and {@link pages} send requests.
 *
 * @example
 * const options: FetchListOptions = { headers: { 'x-api-key': key }, signal: AbortSignal.timeout(5_000) };
 */
export interface FetchListOptions {
  /** The `fetch` to use; default `globalThis.fetch` (browsers, Node 18+, Deno, Bun). */
  readonly fetch?: typeof fetch;
  /** Aborts the request (and, for `pages`, the walk). */
  readonly signal?: AbortSignal;
  /** Extra request headers, such as `X-API-KEY`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A request whose `fields` are inferred as `S`, so that rows are typed to them. */
export type FetchParams<R extends AnyResource, S extends QueryName<R>> = ListParams<R> & {
  readonly fields?: readonly S[];
};

/**
 * One page as the server sends it: rows typed by the resource and the request's `fields`.
 *
 * @example
 * type NamedPage = ListPage<typeof leads, 'name'>; // data: { id: string; name: string | null }[]
 */
export type ListPage<
  R extends AnyResource,
  S extends QueryName<R> = SelectableField<R>,
> = SuccessEnvelope<Row<R, S>>;

/** `base` with the query string appended (after `&` where `base` has a query of its own). */
export function joinUrl(base: string, search: string): string {
  if (search === '') return base;
  return `${base}${base.includes('?') ? '&' : '?'}${search}`;
}

/**
 * Fetches one page of a list endpoint. The request is checked first (a
 * mistake throws `ListQueryError` without a request); a 400 rejects with a
 * {@link ListRequestError} carrying the server's issues, any other failure
 * with one carrying its status and code.
 *
 * @example
 * const page = await fetchList('https://api.example.com/leads', leads, {
 *   filter: { status: 'won' },
 *   fields: ['name', 'value'],
 * });
 * page.data[0]?.name; // string | null
 */
export async function fetchList<
  R extends AnyResource,
  const S extends QueryName<R> = SelectableField<R>,
>(
  baseUrl: string,
  resource: R,
  params: FetchParams<R, S> = {},
  options: FetchListOptions = {},
): Promise<ListPage<R, S>> {
  const search = listUrl(resource, params);
  const send = options.fetch ?? globalThis.fetch;
  // A GET, fetch's default.
  const response = await send(joinUrl(baseUrl, search), {
    headers: { accept: 'application/json', ...options.headers },
    signal: options.signal ?? null,
  });
  // Not JSON (a proxy's HTML page, an empty body) reads as no body.
  const body = (await response.json().catch(() => undefined)) as
    | { readonly success?: unknown }
    | null
    | undefined;
  // Only listql's envelope says `success`; anything else (a proxy's JSON) is no envelope.
  if (response.status === 200 && body?.success === true) return body as ListPage<R, S>;
  throw new ListRequestError(
    response.status,
    body?.success === false ? (body as ErrorEnvelope) : null,
  );
}
