import fc from 'fast-check';
import type { Field, Relation, Resource } from '../resource/index.js';
import { type GeneratedRow, rowsArbitrary } from './rows-arbitrary.js';

/**
 * A stored row that may hold embedded related data (a sub-document, an array of them).
 *
 * @example
 * const row: GeneratedDocument = { id: 'c1', label_doc: { id: 'l1', label_name: 'VIP' } };
 */
export type GeneratedDocument = Record<string, unknown>;

/**
 * A generated dataset of a resource with relations: the root rows (keyed by
 * storage column; an embedded relation's data inside them, at its
 * `column`) and the related rows per table (a relation's `table`, a
 * many-to-many relation's `through.table`), as `runInMemory`'s `related`
 * option takes them.
 *
 * @example
 * const { rows, related }: RelatedDataset = fc.sample(relatedDatasetArbitrary(labeledLeads), 1)[0]!;
 * runInMemory(labeledLeads, query, rows, { related });
 */
export interface RelatedDataset {
  readonly rows: readonly GeneratedDocument[];
  readonly related: Readonly<Record<string, readonly GeneratedRow[]>>;
}

/**
 * Sizes of a generated {@link RelatedDataset}.
 *
 * @example
 * relatedDatasetArbitrary(labeledLeads, { minRoots: 3, maxRoots: 16, maxRelated: 10 });
 */
export interface RelatedDatasetOptions {
  /** Fewest root rows. Default 3. */
  readonly minRoots?: number;
  /** Most root rows. Default 20. */
  readonly maxRoots?: number;
  /** Most rows per related table (join tables get up to three times as many). Default 12. */
  readonly maxRelated?: number;
}

type Key = string | number | boolean;

/** A key value of `field`'s type that no generated row holds: a link to nothing. */
function missingKey(field: Field, n: number): Key {
  return field.type === 'number' ? 1e9 + n : `~missing_${n}`;
}

/**
 * Picks a key for each of `count` slots: mostly one of `keys` (skewed to
 * the first few, so some targets get many links and others none), sometimes
 * a key nothing holds, sometimes null where `nullable`.
 */
function keyPicks(
  keys: readonly Key[],
  field: Field,
  nullable: boolean,
  count: number,
): fc.Arbitrary<(Key | null)[]> {
  const held: fc.WeightedArbitrary<Key | null>[] = [];
  if (keys.length > 0) {
    held.push({ weight: 3, arbitrary: fc.constantFrom(...keys) });
    held.push({ weight: 3, arbitrary: fc.constantFrom(...keys.slice(0, 3)) });
  }
  held.push({ weight: 1, arbitrary: fc.nat(3).map((n) => missingKey(field, n)) });
  if (nullable) held.push({ weight: 1, arbitrary: fc.constant(null) });
  return fc.array(fc.oneof(...held), { minLength: count, maxLength: count });
}

const keysOf = (rows: readonly Record<string, unknown>[], field: Field): Key[] => [
  ...new Set(
    rows.map((row) => row[field.column]).filter((v): v is Key => v !== null && v !== undefined),
  ),
];

