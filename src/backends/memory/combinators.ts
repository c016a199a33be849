import { fused } from './cell-leaves.js';
import type { RowPredicate } from './types.js';

/*
 * Where a child reads one cell, the children are joined in code generated for
 * their columns (`fused`, see `cell-leaves.ts`). Otherwise unrolled rather than looped: in `a(row) && b(row) && c(row)` every child
 * has a call site of its own, which V8 can inline; the single call site of a
 * loop over differing children cannot be. Past three children the rest are
 * combined the same way, recursively.
 */

/**
 * True when every predicate holds; true for none (an empty `and`).
 *
 * @example
 * allOf([isWon, hasGclid])(row);
 */
export function allOf(predicates: readonly RowPredicate[]): RowPredicate {
  const [a, b, c] = predicates;
  switch (predicates.length) {
    case 0:
      return () => true;
    case 1:
      return a!;
  }
  const own = fused('&&', predicates);
  if (own !== undefined) return own;
  switch (predicates.length) {
    case 2:
      return (row) => a!(row) && b!(row);
    case 3:
      return (row) => a!(row) && b!(row) && c!(row);
  }
  const rest = allOf(predicates.slice(3));
  return (row) => a!(row) && b!(row) && c!(row) && rest(row);
}

/**
 * True when any predicate holds; false for none (an empty `or`).
 *
 * @example
 * anyOf([isWon, isLost])(row);
 */
export function anyOf(predicates: readonly RowPredicate[]): RowPredicate {
  const [a, b, c] = predicates;
  switch (predicates.length) {
    case 0:
      return () => false;
    case 1:
      return a!;
  }
  const own = fused('||', predicates);
  if (own !== undefined) return own;
  switch (predicates.length) {
    case 2:
      return (row) => a!(row) || b!(row);
    case 3:
      return (row) => a!(row) || b!(row) || c!(row);
  }
  const rest = anyOf(predicates.slice(3));
  return (row) => a!(row) || b!(row) || c!(row) || rest(row);
}
