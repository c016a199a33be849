/**
 * A small resource with one nullable field of every type, every operator
 * allowed, and storage names that differ from field names, so that each test
 * also proves the column mapping.
 */
import { compileFilter, runInMemory } from '../../../../src/backends/memory/index.js';
import { defineResource, type FilterNode, type ListQuery } from '../../../../src/index.js';

const ALL_OPS = ['eq', 'gt', 'gte', 'lt', 'lte', 'exists', 'ne'] as const;

export const things = defineResource({
  name: 'things',
  fields: {
    id: { type: 'string', sortable: true, column: 'thing_id' },
    label: {
      type: 'string',
      nullable: true,
      filter: ['eq', 'exists', 'ne', 'nin', 'contains', 'startsWith', 'endsWith'],
      list: true,
      sortable: true,
      searchable: true,
      column: 'label_text',
    },
    note: { type: 'string', nullable: true, searchable: true, column: 'note_text' },
    kind: {
      type: 'enum',
      values: ['alpha', 'beta', 'gamma'],
      nullable: true,
      filter: ['eq', 'exists', 'ne', 'nin'],
      list: true,
      sortable: true,
      column: 'kind_code',
    },
    amount: {
      type: 'number',
      nullable: true,
      filter: [...ALL_OPS, 'nin'],
      list: true,
      sortable: true,
      column: 'amount_value',
    },
    flag: {
      type: 'boolean',
      nullable: true,
      filter: ['eq', 'exists', 'ne'],
      sortable: true,
      column: 'flag_bit',
    },
    at: { type: 'datetime', nullable: true, filter: ALL_OPS, sortable: true, column: 'at_time' },
  },
  defaults: { sort: 'id', limit: 100 },
});

export type ThingField = 'id' | 'label' | 'note' | 'kind' | 'amount' | 'flag' | 'at';

/** A stored row: storage names, any subset of cells (missing ones are "no value"). */
export type ThingRow = Readonly<Record<string, unknown>>;

/** Builds a stored row from field names, so tests read naturally. */
export function thing(id: string, cells: Partial<Record<ThingField, unknown>> = {}): ThingRow {
  const row: Record<string, unknown> = { thing_id: id };
  for (const [name, value] of Object.entries(cells)) {
    row[things.fields.get(name)!.column] = value;
  }
  return row;
}

/** The ids of the rows `filter` keeps, in input order. */
export function idsMatching(filter: FilterNode<ThingField>, rows: readonly ThingRow[]): string[] {
  const predicate = compileFilter(things, filter);
  return rows.filter(predicate).map((row) => row['thing_id'] as string);
}

/** The ids of a full run, in result order. */
export function idsOf(query: ListQuery<ThingField>, rows: readonly ThingRow[]): string[] {
  return runInMemory(things, query, rows).data.map((row) => row['id'] as string);
}
