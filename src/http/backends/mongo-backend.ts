import type { ListQuery } from '../../ast/index.js';
import { type MongoAggregateTarget, runMongo } from '../../backends/mongo/index.js';
import type { MongoCompileOptions } from '../../backends/mongo/storage.js';
import type { Resource } from '../../resource/index.js';
import type { ListBackend, ListRow, ListRunOptions } from '../types.js';
import { BackendUnavailableError, type UnavailableReason } from '../unavailable.js';

/** Dates leave the driver as `Date`; the API promises ISO strings whether or not the body is serialized. */
function toApiRow(document: Readonly<Record<string, unknown>>): ListRow {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    row[key] = value instanceof Date ? value.toISOString() : value;
  }
  return row;
}

/** The driver's errors for "no server", "no answer" and "too slow", by name: its classes are not imported. */
const MONGO_FAILURES: Readonly<Record<string, UnavailableReason>> = {
  MongoServerSelectionError: 'connection',
  MongoNetworkError: 'connection',
  MongoNetworkTimeoutError: 'connection',
  MongoTopologyClosedError: 'connection',
  MongoOperationTimeoutError: 'timeout',
};
/** MaxTimeMSExpired: the server stopped an operation at its `maxTimeMS`. */
const MAX_TIME_MS_EXPIRED = 50;

/**
 * A driver error that means the store is unavailable for a moment, as a
 * {@link BackendUnavailableError} (a 503); any other error unchanged.
 *
 * @example
 * throw translateMongoError(err);
 */
export function translateMongoError(err: unknown): unknown {
  if (typeof err !== 'object' || err === null || err instanceof BackendUnavailableError) return err;
  const { name, code } = err as { name?: unknown; code?: unknown };
  const reason =
    code === MAX_TIME_MS_EXPIRED
      ? 'timeout'
      : typeof name === 'string' && Object.hasOwn(MONGO_FAILURES, name)
        ? MONGO_FAILURES[name]
        : undefined;
  return reason ? new BackendUnavailableError(reason, { cause: err }) : err;
}
const translate = translateMongoError;

/**
 * A {@link ListBackend} over a MongoDB collection (a driver `Collection`, or
 * anything with the same `aggregate`). Runs the page and count pipelines of
 * `compileMongo` with the simple (binary) collation. The driver's server
 * selection, network and timeout errors (`timeoutMS`, `maxTimeMS`) become a
 * {@link BackendUnavailableError}, a 503; `withTimeout`'s signal aborts the
 * aggregations.
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
      try {
        await collection.aggregate([{ $limit: 1 }, { $project: { _id: 1 } }]).toArray();
      } catch (err) {
        throw translate(err);
      }
    },
    async run(query: ListQuery<F>, runOptions: ListRunOptions = {}) {
      const { signal } = runOptions;
      const target: MongoAggregateTarget = signal
        ? {
            aggregate: (pipeline, aggregate) =>
              collection.aggregate(pipeline, { ...aggregate, signal }),
          }
        : collection;
      try {
        const page = await runMongo(target, resource, query, options);
        return { ...page, data: page.data.map(toApiRow) };
      } catch (err) {
        throw translate(err);
      }
    },
  };
}
