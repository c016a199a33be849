import type { SortKey } from '../../ast/index.js';
import { asciiFoldExpression, foldKey } from './ascii-fold.js';
import type { MongoDocument } from './mongo-types.js';
import type { MongoStorage } from './storage.js';

/**
 * A `$sort` / `cursor.sort()` specification: keys in order, 1 ascending, -1 descending.
 *
 * @example
 * const sort: MongoSort = { createdAt: -1, _id: -1 };
 */
export type MongoSort = Record<string, 1 | -1>;

export interface SortPlan {
  /**
   * `$addFields` computing a 0/1 "is null" flag per ascending nullable key and
   * the ASCII-folded text of each `caseInsensitiveSort` key; undefined when
   * none is needed.
   */
  readonly nullFlags: MongoDocument | undefined;
  /** The `$sort` of the pipeline (flags included); empty when the query has no sort keys. */
  readonly sort: MongoSort;
  /** True when `find().sort(sort)` gives the same order, i.e. no flag is needed. */
  readonly findExact: boolean;
}

/**
 * The key of a computed flag. It contains `-`, which `NAME_PATTERN` forbids
 * in columns and `idColumn`, so it can never shadow a stored field.
 */
function flagKey(column: string): string {
  return `listql-null-${column}`;
}

/**
 * Plans the order. MongoDB sorts null and missing fields as the lowest value
 * (and as equal to each other), so a descending key already puts them last,
 * as the spec wants; an ascending key on a nullable field would put them
 * first. Such a key gets a flag (0 for a value, 1 for null or missing)
 * sorted ascending just before it. A `caseInsensitiveSort` key sorts by its
 * computed folded text first, then by the column. Computed keys need the
 * aggregation pipeline; a sort without them also works with `find()` and can
 * use an index.
 *
 * @example
 * planSort([{ field: 'name', direction: 'asc' }, { field: 'id', direction: 'asc' }], storage);
 * // nullFlags: { 'listql-null-name': { $cond: [...] } }
 * // sort: { 'listql-null-name': 1, name: 1, _id: 1 }, findExact: false
 */
export function planSort<F extends string>(
  keys: readonly SortKey<F>[],
  storage: MongoStorage<F>,
): SortPlan {
  const sort: MongoSort = {};
  const flags: MongoDocument = {};
  let needsFlags = false;
  for (const key of keys) {
    // `column` is a dotted path for a to-one path (`listql-rel-label.name`);
    // `tag` names it without a dot in computed keys.
    const { field, key: column, tag, nullable } = storage.leaf(key.field);
    // A repeated key can never reorder anything: the first occurrence decides.
    if (Object.hasOwn(sort, column)) continue;
    if (field.caseInsensitiveSort) {
      // The folded text first; the column itself (below) breaks its ties.
      needsFlags = true;
      flags[foldKey(tag)] = asciiFoldExpression(`$${column}`);
    }
    // A to-one path is null without a related row: nullable whatever its field says.
    if (nullable && key.direction === 'asc') {
      needsFlags = true;
      // $ifNull first: in expressions a missing field is not equal to null.
      flags[flagKey(tag)] = {
        $cond: [{ $eq: [{ $ifNull: [`$${column}`, null] }, null] }, 1, 0],
      };
      sort[flagKey(tag)] = 1;
    }
    if (field.caseInsensitiveSort) sort[foldKey(tag)] = key.direction === 'asc' ? 1 : -1;
    sort[column] = key.direction === 'asc' ? 1 : -1;
  }
  return { nullFlags: needsFlags ? flags : undefined, sort, findExact: !needsFlags };
}
