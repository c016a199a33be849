import { sql } from 'kysely';
import type { Field, Resource } from '../../resource/index.js';
import type { Sql } from './dialect.js';

/**
 * The resource field named `name`. The AST names fields, never columns; a name
 * the resource does not declare is a programmer error (a hand-built node), so
 * it throws before any SQL is written.
 */
export function fieldOf<F extends string>(resource: Resource<F>, name: string): Field<F> {
  const field = resource.fields.get(name);
  if (!field) {
    throw new Error(
      `listql/kysely: the query names field '${name}', which resource '${resource.name}' does not declare`,
    );
  }
  return field;
}

/**
 * The quoted column of `field`, qualified with `table` when given
 * (`"leads"."created_at"`, or `"crm"."leads"."created_at"` for `crm.leads`).
 * Identifiers come only from the resource definition and the caller's options.
 */
export function columnSql(field: Field, table: string | undefined): Sql {
  // One immutable fragment per field and table, built once: every query names
  // the same columns, and a shared fragment is a shared node that the shape
  // cache reads once (see sql-shape.ts).
  let byTable = columns.get(field);
  if (byTable === undefined) {
    byTable = new Map();
    columns.set(field, byTable);
  }
  let column = byTable.get(table);
  if (column === undefined) {
    column = table === undefined ? sql.id(field.column) : sql.id(...table.split('.'), field.column);
    byTable.set(table, column);
  }
  return column;
}

const columns = new WeakMap<Field, Map<string | undefined, Sql>>();

/** True for the field types stored as text and compared by code point. */
export function isTextField(field: Field): boolean {
  return field.type === 'string' || field.type === 'enum';
}
