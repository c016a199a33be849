/**
 * The index that lets a filter's `count(*)` be answered from the index
 * alone (SQLite's covering index, PostgreSQL's index-only scan, InnoDB's
 * "Using index"): every column the filter reads, equality columns first so
 * the first range column still bounds the scan.
 */
import type { FilterNode } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { fieldOf } from './columns.js';

const RANGE = new Set(['gt', 'gte', 'lt', 'lte']);

type Role = 'equality' | 'range' | 'other';

/**
 * Walks any filter node generically (its `field`, `fields` and child nodes),
 * so node kinds added later are covered: their fields count as `other`.
 */
function collect(node: unknown, roles: Map<string, Role>): void {
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const role: Role =
    record['kind'] === 'in' || (record['kind'] === 'comparison' && record['op'] === 'eq')
      ? 'equality'
      : record['kind'] === 'comparison' && RANGE.has(String(record['op']))
        ? 'range'
        : 'other';
  const named = [record['field'], ...(Array.isArray(record['fields']) ? record['fields'] : [])];
  for (const name of named) {
    if (typeof name !== 'string') continue;
    const previous = roles.get(name);
    // Equality beats range beats other: the strongest use decides the position.
    if (previous === undefined || rank(role) < rank(previous)) roles.set(name, role);
  }
  for (const value of Object.values(record)) {
    if (Array.isArray(value)) for (const item of value) collect(item, roles);
    else if (typeof value === 'object') collect(value, roles);
  }
}

function rank(role: Role): number {
  return role === 'equality' ? 0 : role === 'range' ? 1 : 2;
}

/**
 * The index keys that make the exact count of `filter` index-only: the
 * fields compared with `eq`/`in` (declaration order), then the fields
 * compared by range, then every other field the filter reads. Add it to
 * `createTable`'s `indexes` for a filter your endpoint counts often; an
 * `or` across fields or a `search` still reads every index entry, but never
 * the table.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won,lost&value[gte]=100');
 * countIndex(leads, query.filter); // ['status', 'value']
 * await createTable(db, leads, { table: 'leads', indexes: [...recommendedIndexes(leads, dialect), countIndex(leads, query.filter)] });
 */
export function countIndex<F extends string>(resource: Resource<F>, filter: FilterNode<F>): F[] {
  const roles = new Map<string, Role>();
  collect(filter, roles);
  const byRole = (wanted: Role): F[] =>
    resource.fieldList
      .filter((field) => roles.get(field.name) === wanted)
      .map((field) => fieldOf(resource, field.name).name);
  return [...byRole('equality'), ...byRole('range'), ...byRole('other')];
}
