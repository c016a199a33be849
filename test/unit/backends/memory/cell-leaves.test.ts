/**
 * Cell leaves and the combinators generated for their columns: the same
 * answers as plain closures, column names that are hostile as source text,
 * columns named like Object.prototype members, and the fallback where code
 * cannot be generated.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellPredicate, fused, ownCode } from '../../../../src/backends/memory/cell-leaves.js';
import { allOf, anyOf } from '../../../../src/backends/memory/combinators.js';
import type { RowPredicate } from '../../../../src/backends/memory/types.js';

const won = cellPredicate('status', (cell) => cell === 'won');
const big = cellPredicate('value', (cell) => typeof cell === 'number' && cell >= 100);
const untagged: RowPredicate = (row) => (row as { id?: string }).id !== 'x';
const rows = [
  { id: 'a', status: 'won', value: 150 },
  { id: 'x', status: 'won', value: 150 },
  { id: 'b', status: 'lost', value: 150 },
  { id: 'c', status: 'won', value: 5 },
  { id: 'd' },
];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fused combinators', () => {
  it('answer as the closures they replace, tagged and untagged children mixed', () => {
    const and = allOf([won, big, untagged]);
    const or = anyOf([won, big, untagged]);
    for (const row of rows) {
      expect(and(row)).toBe(won(row) && big(row) && untagged(row));
      expect(or(row)).toBe(won(row) || big(row) || untagged(row));
    }
    expect(fused('&&', [untagged])).toBeUndefined();
  });

  it('read a column whose name is hostile source text as that exact key', () => {
    const column = '"]); globalThis.hacked = true; (row["';
    const leaf = cellPredicate(column, (cell) => cell === 1);
    const predicate = allOf([leaf, won]);
    expect(predicate({ [column]: 1, status: 'won' })).toBe(true);
    expect(predicate({ status: 'won' })).toBe(false);
    expect((globalThis as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('never read an inherited member for a column named like one', () => {
    const leaf = cellPredicate('constructor', (cell) => cell !== undefined);
    expect(leaf({})).toBe(false);
    expect(leaf({ constructor: 1 })).toBe(true);
    const predicate = allOf([leaf, won]);
    expect(predicate({ status: 'won' })).toBe(false);
    expect(predicate({ status: 'won', constructor: 'x' })).toBe(true);
  });

  it('fall back to closures where code cannot be generated', () => {
    vi.stubGlobal('Function', () => {
      throw new EvalError('code generation from strings disallowed');
    });
    const leaf = cellPredicate('fallback_only', (cell) => cell === 2);
    const predicate = allOf([leaf, won]);
    expect(predicate({ fallback_only: 2, status: 'won' })).toBe(true);
    expect(predicate({ fallback_only: 3, status: 'won' })).toBe(false);
    expect(ownCode(leaf)).toBe(leaf);
  });
});
