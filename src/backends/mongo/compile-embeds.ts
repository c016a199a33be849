/**
 * Embeds (`fields=label.name,tags.name`): the related documents a page row
 * returns under each relation's name, built after the page's `$limit` so
 * only the page's rows look anything up.
 */
import type { EmbedPlan } from '../../resource/index.js';
import { moreKey } from '../../resource/select-plan.js';
import { relatedLookup, relationStages } from './compile-lookup.js';
import { projectFields } from './compile-projection.js';
import type { MongoDocument } from './mongo-types.js';
import { fail, type MongoStorage } from './storage.js';

/** The stages that gather the embeds, and the final projection's entries that return them. */
export interface EmbedParts {
  readonly stages: MongoDocument[];
  readonly projection: MongoDocument;
}

/** The key a to-many embed's documents are looked up under (its `-` keeps it apart from columns). */
function embedKey(name: string): string {
  return `listql-embed-${name}`;
}

/**
 * Stages and projection entries for `embeds`. A to-one embed is an object of
 * the selected related fields or null, read from the relation's key (looked
 * up here unless `lookedUp` holds it already). A to-many embed is looked up
 * sorted by the related id (binary order, like the id tie-breaker) and cut
 * at `embedLimit + 1` documents, so the projection can keep `embedLimit` of
 * them and say in `'<name>@more'` whether there were more.
 *
 * @example
 * compileEmbeds(selectPlan(labeledLeads, ['id', 'tags.name']).embeds, storage, new Set());
 * // projection: { tags: { $slice: ['$listql-embed-tags', 20] }, 'tags@more': { $gt: [{ $size: … }, 20] } }
 */
export function compileEmbeds<F extends string>(
  embeds: readonly EmbedPlan[],
  storage: MongoStorage<F>,
  lookedUp: ReadonlySet<string>,
): EmbedParts {
  const stages: MongoDocument[] = [];
  const projection: MongoDocument = {};
  for (const { relation, fields } of embeds) {
    for (const field of fields) {
      if (!relation.selectable.has(field.name)) {
        fail(`field '${field.name}' of relation '${relation.name}' is not selectable`);
      }
    }
    if (relation.type === 'toOne') {
      if (!lookedUp.has(relation.name)) stages.push(...relationStages(relation, storage));
      const key = storage.relationKey(relation);
      const object = projectFields(fields, storage.target(relation, 'prefixed'), false);
      projection[relation.name] = {
        $cond: [{ $eq: [{ $type: `$${key}` }, 'object'] }, object, null],
      };
      continue;
    }
    const key = embedKey(relation.name);
    const target = storage.target(relation, 'document');
    const tail = [
      { $sort: { [target.idColumn]: 1 } },
      { $limit: relation.embedLimit + 1 },
      { $project: projectFields(fields, target, true) },
    ];
    // Every to-many embed is a lookup, embedded ones included: the stored
    // array is in no particular order, and the embed is in id order.
    stages.push(relatedLookup(relation, storage, key, tail));
    projection[relation.name] = { $slice: [`$${key}`, relation.embedLimit] };
    projection[moreKey(relation)] = { $gt: [{ $size: `$${key}` }, relation.embedLimit] };
  }
  return { stages, projection };
}
