/**
 * The compact resource family the relation differential test runs on: cards
 * with a label (to-one, with a server-side `where`), tags (many-to-many
 * through `card_tags`, soft-deleted tags hidden) and notes (to-many by
 * `card_id`, a small `embedLimit`), over every field type; and the same
 * cards with embedded relations (memory and MongoDB only).
 */
import fc from 'fast-check';
import { defineResource, eq, exists, type ListQuery, not, type Resource } from '../../src/index.js';
import {
  type RelatedDataset,
  relatedDatasetArbitrary,
  relationQueryArbitrary,
} from '../../src/testing/index.js';

export const cardLabels = defineResource({
  name: 'labels',
  fields: {
    id: { type: 'string', filter: ['eq'], list: true, sortable: true },
    name: {
      type: 'string',
      column: 'label_name',
      filter: ['eq', 'ne', 'contains', 'startsWith'],
      list: true,
      sortable: true,
      caseInsensitiveSort: true,
    },
    rank: {
      type: 'number',
      nullable: true,
      filter: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'],
      sortable: true,
    },
    hue: {
      type: 'enum',
      values: ['red', 'green', 'blue'],
      nullable: true,
      filter: ['eq', 'exists'],
      list: true,
      sortable: true,
    },
    since: { type: 'datetime', nullable: true, filter: ['gte', 'lt'], sortable: true },
  },
});

export const cardTags = defineResource({
  name: 'tags',
  fields: {
    id: { type: 'string', filter: ['eq'], list: true, sortable: true },
    name: {
      type: 'string',
      filter: ['eq', 'ne', 'contains', 'startsWith', 'endsWith'],
      list: true,
    },
    weight: { type: 'number', nullable: true, filter: ['eq', 'gt', 'lt', 'exists'] },
    deletedAt: { type: 'datetime', nullable: true, column: 'deleted_at', selectable: false },
  },
});

export const cardNotes = defineResource({
  name: 'notes',
  fields: {
    id: { type: 'string', filter: ['eq'], sortable: true },
    cardId: { type: 'string', nullable: true, column: 'card_id', filter: ['eq'] },
    body: { type: 'string', nullable: true, filter: ['eq', 'contains'] },
    pinned: { type: 'boolean', filter: ['eq'] },
    createdAt: {
      type: 'datetime',
      column: 'created_at',
      filter: ['eq', 'gt', 'gte', 'lt', 'lte'],
      sortable: true,
    },
  },
});

const cardFields = {
  id: { type: 'string', filter: ['eq'], sortable: true },
  title: {
    type: 'string',
    nullable: true,
    filter: ['eq', 'contains'],
    sortable: true,
    searchable: true,
  },
  score: { type: 'number', nullable: true, filter: ['eq', 'gt', 'lt'], sortable: true },
  labelId: { type: 'string', nullable: true, column: 'label_id', filter: ['eq', 'exists'] },
  createdAt: { type: 'datetime', column: 'created_at', filter: ['gte', 'lt'], sortable: true },
} as const;

/** Cards with all three kinds of relation, each in a table of its own (every engine). */
export const cards = defineResource({
  name: 'cards',
  fields: cardFields,
  groups: true,
  relations: {
    // A blue label does not exist for a card: it never matches, sorts or embeds.
    label: {
      type: 'toOne',
      resource: cardLabels,
      localKey: 'labelId',
      where: not(eq('hue', 'blue')),
    },
    tags: {
      type: 'manyToMany',
      resource: cardTags,
      through: { table: 'card_tags', sourceColumn: 'card_id', targetColumn: 'tag_id' },
      where: exists('deletedAt', false),
      embedLimit: 1,
    },
    notes: { type: 'toMany', resource: cardNotes, foreignKey: 'cardId', embedLimit: 2 },
  },
});

/** The same cards with their label and notes stored inside the card (memory and MongoDB). */
export const embeddedCards = defineResource({
  name: 'embedded-cards',
  fields: cardFields,
  groups: true,
  relations: {
    label: {
      type: 'toOne',
      resource: cardLabels,
      localKey: 'labelId',
      embedded: true,
      column: 'label_doc',
      where: not(eq('hue', 'blue')),
    },
    notes: {
      type: 'toMany',
      resource: cardNotes,
      foreignKey: 'cardId',
      embedded: true,
      embedLimit: 3,
      where: not(eq('pinned', true)),
    },
  },
});

/**
 * One generated case: the resource (by name, so that a counterexample stays
 * readable: see {@link relationResource}), a dataset and the queries to ask of it.
 */
export type RelationCase = readonly [string, RelatedDataset, readonly ListQuery[]];

/** The resource of a case, by name. */
export function relationResource(name: string): Resource {
  const found = [cards, embeddedCards].find((resource) => resource.name === name);
  if (found === undefined) throw new Error(`no relation test resource '${name}'`);
  return found;
}

/** Queries per dataset. */
export const RELATION_QUERIES_PER_DATASET = 10;

/** Datasets of `on` and queries aimed at each. */
export function relationCaseArbitrary(on: readonly Resource[]): fc.Arbitrary<RelationCase> {
  return fc.constantFrom(...on).chain((resource) =>
    relatedDatasetArbitrary(resource, { minRoots: 3, maxRoots: 16, maxRelated: 10 }).chain(
      (dataset) =>
        fc.tuple(
          fc.constant(resource.name),
          fc.constant(dataset),
          fc.array(relationQueryArbitrary(resource, dataset), {
            minLength: RELATION_QUERIES_PER_DATASET,
            maxLength: RELATION_QUERIES_PER_DATASET,
          }),
        ),
    ),
  );
}

/**
 * `resource` with every relation table (and join table) renamed by `rename`,
 * and `dataset` with its tables under the new names: engines whose storage
 * is shared between tests (a database server) give each dataset tables of
 * its own this way. The queries of the original resource run on the copy.
 *
 * @example
 * const { resource: fresh, dataset: renamed } = renameTables(cards, dataset, (t) => `${t}_${n}`);
 */
export function renameTables(
  resource: Resource,
  dataset: RelatedDataset,
  rename: (table: string) => string,
): { resource: Resource; dataset: RelatedDataset } {
  const relations = Object.fromEntries(
    Object.entries(resource.definition.relations ?? {}).map(([name, def]) => {
      const table = rename(def.table ?? def.resource.name);
      return [
        name,
        def.type === 'manyToMany'
          ? { ...def, table, through: { ...def.through, table: rename(def.through.table) } }
          : { ...def, table },
      ];
    }),
  );
  const related = Object.fromEntries(
    Object.entries(dataset.related).map(([table, rows]) => [rename(table), rows]),
  );
  return {
    resource: defineResource({ ...resource.definition, relations }),
    dataset: { rows: dataset.rows, related },
  };
}
