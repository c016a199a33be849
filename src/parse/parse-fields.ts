import { clip, type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';
import { nameList } from './name-list.js';

/** Why `fields` cannot embed the `relation.field` path `name`, or null when it can. */
function pathProblem(resource: Resource, name: string): string | null {
  const dot = name.indexOf('.');
  const relation = resource.relations.get(name.slice(0, dot));
  if (relation === undefined) {
    const relations = nameList(resource.relationList.map((r) => r.name));
    return `fields has unknown relation '${clip(name.slice(0, dot))}'. Relations: ${relations}`;
  }
  const fieldName = name.slice(dot + 1);
  if (relation.selectable.has(fieldName)) return null;
  const fields = nameList([...relation.selectable.keys()]);
  return `fields has unknown field '${clip(fieldName)}' on relation '${relation.name}'. Fields: ${fields}`;
}

/**
 * Parses `name,email` into the selected fields, id first, without repeats; or
 * issues. Empty names are one issue however many there are, and only the
 * first issue lists the selectable fields, so issues stay small.
 */
export function parseFields<F extends string>(
  resource: Resource<F>,
  text: string,
  issues: Issue[],
): F[] {
  const selected: F[] = [resource.idField];
  // Messages in input order; `null` marks where the empty names' issue goes.
  const problems: (string | null)[] = [];
  let empty = 0;
  // Which problems are about a relation path: their own message lists what the relation offers.
  const pathProblems = new Set<number>();
  for (const name of text.split(',')) {
    const field = resource.fields.get(name);
    if (name === '') {
      if (empty++ === 0) problems.push(null);
    } else if (field === undefined && name.includes('.') && resource.relationList.length > 0) {
      const problem = pathProblem(resource, name);
      if (problem !== null) {
        pathProblems.add(problems.length);
        problems.push(problem);
      } else if (!selected.includes(name as F)) selected.push(name as F);
    } else if (!field || !(field.selectable || field.name === resource.idField)) {
      problems.push(`fields has unknown field '${clip(name)}'`);
    } else if (!selected.includes(field.name)) {
      selected.push(field.name);
    }
  }
  for (const [i, problem] of problems.entries()) {
    const what = empty === 1 ? 'an empty field name' : `${empty} empty field names`;
    const message = problem ?? `fields has ${what}`;
    // A path's own message lists what its relation offers.
    const list =
      i === 0 && !pathProblems.has(i)
        ? `. Selectable fields: ${nameList(resource.selectable)}`
        : '';
    issues.push(issue('VALIDATION_ERROR', 'fields', text, message + list));
  }
  return selected;
}
