import { type AliasedRawBuilder, sql } from 'kysely';
import type { ListQuery } from '../../ast/index.js';
import { type Field, type Resource, selectPlan } from '../../resource/index.js';
import { columnSql } from './columns.js';
import type { SqlDialect } from './dialect.js';
import { relationAliases } from './relation-aliases.js';

/**
 * The own fields a query returns: every selectable field for `'all'`, else
 * the list (id first), without its relation paths (embeds are read apart,
 * see `embedRows`). Pass them to `readListRow` to shape the selected rows.
 *
 * @example
 * selectedFields(leads, ['id', 'value']).map((field) => field.column); // ['id', 'value']
 */
export function selectedFields<F extends string>(
  resource: Resource<F>,
  select: ListQuery<F>['select'],
): Field<F>[] {
  return selectPlan(resource, select).fields as Field<F>[];
}

/**
 * The alias of the hidden column of an embedded relation: for a to-one
 * relation the joined row's key (null: no related row), for a to-many one
 * this row's key, which its batched query looks the related rows up by.
 * `@` never appears in a field name, so it collides with no field.
 */
export function embedKeyAlias(relation: string): string {
  return `@${relation}`;
}

/**
 * The select items of the embeds a page reads from its own row: each
 * selected to-one field under its path (`"label"."name" as "label.name"`)
 * and each embed's hidden key column (see {@link embedKeyAlias}).
 */
export function embedSelections<F extends string>(
  resource: Resource<F>,
  query: Pick<ListQuery<F>, 'sort' | 'select'>,
  dialect: SqlDialect,
  table: string | undefined,
): AliasedRawBuilder<unknown, string>[] {
  const embeds = selectPlan(resource, query.select).embeds;
  if (embeds.length === 0 || table === undefined) return [];
  const sorted = new Set<string>(query.sort.map((key) => key.field));
  return embeds.flatMap((embed) => {
    const { relation } = embed;
    if (relation.type !== 'toOne') {
      return [
        sql<unknown>`${columnSql(relation.localKey, table)}`.as(embedKeyAlias(relation.name)),
      ];
    }
    const alias = relationAliases(resource, table, relation).target;
    const key = columnSql(relation.targetKey, alias);
    return [
      sql<unknown>`${key}`.as(embedKeyAlias(relation.name)),
      ...embed.fields.map((field) => {
        const path = `${relation.name}.${field.name}`;
        const column = dialect.selectColumn(columnSql(field, alias), field, sorted.has(path));
        return sql<unknown>`${column}`.as(path);
      }),
    ];
  });
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
