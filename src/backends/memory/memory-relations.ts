/**
 * The related rows of a row, as docs/relations.md defines them, looked up in
 * Maps built once per compiled query: the reference every other backend's
 * joins, `EXISTS` and `$lookup`s are tested against, so it is written to be
 * obviously correct.
 */
import type { FilterNode } from '../../ast/index.js';
import type { Field, Relation, Resource } from '../../resource/index.js';
import { cellReader, compareOrderKeys, orderKeyOf } from './cells.js';
import { dateCellMs } from './date-cells.js';
import type { RowPredicate, StoredRow } from './types.js';

/**
 * The related rows given to the memory backend, per table: the key is a
 * relation's `table` (the related resource's name unless it says otherwise)
 * or a many-to-many relation's join table (`through.table`); rows are keyed
 * by storage column, like the root rows. Each table is read at most once per
 * query, so any iterable will do.
 *
 * @example
 * const related: RelatedTables = { labels: labelRows, tags: tagRows, lead_tags: [{ lead_id: 'l1', tag_id: 't1' }] };
 */
export type RelatedTables = Readonly<Record<string, Iterable<StoredRow>>>;

/**
 * The related rows of one compiled query, per relation. Lookups are built on
 * first use and shared by the filter, the sort, the keyset and the embeds.
 *
 * @example
 * const tagsOf = context.relations.rowsOf(relationOf(labeledLeads, 'tags'));
 * tagsOf(row); // the lead's tags, in ascending id order
 */
export interface MemoryRelations {
  /**
   * The related rows of a row: those linked by the declared keys (or stored
   * inside the row, for an embedded relation) that the relation's `where`
   * accepts, each once, in ascending order of the related id.
   */
  rowsOf(relation: Relation): (row: StoredRow) => readonly StoredRow[];
  /** A to-one relation's related row, or null; throws for a to-many relation. */
  oneOf(relation: Relation): (row: StoredRow) => StoredRow | null;
  /** `filter` over the related resource's fields, compiled with the query's handlers. */
  compileWithin(relation: Relation, filter: FilterNode): RowPredicate;
}

const NONE: readonly StoredRow[] = Object.freeze([]);

/**
 * The row a to-one path reads when there is no related row: every cell
 * null, so a leaf or sort key on the path behaves as on a null field.
 *
 * @example
 * predicate(related(row) ?? NO_ROW);
 */
export const NO_ROW: StoredRow = Object.freeze(Object.create(null) as StoredRow);

/**
 * A key cell as a Map key: null for null or missing (it relates nothing), epoch
 * milliseconds for a date (stored as a `Date` or any ISO form), else the cell.
 */
function keyReader(field: Field, column: string = field.column): (row: StoredRow) => unknown {
  const read = cellReader(column);
  if (field.type !== 'datetime') return read;
  return (row) => {
    const cell = read(row);
    return cell === null ? null : dateCellMs(cell, column);
  };
}

/** `rows` in ascending order of `target`'s id; rows sharing an id keep their input order. */
function inIdOrder(target: Resource, rows: StoredRow[]): StoredRow[] {
  const idField = target.fields.get(target.idField)!;
  const read = cellReader(idField.column);
  const key = orderKeyOf(idField);
  const keyed = rows.map((row) => {
    const cell = read(row);
    return { row, key: cell === null ? null : key(cell) };
  });
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null)
      return (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0);
    return compareOrderKeys(a.key, b.key);
  });
  return keyed.map(({ row }) => row);
}

/** The stored sub-documents of an embedded relation: an object (to-one) or an array of objects. */
function embeddedRows(relation: Relation, cell: unknown): StoredRow[] {
  const isRow = (value: unknown): value is StoredRow =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (relation.type === 'toOne') return isRow(cell) ? [cell] : [];
  return Array.isArray(cell) ? cell.filter(isRow) : [];
}

/**
 * The related rows of a query: `tables` as given in the `related` option
 * (undefined: none given), `compileTarget` compiling a related resource's
 * filter (the relations' `where` and the filters of `some` nodes) with the
 * query's handlers.
 *
 * @example
 * const relations = memoryRelations({ labels }, (target, filter) => compileFilter(target, filter));
 */
