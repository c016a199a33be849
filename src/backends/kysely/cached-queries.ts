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
 *
 * A query without joins whose where condition has a key (`condition.ts`:
 * every filter node and the keyset seek have one) takes a faster road, on
 * which a hit builds no SQL at all: the key is the condition's, and the
 * parameters are its inputs, placed where the first query of the key had
 * them. That first query is built once with a marker for each input, which
 * shows where each input is bound, and once as it is, which must give the
 * same text and, with the inputs in the marked places, the same parameters;
 * otherwise the key is marked uncacheable (a plugin that rewrites values,
 * say). `verifyShapeCache(true)` builds every hit again and throws on any
 * difference; the whole test suite runs with it.
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
import { type Condition, condition } from './condition.js';
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

/**
 * A keyed query: its SQL, and for each parameter the input it binds
 * (an index into the condition's inputs, or {@link LIMIT_SLOT} / {@link OFFSET_SLOT}).
 */
interface KeyedQuery {
  readonly sql: string;
  readonly slots: readonly number[];
}

const LIMIT_SLOT = -1;
const OFFSET_SLOT = -2;

type Entry =
  | CachedPage<string>
  | { readonly sql: string }
  | KeyedQuery
  | (KeyedQuery & Pick<CachedPage<string>, 'read'>)
  | typeof UNCACHEABLE;

let verifying = false;

/**
 * Builds and compiles every query the keyed cache serves again and throws
 * when the text or the parameters differ: for tests (the whole suite runs
 * with it, see test/support/setup.ts), which generate queries to find a key
 * that misses a difference in structure. Returns the previous setting.
 * @internal
 */
export function verifyShapeCache(on: boolean): boolean {
  const previous = verifying;
  verifying = on;
  return previous;
}

/** Stands for one input while the SQL of a key is learned. */
class InputMarker {
  constructor(readonly index: number) {}
}

/** The inputs' markers, one per input. */
function markersFor(inputs: readonly unknown[]): InputMarker[] {
  return inputs.map((_, i) => new InputMarker(i));
}

/** The key of a where condition for the keyed road, or undefined when it has none. */
function whereKey(where: Condition): string | undefined {
  if (where.kind === 'constant') return where.value ? 'T' : 'F';
  return where.key === undefined ? undefined : `k${where.key}`;
}

/** `where` built with markers in place of its inputs. */
function markedWhere(where: Condition): Condition {
  return where.kind === 'constant' ? where : condition(where.buildWith(markersFor(where.inputs)));
}

/** The parameters of a keyed query: each slot's input, limit or offset. */
function bindSlots(
  slots: readonly number[],
  inputs: readonly unknown[],
  limit: number,
  offset: number,
): unknown[] {
  const out = new Array<unknown>(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    out[i] = slot === LIMIT_SLOT ? limit : slot === OFFSET_SLOT ? offset : inputs[slot];
  }
  return out;
}

/**
 * What each parameter of `marked` binds, or undefined when one is not an
 * input's marker (nor, with `paged`, the trailing LIMIT and OFFSET).
 */
function learnSlots(marked: readonly unknown[], paged: boolean): number[] | undefined {
  const slots: number[] = [];
  const tail = paged ? marked.length - 2 : marked.length;
  for (let i = 0; i < marked.length; i++) {
    const value = marked[i];
    if (value instanceof InputMarker) slots.push(value.index);
    else if (paged && i === tail) slots.push(LIMIT_SLOT);
    else if (paged && i === tail + 1) slots.push(OFFSET_SLOT);
    else return undefined;
  }
  return slots;
}

/**
 * The keyed query for `build` (a builder given the where condition to use),
 * learned on a miss: undefined when it cannot be (the caller compiles as usual).
 */
function learnKeyed(
  build: (where: Condition) => CompiledQuery<unknown>,
  where: Condition,
  real: CompiledQuery<unknown>,
  paged: boolean,
  limit: number,
  offset: number,
): KeyedQuery | undefined {
  const marked = build(markedWhere(where));
  const slots = learnSlots(marked.parameters, paged);
  if (slots === undefined || marked.sql !== real.sql) return undefined;
  const inputs = where.kind === 'constant' ? [] : where.inputs;
  if (!sameValues(real.parameters, bindSlots(slots, inputs, limit, offset))) return undefined;
  return { sql: marked.sql, slots };
}

