/**
 * Embedded relations of a page: to-one embeds come from the page's own row
 * (the LEFT JOIN's columns); each embedded to-many or many-to-many relation
 * is one batched query for the whole page, `where key in (…page keys…)`,
 * ranked per row by the related id with a window function and cut at
 * `embedLimit + 1` (the one past the limit says `<relation>@more`). So a
 * page with embeds runs the page, the count and one query per embedded
 * to-many relation, whatever its length: no N+1.
 */
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import {
  type EmbedPlan,
  type Field,
  moreKey,
  type Relation,
  type Resource,
} from '../../resource/index.js';
import { columnSql, isTextField } from './columns.js';
import { relationWhere } from './compile-filter.js';
import { embedKeyAlias } from './compile-select.js';
import { toSql } from './condition.js';
import type { Sql, SqlDialect } from './dialect.js';
import type { LooseDatabase } from './loose-db.js';
import { type ApiValue, type ListRow, readListRow, readValue } from './read-row.js';
import { relationAliases } from './relation-aliases.js';
import { keyEquals, tableSql } from './relation-sql.js';

/** One embedded related row: the selected related fields, in select order. */
export type RelatedRow = Readonly<Record<string, ApiValue>>;

/**
 * The value of an embed key of an API row: a to-one relation's related row
 * or null, a to-many relation's related rows, or its `<relation>@more` flag.
 */
export type EmbedValue = RelatedRow | null | readonly RelatedRow[] | boolean;

/** An API row with its embeds beside its own fields (`label`, `tags`, `tags@more`). */
export type ListRowWithEmbeds<F extends string> = ListRow<F> & {
  readonly [relation: string]: ApiValue | EmbedValue | undefined;
};

/** Hidden columns of an embed query (`@` never appears in a field name). */
const KEY = '@key';
const ID = '@id';
const RANK = '@rank';

/** Where the embed queries run: the dialect and the root table. */
export interface EmbedSqlOptions {
  readonly dialect: SqlDialect;
  readonly table: string;
}

/**
 * The batched query of one to-many embed: the related rows of every key in
 * `keys` (raw driver values of the page rows' local keys), the selected
 * fields, at most `embedLimit + 1` per key in related-id order (code point
 * order for text ids, as the id tie-breaker orders). `dense_rank` gives a
 * target linked twice through the join table one rank, so the duplicate is
 * dropped when the rows are read and never takes a place in the limit.
 *
 * @example
 * const compiled = embedQuery(db, labeledLeads, relationOf(labeledLeads, 'tags'), [nameField], ['lead_1'], { dialect, table: 'leads' });
 */
export function embedQuery(
  db: Kysely<LooseDatabase>,
  resource: Resource,
  relation: Relation,
  fields: readonly Field[],
  keys: readonly unknown[],
  options: EmbedSqlOptions,
): CompiledQuery<Record<string, unknown>> {
  const { dialect, table } = options;
  const aliases = relationAliases(resource, table, relation);
  const target = sql.id(aliases.target);
  const link = sql.id(aliases.through);
  const { through } = relation;
  const key =
    through === null
      ? columnSql(relation.targetKey, aliases.target)
      : sql.id(aliases.through, through.sourceColumn);
  const from: Sql =
    through === null
      ? sql`${tableSql(relation.table)} as ${target}`
      : sql`${tableSql(through.table)} as ${link} inner join ${tableSql(relation.table)} as ${target} on ${keyEquals(
          dialect,
          relation.targetKey,
          columnSql(relation.targetKey, aliases.target),
          sql.id(aliases.through, through.targetColumn),
        )}`;
  const idField = relation.target.fields.get(relation.target.idField)!;
  const id = columnSql(idField, aliases.target);
  const order = isTextField(idField) ? dialect.codePointText(id) : id;
  const where = relationWhere(resource, table, relation, dialect);
  const filter =
    where.kind === 'constant' && where.value
      ? sql`${key} in (${sql.join([...keys])})`
      : sql`${key} in (${sql.join([...keys])}) and ${toSql(where)}`;
  const columns = fields.map(
    (field) =>
      sql`${dialect.selectColumn(columnSql(field, aliases.target), field, false)} as ${sql.id(field.name)}`,
  );
  const ranked = sql`select ${key} as ${sql.id(KEY)}, ${id} as ${sql.id(ID)}, ${
    columns.length === 0 ? sql`` : sql`${sql.join(columns)}, `
  }dense_rank() over (partition by ${key} order by ${order}) as ${sql.id(RANK)} from ${from} where ${filter}`;
  const query = sql<
    Record<string, unknown>
  >`select * from (${ranked}) as ${sql.id('ranked')} where ${sql.id(
    RANK,
  )} <= ${relation.embedLimit + 1} order by ${sql.id(RANK)}`;
  return query.compile(db);
}

