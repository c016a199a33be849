/**
 * `listql/mongo`: list queries compiled for the official MongoDB driver.
 * `mongodb` is an optional peer dependency, and neither this module nor its
 * published types import it: the few shapes it needs are declared in
 * mongo-types.ts, and driver values fit them.
 *
 * @example
 * import { leads, parseListQuery } from 'listql';
 * import { runMongo } from 'listql/mongo';
 * const { data, total } = await runMongo(db.collection('leads'), leads, parseListQuery(leads, search));
 */
export {
  compileMongo,
  type MongoFindQuery,
  type MongoQuery,
  SIMPLE_COLLATION,
} from './compile-mongo.js';
export type { MongoSort } from './compile-sort.js';
export type { MongoAggregateOptions, MongoCollation, MongoDocument } from './mongo-types.js';
export {
  type MongoAggregateTarget,
  type MongoPage,
  readTotal,
  runMongo,
} from './run-mongo.js';
export { literalSubstringPattern } from './search-pattern.js';
export type { MongoCompileOptions } from './storage.js';
