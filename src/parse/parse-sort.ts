import { SORT_DIRECTIONS, type SortDirection, type SortKey } from '../ast/index.js';
import { type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';

const directions: readonly string[] = SORT_DIRECTIONS;

/** Parses `value:desc,createdAt` into sort keys (without the tie-breaker), or issues. */
export function parseSort<F extends string>(
  resource: Resource<F>,
  text: string,
  issues: Issue[],
): SortKey<F>[] {
  const keys: SortKey<F>[] = [];
  for (const term of text.split(',')) {
    // As splitSortTerm of the grammar, without an object per term.
    const colon = term.indexOf(':');
    const name = colon === -1 ? term : term.slice(0, colon);
    const direction = colon === -1 ? 'asc' : term.slice(colon + 1);
    const fieldName = resource.aliases.sortFields.get(name) ?? name;
    const field = resource.fields.get(fieldName);
    if (!field?.sortable) {
      const what = term === '' ? 'an empty sort key' : `'${name}'`;
      issues.push(
        issue(
          'VALIDATION_ERROR',
          'sort',
          text,
          `Cannot sort by ${what}. Sortable fields: ${resource.sortable.join(', ')}`,
        ),
      );
    } else if (!directions.includes(direction)) {
      issues.push(
        issue(
          'VALIDATION_ERROR',
          'sort',
          text,
          `Sort direction must be asc or desc, got '${direction}' in '${term}'`,
        ),
      );
    } else if (keys.some((key) => key.field === field.name)) {
      issues.push(
        issue('VALIDATION_ERROR', 'sort', text, `Sort field '${field.name}' is given twice`),
      );
    } else {
      keys.push({ field: field.name, direction: direction as SortDirection });
    }
  }
  return keys;
}

/**
 * Appends the id as the final tie-breaker, in the direction of the last key,
 * so that a page boundary never splits or repeats rows. Keys after the id
 * could never matter, so they are dropped.
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
