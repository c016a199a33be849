/**
 * The pipelines compiled for relations: lookups only for the relations a
 * query uses, cheap conditions before them, embeds after the page's $limit,
 * the output of relation-free queries unchanged, and every document valid
 * BSON whose keys come from operators and definitions only.
 */
import fc from 'fast-check';
import { BSON } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { compileMongo } from '../../../../src/backends/mongo/index.js';
import {
  and,
  eq,
  exists,
  type FilterNode,
  foldedComparison,
  inList,
  labeledLeads,
  leads,
  not,
  or,
  parseListQuery,
  some,
} from '../../../../src/index.js';
import { propertyParams } from '../../../support/property.js';
import { embeddedOwners, ownerQuery, owners } from './relation-fixtures.js';

const stageNames = (pipeline: readonly object[]) => pipeline.map((stage) => Object.keys(stage)[0]);

describe('compileMongo with relations', () => {
  it('a resource with relations compiles a relation-free query exactly as without them', () => {
    for (const search of ['', 'status=won&sort=name&fields=id,name', 'search=jo&limit=5&page=2']) {
      const plain = compileMongo(leads, parseListQuery(leads, search));
      const related = compileMongo(labeledLeads, parseListQuery(leads, search));
      expect(related).toEqual({ ...plain, lookups: [] });
    }
  });

  it('looks up only the relations the query uses, cheap conditions first', () => {
    const compiled = compileMongo(
      owners,
      ownerQuery({
        filter: and([eq('name', 'Ann'), eq('team.name', 'Alpha'), exists('teamId', true)]),
      }),
    );
    expect(stageNames(compiled.pipeline)).toEqual([
      '$match',
      '$lookup',
      '$addFields',
      '$match',
      '$sort',
      '$limit',
      '$project',
    ]);
    expect(compiled.pipeline[0]).toEqual({
      $match: { $and: [{ name: { $eq: 'Ann' } }, { team_id: { $ne: null } }] },
    });
    expect(compiled.pipeline[1]).toEqual({
      $lookup: {
        from: 'teams',
        let: { key: '$team_id' },
        pipeline: [
          { $match: { $and: [{ _id: { $ne: null } }, { $expr: { $eq: ['$_id', '$$key'] } }] } },
        ],
        as: 'listql-rel-team',
      },
    });
    expect(compiled.pipeline[3]).toEqual({ $match: { 'listql-rel-team.name': { $eq: 'Alpha' } } });
    expect(stageNames(compiled.countPipeline)).toEqual([
      '$match',
      '$lookup',
      '$addFields',
      '$match',
      '$count',
    ]);
    // find() cannot look up; `filter` reads what `lookups` bring.
    expect(compiled.find).toBeUndefined();
    expect(stageNames(compiled.lookups)).toEqual(['$lookup', '$addFields']);
  });

  it('some() is $elemMatch over the looked-up rows, the where inside the lookup', () => {
    const compiled = compileMongo(owners, ownerQuery({ filter: some('skills', eq('name', 'go')) }));
    const lookup = compiled.pipeline[0]!['$lookup'] as { from: string; pipeline: object[] };
    expect(lookup.from).toBe('owner_skills');
    expect(stageNames(lookup.pipeline)).toEqual([
      '$match',
      '$group',
      '$lookup',
      '$unwind',
      '$replaceRoot',
      '$project',
    ]);
    expect(JSON.stringify(lookup.pipeline[2])).toContain('{"deleted_at":{"$eq":null}}');
    // Only what the filter reads rides along: the id and the name.
    expect(lookup.pipeline.at(-1)).toEqual({ $project: { _id: 1, name: 1 } });
    expect(compiled.pipeline[1]).toEqual({
      $match: { 'listql-rel-skills': { $elemMatch: { name: { $eq: 'go' } } } },
    });
  });

  it('embeds look up after the $limit: to-many sorted by id and cut at embedLimit + 1', () => {
    const compiled = compileMongo(owners, ownerQuery({ select: ['id', 'pets.kind', 'team.name'] }));
    expect(stageNames(compiled.pipeline)).toEqual([
      '$match',
      '$sort',
      '$limit',
      '$lookup',
      '$lookup',
      '$addFields',
      '$project',
    ]);
    const pets = compiled.pipeline[3]!['$lookup'] as { pipeline: object[] };
    expect(pets.pipeline.slice(1)).toEqual([
      { $sort: { _id: 1 } },
      { $limit: 3 },
      { $project: { _id: 0, kind: '$kind' } },
    ]);
    expect(compiled.pipeline.at(-1)).toEqual({
      $project: {
        _id: 0,
        id: '$_id',
        pets: { $slice: ['$listql-embed-pets', 2] },
        'pets@more': { $gt: [{ $size: '$listql-embed-pets' }, 2] },
        team: {
          $cond: [
            { $eq: [{ $type: '$listql-rel-team' }, 'object'] },
            { name: '$listql-rel-team.name' },
            null,
          ],
        },
      },
    });
    expect(compiled.find).toBeUndefined();
  });

  it('an embedded relation without where is read in place: no lookup, find() still offered', () => {
    const compiled = compileMongo(
      embeddedOwners,
      ownerQuery({
        filter: and([eq('team.name', 'Alpha'), some('pets', eq('kind', 'dog'))]),
        sort: [
          { field: 'team.rank', direction: 'desc' },
          { field: 'id', direction: 'desc' },
        ],
      }),
    );
    const filter = {
      $and: [{ 'team.name': { $eq: 'Alpha' } }, { pets: { $elemMatch: { kind: { $eq: 'dog' } } } }],
    };
    expect(compiled.pipeline[0]).toEqual({ $match: filter });
    expect(compiled.lookups).toEqual([]);
    expect(compiled.find).toMatchObject({ filter, sort: { 'team.rank': -1, _id: -1 } });
  });

  it('refuses what MongoDB cannot run or the definitions do not allow', () => {
    expect(() =>
      compileMongo(
        owners,
        ownerQuery({ filter: some('pets', foldedComparison('kind', 'gt', 'a')) }),
      ),
    ).toThrow(/foldedComparison cannot be tested inside some/);
    expect(() => compileMongo(owners, ownerQuery({ filter: eq('pets.kind', 'dog') }))).toThrow(
      /to-many relation 'pets': use some\(\)/,
    );
    expect(() => compileMongo(owners, ownerQuery({ filter: some('nope', eq('id', 'x')) }))).toThrow(
      /no relation 'nope'/,
    );
    expect(() =>
      compileMongo(owners, ownerQuery({ select: ['id', 'skills.deletedAt'] })),
    ).toThrow();
  });

  it('every document survives the BSON serializer, dates as dates', () => {
    const compiled = compileMongo(
      owners,
      ownerQuery({
        filter: and([eq('team.founded', '2020-01-01'), some('skills', eq('name', 'ts'))]),
        sort: [
          { field: 'team.name', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        after: ['Alpha', 'o1'],
        select: ['id', 'team.name', 'pets.kind', 'skills.name'],
      }),
    );
    const documents = { pipeline: compiled.pipeline, count: compiled.countPipeline };
    expect(BSON.deserialize(BSON.serialize(documents))).toEqual(documents);
    expect(JSON.stringify(compiled.pipeline)).not.toContain('"$where"');
  });
});

/** Operators the relation pipelines may write; every other key is a name from the definitions. */
const OPERATORS = new Set(
  (
    '$match $addFields $sort $skip $limit $project $count $lookup $group $unwind $replaceRoot ' +
    '$documents $and $or $nor $eq $ne $gt $gte $lt $lte $in $regex $cond $ifNull $expr ' +
    '$elemMatch $exists $type $arrayElemAt $slice $size $isArray $replaceAll $literal'
  ).split(' '),
);
const NAMES = new Set([
  '_id',
  'total',
  'from',
  'let',
  'key',
  'rows',
  'pipeline',
  'as',
  'newRoot',
  'input',
  'find',
  'replacement',
  ...[owners, embeddedOwners].flatMap((resource) => [
    ...resource.fieldList.flatMap((field) => [field.name, field.column]),
    ...resource.relationList.flatMap((relation) => [
      relation.name,
      `${relation.name}@more`,
      `listql-rel-${relation.name}`,
      `listql-embed-${relation.name}`,
      ...(relation.through ? [relation.through.sourceColumn, relation.through.targetColumn] : []),
      ...relation.target.fieldList.flatMap((field) => [
        field.name,
        field.column,
        `${relation.name}.${field.column}`,
        `listql-rel-${relation.name}.${field.column}`,
        `listql-null-${relation.name}@${field.column}`,
        `listql-fold-${relation.name}@${field.column}`,
      ]),
    ]),
  ]),
  'listql-row',
  'listql-rel-pets.0',
  'listql-rel-skills.0',
  'listql-rel-team.0',
  'pets.0',
  'skills.0',
  'listql-null-name',
]);

function audit(value: unknown, path: string, problems: string[]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) audit(item, `${path}[${i}]`, problems);
    return;
  }
  if (value instanceof Date || value === null) return;
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const ok = key.startsWith('$') ? OPERATORS.has(key) : NAMES.has(key);
      if (!ok) problems.push(`unexpected key '${key}' at ${path}`);
      audit(child, `${path}.${key}`, problems);
    }
    return;
  }
  if (!['string', 'number', 'boolean'].includes(typeof value)) {
    problems.push(`unexpected ${typeof value} at ${path}`);
  }
}

