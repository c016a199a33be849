import { clip, type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';
import { nameList } from './name-list.js';

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
  for (const name of text.split(',')) {
    const field = resource.fields.get(name);
    if (name === '') {
      if (empty++ === 0) problems.push(null);
    } else if (!field || !(field.selectable || field.name === resource.idField)) {
      problems.push(`fields has unknown field '${clip(name)}'`);
    } else if (!selected.includes(field.name)) {
      selected.push(field.name);
    }
  }
  for (const [i, problem] of problems.entries()) {
    const what = empty === 1 ? 'an empty field name' : `${empty} empty field names`;
    const message = problem ?? `fields has ${what}`;
    const list = i === 0 ? `. Selectable fields: ${nameList(resource.selectable)}` : '';
    issues.push(issue('VALIDATION_ERROR', 'fields', text, message + list));
  }
  return selected;
}
