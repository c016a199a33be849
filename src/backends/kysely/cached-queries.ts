/**
 * The page and count queries of `runListQuery`, compiled once per query
 * *shape* and reused: queries with the same fields, sort, page kind and
 * where-clause structure differ only in their bound values, so the SQL text
 * is kept and only the parameters are bound again.
 *
 * - The key is built from validated structure only: the resource, dialect
 *   and table (by identity), the select list and sort of the parsed query,
 *   the shape of the to-one joins (tables, aliases, ON conditions with the
 *   relations' `where`) and the shape of the compiled where clause (its
 *   Kysely operation tree with every bound value taken out, see
 *   `sql-shape.ts`; a to-many filter's `EXISTS` is part of it) — never raw
 *   input, never a value. Equal keys give equal SQL text by construction.
 * - The first query of a shape is built and compiled as without the cache;
 *   its compiled parameters must be exactly the joins' values, the where
 *   clause's, then LIMIT and OFFSET (the count: no LIMIT), or the shape is marked
 *   uncacheable and always compiled (a plugin that adds parameters, say).
 * - Each Kysely executor (one per Kysely instance; a transaction has its own)
 *   has its own bounded cache, so plugins and dialects never mix.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import {
  buildListCount,
  buildListQuery,
  countJoins,
  type ListQuerySqlOptions,
  pageJoins,
  pageOffset,
  whereCondition,
} from './apply-list-query.js';
import { BoundedCache } from './bounded-cache.js';
import { selectedFields } from './compile-select.js';
import type { Condition } from './condition.js';
import type { LooseDatabase } from './loose-db.js';
import { type ListRow, listRowReader } from './read-row.js';
import { type SqlShape, sqlShape } from './sql-shape.js';
import { joinsShape } from './to-one-joins.js';

/** How many shapes one Kysely instance keeps (each entry: the SQL text and a row reader). */
export const SHAPE_CACHE_SIZE = 500;

/** A compiled query of a shape: its SQL, and how many parameters precede LIMIT/OFFSET. */
interface CachedPage<F extends string> {
  readonly sql: string;
  readonly read: (row: Readonly<Record<string, unknown>>) => ListRow<F>;
}

/** Uncacheable shapes stay in the cache as this marker, so they are not checked again. */
const UNCACHEABLE = Symbol('uncacheable');

type Entry = CachedPage<string> | { readonly sql: string } | typeof UNCACHEABLE;

const caches = new WeakMap<object, BoundedCache<string, Entry>>();
const ids = new WeakMap<object, number>();
let nextId = 0;

/** A number for an object, stable for its lifetime: resources and dialects by identity. */
function idOf(value: object): number {
  let id = ids.get(value);
  if (id === undefined) {
    nextId += 1;
    id = nextId;
    ids.set(value, id);
  }
  return id;
}

function cacheOf(db: Kysely<LooseDatabase>): BoundedCache<string, Entry> {
  const executor = db.getExecutor();
  let cache = caches.get(executor);
  if (cache === undefined) {
    cache = new BoundedCache(SHAPE_CACHE_SIZE);
    caches.set(executor, cache);
  }
  return cache;
}

/** The shape of a where condition: a constant has no operation tree. */
function whereShape(where: Condition): SqlShape | undefined {
  if (where.kind === 'constant') return { key: String(where.value), parameters: [] };
  return sqlShape(where.sql.toOperationNode());
}

/** The shape of the joins and the where clause together, their values in SQL order. */
function fromShape(joins: SqlShape | undefined, where: Condition): SqlShape | undefined {
  const matched = whereShape(where);
  if (joins === undefined || matched === undefined) return undefined;
  if (joins.key === '') return matched;
  return {
    key: `${joins.key}\u0000${matched.key}`,
    parameters: [...joins.parameters, ...matched.parameters],
  };
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/** The reader of a page's rows: the driver's rows are `runListQuery`'s own, so they are reused. */
function rowReader<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
): (row: Readonly<Record<string, unknown>>) => ListRow<F> {
  return listRowReader(selectedFields(resource, query.select), { reuseRows: true });
}

