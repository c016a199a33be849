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

/** A query widened to select its sort keys, and what it added to do so. */
export interface WidenedQuery<F extends string> {
  readonly query: ListQuery<F>;
  /**
   * What was selected only to read the last row's position, never sent to
   * the client: own field names, `relation.field` paths (a key of the
   * embedded object) and relation names (an embed the client did not ask
   * for at all, removed whole).
   */
  readonly hidden: readonly string[];
}

/** The relation of a `relation.field` path of `resource`, or undefined for an own field. */
function relationNameOf(resource: Resource | undefined, name: string): string | undefined {
  if (resource !== undefined) return resource.paths.get(name)?.relation.name;
  // Without the resource, a dot can only be a path: field names never hold one.
  const dot = name.indexOf('.');
  return dot === -1 ? undefined : name.slice(0, dot);
}

/**
 * What to take out of the rows for the sort keys added to `selected`: a
 * path's key, or its whole embed when `selected` names no field of that
 * relation (the embed exists only for the cursor).
 */
function hiddenOf(
  added: readonly string[],
  selected: readonly string[],
  resource: Resource | undefined,
): string[] {
  const hidden: string[] = [];
  const embedded = new Set(selected.map((name) => relationNameOf(resource, name)));
  for (const name of added) {
    const relation = relationNameOf(resource, name);
    if (relation === undefined || embedded.has(relation)) hidden.push(name);
    else if (!hidden.includes(relation)) hidden.push(relation);
  }
  return hidden;
}

/** Each resource's selectable fields as a set, built once (a request only looks names up). */
const selectableSets = new WeakMap<Resource, ReadonlySet<string>>();

function selectableSet(resource: Resource): ReadonlySet<string> {
  let set = selectableSets.get(resource);
  if (set === undefined) {
    set = new Set<string>(resource.selectable);
    selectableSets.set(resource, set);
  }
  return set;
}

/**
 * `query` with every sort key selected; `hidden` says what it added. A sort
 * key on a to-one path (`label.name`) is selected as that path, which embeds
 * it (`label: { name }`). With `resource`, a query selecting all fields is
 * widened too when it sorts by a field that is not selectable or by a path
 * (all fields means all *selectable* own fields, and embeds nothing).
 *
 * @example
 * widenForCursor(parseListQuery(leads, 'fields=name&sort=value')).hidden; // ['value']
 * widenForCursor(parseListQuery(people, 'sort=ssn'), people).hidden; // ['ssn']
 * widenForCursor(parseListQuery(labeledLeads, 'fields=name&sort=label.name'), labeledLeads).hidden; // ['label']
 */
export function widenForCursor<F extends string>(
  query: ListQuery<F>,
  resource?: Resource<F>,
): WidenedQuery<F> {
  const loose = resource as Resource | undefined;
  if (query.select === 'all') {
    if (resource === undefined) return { query, hidden: [] };
    const selectable = selectableSet(resource as Resource);
    const added = query.sort.map((key) => key.field).filter((field) => !selectable.has(field));
    if (added.length === 0) return { query, hidden: [] };
    return {
      query: { ...query, select: [...resource.selectable, ...added] },
      hidden: hiddenOf(added, resource.selectable, loose),
    };
  }
  const selected = new Set<F>(query.select);
  const added = query.sort.map((key) => key.field).filter((field) => !selected.has(field));
  if (added.length === 0) return { query, hidden: [] };
  return {
    query: { ...query, select: [...query.select, ...added] },
    hidden: hiddenOf(added, query.select, loose),
  };
}

/**
 * The rows without what {@link widenForCursor} added: own fields and whole
 * embeds are deleted, a `relation.field` path deletes that key of the
 * embedded object (a null embed, no related row, stays null).
 *
 * @example
 * withoutHidden([{ id: 'l1', name: 'Ann', value: 3 }], ['value']); // [{ id: 'l1', name: 'Ann' }]
 * withoutHidden([{ id: 'l1', label: { name: 'VIP', color: 'gold' } }], ['label.name']); // [{ id: 'l1', label: { color: 'gold' } }]
 */
export function withoutHidden(rows: readonly ListRow[], hidden: readonly string[]): ListRow[] {
  if (hidden.length === 0) return [...rows];
  return rows.map((row) => {
    const kept: Record<string, unknown> = { ...row };
    for (const name of hidden) {
      const dot = name.indexOf('.');
      if (dot === -1) {
        delete kept[name];
        continue;
      }
      const relation = name.slice(0, dot);
      const embed = kept[relation];
      if (typeof embed === 'object' && embed !== null && !Array.isArray(embed)) {
        const rest: Record<string, unknown> = { ...(embed as Record<string, unknown>) };
        delete rest[name.slice(dot + 1)];
        kept[relation] = rest;
      }
    }
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
  // positionOf reads a to-one path sort key from the row's embed (`label: { name }`).
  const position = positionOf(resource, sort, last);
  if (carried !== undefined) {
    const withTotal = encodeCursor(resource, filter, sort, position, carried);
    if (withTotal.length <= resource.limits.maxValueLength) return withTotal;
  }
  return encodeCursor(resource, filter, sort, position);
}
