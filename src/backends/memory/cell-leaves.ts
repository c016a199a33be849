/**
 * Leaves that read one cell, tagged with their column and their test of the
 * cell, so that `allOf`/`anyOf` can read the cells in code of their own.
 *
 * Why: V8 keeps property-read and call feedback per function literal, not
 * per closure. A leaf closure such as `(row) => test(row[column])` is one
 * literal for every column of every query the process ever compiles, so in a
 * server that has run a few hundred query shapes its `row[column]` read is
 * megamorphic (a stub-cache lookup per row) and its calls cannot be inlined:
 * 1.45–1.56× the hand-written filter where a single-shape run is 1.2×. A
 * conjunction compiled to its own source, `(row) => t0(row["status"]) &&
 * t1(row["value"])`, has named reads with feedback of its own, as
 * hand-written code does. Its source depends only on the columns and the
 * kinds of the children, so it is cached (bounded) and only the tests
 * change from query to query.
 */
import type { RowPredicate } from './types.js';

/** A test of one cell's value. */
export type CellTest = (cell: unknown) => boolean;

interface CellLeaf {
  readonly column: string;
  readonly test: CellTest;
}

const LEAVES = new WeakMap<RowPredicate, CellLeaf>();

/**
 * The row predicate `test(row[column])`, remembered as a cell leaf. A column
 * named like a member of `Object.prototype` reads only own cells (a missing
 * one is `undefined`) and is never fused.
 *
 * @example
 * const big = cellPredicate('value', (cell) => typeof cell === 'number' && cell >= 100);
 * big({ value: 150 }); // true
 */
export function cellPredicate(column: string, test: CellTest): RowPredicate {
  if (column in Object.prototype) {
    return (row) =>
      test(Object.hasOwn(row, column) ? (row as Record<string, unknown>)[column] : undefined);
  }
  const predicate: RowPredicate = (row) => test((row as Record<string, unknown>)[column]);
  LEAVES.set(predicate, { column, test });
  return predicate;
}

type Factory = (...parts: unknown[]) => RowPredicate;

/** Generated combinators by source; bounded, since sources come from query shapes. */
const FACTORIES = new Map<string, Factory | null>();
const MAX_FACTORIES = 512;

function factoryFor(source: string, arity: number): Factory | null {
  const cached = FACTORIES.get(source);
  if (cached !== undefined) return cached;
  let made: Factory | null;
  try {
    const names = Array.from({ length: arity }, (_, i) => `p${i}`);
    // Column names enter the source only as JSON string literals; values never do.
    made = new Function(
      ...names,
      `"use strict"; return function (row) { return ${source}; };`,
    ) as Factory;
  } catch {
    // No code generation here (a Content-Security-Policy without unsafe-eval): closures then.
    made = null;
  }
  if (FACTORIES.size >= MAX_FACTORIES) FACTORIES.clear();
  FACTORIES.set(source, made);
  return made;
}

/**
 * `children` joined by `&&` or `||` in generated code where some child is a
 * cell leaf; undefined when none is, or when code cannot be generated.
 *
 * @example
 * fused('&&', [cellPredicate('status', (c) => c === 'won'), hasGclid])?.(row);
 */
export function fused(
  operator: '&&' | '||',
  children: readonly RowPredicate[],
): RowPredicate | undefined {
  const leaves = children.map((child) => LEAVES.get(child));
  if (!leaves.some((leaf) => leaf !== undefined)) return undefined;
  const terms = leaves.map((leaf, i) =>
    leaf === undefined ? `p${i}(row)` : `p${i}(row[${JSON.stringify(leaf.column)}])`,
  );
  const factory = factoryFor(terms.join(` ${operator} `), children.length);
  if (factory === null) return undefined;
  return factory(...leaves.map((leaf, i) => leaf?.test ?? children[i]));
}

/**
 * A lone cell leaf in code of its own (see the module comment); any other
 * predicate unchanged. For the top of a filter that is a single leaf.
 *
 * @example
 * const predicate = ownCode(compileFilter(leads, query.filter));
 */
export function ownCode(predicate: RowPredicate): RowPredicate {
  return fused('&&', [predicate]) ?? predicate;
}
