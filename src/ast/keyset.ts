import { and, comparison, exists, foldedComparison, or } from './factories.js';
import type { FilterNode, SortKey, SortPosition } from './nodes.js';

/**
 * The rows that come strictly after `after` in the order `sort` (nulls last
 * in both directions), as a plain filter tree any backend can compile:
 *
 *     k1 after p1
 *     or (k1 = p1 and k2 after p2)
 *     or (k1 = p1 and k2 = p2 and k3 after p3) …
 *
 * where "k after p" is `k > p or k is null` ascending (`<` descending) when p
 * is not null, and nothing when p is null (nulls come last), and "k = p" is
 * `k is null` when p is null. The last key is the id, unique and never null,
 * so the order is total and a page never repeats or skips a row.
 *
 * `nullable` says which fields can hold null; fields it denies skip their
 * `is null` branches (a tighter condition an index serves better).
 * `caseInsensitive` says which fields sort by their ASCII-folded text first
 * (`caseInsensitiveSort`): such a key orders as two, the folded text and
 * then the exact text, so "k after p" becomes `fold(k) > fold(p)` (a
 * `foldedComparison`) or `fold(k) = fold(p) and k > p`. A SQL
 * backend may instead compile row-value comparisons where the directions and
 * nulls allow; the meaning must stay this one.
 *
 * @example
 * keysetFilter([{ field: 'value', direction: 'desc' }, { field: 'id', direction: 'desc' }], [100, 'l_9']);
 * // value < 100 or value is null or (value = 100 and id < 'l_9')
 */
export function keysetFilter<F extends string>(
  sort: readonly SortKey<F>[],
  after: SortPosition,
  nullable: (field: F) => boolean = () => true,
  caseInsensitive: (field: F) => boolean = () => false,
): FilterNode<F> {
  if (after.length !== sort.length) {
    throw new Error(
      `keysetFilter: the position has ${after.length} values for ${sort.length} sort keys`,
    );
  }
  const branches: FilterNode<F>[] = [];
  const equalSoFar: FilterNode<F>[] = [];
  for (const [i, key] of sort.entries()) {
    const value = after[i]!;
    const op = key.direction === 'asc' ? 'gt' : 'lt';
    const push = (later: FilterNode<F>): void => {
      branches.push(equalSoFar.length === 0 ? later : and([...equalSoFar, later]));
    };
    if (value !== null) {
      const orNull = (beyond: FilterNode<F>): FilterNode<F> =>
        nullable(key.field) ? or([beyond, exists(key.field, false)]) : beyond;
      if (caseInsensitive(key.field) && typeof value === 'string') {
        push(orNull(foldedComparison(key.field, op, value)));
        equalSoFar.push(foldedComparison(key.field, 'eq', value));
        // Equal folded text is never null: the exact text decides, without a null branch.
        push(comparison(key.field, op, value));
        equalSoFar.pop(); // equal exact text below implies equal folded text
      } else {
        push(orNull(comparison(key.field, op, value)));
      }
      equalSoFar.push(comparison(key.field, 'eq', value));
    } else {
      // Nothing sorts after a null on this key; rows tied on it continue below.
      equalSoFar.push(exists(key.field, false));
    }
  }
  return branches.length === 1 ? branches[0]! : or(branches);
}
