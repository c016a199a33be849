/**
 * The stages that bring a relation's related documents into each document
 * of the pipeline: a `$lookup` of the relation's collection (through the
 * join collection for many-to-many), or of the row's own embedded
 * sub-documents when an embedded relation's `where` must drop some first.
 */
import type { FilterNode } from '../../ast/index.js';
import { filterRelations } from '../../resource/filter-relations.js';
import type { Field, Relation, Resource } from '../../resource/index.js';
import { compileFilter } from './compile-filter.js';
import type { MongoDocument } from './mongo-types.js';
import { type MongoStorage, needsLookup } from './storage.js';

/** The key a join row's looked-up target sits under, inside a many-to-many lookup. */
const ROW_KEY = 'listql-row';

/**
 * Related documents whose `column` equals the `$$key` of the row. The
 * `$ne: null` test comes first because `$expr` equality pairs two missing
 * keys: a null or missing key relates nothing. Both halves can use an index
 * on `column` (MongoDB 5.0+ for the `$expr` equality).
 */
function keyMatch(column: string): MongoDocument {
  return { $and: [{ [column]: { $ne: null } }, { $expr: { $eq: [`$${column}`, '$$key'] } }] };
}

function withWhere(match: MongoDocument, where: MongoDocument | null): MongoDocument {
  if (where === null || Object.keys(where).length === 0) return match;
  return { $and: [...(match['$and'] as MongoDocument[]), where] };
}

/**
 * The `$lookup` stage putting `relation`'s related documents, as an array,
 * under `as`, each through `tail` (extra stages of the lookup's pipeline:
 * the sort, limit and projection of an embed). The relation's `where` is the
 * first `$match` of the related documents, so a document it refuses never
 * reaches a filter, a sort or an embed. A target linked twice through the
 * join collection is grouped into one before its lookup.
 *
 * @example
 * relatedLookup(relationOf(labeledLeads, 'label'), storage, 'listql-rel-label', []);
 * // { $lookup: { from: 'labels', let: { key: '$labelId' }, pipeline: [{ $match: … }], as: 'listql-rel-label' } }
 */
export function relatedLookup<F extends string>(
  relation: Relation,
  storage: MongoStorage<F>,
  as: string,
  tail: readonly MongoDocument[],
): MongoDocument {
  const target = storage.target(relation, 'document');
  const where = relation.where === null ? null : compileFilter(relation.where, target);
  if (relation.embedded) {
    // MongoDB 6.0+: a lookup of the row's own sub-documents, as a collection
    // of their own, so the same query documents filter them.
    const stored = `$${relation.column}`;
    const rows =
      relation.type === 'toOne'
        ? { $cond: [{ $eq: [{ $type: stored }, 'object'] }, [stored], []] }
        : { $cond: [{ $isArray: stored }, stored, []] };
    const match = where === null ? [] : [{ $match: where }];
    return {
      $lookup: { let: { rows }, pipeline: [{ $documents: '$$rows' }, ...match, ...tail], as },
    };
  }
  const key = `$${storage.columnOf(relation.localKey as Field<F>)}`;
  const targetMatch = { $match: withWhere(keyMatch(target.columnOf(relation.targetKey)), where) };
  if (relation.through === null) {
    return {
      $lookup: { from: relation.table, let: { key }, pipeline: [targetMatch, ...tail], as },
    };
  }
  const { table, sourceColumn, targetColumn } = relation.through;
  return {
    $lookup: {
      from: table,
      let: { key },
      pipeline: [
        { $match: keyMatch(sourceColumn) },
        { $group: { _id: `$${targetColumn}` } },
        {
          $lookup: {
            from: relation.table,
            let: { key: '$_id' },
            pipeline: [targetMatch],
            as: ROW_KEY,
          },
        },
        { $unwind: `$${ROW_KEY}` },
        { $replaceRoot: { newRoot: `$${ROW_KEY}` } },
        ...tail,
      ],
      as,
    },
  };
}

