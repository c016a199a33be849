import { and, type FilterNode, keysetFilter, type ListQuery } from '../../ast/index.js';
import type { Relation, Resource } from '../../resource/index.js';
import { selectPlan } from '../../resource/select-plan.js';
import { compileEmbeds } from './compile-embeds.js';
import { compileFilter } from './compile-filter.js';
import { needsLookups, readRelations, stagesFor } from './compile-lookup.js';
import { compileProjection } from './compile-projection.js';
import { type MongoSort, planSort } from './compile-sort.js';
import type { MongoCollation, MongoDocument } from './mongo-types.js';
import {
  fail,
  type MongoCompileOptions,
  type MongoStorage,
  mongoStorage,
  needsLookup,
} from './storage.js';

/**
 * The parts of a `collection.find()` call that return exactly the requested page.
 *
 * @example
 * const { filter, sort, projection, skip, limit } = compiled.find;
 * await collection.find(filter, { projection, collation }).sort(sort).skip(skip).limit(limit).toArray();
 */
export interface MongoFindQuery {
  readonly filter: MongoDocument;
  readonly sort: MongoSort;
  readonly projection: MongoDocument;
  readonly skip: number;
  readonly limit: number;
}

/**
 * A list query compiled for the MongoDB driver. See `docs/backends/mongo.md`.
 *
 * @example
 * const q: MongoQuery = compileMongo(leads, query);
 * const data = await collection.aggregate(q.pipeline, { collation: q.collation }).toArray();
 */
export interface MongoQuery {
  /**
   * The query document of the filter; exact on the documents after
   * {@link lookups} (the stored documents themselves when `lookups` is
   * empty: then use it with `countDocuments(filter)` for `total`). For a keyset page (`query.after`)
   * the page's documents are those of `find.filter` / the pipeline's `$match`,
   * which also hold the keyset condition; without a position they are the same.
   */
  readonly filter: MongoDocument;
  /**
   * The stages `filter` needs before it: the `$lookup`s of the referenced
   * relations it reads (`label.name=VIP`, `tags.name=vip`). Empty for a
   * filter without them, which then applies to the stored documents as it
   * is (`countDocuments(filter)`); otherwise use
   * `[...lookups, { $match: filter }]` or {@link countPipeline}.
   */
  readonly lookups: MongoDocument[];
  /**
   * `find()` arguments giving the same page as {@link pipeline}, or `undefined`
   * when `find()` cannot: an ascending sort on a nullable field needs nulls
   * last, and a plain MongoDB sort puts them first; related documents need
   * `$lookup` stages, and embeds a computed projection.
   */
  readonly find: MongoFindQuery | undefined;
  /** Aggregation pipeline yielding the page: selected fields under their API names. Always exact. */
  readonly pipeline: MongoDocument[];
  /** Aggregation pipeline yielding `{ total }`, or no document at all when nothing matches. */
  readonly countPipeline: MongoDocument[];
  /**
   * Pass as the `collation` option of `aggregate`, `find` and `countDocuments`:
   * binary string comparison (code point order), whatever the collection's
   * default collation.
   */
  readonly collation: MongoCollation;
}

/**
 * Binary comparison of UTF-8 bytes, which orders strings by code point.
 *
 * @example
 * await collection.countDocuments(filter, { collation: SIMPLE_COLLATION });
 */
export const SIMPLE_COLLATION: Readonly<MongoCollation> = Object.freeze({ locale: 'simple' });

function pageWindow(query: ListQuery): { skip: number; limit: number } {
  const { limit, page } = query.page;
  if (!Number.isSafeInteger(limit) || limit < 1) fail(`page.limit must be a positive integer`);
  if (!Number.isSafeInteger(page) || page < 1) fail(`page.page must be a positive integer`);
  // A keyset page starts right after its position: no skip, whatever `page` says.
  const skip = query.after === null ? (page - 1) * limit : 0;
  if (!Number.isSafeInteger(skip)) fail(`page.page × page.limit is too large`);
  return { skip, limit };
}

/**
 * Compiles a validated list query for MongoDB: a filter, an aggregation
 * pipeline for the page and one for the total, and `find()` arguments when
 * they give the same order. Semantics are those of every listql backend
 * (two-valued logic, `exists` meaning "not null", nulls last both ways,
 * binary string order, ASCII-only case folding in search). Field names come
 * only from the resource; values only as typed literals and `Date`s.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won&value[gte]=100&sort=value:desc');
 * const { pipeline, countPipeline, collation } = compileMongo(leads, query);
 * const data = await collection.aggregate(pipeline, { collation }).toArray();
 * const total = readTotal(await collection.aggregate(countPipeline, { collation }).toArray());
 */
