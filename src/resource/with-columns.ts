import { defineResource } from './define-resource.js';
import type { FieldDefinition, FieldDefinitions, Resource } from './types.js';

/** A column map, or a function from field name to column name. */
export type ColumnMapping<F extends string> =
  | Partial<Readonly<Record<F, string>>>
  | ((field: F) => string);

/**
 * Derives a resource whose fields live in other storage columns; the API
 * (parameter names, response keys) stays the same.
 *
 * @example
 * const leadsTable = withColumns(leads, { createdAt: 'created_at', updatedAt: 'updated_at' });
 * const snake = withColumns(leads, snakeCase);
 */
export function withColumns<F extends string, Defs extends FieldDefinitions<F>, Id extends F>(
  resource: Resource<F, Defs, Id>,
  mapping: ColumnMapping<F>,
): Resource<F, Defs, Id> {
  const columnOf = (field: F): string | undefined =>
    typeof mapping === 'function' ? mapping(field) : mapping[field];
  const fields = Object.fromEntries(
    resource.fieldList.map((field): [F, FieldDefinition] => {
      const original = resource.definition.fields[field.name];
      const column = columnOf(field.name);
      return [field.name, column === undefined ? original : { ...original, column }];
    }),
  ) as Record<F, FieldDefinition>;
  return defineResource({ ...resource.definition, fields }) as unknown as Resource<F, Defs, Id>;
}

/** `createdAt` → `created_at`; for use with {@link withColumns}. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Derives a resource whose keyset cursors are signed with `secret`
 * (HMAC-SHA256), so that a client cannot forge or alter one.
 *
 * @example
 * const signedLeads = withCursorSecret(leads, process.env.CURSOR_SECRET!);
 */
export function withCursorSecret<F extends string, Defs extends FieldDefinitions<F>, Id extends F>(
  resource: Resource<F, Defs, Id>,
  secret: string,
): Resource<F, Defs, Id> {
  return defineResource({ ...resource.definition, cursorSecret: secret }) as unknown as Resource<
    F,
    Defs,
    Id
  >;
}
