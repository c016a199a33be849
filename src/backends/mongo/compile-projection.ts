import type { ListQuery } from '../../ast/index.js';
import type { Field } from '../../resource/index.js';
import { selectPlan } from '../../resource/select-plan.js';
import type { MongoDocument } from './mongo-types.js';
import { fail, type MongoStorage } from './storage.js';

/**
 * The projection that returns the selected fields under their API names:
 * `{ _id: 0, id: '$_id', name: { $ifNull: ['$name', null] }, … }`. A nullable
 * field goes through `$ifNull` because a computed field whose path is missing
 * would be left out of the result; with it, a missing field and a stored null
 * both come back as `null`, like every other backend. Valid as a `$project`
 * stage and as a `find()` projection (MongoDB 4.4+ accepts expressions there).
 * Relation paths in `select` are embeds, projected by `compileEmbeds`.
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
  const fields = selectPlan(resource, select).fields as readonly Field<F>[];
  for (const field of fields) {
    if (!resource.selectable.includes(field.name)) fail(`field '${field.name}' is not selectable`);
  }
  return projectFields(fields, storage, true);
}

/**
 * `{ <field name>: <expression of its key> }` for each field; with
 * `excludeId`, `_id: 0` first unless a field is itself called `_id` (a
 * `$project` stage keeps `_id` unless told). Shared by the row's own
 * projection and by embedded related documents.
 *
 * @example
 * projectFields([idField, nameField], storage, true); // { _id: 0, id: '$_id', name: { $ifNull: ['$name', null] } }
 */
export function projectFields<F extends string>(
  fields: readonly Field<F>[],
  storage: MongoStorage<F>,
  excludeId: boolean,
): MongoDocument {
  const projection: MongoDocument = {};
  if (excludeId && !fields.some((field) => field.name === '_id')) projection['_id'] = 0;
  for (const field of fields) {
    const path = `$${storage.columnOf(field)}`;
    projection[field.name] = field.nullable ? { $ifNull: [path, null] } : path;
  }
  return projection;
}