export function compileMongo<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  options?: MongoCompileOptions,
): MongoQuery {
  return compilePage(resource, query, options, 0);
}

/**
 * {@link compileMongo} with `lookahead` documents beyond the page in
 * `pipeline` and `find` (`runMongo` asks for one, to know whether another
 * page follows).
 * @internal
 */
export function compilePage<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  options: MongoCompileOptions | undefined,
  lookahead: number,
): MongoQuery {
  const storage = mongoStorage(resource, options);
  const window = pageWindow(query);
  const skip = window.skip;
  const limit = window.limit + lookahead;
  const filter = compileFilter(query.filter, storage);
  const nullable = (name: F): boolean => storage.leaf(name).nullable;
  const folded = (name: F): boolean => storage.field(name).caseInsensitiveSort;
  // The keyset chain compares strings with $gt/$lt, by binary collation like $sort.
  const pageNode: FilterNode<F> =
    query.after === null
      ? query.filter
      : {
          kind: 'and',
          children: [query.filter, keysetFilter(query.sort, query.after, nullable, folded)],
        };
  const order = planSort(query.sort, storage);
  const plan = selectPlan(resource, query.select);
  const projection = compileProjection(query.select, storage);
  const hasSort = Object.keys(order.sort).length > 0;

  // Relations the sort reads must be in place before the $sort.
  const sortRelations = new Set<Relation>();
  for (const key of query.sort) {
    const relation = storage.leaf(key.field).relation;
    if (relation !== null && needsLookup(relation)) sortRelations.add(relation);
  }
  const page = matchStages(resource, pageNode, storage, sortRelations);
  const lookedUp = new Set(
    [...readRelations(resource, pageNode), ...sortRelations]
      .filter(needsLookup)
      .map((relation) => relation.name),
  );
  const embeds = compileEmbeds(plan.embeds, storage, lookedUp);

  const pipeline: MongoDocument[] = [...page];
  if (order.nullFlags) pipeline.push({ $addFields: order.nullFlags });
  // MongoDB rejects an empty $sort; the parser always sorts by at least the id.
  if (hasSort) pipeline.push({ $sort: order.sort });
  // Likewise a $skip of 0 is noise.
  if (skip > 0) pipeline.push({ $skip: skip });
  pipeline.push({ $limit: limit }, ...embeds.stages, {
    $project: { ...projection, ...embeds.projection },
  });

  const filterLookups = stagesFor(
    [...readRelations(resource, query.filter)].filter(needsLookup),
    storage,
    [query.filter],
  );
  // find() can neither look up nor embed: only the pipeline can answer.
  const findable = order.findExact && page.length === 1 && plan.embeds.length === 0;
  return {
    filter: filter as MongoDocument,
    lookups: filterLookups,
    find: findable
      ? { filter: page[0]!['$match'] as MongoDocument, sort: order.sort, projection, skip, limit }
      : undefined,
    pipeline,
    countPipeline: [
      ...matchStages(resource, query.filter, storage, new Set()),
      { $count: 'total' },
    ],
    collation: { ...SIMPLE_COLLATION },
  };
}

/**
 * The `$match` stages of a filter, cheap first: the conditions of its
 * top-level `and` that need no lookup match before any `$lookup` runs (and
 * can use the collection's indexes), then the lookups of the relations the
 * rest reads (and of `extra`, the sort's), then the rest. Without lookups it
 * is the one `$match` of the whole filter, as before relations.
 */
function matchStages<F extends string>(
  resource: Resource<F>,
  node: FilterNode<F>,
  storage: MongoStorage<F>,
  extra: ReadonlySet<Relation>,
): MongoDocument[] {
  const parts: FilterNode<F>[] = [];
  const flatten = (child: FilterNode<F>): void => {
    if (child.kind === 'and') child.children.forEach(flatten);
    else parts.push(child);
  };
  flatten(node);
  const dear = parts.filter((part) => needsLookups(resource, part));
  if (dear.length === 0 && extra.size === 0) return [{ $match: compileFilter(node, storage) }];
  const cheap = parts.filter((part) => !dear.includes(part));
  const relations = new Set(extra);
  for (const part of dear)
    for (const relation of readRelations(resource, part)) relations.add(relation);
  const stages: MongoDocument[] = [];
  if (cheap.length > 0) stages.push({ $match: compileFilter(and(cheap), storage) });
  stages.push(...stagesFor([...relations].filter(needsLookup), storage, dear));
  if (dear.length > 0) stages.push({ $match: compileFilter(and(dear), storage) });
  return stages;
}
