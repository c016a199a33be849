import type { ListQuery } from '../../ast/index.js';
import type { MongoDocument } from './mongo-types.js';
import { fail, type MongoStorage } from './storage.js';

/**
 * The projection that returns the selected fields under their API names:
 * `{ _id: 0, id: '$_id', name: { $ifNull: ['$name', null] }, … }`. A nullable
 * field goes through `$ifNull` because a computed field whose path is missing
 * would be left out of the result; with it, a missing field and a stored null
 * both come back as `null`, like every other backend. Valid as a `$project`
 * stage and as a `find()` projection (MongoDB 4.4+ accepts expressions there).
 *
 * @example
 * compileProjection(['id', 'name'], storage);
 * // { _id: 0, id: '$_id', name: { $ifNull: ['$name', null] } }
 */
export function compileProjection<F extends string>(
  select: ListQuery<F>['select'],
  storage: MongoStorage<F>,
): MongoDocument {
  const { resource } = storage;
  const names = select === 'all' ? resource.selectable : select;
  const projection: MongoDocument = {};
  // `_id` comes back unless excluded, unless a selected field is itself called `_id`.
  if (!names.includes('_id' as F)) projection['_id'] = 0;
  for (const name of names) {
    const field = storage.field(name);
    if (!resource.selectable.includes(field.name)) fail(`field '${name}' is not selectable`);
    const path = `$${storage.columnOf(field)}`;
    projection[field.name] = field.nullable ? { $ifNull: [path, null] } : path;
  }
  return projection;
}