describe('relation pipelines and user values', () => {
  const text = fc.oneof(fc.string(), fc.constantFrom('$where', '$gt', '__proto__', 'a.b', '$$key'));
  const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
    text.map((value) => eq('name', value)),
    text.map((value) => eq('team.name', value)),
    fc.array(text, { maxLength: 3 }).map((values) => inList('team.name', values)),
    fc.boolean().map((present) => exists('team.rank', present)),
    fc.integer().map((value) => eq('team.rank', value)),
    text.map((value) => some('pets', eq('kind', value))),
    text.map((value) => some('skills', not(eq('name', value)))),
    fc.boolean().map((present) => some('pets', exists('age', present))),
    text.map((value) => some('team', eq('name', value))),
  );
  const filter = fc.letrec<{ node: FilterNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { maxLength: 3 }).map((children) => and(children)),
      fc.array(tie('node'), { maxLength: 3 }).map((children) => or(children)),
      tie('node').map((child) => not(child)),
    ),
  })).node;
  const select = fc.subarray(['team.name', 'team.founded', 'pets.kind', 'skills.name', 'name']);

  it('every generated relation query: valid BSON, only known keys, only scalar leaves', () => {
    fc.assert(
      fc.property(
        filter,
        select,
        fc.constantFrom('asc' as const, 'desc' as const),
        text,
        fc.boolean(),
        fc.boolean(),
        (node, fields, direction, value, keyset, embedded) => {
          const sort = [
            { field: 'team.name', direction },
            { field: 'id', direction },
          ];
          const query = ownerQuery({
            filter: node,
            sort,
            select: ['id', ...fields],
            after: keyset ? [value, 'o1'] : null,
          });
          const compiled = compileMongo(embedded ? embeddedOwners : owners, query);
          const documents = {
            pipeline: compiled.pipeline,
            count: compiled.countPipeline,
            filter: compiled.filter,
            lookups: compiled.lookups,
          };
          expect(BSON.deserialize(BSON.serialize(documents))).toEqual(documents);
          const problems: string[] = [];
          for (const [part, document] of Object.entries(documents)) audit(document, part, problems);
          expect(problems).toEqual([]);
        },
      ),
      propertyParams(300),
    );
  });
});
