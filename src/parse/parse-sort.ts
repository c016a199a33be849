import { SORT_DIRECTIONS, type SortDirection, type SortKey } from '../ast/index.js';
import { clip, type Issue, issue } from '../errors/index.js';
import type { Field, Resource } from '../resource/index.js';
import { nameList } from './name-list.js';

const directions: readonly string[] = SORT_DIRECTIONS;

/** The sortable fields and to-one paths, for messages. */
function sortableNames(resource: Resource): readonly string[] {
  if (resource.relationList.length === 0) return resource.sortable;
  const paths = resource.relationList.flatMap((relation) =>
    [...relation.sortable.keys()].map((field) => `${relation.name}.${field}`),
  );
  return [...resource.sortable, ...paths];
}

/**
 * The sort field a `relation.field` term names: the related field under its
 * path when the relation is to-one and lets it sort; null after saying why
 * not in `problems`; undefined when the name is no path at all.
 */
function sortablePath<F extends string>(
  resource: Resource<F>,
  name: string,
  problems: (string | null)[],
): Field<F> | null | undefined {
  const dot = name.indexOf('.');
  if (dot === -1 || resource.relationList.length === 0) return undefined;
  const relation = resource.relations.get(name.slice(0, dot));
  const fieldName = name.slice(dot + 1);
  if (relation === undefined) {
    problems.push(
      `Cannot sort by '${clip(name)}': unknown relation '${clip(name.slice(0, dot))}'. Relations: ${nameList(resource.relationList.map((r) => r.name))}`,
    );
    return null;
  }
  if (relation.type !== 'toOne') {
    problems.push(
      `Cannot sort by '${clip(name)}': only fields of a to-one relation sort ('${relation.name}' has many rows per row)`,
    );
    return null;
  }
  const field = relation.sortable.get(fieldName);
  if (field === undefined) {
    const what = relation.target.fields.has(fieldName) ? 'is not sortable' : 'is unknown';
    problems.push(
      `Cannot sort by '${clip(name)}': field '${clip(fieldName)}' on relation '${relation.name}' ${what}. Sortable: ${nameList([...relation.sortable.keys()])}`,
    );
    return null;
  }
  return { ...field, name: name as F };
}

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
    const field = resource.fields.get(fieldName) ?? sortablePath(resource, fieldName, problems);
    if (term === '') {
      if (empty++ === 0) problems.push(null);
    } else if (field === null) {
      // sortablePath said why.
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
    // The list goes with the first unknown or empty key (a path's own message says what it can).
    const unknown =
      problem === null || (problem.startsWith('Cannot sort by') && problem.endsWith("'"));
    if (unknown && !listed) {
      message += `. Sortable fields: ${nameList(sortableNames(resource as Resource))}`;
      listed = true;
    }
    issues.push(issue('VALIDATION_ERROR', 'sort', text, message));
  }
  return keys;
}

export { withTieBreaker } from '../ast/tie-breaker.js';