/** Keeps the first row of each value of `field` (a to-one key must be unique). */
function uniqueBy(rows: GeneratedRow[], field: Field): GeneratedRow[] {
  const seen = new Set<unknown>();
  return rows.filter((row) => {
    const key = row[field.column];
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The embedded data of one root: a sub-document or null (to-one), an array (to-many). */
function embeddedArbitrary(relation: Relation): fc.Arbitrary<unknown> {
  const rows = rowsArbitrary(relation.target, { minLength: 0, maxLength: 3, nullFrequency: 2 });
  if (relation.type === 'toOne') {
    return fc.option(
      rows.map((list) => list[0] ?? null),
      { nil: null, freq: 3 },
    );
  }
  return rows;
}

/**
 * Datasets of a resource with relations, for differential tests: the root
 * rows of {@link rowsArbitrary}, and for each relation related rows with
 * every awkward link — to-one keys that point at a row, at nothing, or are
 * null; related rows shared by several roots (duplicate sort values among
 * them); to-many keys giving roots zero, one and many related rows; join
 * rows linking the same pair twice or naming rows that do not exist; related
 * rows that a relation's `where` refuses (nullable fields are null half the
 * time). Embedded relations get their data inside the roots.
 *
 * @example
 * fc.assert(fc.property(relatedDatasetArbitrary(labeledLeads), ({ rows, related }) => {
 *   runInMemory(labeledLeads, query, rows, { related });
 * }));
 */
export function relatedDatasetArbitrary(
  resource: Resource,
  options: RelatedDatasetOptions = {},
): fc.Arbitrary<RelatedDataset> {
  const maxRelated = options.maxRelated ?? 12;
  const roots = rowsArbitrary(resource, {
    minLength: options.minRoots ?? 3,
    maxLength: options.maxRoots ?? 20,
  });
  // The rows of each related table, generated once however many relations read it.
  const targets = new Map<string, Resource>();
  for (const relation of resource.relationList) {
    if (!relation.embedded) targets.set(relation.table, relation.target);
  }
  const tables = fc.record(
    Object.fromEntries(
      [...targets].map(([table, target]) => [
        table,
        rowsArbitrary(target, { minLength: 0, maxLength: maxRelated, nullFrequency: 2 }),
      ]),
    ),
  );
  return fc.tuple(roots, tables).chain(([rootRows, tableRows]) =>
    fc
      .tuple(
        ...resource.relationList.map((relation) =>
          linkArbitrary(resource, relation, rootRows, tableRows, maxRelated),
        ),
      )
      .map((steps) => {
        // Fresh copies each time: a shrink replays the steps on the same generated rows.
        const rows: GeneratedDocument[] = rootRows.map((row) => ({ ...row }));
        const related: Record<string, GeneratedRow[]> = { ...tableRows };
        for (const step of steps) step(rows, related);
        return { rows, related };
      }),
  );
}

/** One relation's links, applied to copies of the roots and of the related tables. */
type LinkStep = (rows: GeneratedDocument[], related: Record<string, GeneratedRow[]>) => void;

/**
 * The links of one relation, as a change to the roots (and, already made,
 * to `related`): keys of the roots, foreign keys of the related rows, join
 * rows, or embedded data.
 */
function linkArbitrary(
  resource: Resource,
  relation: Relation,
  roots: readonly GeneratedRow[],
  tables: Readonly<Record<string, GeneratedRow[]>>,
  maxRelated: number,
): fc.Arbitrary<LinkStep> {
  const { localKey, targetKey } = relation;
  if (relation.embedded) {
    return fc
      .array(embeddedArbitrary(relation), { minLength: roots.length, maxLength: roots.length })
      .map((data) => (rows) => {
        for (const [i, row] of rows.entries()) row[relation.column] = data[i];
      });
  }
  const table = tables[relation.table] ?? [];
  switch (relation.type) {
    case 'toOne': {
      const targets = uniqueBy(table, targetKey);
      const keys = keyPicks(keysOf(targets, targetKey), localKey, localKey.nullable, roots.length);
      return keys.map((picked) => (rows, related) => {
        related[relation.table] = uniqueBy(related[relation.table] ?? [], targetKey);
        // The id of a root is not rewritten: it must stay unique.
        if (localKey.name === resource.idField) return;
        for (const [i, row] of rows.entries()) row[localKey.column] = picked[i];
      });
    }
    case 'toMany': {
      const keys = keyPicks(keysOf(roots, localKey), targetKey, targetKey.nullable, table.length);
      return keys.map((picked) => (_rows, related) => {
        related[relation.table] = (related[relation.table] ?? []).map((row, i) => ({
          ...row,
          [targetKey.column]: picked[i] ?? null,
        }));
      });
    }
    case 'manyToMany': {
      const { table: joinTable, sourceColumn, targetColumn } = relation.through!;
      const pairs = fc
        .integer({ min: 0, max: 2 * maxRelated })
        .chain((count) =>
          fc.tuple(
            keyPicks(keysOf(roots, localKey), localKey, false, count),
            keyPicks(keysOf(table, targetKey), targetKey, false, count),
            fc.nat(3),
          ),
        );
      return pairs.map(([from, to, repeats]) => (_rows, related) => {
        const joins: GeneratedRow[] = from.map((source, i) => ({
          [sourceColumn]: source,
          [targetColumn]: to[i]!,
        }));
        // The same pair linked again: still one related row.
        for (let i = 0; i < Math.min(repeats, joins.length); i++) joins.push({ ...joins[i]! });
        related[joinTable] = joins;
      });
    }
  }
}
