/**
 * `buildPlainResource`: the smallest road to a resource in a browser bundle,
 * for a definition without groups and without relations.
 */
import { buildPlain } from './build-resource.js';

/**
 * Builds the resource of a valid definition that has no `groups` and no
 * `relations` (its type refuses both), without checking it, like
 * `buildResource`; unlike it, a bundle that uses it carries neither the
 * client's group code nor its relation code (about 1.8 kB gzipped), so a
 * front end with a plain resource stays small (docs/client.md, "Size").
 * Use `defineResource` where the definition may be wrong, `buildResource`
 * for one with groups or relations.
 *
 * @example
 * const tasks = buildPlainResource({
 *   name: 'tasks',
 *   fields: { id: { type: 'string' }, done: { type: 'boolean', filter: ['eq'] } },
 * });
 */
export const buildPlainResource: typeof buildPlain = (definition) => {
  // The type refuses both; a definition from JavaScript gets this Error rather than a
  // resource that silently lacks them.
  if (definition.groups || definition.relations) {
    throw new Error(
      `buildPlainResource('${definition.name}'): groups and relations need buildResource`,
    );
  }
  return buildPlain(definition);
};
