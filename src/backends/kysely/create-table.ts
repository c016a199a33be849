/**
 * DDL for a resource's table on each dialect: one column per field with the
 * type listql reads back exactly, NOT NULL where the field is not nullable,
 * the id as primary key, and indexes that serve the resource's sorts and list
 * filters. Tests, benchmarks and the demo create their tables with it.
 */
import {
  type CreateIndexBuilder,
  type CreateTableBuilder,
  type Kysely,
  type RawBuilder,
  type SchemaModule,
  sql,
} from 'kysely';
import type { Field, Resource } from '../../resource/index.js';
import { fieldOf } from './columns.js';
import { foldedText } from './compile-filter.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialectOf } from './dialects/detect.js';

/** Options of {@link createTableQueries}. */
export interface TableOptions<F extends string> {
  /** The table name, optionally `schema.table`. */
  readonly table: string;
  /**
   * Indexes, each a list of keys in order: a field name, or `field:desc` for
   * a descending key (nulls last on PostgreSQL; not on MySQL, where
   * `createTable` declares indexes inline). Default: {@link recommendedIndexes}.
   */
  readonly indexes?: readonly (readonly IndexKey<F>[])[];
  /** The dialect; by default read from the Kysely instance's adapter. */
  readonly dialect?: SqlDialect;
  /**
   * MySQL/MariaDB only: the table's binary NO PAD collation. Default
   * `utf8mb4_nopad_bin` (MariaDB); on MySQL 8 use `utf8mb4_0900_bin`.
   */
  readonly mysqlCollation?: string;
  /**
   * PostgreSQL only: also create a pg_trgm GIN index on each searchable
   * column, on exactly the expression `search` compiles to
   * (`lower("col" collate "C")`), so a `%term%` LIKE is served by the index.
   * Needs the pg_trgm extension: {@link TableQueries.extensions} creates it,
   * which takes the CREATE privilege on the database (pg_trgm is a trusted
   * extension since PostgreSQL 13) or a superuser. Default false. Ignored by
   * the other dialects, which cannot index a leading-wildcard LIKE.
   */
  readonly searchIndexes?: boolean;
}

/**
 * The statements that create a table and its indexes, in order. On MySQL the
 * indexes are declared inside CREATE TABLE and `indexes` is empty (with
 * Kysely 0.29+; on 0.28, which cannot, they are CREATE INDEX statements).
 */
export interface TableQueries {
  /** Extensions the indexes need (`create extension if not exists pg_trgm`), to run first. */
  readonly extensions: readonly RawBuilder<unknown>[];
  readonly table: CreateTableBuilder<string, string>;
  readonly indexes: readonly CreateIndexBuilder[];
}

/**
 * One key of an index: a field name (ascending) or `field:desc`; with
 * `:folded` (`name:folded`, `name:folded:desc`), the ASCII-folded text the
 * order of a `caseInsensitiveSort` field starts with (an expression index).
 */
export type IndexKey<F extends string> = F | `${F}:desc` | `${F}:folded` | `${F}:folded:desc`;

interface KeyParts<F extends string> {
  readonly field: F;
  readonly desc: boolean;
  readonly folded: boolean;
}

/** The field, direction and folding of an index key. */
function keyParts<F extends string>(key: IndexKey<F>): KeyParts<F> {
  const desc = key.endsWith(':desc');
  const rest = desc ? key.slice(0, -':desc'.length) : key;
  const folded = rest.endsWith(':folded');
  return { field: (folded ? rest.slice(0, -':folded'.length) : rest) as F, desc, folded };
}

/**
 * Indexes that serve a resource's list queries, for `dialect`:
 * - each sortable field followed by the id (the sort and its tie-breaker,
 *   and range filters on the field), so a page and a cursor page in either
 *   direction are an index scan; text fields only where text can be indexed
 *   whole (not MySQL, whose TEXT columns need a prefix, which cannot order);
 *   a `caseInsensitiveSort` field as its ORDER BY is, an expression index on
 *   the folded text, then the text, then the id (`name:folded`, `name`, `id`);
 * - on PostgreSQL, for each nullable sortable field also
 *   `(field desc nulls last, id desc)`: listql sorts nulls last in both
 *   directions, and a backward scan of `(field, id)` would give nulls first;
 * - each list-filterable field followed by the default sort field and the id
 *   (`status=won,lost&sort=createdAt:desc`).
 *
 * Without a dialect, the set that serves on every dialect (no text sorts, no
 * descending keys).
 *
 * @example
 * recommendedIndexes(leads);
 * // [['value','id'], ['createdAt','id'], ['updatedAt','id'], ['qualifiedAt','id'],
 * //  ['status','createdAt','id'], ['source','createdAt','id'], ['labelId','createdAt','id']]
 * recommendedIndexes(leads, postgresDialect).slice(0, 4);
 * // [['name','id'], ['name:desc','id:desc'], ['email','id'], ['email:desc','id:desc']]
 */
