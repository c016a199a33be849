import { type AliasedRawBuilder, sql } from 'kysely';
import type { ListQuery } from '../../ast/index.js';
import type { Field, Resource } from '../../resource/index.js';
import { columnSql, fieldOf } from './columns.js';

/** The fields a query returns: every selectable field for `'all'`, else the list (id first). */
export function selectedFields<F extends string>(
  resource: Resource<F>,
  select: ListQuery<F>['select'],
): Field<F>[] {
  const names = select === 'all' ? resource.selectable : select;
  return names.map((name) => fieldOf(resource, name));
}

/**
 * The select list: each storage column under its API field name
 * (`"created_at" as "createdAt"`).
 */
export function selections<F extends string>(
  fields: readonly Field<F>[],
  table: string | undefined,
): AliasedRawBuilder<unknown, F>[] {
  return fields.map((field) => sql<unknown>`${columnSql(field, table)}`.as(field.name));
}
