import { type AliasedRawBuilder, sql } from 'kysely';
import type { ListQuery } from '../../ast/index.js';
import type { Field, Resource } from '../../resource/index.js';
import { columnSql, fieldOf } from './columns.js';
import type { SqlDialect } from './dialect.js';

/**
 * The fields a query returns: every selectable field for `'all'`, else the
 * list (id first). Pass them to `readListRow` to shape the selected rows.
 *
 * @example
 * selectedFields(leads, ['id', 'value']).map((field) => field.column); // ['id', 'value']
 */
export function selectedFields<F extends string>(
  resource: Resource<F>,
  select: ListQuery<F>['select'],
): Field<F>[] {
  const names = select === 'all' ? resource.selectable : select;
  return names.map((name) => fieldOf(resource, name));
}

/**
 * The select list: each storage column under its API field name
 * (`"created_at" as "createdAt"`), as the dialect selects it (see
 * `SqlDialect.selectColumn`).
 */
export function selections<F extends string>(
  fields: readonly Field<F>[],
  query: Pick<ListQuery<F>, 'sort'>,
  dialect: SqlDialect,
  table: string | undefined,
): AliasedRawBuilder<unknown, F>[] {
  const sorted = new Set<string>(query.sort.map((key) => key.field));
  return fields.map((field) => {
    const expression = dialect.selectColumn(columnSql(field, table), field, sorted.has(field.name));
    return sql<unknown>`${expression}`.as(field.name);
  });
}