export function recommendedIndexes<F extends string>(
  resource: Resource<F>,
  dialect?: SqlDialect,
): IndexKey<F>[][] {
  const id = resource.idField;
  const defaultSort = resource.defaults.sort[0]?.field;
  const wholeText = dialect !== undefined && dialect.name !== 'mysql';
  const sorted = resource.fieldList
    .filter(
      (f) =>
        f.sortable && f.name !== id && (wholeText || f.type === 'datetime' || f.type === 'number'),
    )
    .flatMap((f): IndexKey<F>[][] => {
      // A case-insensitive order is the folded text, then the text, then the id.
      const head: IndexKey<F>[] = f.caseInsensitiveSort ? [`${f.name}:folded`, f.name] : [f.name];
      const back: IndexKey<F>[] = f.caseInsensitiveSort
        ? [`${f.name}:folded:desc`, `${f.name}:desc`]
        : [`${f.name}:desc`];
      return dialect?.name === 'postgres' && f.nullable
        ? [
            [...head, id],
            [...back, `${id}:desc`],
          ]
        : [[...head, id]];
    });
  const listed = resource.fieldList
    .filter((f) => f.list && f.name !== id)
    .map((f) =>
      defaultSort === undefined || defaultSort === f.name
        ? [f.name, id]
        : [f.name, defaultSort, id],
    );
  // A sortable list field with no default sort gets the same (field, id) index both ways: once.
  const seen = new Set<string>();
  return [...sorted, ...listed].filter((keys) => {
    const key = keys.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `leads_created_at_id_idx`, shortened to fit the 63/64-character identifier limits. */
function indexName(table: string, columns: readonly string[], position: number): string {
  const base = table.split('.').at(-1)!;
  const name = `${base}_${columns.join('_')}_idx`;
  return name.length <= 63 ? name : `${base.slice(0, 50)}_idx${position + 1}`;
}

/**
 * Kysely 0.29 added `CreateTableBuilder.addIndex`; on 0.28 (which the peer
 * range admits) a dialect that prefers inline indexes gets CREATE INDEX
 * statements instead: the same indexes, one table rebuild each on MySQL.
 */
function canInlineIndexes(table: CreateTableBuilder<string, string>): boolean {
  return typeof (table as { addIndex?: unknown }).addIndex === 'function';
}

/**
 * The CREATE TABLE and CREATE INDEX statements of `resource` as Kysely
 * builders: compile them to read the SQL, or execute them.
 *
 * @example
 * const { table, indexes } = createTableQueries(db, leads, { table: 'leads' });
 * console.log(table.compile().sql);
 */
export function createTableQueries<DB, F extends string>(
  db: Kysely<DB>,
  resource: Resource<F>,
  options: TableOptions<F>,
): TableQueries {
  const dialect = options.dialect ?? sqlDialectOf(db);
  const indexes = (options.indexes ?? recommendedIndexes(resource, dialect)).map((keys) =>
    keys.map(keyParts),
  );
  const indexed = new Set<string>([resource.idField, ...indexes.flat().map((key) => key.field)]);
  let table = db.schema.createTable(options.table);
  for (const field of resource.fieldList) {
    const type = dialect.columnType({ field, indexed: indexed.has(field.name) });
    table = table.addColumn(field.column, type, (column) => {
      if (field.name === resource.idField) return column.primaryKey().notNull();
      return field.nullable ? column : column.notNull();
    });
  }
  const indexKeys = indexes.map((keys) =>
    keys.map((key) => ({ ...key, field: fieldOf(resource, key.field) })),
  );
  const names = indexKeys.map((keys, position) =>
    indexName(
      options.table,
      keys.map(
        (key) => `${key.folded ? 'folded_' : ''}${key.field.column}${key.desc ? '_desc' : ''}`,
      ),
      position,
    ),
  );
  if (dialect.inlineIndexes) {
    indexKeys.forEach((keys, position) => {
      if (keys.some((key) => key.desc || key.folded)) {
        throw new Error(
          `listql/kysely: index ${names[position]} has a descending or folded key; ${dialect.name} indexes are declared inline, ascending, on columns (an index scan runs backwards)`,
        );
      }
    });
  }
  const inline = dialect.inlineIndexes && canInlineIndexes(table);
  if (inline) {
    indexKeys.forEach((keys, position) => {
      // The builder's column-name type is not tracked for run-time names.
      const columns = keys.map((key) => key.field.column) as never[];
      table = table.addIndex(names[position]!, columns);
    });
  }
  const tableOptions = dialect.tableOptions(options.mysqlCollation);
  if (tableOptions !== undefined) table = table.modifyEnd(tableOptions);
  const indexQueries = inline
    ? []
    : indexKeys.map((keys, position) =>
        keys.reduce(
          (index, key) =>
            key.folded
              ? index.expression(foldedKey(dialect, key.field, key.desc))
              : key.desc
                ? index.expression(descendingKey(dialect, key.field))
                : index.column(key.field.column),
          db.schema.createIndex(names[position]!).on(options.table),
        ),
      );
  const trigram = options.searchIndexes === true && dialect.name === 'postgres';
  const searchIndexes = trigram ? trigramIndexes(db.schema, resource, options.table, dialect) : [];
  return {
    extensions: trigram ? [sql`create extension if not exists pg_trgm`] : [],
    table,
    indexes: [...indexQueries, ...searchIndexes],
  };
}

/**
 * A descending index key in the order listql sorts: nulls last. PostgreSQL
 * spells it (its descending default is nulls first); SQLite's descending
 * order already puts nulls last and has no NULLS clause in CREATE INDEX.
 */
function descendingKey(dialect: SqlDialect, field: Field): RawBuilder<unknown> {
  const nullsLast = dialect.name === 'postgres' && field.nullable;
  return nullsLast
    ? sql`${sql.id(field.column)} desc nulls last`
    : sql`${sql.id(field.column)} desc`;
}

/**
 * The folded-text key of a `caseInsensitiveSort` field: exactly its ORDER BY
 * expression (`foldedText`), since a planner only uses an expression index
 * for the identical expression; descending with nulls last as listql sorts.
 */
function foldedKey(dialect: SqlDialect, field: Field, desc: boolean): RawBuilder<unknown> {
  const folded = sql`(${foldedText(dialect, sql.ref(field.column))})`;
  if (!desc) return folded;
  return dialect.name === 'postgres' && field.nullable
    ? sql`${folded} desc nulls last`
    : sql`${folded} desc`;
}

/**
 * One GIN trigram index per searchable column, on the search's own
 * expression: the planner only uses an expression index for the identical
 * expression, so it is taken from the dialect rather than written again.
 */
function trigramIndexes<F extends string>(
  schema: SchemaModule,
  resource: Resource<F>,
  table: string,
  dialect: SqlDialect,
): CreateIndexBuilder[] {
  return resource.searchable.map((name, position) => {
    const column = fieldOf(resource, name).column;
    const folded = dialect.asciiLower(sql.ref(column));
    return schema
      .createIndex(trigramIndexName(table, column, position))
      .on(table)
      .using('gin')
      .expression(sql`(${folded}) gin_trgm_ops`);
  });
}

/** `leads_name_trgm_idx`, shortened to fit the 63-character identifier limit. */
function trigramIndexName(table: string, column: string, position: number): string {
  const base = table.split('.').at(-1)!;
  const name = `${base}_${column}_trgm_idx`;
  return name.length <= 63 ? name : `${base.slice(0, 50)}_trgm${position + 1}`;
}

/**
 * Creates the table of `resource` and its indexes.
 *
 * @example
 * await createTable(db, leads, { table: 'leads' });
 * // PostgreSQL, with trigram indexes for search (needs pg_trgm):
 * await createTable(db, leads, { table: 'leads', searchIndexes: true });
 */
export async function createTable<DB, F extends string>(
  db: Kysely<DB>,
  resource: Resource<F>,
  options: TableOptions<F>,
): Promise<void> {
  const { extensions, table, indexes } = createTableQueries(db, resource, options);
  for (const extension of extensions) await extension.execute(db);
  await table.execute();
  for (const index of indexes) await index.execute();
}
