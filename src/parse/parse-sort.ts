import { SORT_DIRECTIONS, type SortDirection, type SortKey } from '../ast/index.js';
import { clip, type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';
import { nameList } from './name-list.js';

const directions: readonly string[] = SORT_DIRECTIONS;

/**
 * Parses `value:desc,createdAt` into sort keys (without the tie-breaker), or
 * issues. Issues stay small whatever the input: empty keys are one issue
 * however many there are, and only the first unknown key's issue lists the
 * sortable fields.
 */
export function parseSort<F extends string>(
  resource: Resource<F>,
  text: string,
  issues: Issue[],
): SortKey<F>[] {
  const keys: SortKey<F>[] = [];
  // Messages in input order; `null` marks where the empty keys' issue goes.
  const problems: (string | null)[] = [];
  let empty = 0;
  for (const term of text.split(',')) {
    // As splitSortTerm of the grammar, without an object per term.
    const colon = term.indexOf(':');
    const name = colon === -1 ? term : term.slice(0, colon);
    const direction = colon === -1 ? 'asc' : term.slice(colon + 1);
    const fieldName = resource.aliases.sortFields.get(name) ?? name;
    const field = resource.fields.get(fieldName);
    if (term === '') {
      if (empty++ === 0) problems.push(null);
    } else if (!field?.sortable) {
      problems.push(`Cannot sort by '${clip(name)}'`);
    } else if (!directions.includes(direction)) {
      problems.push(
        `Sort direction must be asc or desc, got '${clip(direction)}' in '${clip(term)}'`,
      );
    } else if (keys.some((key) => key.field === field.name)) {
      problems.push(`Sort field '${field.name}' is given twice`);
    } else {
      keys.push({ field: field.name, direction: direction as SortDirection });
    }
  }
  let listed = false;
  for (const problem of problems) {
    let message =
      problem ?? `Cannot sort by ${empty === 1 ? 'an empty sort key' : `${empty} empty sort keys`}`;
    if (message.startsWith('Cannot sort by') && !listed) {
      message += `. Sortable fields: ${nameList(resource.sortable)}`;
      listed = true;
    }
    issues.push(issue('VALIDATION_ERROR', 'sort', text, message));
  }
  return keys;
}

export { withTieBreaker } from '../ast/tie-breaker.js';
