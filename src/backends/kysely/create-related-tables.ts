/**
 * DDL for the tables a resource's relations read, with the indexes their
 * joins and `EXISTS` subqueries seek on: each related table as
 * `createTableQueries` makes it (the related id its primary key), plus
 * - to-one with a non-id `targetKey`: a unique index on it;
 * - to-many: an index on the foreign key, then the related id (the
 *   `EXISTS` seeks on the key; the batched embed reads it in id order);
 * - many-to-many: the join table, its two columns typed like the keys they
 *   hold, indexed `(source, target)` (the `EXISTS` and the embed from a row)
 *   and `(target, source)` (from a related row back, and covering).
 * A table several relations share is created once.
 */
import type { CreateIndexBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Relation, Resource } from '../../resource/index.js';
import { createTableQueries, type IndexKey, recommendedIndexes } from './create-table.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialectOf } from './dialects/detect.js';
import { sqlRelation } from './relation-sql.js';

/** Options of {@link createRelatedTables}. */
export interface RelatedTablesOptions {
  /** The dialect; by default read from the Kysely instance's adapter. */
  readonly dialect?: SqlDialect;
  /** MySQL/MariaDB only: the tables' binary NO PAD collation (see `createTable`). */
  readonly mysqlCollation?: string;
}

/** The statements of one table, in order. */
export interface RelatedTableQueries {
  readonly table: CreateTableBuilder<string, string>;
  readonly indexes: readonly CreateIndexBuilder[];
}

/** `lead_tags_tag_id_lead_id_idx`, shortened to fit the 63/64-character identifier limits. */
function indexName(table: string, columns: readonly string[], tag: string): string {
  const base = table.split('.').at(-1)!;
  const name = `${base}_${columns.join('_')}_${tag}`;
  return name.length <= 63 ? name : `${base.slice(0, 50)}_${tag}${columns.length}`;
}

function targetQueries<DB>(
  db: Kysely<DB>,
  relation: Relation,
  dialect: SqlDialect,
  options: RelatedTablesOptions,
): RelatedTableQueries {
  const target = relation.target;
  const id = target.idField;
  const extra: IndexKey<string>[][] =
    relation.type === 'toMany' && relation.targetKey.name !== id
      ? [[relation.targetKey.name, id]]
      : [];
  // A list-filterable field that also sorts, on a resource without a default
  // sort, is recommended twice as (field, id): one index is enough.
  const seen = new Set<string>();
  const keys = [...recommendedIndexes(target, dialect), ...extra].filter((index) => {
    const text = index.join(',');
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
  const { table, indexes } = createTableQueries(db, target, {
    table: relation.table,
    dialect,
    indexes: keys,
    ...(options.mysqlCollation === undefined ? {} : { mysqlCollation: options.mysqlCollation }),
  });
  const unique =
    relation.type === 'toOne' && relation.targetKey.name !== id
      ? [
          db.schema
            .createIndex(indexName(relation.table, [relation.targetKey.column], 'key'))
            .on(relation.table)
            .unique()
            .column(relation.targetKey.column),
        ]
      : [];
  return { table, indexes: [...indexes, ...unique] };
}

function throughQueries<DB>(
  db: Kysely<DB>,
  relation: Relation,
  dialect: SqlDialect,
  options: RelatedTablesOptions,
): RelatedTableQueries {
  const through = relation.through!;
  let table = db.schema
    .createTable(through.table)
    .addColumn(
      through.sourceColumn,
      dialect.columnType({ field: relation.localKey, indexed: true }),
      (column) => column.notNull(),
    )
    .addColumn(
      through.targetColumn,
      dialect.columnType({ field: relation.targetKey, indexed: true }),
      (column) => column.notNull(),
    );
  const tableOptions = dialect.tableOptions(options.mysqlCollation);
  if (tableOptions !== undefined) table = table.modifyEnd(tableOptions);
  const pairs = [
    [through.sourceColumn, through.targetColumn],
    [through.targetColumn, through.sourceColumn],
  ];
  const indexes = pairs.map((columns) =>
    db.schema
      .createIndex(indexName(through.table, columns, 'idx'))
      .on(through.table)
      .columns(columns),
  );
  return { table, indexes };
}

/**
 * The CREATE TABLE and CREATE INDEX statements of every table `resource`'s
 * relations read (not the resource's own table: `createTableQueries`), in
 * declaration order. Embedded relations have no table and throw.
 *
 * @example
 * for (const { table, indexes } of relatedTableQueries(db, labeledLeads)) console.log(table.compile().sql, indexes.length);
 */
export function relatedTableQueries<DB>(
  db: Kysely<DB>,
  resource: Resource,
  options: RelatedTablesOptions = {},
): RelatedTableQueries[] {
  const dialect = options.dialect ?? sqlDialectOf(db);
  const made = new Set<string>();
  const out: RelatedTableQueries[] = [];
  for (const relation of resource.relations.values()) {
    sqlRelation(relation);
    if (!made.has(relation.table)) {
      made.add(relation.table);
      out.push(targetQueries(db, relation, dialect, options));
    }
    if (relation.through !== null && !made.has(relation.through.table)) {
      made.add(relation.through.table);
      out.push(throughQueries(db, relation, dialect, options));
    }
  }
  return out;
}

/**
 * Creates the tables of `resource`'s relations and the indexes their joins,
 * `EXISTS` filters and batched embeds use (see {@link relatedTableQueries}).
 *
 * @example
 * await createTable(db, labeledLeads, { table: 'leads' });
 * await createRelatedTables(db, labeledLeads); // labels, tags, lead_tags, notes
 */
export async function createRelatedTables<DB>(
  db: Kysely<DB>,
  resource: Resource,
  options: RelatedTablesOptions = {},
): Promise<void> {
  for (const { table, indexes } of relatedTableQueries(db, resource, options)) {
    await table.execute();
    for (const index of indexes) await index.execute();
  }
}
