import { type FetchListOptions, type FetchParams, fetchList, type ListPage } from './fetch-list.js';
import type { AnyResource, QueryName, SelectableField } from './types.js';

/**
 * Walks every page of a request, one `fetch` per page: it follows
 * `meta.pagination.nextCursor` while the server gives one (keyset pages: no
 * row is skipped or repeated while rows change), and page numbers otherwise,
 * until `hasMore` is false. Aborting `options.signal` stops the walk: the
 * pending request rejects with the signal's reason and no further request is
 * sent. Errors are those of {@link fetchList}.
 *
 * @example
 * for await (const page of pages('/leads', leads, { filter: { status: 'won' }, limit: 100 })) {
 *   for (const lead of page.data) console.log(lead.id, lead.value);
 * }
 */
export async function* pages<
  R extends AnyResource,
  const S extends QueryName<R> = SelectableField<R>,
>(
  baseUrl: string,
  resource: R,
  params: FetchParams<R, S> = {},
  options: FetchListOptions = {},
): AsyncGenerator<ListPage<R, S>, void, undefined> {
  let next: FetchParams<R, S> | null = params;
  while (next !== null) {
    options.signal?.throwIfAborted();
    const page: ListPage<R, S> = await fetchList(baseUrl, resource, next, options);
    yield page;
    const { hasMore, nextCursor } = page.meta.pagination;
    // An empty page that claims more would loop forever on a misbehaving server. The next
    // cursor replaces any page (`page: undefined` is no page); without one, page numbers go
    // on, unless the walk was on cursors (a cursor page with no next cursor: nothing to follow).
    next =
      !hasMore || page.data.length === 0
        ? null
        : nextCursor !== null
          ? ({ ...next, page: undefined, after: nextCursor } as unknown as FetchParams<R, S>)
          : next.after === undefined
            ? { ...next, page: (next.page ?? 1) + 1 }
            : null;
  }
}
