/**
 * The few MongoDB shapes `listql/mongo` speaks, declared here rather than
 * imported from the `mongodb` package: the compiled queries are plain
 * objects, and the published types of this subpath must not need the driver
 * (with `skipLibCheck: false`, an import of a package that is not installed is
 * an error in the user's build). Driver values fit them: a `Collection` is a
 * {@link MongoAggregateTarget}-shaped object, and these documents are accepted
 * wherever the driver takes a `Document` or `Filter`.
 */

/**
 * A BSON document: a filter, a stage, a projection, or a stored document.
 *
 * @example
 * const stage: MongoDocument = { $match: { status: 'won' } };
 */
export type MongoDocument = { [key: string]: unknown };

/**
 * The collation option of `find`, `aggregate` and `countDocuments`.
 *
 * @example
 * const collation: MongoCollation = { locale: 'simple' };
 */
export interface MongoCollation {
  readonly locale: string;
}

/**
 * The options {@link runMongo} passes to `aggregate`.
 *
 * @example
 * collection.aggregate(pipeline, { collation: SIMPLE_COLLATION } satisfies MongoAggregateOptions);
 */
export interface MongoAggregateOptions {
  readonly collation?: MongoCollation;
  /** Aborts the aggregation (driver 6.13 and later); `mongoBackend` passes `withTimeout`'s. */
  readonly signal?: AbortSignal;
}
