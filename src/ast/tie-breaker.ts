import type { SortKey } from './nodes.js';

/**
 * Appends the id as the final tie-breaker, in the direction of the last key,
 * so that a page boundary never splits or repeats rows. Keys after the id
 * could never matter, so they are dropped. The parser, the printer and
 * `listql/client` share it, so all three agree on what the default sort is.
 *
 * @example
 * withTieBreaker('id', [{ field: 'value', direction: 'desc' }]);
 * // [{ field: 'value', direction: 'desc' }, { field: 'id', direction: 'desc' }]
 */
export function withTieBreaker<F extends string>(
  idField: F,
  keys: readonly SortKey<F>[],
): SortKey<F>[] {
  const idAt = keys.findIndex((key) => key.field === idField);
  if (idAt !== -1) return keys.slice(0, idAt + 1);
  const direction = keys.at(-1)?.direction ?? 'asc';
  return [...keys, { field: idField, direction }];
}
