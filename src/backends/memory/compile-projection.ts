import { type Field, moreKey, type Resource, selectPlan } from '../../resource/index.js';
import { cellReader } from './cells.js';
import { createMemoryRelations } from './compile-filter.js';
import { dateCellIso } from './date-cells.js';
import type { MemoryRelations } from './memory-relations.js';
import type { ApiRow, StoredRow } from './types.js';

/** One field's cell as the API shows it: dates as ISO strings, a missing cell as null. */
interface Column {
  readonly name: string;
  readonly read: (row: StoredRow) => unknown;
  readonly toApi: (cell: unknown) => unknown;
}

function columnOf(field: Field): Column {
  const toApi =
    field.type === 'datetime'
      ? (cell: unknown) => dateCellIso(cell, field.column)
      : (cell: unknown) => cell;
  return { name: field.name, read: cellReader(field.column), toApi };
}

function shape(columns: readonly Column[], row: StoredRow): ApiRow {
  const out: ApiRow = {};
  for (const { name, read, toApi } of columns) {
    const cell = read(row);
    out[name] = cell === null ? null : toApi(cell);
  }
  return out;
}

/**
 * Compiles the selection: a function from a stored row to the API row with
 * exactly the selected fields (`'all'`: every selectable field), keyed by
 * field name, in selection order, the id always included. Dates become
 * `YYYY-MM-DDTHH:mm:ss.sssZ`; a missing cell becomes null. Runs only on the
 * page, so converting each date here costs nothing worth caching.
 *
 * Selected relation paths embed the related rows under the relation's name
 * (see `selectPlan`): a to-one relation as an object of the selected related
 * fields, or null; a to-many one as an array of such objects in ascending
 * related-id order, at most `embedLimit` of them, beside `'<name>@more'`
 * (true when the row has more). `relations` holds the related rows.
 *
 * @example
 * const project = compileProjection(leads, ['id', 'name']);
 * project({ id: 'lead_1', name: 'Ann', value: 3 }); // { id: 'lead_1', name: 'Ann' }
 */
export function compileProjection(
  resource: Resource,
  select: 'all' | readonly string[],
  relations: MemoryRelations = createMemoryRelations(),
): (row: StoredRow) => ApiRow {
  const id = resource.idField;
  // Parsed selections start with the id already; a hand-built one gets it too.
  const names = select === 'all' || select.includes(id) ? select : [id, ...select];
  for (const name of names === 'all' ? [] : names) {
    if (!resource.fields.has(name) && !resource.paths.has(name)) {
      throw new Error(`listql/memory: cannot select '${name}', not a field of '${resource.name}'`);
    }
  }
  const plan = selectPlan(resource, names);
  const columns = plan.fields.map(columnOf);
  const embeds = plan.embeds.map(({ relation, fields }) => ({
    relation,
    more: moreKey(relation),
    rowsOf: relations.rowsOf(relation),
    columns: fields.map(columnOf),
  }));
  return (row) => {
    const out = shape(columns, row);
    for (const { relation, more, rowsOf, columns: related } of embeds) {
      const rows = rowsOf(row);
      if (relation.type === 'toOne') {
        out[relation.name] = rows[0] === undefined ? null : shape(related, rows[0]);
      } else {
        out[relation.name] = rows
          .slice(0, relation.embedLimit)
          .map((relatedRow) => shape(related, relatedRow));
        out[more] = rows.length > relation.embedLimit;
      }
    }
    return out;
  };
}