/**
 * The stages that make `relation`'s related documents readable at
 * `storage.relationKey(relation)` for filters and sorts: nothing for an
 * embedded relation without `where` (the stored key is read as it is); a
 * lookup otherwise, and for a to-one relation its one document unwrapped
 * (null when there is none, which paths below it read as null). A to-many
 * lookup keeps only the related fields in `read` (what the filter's `some`
 * nodes test), so whole related documents never ride along the pipeline.
 *
 * @example
 * relationStages(relationOf(labeledLeads, 'tags'), storage, new Set(['name'])); // [{ $lookup: { from: 'lead_tags', … } }]
 */
export function relationStages<F extends string>(
  relation: Relation,
  storage: MongoStorage<F>,
  read?: ReadonlySet<string>,
): MongoDocument[] {
  if (!needsLookup(relation)) return [];
  const key = storage.relationKey(relation);
  if (relation.type === 'toOne') {
    return [
      relatedLookup(relation, storage, key, []),
      { $addFields: { [key]: { $ifNull: [{ $arrayElemAt: [`$${key}`, 0] }, null] } } },
    ];
  }
  const tail: MongoDocument[] = [];
  if (read !== undefined) {
    const target = storage.target(relation, 'document');
    // An inclusion projection keeps `_id`: never empty, even for `some(r, and([]))`.
    const projection: MongoDocument = { [target.idColumn]: 1 };
    for (const name of read) projection[target.leaf(name).key] = 1;
    tail.push({ $project: projection });
  }
  return [relatedLookup(relation, storage, key, tail)];
}

/**
 * The related fields the `some` nodes of `relation` read in `nodes`.
 *
 * @example
 * someFields([some('tags', eq('name', 'vip'))], 'tags'); // Set { 'name' }
 */
export function someFields(nodes: readonly FilterNode[], relation: string): Set<string> {
  const fields = new Set<string>();
  const inside = (node: FilterNode): void => {
    switch (node.kind) {
      case 'comparison':
      case 'in':
      case 'exists':
      case 'text':
      case 'foldedComparison':
        fields.add(node.field);
        break;
      case 'search':
        for (const name of node.fields) fields.add(name);
        break;
      case 'and':
      case 'or':
        node.children.forEach(inside);
        break;
      case 'not':
        inside(node.child);
        break;
      case 'some':
        break;
    }
  };
  const outside = (node: FilterNode): void => {
    if (node.kind === 'some') {
      if (node.relation === relation) inside(node.filter);
    } else if (node.kind === 'and' || node.kind === 'or') {
      node.children.forEach(outside);
    } else if (node.kind === 'not') {
      outside(node.child);
    }
  };
  nodes.forEach(outside);
  return fields;
}

/**
 * The relations a filter tree reads: those of its to-one path leaves and of
 * its `some` nodes (see `filterRelations` of listql's resources).
 *
 * @example
 * readRelations(labeledLeads, and([eq('label.name', 'VIP'), some('tags', eq('name', 'vip'))])); // label, tags
 */
export function readRelations(resource: Resource, node: FilterNode): Set<Relation> {
  const { paths, some } = filterRelations(resource, node);
  return new Set([...paths, ...some]);
}

/** Whether a filter tree needs a lookup stage before it can be tested. */
export function needsLookups(resource: Resource, node: FilterNode): boolean {
  for (const relation of readRelations(resource, node)) if (needsLookup(relation)) return true;
  return false;
}

/**
 * The stages for a set of relations, in declaration order; to-many lookups
 * keep the fields the `some` nodes of `nodes` read.
 */
export function stagesFor<F extends string>(
  relations: Iterable<Relation>,
  storage: MongoStorage<F>,
  nodes: readonly FilterNode[],
): MongoDocument[] {
  return [...new Set(relations)]
    .sort((a, b) => a.index - b.index)
    .flatMap((relation) => relationStages(relation, storage, someFields(nodes, relation.name)));
}
