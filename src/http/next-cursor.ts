/**
 * The HTTP side of keyset pagination: every page offers the cursor of the
 * page after it, built from its last row. That needs the row's sort-key
 * values, so a query whose `fields` leave a sort key out is widened to
 * select it, and the extra fields are taken out of the rows again.
 */
import type { CarriedTotal, ListQuery } from '../ast/index.js';
import { encodeCursor, positionOf } from '../parse/index.js';
import type { Resource } from '../resource/index.js';
import type { ListRow } from './types.js';

/** A query widened to select its sort keys, and the fields added to do so. */
export interface WidenedQuery<F extends string> {
  readonly query: ListQuery<F>;
  /** Fields selected only to read the last row's position; never sent to the client. */
  readonly hidden: readonly F[];
}

/**
 * `query` with every sort key selected; `hidden` lists the fields it added.
 * With `resource`, a query selecting all fields is widened too when it sorts
 * by a field that is not selectable (all fields means all *selectable*
 * ones, so that key would be missing from the rows).
 *
 * @example
 * widenForCursor(parseListQuery(leads, 'fields=name&sort=value')).hidden; // ['value']
 * widenForCursor(parseListQuery(people, 'sort=ssn'), people).hidden; // ['ssn']
 */
export function widenForCursor<F extends string>(
  query: ListQuery<F>,
  resource?: Resource<F>,
): WidenedQuery<F> {
  if (query.select === 'all') {
    if (resource === undefined) return { query, hidden: [] };
    const selectable = new Set<string>(resource.selectable);
    const hidden = query.sort.map((key) => key.field).filter((field) => !selectable.has(field));
    if (hidden.length === 0) return { query, hidden };
    return { query: { ...query, select: [...resource.selectable, ...hidden] }, hidden };
  }
  const selected = new Set<F>(query.select);
  const hidden = query.sort.map((key) => key.field).filter((field) => !selected.has(field));
  if (hidden.length === 0) return { query, hidden };
  return { query: { ...query, select: [...query.select, ...hidden] }, hidden };
}

/**
 * The rows without the fields {@link widenForCursor} added.
 *
 * @example
 * withoutHidden([{ id: 'l1', name: 'Ann', value: 3 }], ['value']); // [{ id: 'l1', name: 'Ann' }]
 */
export function withoutHidden(rows: readonly ListRow[], hidden: readonly string[]): ListRow[] {
  if (hidden.length === 0) return [...rows];
  return rows.map((row) => {
    const kept: Record<string, unknown> = { ...row };
    for (const field of hidden) delete kept[field];
    return kept;
  });
}

/**
 * The cursor of the page after `rows`, or null when no rows follow. It is
 * bound to the client's own filter and sort (`clientQuery`, before any server
 * scope is ANDed in), which is what the parser checks it against on replay.
 * With `carried`, it also holds the page's total, so the next page need not
 * count; a cursor that would then pass the resource's value-length limit
 * (the parser refuses longer ones) goes without it.
 *
 * @example
 * nextCursor(leads, parsed, rows, result.hasMore); // 'WzEsIm…' or null
 * nextCursor(leads, parsed, rows, true, { total: 234, count: 'exact', scope: scopeDigest(leads, undefined) });
 */
export function nextCursor<F extends string>(
  resource: Resource<F>,
  clientQuery: ListQuery<F>,
  rows: readonly ListRow[],
  hasMore: boolean,
  carried?: CarriedTotal,
): string | null {
  const last = rows.at(-1);
  if (!hasMore || last === undefined) return null;
  const { filter, sort } = clientQuery;
  const position = positionOf(resource, sort, last);
  if (carried !== undefined) {
    const withTotal = encodeCursor(resource, filter, sort, position, carried);
    if (withTotal.length <= resource.limits.maxValueLength) return withTotal;
  }
  return encodeCursor(resource, filter, sort, position);
}
