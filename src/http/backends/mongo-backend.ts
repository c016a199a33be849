import type { ListQuery } from '../../ast/index.js';
import { type MongoAggregateTarget, runMongo } from '../../backends/mongo/index.js';
import type { MongoCompileOptions } from '../../backends/mongo/storage.js';
import type { Resource } from '../../resource/index.js';
import type { ListBackend, ListRow } from '../types.js';

/** Dates leave the driver as `Date`; the API promises ISO strings whether or not the body is serialized. */
function toApiRow(document: Readonly<Record<string, unknown>>): ListRow {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    row[key] = value instanceof Date ? value.toISOString() : value;
  }
  return row;
}

/**
 * A {@link ListBackend} over a MongoDB collection (a driver `Collection`, or
 * anything with the same `aggregate`). Runs the page and count pipelines of
 * `compileMongo` with the simple (binary) collation.
 *
 * @example
 * import { MongoClient } from 'mongodb';
 * const collection = new MongoClient(url).db('crm').collection('leads');
 * const backend = mongoBackend(collection, leads);
 */
export function mongoBackend<F extends string>(
  collection: MongoAggregateTarget,
  resource: Resource<F>,
  options?: MongoCompileOptions,
): ListBackend<F> {
  return {
    // The cheapest round trip that needs a working connection and the collection's database.
    async ping() {
      await collection.aggregate([{ $limit: 1 }, { $project: { _id: 1 } }]).toArray();
    },
    async run(query: ListQuery<F>) {
      const page = await runMongo(collection, resource, query, options);
      return { ...page, data: page.data.map(toApiRow) };
    },
  };
}