/** Throws when a keyed hit differs from the query built as without the cache. */
function verifyHit(
  served: CompiledQuery<unknown>,
  built: CompiledQuery<unknown>,
  key: string,
): void {
  if (served.sql !== built.sql || !sameValues(served.parameters, built.parameters)) {
    throw new Error(
      `listql/kysely: the shape cache served other SQL than the query builds, for key ${JSON.stringify(key)}:\n${served.sql}\n${JSON.stringify(served.parameters)}\nbuilt:\n${built.sql}\n${JSON.stringify(built.parameters)}`,
    );
  }
}

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
  if (!cached) return { compiled: build(), read: rowReader(resource, query) };
  // Field names and directions are validated identifiers: `,`, `+`, `-` and NUL cannot occur in them.
  const select = query.select === 'all' ? '*' : query.select.join(',');
  const sort = query.sort
    .map((key) => `${key.direction === 'desc' ? '-' : '+'}${key.field}`)
    .join();
  const head = `${idOf(resource)}\u0000${idOf(options.dialect)}\u0000${options.table}\u0000${select}\u0000${sort}`;
  const keyOfWhere = joins.length === 0 ? whereKey(where) : undefined;
  if (keyOfWhere !== undefined) {
    const buildWith = (w: Condition) =>
      buildListQuery(db.selectFrom(options.table), resource, query, options, w, joins)
        .limit(limit)
        .compile() as CompiledQuery<unknown>;
    return keyedPage(
      db,
      `pagek\u0000${head}\u0000${keyOfWhere}`,
      where,
      buildWith,
      limit,
      offset,
      () => rowReader(resource, query),
    ) as PageQuery<F>;
  }
  const shape = fromShape(joinsShape(joins), where);
  if (shape === undefined) {
    return { compiled: build(), read: rowReader(resource, query) };
  }
  const key = `page\u0000${head}\u0000${shape.key}`;
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
  if (!cached) return build();
  const head = `${idOf(options.dialect)}\u0000${options.table}`;
  const keyOfWhere = joins.length === 0 ? whereKey(where) : undefined;
  if (keyOfWhere !== undefined) {
    const buildWith = (w: Condition) =>
      buildListCount(db.selectFrom(options.table), w, joins).compile() as CompiledQuery<unknown>;
    return keyedCount(
      db,
      `countk\u0000${head}\u0000${keyOfWhere}`,
      where,
      buildWith,
    ) as CompiledQuery<{
      total: number | string | bigint;
    }>;
  }
  const shape = fromShape(joinsShape(joins), where);
  if (shape === undefined) return build();
  const key = `count\u0000${head}\u0000${shape.key}`;
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

/** The page query of a keyed shape: from the cache, or learned now. */
function keyedPage(
  db: Kysely<LooseDatabase>,
  key: string,
  where: Condition,
  build: (where: Condition) => CompiledQuery<unknown>,
  limit: number,
  offset: number,
  reader: () => PageQuery<string>['read'],
): PageQuery<string> {
  const cache = cacheOf(db);
  const entry = cache.get(key);
  const inputs = where.kind === 'constant' ? [] : where.inputs;
  if (entry !== undefined && entry !== UNCACHEABLE && 'slots' in entry && 'read' in entry) {
    const compiled = CompiledQuery.raw(entry.sql, bindSlots(entry.slots, inputs, limit, offset));
    if (verifying) verifyHit(compiled, build(where), key);
    return { compiled: compiled as CompiledQuery<Record<string, unknown>>, read: entry.read };
  }
  const real = build(where);
  const read = reader();
  if (entry === undefined) {
    const learned = learnKeyed(build, where, real, true, limit, offset);
    cache.set(key, learned === undefined ? UNCACHEABLE : { ...learned, read });
  }
  return { compiled: real as CompiledQuery<Record<string, unknown>>, read };
}

/** The count query of a keyed shape: from the cache, or learned now. */
function keyedCount(
  db: Kysely<LooseDatabase>,
  key: string,
  where: Condition,
  build: (where: Condition) => CompiledQuery<unknown>,
): CompiledQuery<unknown> {
  const cache = cacheOf(db);
  const entry = cache.get(key);
  const inputs = where.kind === 'constant' ? [] : where.inputs;
  if (entry !== undefined && entry !== UNCACHEABLE && 'slots' in entry) {
    const compiled = CompiledQuery.raw(entry.sql, bindSlots(entry.slots, inputs, 0, 0));
    if (verifying) verifyHit(compiled, build(where), key);
    return compiled;
  }
  const real = build(where);
  if (entry === undefined) {
    cache.set(key, learnKeyed(build, where, real, false, 0, 0) ?? UNCACHEABLE);
  }
  return real;
}
