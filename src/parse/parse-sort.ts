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

export { withTieBreaker } from '../ast/tie-breaker.js';
