import type { CountStrategy, ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { compilePage } from './compile-mongo.js';
import type { MongoAggregateOptions, MongoDocument } from './mongo-types.js';
import type { MongoCompileOptions } from './storage.js';

/**
 * What {@link runMongo} needs of a collection; a driver `Collection` fits.
 * Declared structurally so this module never imports `mongodb` at runtime.
 *
 * @example
 * const target: MongoAggregateTarget = client.db('crm').collection('leads');
 */
export interface MongoAggregateTarget {
  aggregate(
    pipeline: MongoDocument[],
    options?: MongoAggregateOptions,
  ): { toArray(): Promise<MongoDocument[]> };
}

/**
 * One page of documents (API field names), the total number of matches (null
 * with `count: 'none'`), whether documents follow the page, and the count
 * strategy used (`estimated` is counted exactly: MongoDB's
 * `estimatedDocumentCount` ignores the filter, so it is no estimate of it).
 *
 * @example
 * const { data, total, hasMore, count }: MongoPage = await runMongo(collection, leads, query);
 */
export interface MongoPage {
  readonly data: MongoDocument[];
  readonly total: number | null;
  readonly hasMore: boolean;
  readonly count: Exclude<CountStrategy, 'estimated'>;
}

/**
 * The total from the result of a `countPipeline`. `$count` (like a `$group`
 * over no documents) outputs no document at all when nothing matches, so an
 * empty result means 0, not an error.
 *
 * @example
 * readTotal(await collection.aggregate(countPipeline).toArray()); // 0 when nothing matched
 */
export function readTotal(documents: readonly MongoDocument[]): number {
  const first = documents[0];
  if (first === undefined) return 0;
  const total: unknown = first['total'];
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    throw new Error(`readTotal: expected { total: <count> }, got ${JSON.stringify(first)}`);
  }
  return total;
}

/**
 * Runs a list query on a collection: the page pipeline (one document beyond
 * the limit, for `hasMore`) and, unless the query asks for `count: 'none'`,
 * the count pipeline, both with the simple (binary) collation.
 *
 * @example
 * const { data, total } = await runMongo(db.collection('leads'), leads, parseListQuery(leads, req.url));
 */
export async function runMongo<F extends string>(
  collection: MongoAggregateTarget,
  resource: Resource<F>,
  query: ListQuery<F>,
  options?: MongoCompileOptions,
): Promise<MongoPage> {
  const compiled = compilePage(resource, query, options, 1);
  const aggregateOptions: MongoAggregateOptions = { collation: compiled.collation };
  const count = query.count === 'none' ? 'none' : 'exact';
  const [documents, counted] = await Promise.all([
    collection.aggregate(compiled.pipeline, aggregateOptions).toArray(),
    count === 'none'
      ? null
      : collection.aggregate(compiled.countPipeline, aggregateOptions).toArray(),
  ]);
  const { limit } = query.page;
  return {
    data: documents.slice(0, limit),
    total: counted === null ? null : readTotal(counted),
    hasMore: documents.length > limit,
    count,
  };
}
