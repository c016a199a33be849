/**
 * Fixtures of the Mongo relation tests: owners with a team (to-one by a
 * nullable key), pets (to-many by the pet's owner id, embed cap 2) and
 * skills (many-to-many through owner_skills, soft-deleted skills hidden by
 * the relation's `where`, embed cap 2), once referenced (collections of
 * their own) and once embedded (the same related rows stored inside each
 * owner), over one dataset with every case of docs/relations.md: a null key,
 * a key with no row behind it, a target linked twice, a target only the
 * `where` refuses, to-many rows with zero, one and several matches.
 */
import {
  defineResource,
  exists,
  type FilterNode,
  type ListQuery,
  type RelationDefinitions,
} from '../../../../src/index.js';
import type { StoredRow } from '../../../support/engine.js';
import type { RelatedRows } from '../../../support/engines/mongo.js';

export const teams = defineResource({
  name: 'teams',
  fields: {
    id: { type: 'string', filter: ['eq'], sortable: true },
    name: { type: 'string', filter: ['eq', 'ne'], sortable: true, caseInsensitiveSort: true },
    rank: { type: 'number', nullable: true, filter: ['eq', 'gt', 'exists'], sortable: true },
    founded: { type: 'datetime', nullable: true, filter: ['gte', 'exists'], sortable: true },
  },
});
export const pets = defineResource({
  name: 'pets',
  fields: {
    id: { type: 'string', filter: ['eq'] },
    ownerId: { type: 'string', nullable: true, column: 'owner_id', filter: ['eq'] },
    kind: { type: 'string', filter: ['eq', 'ne'] },
    age: { type: 'number', nullable: true, filter: ['gt', 'exists'] },
  },
});
export const skills = defineResource({
  name: 'skills',
  fields: {
    id: { type: 'string', filter: ['eq'] },
    name: { type: 'string', filter: ['eq', 'ne'] },
    deletedAt: { type: 'datetime', nullable: true, column: 'deleted_at', selectable: false },
  },
});

const ownerFields = {
  id: { type: 'string', sortable: true },
  name: { type: 'string', nullable: true, sortable: true, filter: ['eq'] },
  teamId: { type: 'string', nullable: true, column: 'team_id', filter: ['eq'] },
} as const;

function ownersWith(name: string, embedded: boolean, teamWhere?: FilterNode) {
  const relations = {
    team: {
      type: 'toOne',
      resource: teams,
      localKey: 'teamId',
      embedded,
      ...(teamWhere ? { where: teamWhere } : {}),
    },
    pets: { type: 'toMany', resource: pets, foreignKey: 'ownerId', embedLimit: 2, embedded },
    skills: {
      type: 'manyToMany',
      resource: skills,
      through: { table: 'owner_skills', sourceColumn: 'owner_id', targetColumn: 'skill_id' },
      where: exists('deletedAt', false),
      embedLimit: 2,
      embedded,
    },
  } satisfies RelationDefinitions;
  return defineResource({ name, fields: ownerFields, defaults: { sort: 'id' }, relations });
}

/** Owners whose related rows live in collections of their own. */
export const owners = ownersWith('owners', false);
/** The same owners with their related rows embedded in each document. */
export const embeddedOwners = ownersWith('embedded_owners', true);
/** Owners whose team counts only when it has a rank (a to-one `where`), referenced. */
export const rankedOwners = ownersWith('ranked_owners', false, exists('rank', true));
/** {@link rankedOwners} with the team embedded (a `$documents` lookup applies the where). */
export const embeddedRankedOwners = ownersWith(
  'embedded_ranked_owners',
  true,
  exists('rank', true),
);
export type OwnerName = 'id' | 'name' | 'teamId';

export const TEAMS: readonly StoredRow[] = [
  { id: 't1', name: 'Alpha', rank: 2, founded: '2020-01-01T00:00:00.000Z' },
  { id: 't2', name: 'beta', rank: null, founded: null },
  { id: 't3', name: 'Gamma', rank: 1, founded: '2021-06-01T00:00:00.000Z' },
];
export const PETS: readonly StoredRow[] = [
  { id: 'p1', owner_id: 'o1', kind: 'dog', age: 3 },
  { id: 'p2', owner_id: 'o1', kind: 'cat', age: null },
  { id: 'p3', owner_id: 'o2', kind: 'dog', age: 10 },
  { id: 'p4', owner_id: null, kind: 'cat', age: 4 },
  { id: 'p5', owner_id: 'o5', kind: 'fish', age: 1 },
  { id: 'p6', owner_id: 'o1', kind: 'bird', age: 2 },
];
export const SKILLS: readonly StoredRow[] = [
  { id: 's1', name: 'ts', deleted_at: null },
  { id: 's2', name: 'go', deleted_at: null },
  { id: 's3', name: 'rust', deleted_at: '2026-01-01T00:00:00.000Z' },
];
export const OWNER_SKILLS: readonly StoredRow[] = [
  { owner_id: 'o1', skill_id: 's2' },
  { owner_id: 'o1', skill_id: 's1' },
  { owner_id: 'o1', skill_id: 's1' }, // linked twice: one related row
  { owner_id: 'o2', skill_id: 's3' }, // only a soft-deleted skill
  { owner_id: 'o3', skill_id: 's2' },
  { owner_id: 'o5', skill_id: 's9' }, // no skill behind it
  { owner_id: null, skill_id: 's1' }, // a null key relates nothing
  { owner_id: 'o6', skill_id: null },
];
export const RELATED: RelatedRows = {
  teams: TEAMS,
  pets: PETS,
  skills: SKILLS,
  owner_skills: OWNER_SKILLS,
};

/** o3 has no team key; o4's key has no team behind it. */
export const OWNERS: readonly StoredRow[] = [
  { id: 'o1', name: 'Ann', team_id: 't1' },
  { id: 'o2', name: 'Bob', team_id: 't2' },
  { id: 'o3', name: null, team_id: null },
  { id: 'o4', name: 'Dee', team_id: 'tX' },
  { id: 'o5', name: 'Eve', team_id: 't3' },
  { id: 'o6', name: 'Fay', team_id: 't1' },
];

/**
 * The owners with their related rows embedded (the memory backend's layout
 * for `embedded: true`): team sub-row or null, pets and skills arrays
 * (skills deduplicated and resolved, since an embedded row holds the rows).
 */
export const EMBEDDED_OWNERS: readonly StoredRow[] = OWNERS.map((owner) => {
  const team = TEAMS.find((t) => t.id === owner['team_id']) ?? null;
  const ownPets = PETS.filter((p) => p['owner_id'] === owner['id']).reverse();
  const skillIds = new Set(
    OWNER_SKILLS.filter((j) => j['owner_id'] === owner['id']).map((j) => j['skill_id']),
  );
  const ownSkills = SKILLS.filter((s) => skillIds.has(s['id'])).reverse();
  return { ...owner, team, pets: ownPets, skills: ownSkills };
});

/** A query of owners: everything by id, ids only, one page of 100, unless overridden. */
export const ownerQuery = (
  parts: Partial<Pick<ListQuery, 'filter' | 'sort' | 'page' | 'after' | 'count' | 'select'>>,
): ListQuery => ({
  filter: { kind: 'and', children: [] },
  sort: [{ field: 'id', direction: 'asc' }],
  select: ['id'],
  page: { limit: 100, page: 1 },
  after: null,
  count: 'exact',
  ...parts,
});
