/**
 * The pipelines compiled for relations: lookups only for the relations a
 * query uses, cheap conditions before them, embeds after the page's $limit,
 * the output of relation-free queries unchanged, and every document valid
 * BSON whose keys come from operators and definitions only.
 */
import { BSON } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { compileMongo } from '../../../../src/backends/mongo/index.js';
import {
  and,
  eq,
  exists,
  foldedComparison,
  labeledLeads,
  leads,
  parseListQuery,
  some,
} from '../../../../src/index.js';
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
    ]);
    expect(JSON.stringify(lookup.pipeline[2])).toContain('{"deleted_at":{"$eq":null}}');
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
