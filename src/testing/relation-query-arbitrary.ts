import fc from 'fast-check';
import {
  and,
  type FilterNode,
  type FilterValue,
  type ListQuery,
  type SortKey,
  type SortPosition,
  some,
} from '../ast/index.js';
import { withTieBreaker } from '../ast/tie-breaker.js';
import { deepFreeze } from '../deep-freeze.js';
import { DEFAULT_GROUP_LIMITS } from '../resource/build-resource.js';
import type { Field, Relation, Resource } from '../resource/index.js';
import { aimedQueryArbitrary, aimedValues } from './aimed-queries.js';
import { filterSlots, urlFilterArbitrary, valueArbitrary, valuesOf } from './arbitraries.js';
import { groupNodeArbitrary } from './group-arbitrary.js';
import type { RelatedDataset } from './related-dataset-arbitrary.js';

/**
 * Bounds of {@link relationQueryArbitrary}'s pages.
 *
 * @example
 * relationQueryArbitrary(labeledLeads, dataset, { maxLimit: 5, cursors: false });
 */
export interface RelationQueryOptions {
  /** Largest page size. Default 12. */
  readonly maxLimit?: number;
  /** Largest page number. Default 2. */
  readonly maxPage?: number;
  /** Generate keyset positions (`after`) in about half the queries. Default true. */
  readonly cursors?: boolean;
}

/** A related field under its path name, so the value generators of the path find it. */
const asPath = (relation: Relation, field: Field): Field => ({
  ...field,
  name: `${relation.name}.${field.name}`,
});

/** The rows of `relation` in a dataset: its table, or the embedded data of every root. */
function relatedRowsOf(
  relation: Relation,
  dataset: RelatedDataset,
): readonly Readonly<Record<string, unknown>>[] {
  if (!relation.embedded) return dataset.related[relation.table] ?? [];
  return dataset.rows.flatMap((row) => {
    const data = row[relation.column];
    if (Array.isArray(data)) return data as Record<string, unknown>[];
    return typeof data === 'object' && data !== null ? [data as Record<string, unknown>] : [];
  });
}

/** One value generator set per relation, aimed at its related rows. */
function relationValues(resource: Resource, dataset: RelatedDataset) {
  return new Map(
    resource.relationList.map((relation) => [
      relation,
      valuesOf(aimedValues(relation.target, relatedRowsOf(relation, dataset))),
    ]),
  );
}

/**
 * The relation leaves of a query: a leaf on a to-one path (any operator the
 * relation lets the URL use on that field), or a `some` node over a
 * relation's related fields (one leaf, or two or three ANDed: conditions on
 * the same related row). `some` is drawn for to-one relations too.
 */
function relationLeafArbitrary(
  resource: Resource,
  dataset: RelatedDataset,
): fc.Arbitrary<FilterNode> | null {
  const values = relationValues(resource, dataset);
  const leaves: fc.Arbitrary<FilterNode>[] = [];
  for (const relation of resource.relationList) {
    const source = values.get(relation)!;
    const slots = filterSlots(relation.target).filter(({ field }) =>
      relation.filterable.has(field.name),
    );
    if (slots.length === 0) continue;
    const targetLeaf = fc
      .constantFrom(...slots)
      .chain((slot) => urlFilterArbitrary(relation.target, slot.field, slot.op, source));
    leaves.push(
      fc
        .oneof(
          { weight: 3, arbitrary: targetLeaf },
          // Conditions on the same related row (what one group's `and` merges into).
          { weight: 1, arbitrary: fc.array(targetLeaf, { minLength: 2, maxLength: 3 }).map(and) },
        )
        .map((filter) => some(relation.name, filter)),
    );
    if (relation.type === 'toOne') {
      // The path's values: the same aimed generators, found under the path's name.
      const pathSource = {
        ...source,
        byField: Object.fromEntries(
          slots.map(({ field }) => [
            `${relation.name}.${field.name}`,
            source.byField[field.name] ?? fc.constant(''),
          ]),
        ),
        textByField: Object.fromEntries(
          slots.map(({ field }) => [
            `${relation.name}.${field.name}`,
            source.textByField[field.name] ?? fc.constant('a'),
          ]),
        ),
      };
      leaves.push(
        fc
          .constantFrom(...slots)
          .chain((slot) =>
            urlFilterArbitrary(relation.target, asPath(relation, slot.field), slot.op, pathSource),
          ),
      );
    }
  }
  return leaves.length === 0 ? null : fc.oneof(...leaves);
}

/** The sortable paths of the to-one relations, with their fields. */
function sortablePaths(resource: Resource): { path: string; field: Field; relation: Relation }[] {
  return resource.relationList.flatMap((relation) =>
    [...relation.sortable.values()].map((field) => ({
      path: `${relation.name}.${field.name}`,
      field,
      relation,
    })),
  );
}

/** Sorts mixing to-one paths and own fields (at most three keys), the id appended. */
function relationSortArbitrary(resource: Resource): fc.Arbitrary<readonly SortKey[]> {
  const names = [...sortablePaths(resource).map((p) => p.path), ...resource.sortable];
  if (names.length === 0) return fc.constant(withTieBreaker(resource.idField, []));
  return fc
    .shuffledSubarray(names, { minLength: 1, maxLength: Math.min(3, names.length) })
    .chain((fields) =>
      fc.tuple(
        ...fields.map((field) =>
          fc
            .constantFrom('asc' as const, 'desc' as const)
            .map((direction) => ({ field, direction })),
        ),
      ),
    )
    .map((keys) => withTieBreaker(resource.idField, keys));
}