/** The related rows of each key, at most `embedLimit + 1`, in id order, duplicates dropped. */
function groupRelated(
  relation: Relation,
  fields: readonly Field[],
  rows: readonly Readonly<Record<string, unknown>>[],
): Map<ApiValue, { ids: ApiValue[]; rows: RelatedRow[] }> {
  const keyField = relation.through === null ? relation.targetKey : relation.localKey;
  const idField = relation.target.fields.get(relation.target.idField)!;
  const groups = new Map<ApiValue, { ids: ApiValue[]; rows: RelatedRow[] }>();
  for (const row of rows) {
    const key = readValue(keyField, row[KEY]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { ids: [], rows: [] };
      groups.set(key, group);
    }
    const id = readValue(idField, row[ID]);
    // Equal ranks are one target linked twice: rows arrive by rank, so a duplicate follows its first.
    if (group.ids.at(-1) === id) continue;
    group.ids.push(id);
    group.rows.push(readListRow(fields, row) as RelatedRow);
  }
  return groups;
}

/**
 * Adds the embeds of `plan` to the API rows of a page (`data`, read from
 * `rows`, the page's driver rows in the same order): a to-one embed from the
 * row's joined columns, every to-many embed by one batched query (run
 * concurrently), each beside `<relation>@more`. Keys follow the plan: own
 * fields, then embeds in first-mention order.
 *
 * @example
 * const data = await withEmbeds(db, labeledLeads, selectPlan(labeledLeads, query.select).embeds, rows, own, { dialect, table: 'leads' });
 */
export async function withEmbeds<F extends string>(
  db: Kysely<LooseDatabase>,
  resource: Resource<F>,
  embeds: readonly EmbedPlan[],
  rows: readonly Readonly<Record<string, unknown>>[],
  data: readonly ListRow<F>[],
  options: EmbedSqlOptions,
): Promise<ListRowWithEmbeds<F>[]> {
  const related = await Promise.all(
    embeds.map(async (embed) => {
      const { relation } = embed;
      if (relation.type === 'toOne') return undefined;
      const keys = new Map<ApiValue, unknown>();
      for (const row of rows) {
        const raw = row[embedKeyAlias(relation.name)];
        if (raw === null || raw === undefined) continue;
        keys.set(readValue(relation.localKey, raw), raw);
      }
      if (keys.size === 0) return new Map<ApiValue, { ids: ApiValue[]; rows: RelatedRow[] }>();
      const compiled = embedQuery(
        db,
        resource,
        relation,
        embed.fields,
        [...keys.values()],
        options,
      );
      const result = await db.executeQuery(compiled);
      return groupRelated(relation, embed.fields, result.rows);
    }),
  );
  return data.map((own, i) => {
    const row = rows[i]!;
    const out: Record<string, ApiValue | EmbedValue | undefined> = { ...own };
    embeds.forEach((embed, position) => {
      const { relation } = embed;
      const hidden = row[embedKeyAlias(relation.name)];
      const groups = related[position];
      if (groups === undefined) {
        out[relation.name] =
          hidden === null || hidden === undefined ? null : toOneRow(relation, embed.fields, row);
        return;
      }
      const key =
        hidden === null || hidden === undefined ? null : readValue(relation.localKey, hidden);
      const group = key === null ? undefined : groups.get(key);
      const found = group?.rows ?? [];
      out[relation.name] = found.slice(0, relation.embedLimit);
      out[moreKey(relation)] = found.length > relation.embedLimit;
    });
    return out as ListRowWithEmbeds<F>;
  });
}

/** The selected fields of a to-one relation's joined row, read from their path columns. */
function toOneRow(
  relation: Relation,
  fields: readonly Field[],
  row: Readonly<Record<string, unknown>>,
): RelatedRow {
  const out: Record<string, ApiValue> = {};
  for (const field of fields)
    out[field.name] = readValue(field, row[`${relation.name}.${field.name}`]);
  return out;
}