/** A compiled page query with one row past the limit, and the reader of its rows (which converts the driver's rows in place). */
export interface PageQuery<F extends string> {
  readonly compiled: CompiledQuery<Record<string, unknown>>;
  readonly read: (row: Readonly<Record<string, unknown>>) => ListRow<F>;
}

/**
 * The page query of `query` (one row past the limit, so `hasMore` is
 * exact), from the cache when its shape was compiled before.
 *
 * `where` defaults to the query's condition with its keyset seek; pass it
 * when it is already compiled (a page without a cursor shares it with the count).
 *
 * @example
 * const { compiled, read } = pageQuery(db, leads, query, { dialect, table: 'leads' }, true);
 * const rows = (await db.executeQuery(compiled)).rows.map(read);
 */
export function pageQuery<F extends string>(
  db: Kysely<LooseDatabase>,
  resource: Resource<F>,
  query: ListQuery<F>,
  options: ListQuerySqlOptions & { readonly table: string },
  cached: boolean,
  where: Condition = whereCondition(resource, query, options, true),
): PageQuery<F> {
  const limit = query.page.limit + 1;
  const offset = pageOffset(query);
  const joins = pageJoins(resource, query, options);
  const build = (): CompiledQuery<Record<string, unknown>> =>
    buildListQuery(db.selectFrom(options.table), resource, query, options, where, joins)
      .limit(limit)
      .compile() as CompiledQuery<Record<string, unknown>>;
  const shape = cached ? fromShape(joinsShape(joins), where) : undefined;
  if (shape === undefined) {
    return { compiled: build(), read: rowReader(resource, query) };
  }
  // Field names and directions are validated identifiers: `,`, `+`, `-` and NUL cannot occur in them.
  const select = query.select === 'all' ? '*' : query.select.join(',');
  const sort = query.sort
    .map((key) => `${key.direction === 'desc' ? '-' : '+'}${key.field}`)
    .join();
  const key = `page\u0000${idOf(resource)}\u0000${idOf(options.dialect)}\u0000${options.table}\u0000${select}\u0000${sort}\u0000${shape.key}`;
  const cache = cacheOf(db);
  const entry = cache.get(key);
  const parameters = [...shape.parameters, limit, offset];
  if (entry !== undefined && entry !== UNCACHEABLE && 'read' in entry) {
    return {
      compiled: CompiledQuery.raw(entry.sql, parameters) as CompiledQuery<Record<string, unknown>>,
      read: entry.read as PageQuery<F>['read'],
    };
  }
  const compiled = build();
  const read = rowReader(resource, query);
  if (entry === undefined) {
    cache.set(
      key,
      sameValues(compiled.parameters, parameters)
        ? ({ sql: compiled.sql, read } as CachedPage<string>)
        : UNCACHEABLE,
    );
  }
  return { compiled, read };
}

/**
 * The `count(*)` query of `query`'s filter, from the cache when its shape
 * was compiled before.
 *
 * @example
 * const { rows } = await db.executeQuery(countQuery(db, leads, query, { dialect, table: 'leads' }, true));
 */
export function countQuery<F extends string>(
  db: Kysely<LooseDatabase>,
  resource: Resource<F>,
  query: ListQuery<F>,
  options: ListQuerySqlOptions & { readonly table: string },
  cached: boolean,
  where: Condition = whereCondition(resource, query, options, false),
): CompiledQuery<{ total: number | string | bigint }> {
  const joins = countJoins(resource, query, options);
  const build = () => buildListCount(db.selectFrom(options.table), where, joins).compile();
  const shape = cached ? fromShape(joinsShape(joins), where) : undefined;
  if (shape === undefined) return build();
  const key = `count\u0000${idOf(options.dialect)}\u0000${options.table}\u0000${shape.key}`;
  const cache = cacheOf(db);
  const entry = cache.get(key);
  if (entry !== undefined && entry !== UNCACHEABLE) {
    return CompiledQuery.raw(entry.sql, [...shape.parameters]) as CompiledQuery<{
      total: number | string | bigint;
    }>;
  }
  const compiled = build();
  if (entry === undefined) {
    cache.set(
      key,
      sameValues(compiled.parameters, shape.parameters) ? { sql: compiled.sql } : UNCACHEABLE,
    );
  }
  return compiled;
}