/** A position for `sort`: mostly values the dataset holds for each key, null where it may be. */
function relationPositionArbitrary(
  resource: Resource,
  dataset: RelatedDataset,
  sort: readonly SortKey[],
): fc.Arbitrary<SortPosition> {
  const own = valuesOf(aimedValues(resource, dataset.rows));
  const related = relationValues(resource, dataset);
  return fc.tuple(
    ...sort.map(({ field: name }): fc.Arbitrary<FilterValue | null> => {
      const path = resource.paths.get(name);
      const field = path?.field ?? resource.fields.get(name)!;
      const source = path ? related.get(path.relation)! : own;
      // Positions come from rows, which hold instants, never whole days.
      const value =
        field.type === 'datetime'
          ? source.byType.instant
          : valueArbitrary(path?.relation.target ?? resource, field, source, false);
      // A path is null where there is no related row, whatever the field says.
      return path || field.nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
    }),
  );
}

/** `select`: all fields, or some own fields with some relation paths (embeds). */
function relationSelectArbitrary(resource: Resource): fc.Arbitrary<'all' | readonly string[]> {
  const own = resource.selectable.filter((name) => name !== resource.idField);
  const paths = resource.relationList.flatMap((relation) =>
    [...relation.selectable.keys()].map((name) => `${relation.name}.${name}`),
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('all' as const) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.subarray(own, { maxLength: Math.min(3, own.length) }),
          fc.shuffledSubarray(paths, { maxLength: Math.min(5, paths.length) }),
        )
        .map(([fields, embeds]) => [resource.idField, ...fields, ...embeds]),
    },
  );
}

/**
 * Queries across the relations of a resource, aimed at a generated
 * {@link RelatedDataset}: the own-field filters and groups of
 * {@link aimedQueryArbitrary} (in a third of them), ANDed with relation filters — to-one path
 * leaves with every operator the relation allows, `some` nodes (one or
 * several conditions on the same related row), and `and` / `or` groups with
 * nested `not` mixing both with own leaves; sorts by to-one paths and own
 * fields; embeds of to-one and to-many relations; limits, pages and keyset
 * positions. The ASTs are valid but not all are what the parser writes (a
 * `some` on a to-one relation, say): every backend must compile them alike.
 *
 * @example
 * const cases = relatedDatasetArbitrary(labeledLeads).chain((dataset) =>
 *   fc.tuple(fc.constant(dataset), fc.array(relationQueryArbitrary(labeledLeads, dataset))));
 */
export function relationQueryArbitrary(
  resource: Resource,
  dataset: RelatedDataset,
  options: RelationQueryOptions = {},
): fc.Arbitrary<ListQuery> {
  const maxLimit = Math.min(options.maxLimit ?? 12, resource.limits.maxLimit);
  const base = aimedQueryArbitrary(
    resource,
    dataset.rows as Parameters<typeof aimedQueryArbitrary>[1],
    {
      serverTrees: true,
      maxFilters: 2,
      maxLimit,
      maxPage: options.maxPage ?? 2,
      cursors: false,
    },
  );
  const relationLeaf = relationLeafArbitrary(resource, dataset);
  const ownSlots = filterSlots(resource);
  const ownValues = valuesOf(aimedValues(resource, dataset.rows));
  const ownLeaf =
    ownSlots.length === 0
      ? null
      : fc
          .constantFrom(...ownSlots)
          .chain((slot) => urlFilterArbitrary(resource, slot.field, slot.op, ownValues));
  const leaf =
    relationLeaf === null
      ? ownLeaf
      : ownLeaf === null
        ? relationLeaf
        : fc.oneof({ weight: 3, arbitrary: relationLeaf }, { weight: 1, arbitrary: ownLeaf });
  const limits = resource.groups ?? DEFAULT_GROUP_LIMITS;
  const relationFilters =
    leaf === null
      ? fc.constant([] as FilterNode[])
      : fc
          .array(
            fc.oneof(
              { weight: 4, arbitrary: leaf },
              { weight: 1, arbitrary: groupNodeArbitrary('and', limits, leaf) },
              { weight: 2, arbitrary: groupNodeArbitrary('or', limits, leaf) },
            ),
            { maxLength: 2 },
          )
          // One relation filter mostly: several ANDed rarely leave a row.
          .filter((filters) => filters.length < 2 || filters.every((f) => f.kind !== 'and'));
  return fc
    .record({
      query: base,
      extra: relationFilters,
      ownFilters: fc.oneof(
        { weight: 1, arbitrary: fc.constant(true) },
        { weight: 2, arbitrary: fc.constant(false) },
      ),
      sort: fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: relationSortArbitrary(resource) },
      ),
      select: relationSelectArbitrary(resource),
      withCursor: options.cursors === false ? fc.constant(false) : fc.boolean(),
    })
    .chain(({ query, extra, ownFilters, sort: relationSort, select, withCursor }) => {
      const sort = relationSort ?? query.sort;
      // Own filters only sometimes: ANDed with relation filters, they mostly leave nothing.
      const kept = ownFilters && query.filter.kind === 'and' ? query.filter.children : [];
      const filter = and([...kept, ...extra]);
      const after = withCursor
        ? relationPositionArbitrary(resource, dataset, sort)
        : fc.constant(null);
      return after.map(
        (position): ListQuery =>
          deepFreeze({
            ...query,
            filter,
            sort,
            select,
            page: position === null ? query.page : { ...query.page, page: 1 },
            after: position,
          }),
      );
    });
}
