import type { ListQuery } from '../../ast/index.js';
import { type MemoryOptions, runInMemory, type StoredRow } from '../../backends/memory/index.js';
import type { Resource } from '../../resource/index.js';
import type { ListBackend } from '../types.js';

/**
 * A {@link ListBackend} over plain objects keyed by storage (column) names.
 * `rows` is read on every request, so a live array (or any iterable you keep
 * up to date) is fine.
 *
 * @example
 * const backend = memoryBackend(leads, rows);
 * await handleListRequest({ resource: leads, backend, query: 'status=won' });
 */
export function memoryBackend<F extends string>(
  resource: Resource<F>,
  rows: Iterable<object>,
  options?: MemoryOptions,
): ListBackend<F> {
  // Any object type will do (an interface has no index signature, so it is not a StoredRow to tsc).
  const stored = rows as Iterable<StoredRow>;
  return {
    async run(query: ListQuery<F>) {
      return runInMemory(resource, query, stored, options);
    },
  };
}
