import type { Resource } from '../../resource/index.js';
import { cellReader } from './cells.js';
import { dateCellIso } from './date-cells.js';
import type { ApiRow, StoredRow } from './types.js';

/**
 * Compiles the selection: a function from a stored row to the API row with
 * exactly the selected fields (`'all'`: every selectable field), keyed by
 * field name, in selection order, the id always included. Dates become
 * `YYYY-MM-DDTHH:mm:ss.sssZ`; a missing cell becomes null. Runs only on the
 * page, so converting each date here costs nothing worth caching.
 *
 * @example
 * const project = compileProjection(leads, ['id', 'name']);
 * project({ id: 'lead_1', name: 'Ann', value: 3 }); // { id: 'lead_1', name: 'Ann' }
 */
export function compileProjection(
  resource: Resource,
  select: 'all' | readonly string[],
): (row: StoredRow) => ApiRow {
  const id = resource.idField;
  // Parsed selections start with the id already; a hand-built one gets it too.
  const names =
    select === 'all' ? resource.selectable : select.includes(id) ? select : [id, ...select];
  const columns = names.map((name) => {
    const field = resource.fields.get(name);
    if (!field) {
      throw new Error(`listql/memory: cannot select '${name}', not a field of '${resource.name}'`);
    }
    const read = cellReader(field.column);
    const toApi =
      field.type === 'datetime'
        ? (cell: unknown) => dateCellIso(cell, field.column)
        : (cell: unknown) => cell;
    return { name, read, toApi };
  });
  return (row) => {
    const out: ApiRow = {};
    for (const { name, read, toApi } of columns) {
      const cell = read(row);
      out[name] = cell === null ? null : toApi(cell);
    }
    return out;
  };
}