export function memoryRelations(
  tables: RelatedTables | undefined,
  compileTarget: (target: Resource, filter: FilterNode) => RowPredicate,
): MemoryRelations {
  const read = new Map<string, readonly StoredRow[]>();
  const lookups = new Map<Relation, (row: StoredRow) => readonly StoredRow[]>();

  /** Fails now, at compile time, when a table the query needs was not given. */
  const requireTable = (relation: Relation, name: string): void => {
    if (tables === undefined || !Object.hasOwn(tables, name)) {
      throw new Error(
        `listql/memory: relation '${relation.name}' needs the related table '${name}', which the ` +
          `'related' option does not hold: pass its rows, e.g. runInMemory(resource, query, rows, ` +
          `{ related: { ${name}: rows } })`,
      );
    }
  };
  const table = (name: string): readonly StoredRow[] => {
    let rows = read.get(name);
    if (rows === undefined) {
      rows = [...tables![name]!];
      read.set(name, rows);
    }
    return rows;
  };
  const accepted = (relation: Relation): ((row: StoredRow) => boolean) =>
    relation.where === null ? () => true : compileTarget(relation.target, relation.where);

  /** Related rows stored in the row itself, filtered and ordered once per row. */
  const embedded = (relation: Relation): ((row: StoredRow) => readonly StoredRow[]) => {
    const cell = cellReader(relation.column);
    const accept = accepted(relation);
    const done = new WeakMap<StoredRow, readonly StoredRow[]>();
    return (row) => {
      let rows = done.get(row);
      if (rows === undefined) {
        rows = inIdOrder(relation.target, embeddedRows(relation, cell(row)).filter(accept));
        done.set(row, rows);
      }
      return rows;
    };
  };

  /** Key of the root row → its related rows, built from the tables on first use. */
  const byKey = (relation: Relation): (() => ReadonlyMap<unknown, readonly StoredRow[]>) => {
    requireTable(relation, relation.table);
    if (relation.through !== null) requireTable(relation, relation.through.table);
    const accept = accepted(relation);
    let map: Map<unknown, readonly StoredRow[]> | undefined;
    return () => {
      if (map !== undefined) return map;
      const targetKey = keyReader(relation.targetKey);
      const targets = new Map<unknown, StoredRow[]>();
      for (const row of table(relation.table)) {
        const key = targetKey(row);
        if (key === null || !accept(row)) continue;
        const group = targets.get(key);
        if (group === undefined) targets.set(key, [row]);
        else group.push(row);
      }
      map = new Map();
      if (relation.through === null) {
        for (const [key, rows] of targets) map.set(key, inIdOrder(relation.target, rows));
        return map;
      }
      // Many-to-many: each root key's set of linked target keys (a pair linked twice is one link).
      const { table: joinTable, sourceColumn, targetColumn } = relation.through;
      const source = keyReader(relation.localKey, sourceColumn);
      const target = keyReader(relation.targetKey, targetColumn);
      const links = new Map<unknown, Set<unknown>>();
      for (const join of table(joinTable)) {
        const [from, to] = [source(join), target(join)];
        if (from === null || to === null) continue;
        const linked = links.get(from);
        if (linked === undefined) links.set(from, new Set([to]));
        else linked.add(to);
      }
      for (const [from, linked] of links) {
        const rows = [...linked].flatMap((to) => targets.get(to) ?? []);
        map.set(from, inIdOrder(relation.target, rows));
      }
      return map;
    };
  };

  const rowsOf = (relation: Relation): ((row: StoredRow) => readonly StoredRow[]) => {
    let lookup = lookups.get(relation);
    if (lookup === undefined) {
      if (relation.embedded) {
        lookup = embedded(relation);
      } else {
        const map = byKey(relation);
        const localKey = keyReader(relation.localKey);
        lookup = (row) => {
          const key = localKey(row);
          return key === null ? NONE : (map().get(key) ?? NONE);
        };
      }
      lookups.set(relation, lookup);
    }
    return lookup;
  };

  return {
    rowsOf,
    oneOf(relation) {
      if (relation.type !== 'toOne') {
        throw new Error(
          `listql/memory: '${relation.name}' is a ${relation.type} relation: only a to-one ` +
            `relation's fields are read as a path; filter it with some('${relation.name}', …)`,
        );
      }
      const rows = rowsOf(relation);
      return (row) => rows(row)[0] ?? null;
    },
    compileWithin: (relation, filter) => compileTarget(relation.target, filter),
  };
}

/**
 * The relations of a related resource's filter: none. Relations reach one
 * level, so a related resource's own relations are never followed.
 *
 * @example
 * compileFilter(labels, filter, memoryHandlers, ONE_LEVEL);
 */
export const ONE_LEVEL: MemoryRelations = Object.freeze({
  rowsOf: refuse,
  oneOf: refuse,
  compileWithin: refuse,
});

function refuse(relation: Relation): never {
  throw new Error(
    `listql/memory: relation '${relation.name}' is a relation of a related resource; ` +
      'relations reach one level, so it is not followed',
  );
}
