import { foldAscii, type SortKey } from '../../ast/index.js';
import { type Resource, resolveField } from '../../resource/index.js';
import { compareOrderKeys, type OrderKey, orderKeyOf, ownCellsOnly } from './cells.js';
import { codePointKey } from './code-points.js';
import { createMemoryRelations } from './compile-filter.js';
import { type MemoryRelations, NO_ROW } from './memory-relations.js';
import type { StoredRow } from './types.js';

/**
 * A row's sort keys, one per sort key of the query (two for a
 * `caseInsensitiveSort` field: the folded text, then the text); null for a
 * null cell.
 *
 * @example
 * sortKeys({ id: 'a', createdAt: '2026-01-01T00:00:00.000Z' }); // ['2026-01-01T00:00:00.000Z', 'a']
 */
export type SortKeys = readonly (OrderKey | null)[];

/**
 * The compiled sort: keys per row (computed once), and a comparator over keys.
 *
 * @example
 * const { sortKeys, compare }: CompiledSort = compileSort(leads, query.sort);
 */
export interface CompiledSort {
  /** The row's {@link SortKeys}: strings as code point keys, dates as `orderKeyOf` says. */
  sortKeys(row: StoredRow): SortKeys;
  /** Orders two rows' keys: each key in its direction, nulls last in both. */
  compare(a: SortKeys, b: SortKeys): number;
}

/**
 * Compiles the sort of a query. Comparing needs each cell in comparable form
 * (a date read, a string remapped to code point order), so that work happens
 * in `sortKeys`, once per row; `compare` only compares. A key on a to-one
 * path (`label.priority`) reads the related row, null when there is none
 * (so it sorts last), with the related field's `caseInsensitiveSort`;
 * `relations` holds the related rows (`compileMemory` passes them).
 *
 * @example
 * const { sortKeys, compare } = compileSort(leads, query.sort);
 * const keyed = rows.map((row) => ({ row, keys: sortKeys(row) }));
 * keyed.sort((a, b) => compare(a.keys, b.keys));
 */
export function compileSort(
  resource: Resource,
  sort: readonly SortKey[],
  relations: MemoryRelations = createMemoryRelations(),
): CompiledSort {
  const readers: ((row: StoredRow) => OrderKey | null)[] = [];
  const signs: number[] = [];
  for (const { field: name, direction } of sort) {
    const resolved = resolveField(resource, name);
    if (!resolved) {
      throw new Error(`listql/memory: cannot sort by '${name}', not a field of '${resource.name}'`);
    }
    const { field, relation } = resolved;
    const { column } = field;
    // A path key reads the related row; none reads as a row of nulls.
    const related = relation === null ? null : relations.oneOf(relation);
    const push = (read: (row: StoredRow) => OrderKey | null): void => {
      readers.push(related === null ? read : (row) => read(related(row) ?? NO_ROW));
    };
    const key = orderKeyOf(field);
    const sign = direction === 'desc' ? -1 : 1;
    if (field.caseInsensitiveSort) {
      // The folded text first; the exact text breaks its ties, in the same direction.
      push(
        ownCellsOnly(column, (row): OrderKey | null => {
          const cell = row[column];
          return typeof cell === 'string' ? codePointKey(foldAscii(cell)) : null;
        }),
      );
      signs.push(sign);
    }
    push(
      ownCellsOnly(column, (row): OrderKey | null => {
        const cell = row[column];
        return cell === null || cell === undefined ? null : key(cell);
      }),
    );
    signs.push(sign);
  }
  return {
    sortKeys(row) {
      const keys: (OrderKey | null)[] = [];
      for (const read of readers) keys.push(read(row));
      return keys;
    },
    compare(a, b) {
      for (let i = 0; i < signs.length; i++) {
        const x = a[i] ?? null;
        const y = b[i] ?? null;
        if (x === y) continue;
        // Nulls go last whatever the direction, so they are settled before it applies.
        if (x === null) return 1;
        if (y === null) return -1;
        const order = compareOrderKeys(x, y);
        if (order !== 0) return order * signs[i]!;
      }
      return 0;
    },
  };
}
