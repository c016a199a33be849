import { type Issue, issue } from '../errors/index.js';
import type { Resource } from '../resource/index.js';

/** Parses `name,email` into the selected fields, id first, without repeats; or issues. */
export function parseFields<F extends string>(
  resource: Resource<F>,
  text: string,
  issues: Issue[],
): F[] {
  const selected: F[] = [resource.idField];
  for (const name of text.split(',')) {
    const field = resource.fields.get(name);
    if (!field || !(field.selectable || field.name === resource.idField)) {
      const what = name === '' ? 'an empty field name' : `unknown field '${name}'`;
      issues.push(
        issue(
          'VALIDATION_ERROR',
          'fields',
          text,
          `fields has ${what}. Selectable fields: ${resource.selectable.join(', ')}`,
        ),
      );
    } else if (!selected.includes(field.name)) {
      selected.push(field.name);
    }
  }
  return selected;
}
