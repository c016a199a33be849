/**
 * A deliberately naive interpreter of a list query over a resource with
 * relations, written from docs/relations.md and docs/ast.md alone: it walks
 * the AST for every row, finds related rows by scanning whole tables (and the
 * whole join table) for every row and every use, parses every date on every
 * comparison and compares strings code point by code point. Slow and
 * obvious: the memory backend must agree with it on generated data.
 */
import type {
  FilterNode,
  FilterValue,
  ListQuery,
  Relation,
  Resource,
  SortKey,
} from '../../src/index.js';
import type { RelatedDataset } from '../../src/testing/index.js';

type Row = Readonly<Record<string, unknown>>;
const DAY_MS = 86_400_000;

const ownCell = (row: Row, column: string): unknown => {
  const value = Object.hasOwn(row, column) ? row[column] : undefined;
  return value === undefined ? null : value;
};
const ms = (value: unknown): number =>
  value instanceof Date
    ? value.getTime()
    : typeof value === 'number'
      ? value
      : Date.parse(String(value));
const codePoints = (text: string) => Array.from(text, (c) => c.codePointAt(0)!);
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const isObject = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function compareCodePoints(a: string, b: string): number {
  const [x, y] = [codePoints(a), codePoints(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

function compareValues(type: string, a: unknown, b: unknown): number {
  switch (type) {
    case 'datetime':
      return ms(a) - ms(b);
    case 'number':
      return (a as number) - (b as number);
    case 'boolean':
      return Number(a) - Number(b);
    default:
      return compareCodePoints(a as string, b as string);
  }
}

/** The naive model: `run(resource, query, dataset)` answers like `runInMemory` should. */
export function naiveRelationRun(resource: Resource, query: ListQuery, dataset: RelatedDataset) {
  const table = (name: string): readonly Row[] => {
    const rows = dataset.related[name];
    if (rows === undefined) throw new Error(`model: no table '${name}'`);
    return rows;
  };
  const sameKey = (type: string, a: unknown, b: unknown): boolean =>
    a !== null && b !== null && (type === 'datetime' ? ms(a) === ms(b) : a === b);

  /** The related rows of `row`: scanned from scratch, where-filtered, in id order. */
  const relatedOf = (relation: Relation, row: Row): Row[] => {
    let found: Row[];
    if (relation.embedded) {
      const data = ownCell(row, relation.column);
      if (relation.type === 'toOne') found = isObject(data) ? [data] : [];
      else found = Array.isArray(data) ? data.filter(isObject) : [];
    } else {
      const key = ownCell(row, relation.localKey.column);
      const type = relation.targetKey.type;
      const targetKeyOf = (t: Row) => ownCell(t, relation.targetKey.column);
      if (relation.through === null) {
        found = table(relation.table).filter((t) => sameKey(type, targetKeyOf(t), key));
      } else {
        const { sourceColumn, targetColumn } = relation.through;
        const linked = table(relation.through.table)
          .filter((j) => sameKey(relation.localKey.type, ownCell(j, sourceColumn), key))
          .map((j) => ownCell(j, targetColumn));
        // Each target row is looked at once: linking it twice cannot count it twice.
        found = table(relation.table).filter((t) =>
          linked.some((to) => sameKey(type, targetKeyOf(t), to)),
        );
      }
    }
    const target = relation.target;
    const idColumn = target.fields.get(target.idField)!.column;
    const idType = target.fields.get(target.idField)!.type;
    return found
      .filter((t) => relation.where === null || matches(target, relation.where, t))
      .sort((a, b) => compareValues(idType, ownCell(a, idColumn), ownCell(b, idColumn)));
  };

  /** The field of `name` and its cell in `row`: a to-one path reads the related row, or null. */
  const cell = (on: Resource, row: Row, name: string): { type: string; value: unknown } => {
    const own = on.fields.get(name);
    if (own) return { type: own.type, value: ownCell(row, own.column) };
    const path = on.paths.get(name)!;
    const related = relatedOf(path.relation, row)[0];
    return {
      type: path.field.type,
      value: related === undefined ? null : ownCell(related, path.field.column),
    };
  };

  const compareTo = (type: string, op: string, stored: unknown, value: FilterValue): boolean => {
    if (type === 'datetime' && String(value).length === 10) {
      const start = Date.parse(`${value}T00:00:00.000Z`);
      const at = ms(stored);
      const within = { eq: at >= start && at < start + DAY_MS, gt: at >= start + DAY_MS };
      return { ...within, gte: at >= start, lt: at < start, lte: at < start + DAY_MS }[op as 'eq']!;
    }
    const d = compareValues(type, stored, value);
    return { eq: d === 0, gt: d > 0, gte: d >= 0, lt: d < 0, lte: d <= 0 }[op as 'eq']!;
  };

  function matches(on: Resource, node: FilterNode, row: Row): boolean {
    switch (node.kind) {
      case 'comparison': {
        const { type, value } = cell(on, row, node.field);
        return value !== null && compareTo(type, node.op, value, node.value);
      }
      case 'in': {
        const { type, value } = cell(on, row, node.field);
        return value !== null && node.values.some((v) => compareTo(type, 'eq', value, v));
      }
      case 'exists':
        return (cell(on, row, node.field).value !== null) === node.exists;
      case 'text': {
        const { value } = cell(on, row, node.field);
        if (typeof value !== 'string') return false;
        const [haystack, needle] = [asciiLower(value), asciiLower(node.value)];
        if (node.op === 'startsWith') return haystack.startsWith(needle);
        if (node.op === 'endsWith') return haystack.endsWith(needle);
        return haystack.includes(needle);
      }
      case 'foldedComparison': {
        const { value } = cell(on, row, node.field);
        if (typeof value !== 'string') return false;
        const d = compareCodePoints(asciiLower(value), asciiLower(node.value));
        return { eq: d === 0, gt: d > 0, gte: d >= 0, lt: d < 0, lte: d <= 0 }[node.op];
      }
      case 'search':
        return node.fields.some((name) => {
          const { value } = cell(on, row, name);
          return typeof value === 'string' && asciiLower(value).includes(asciiLower(node.term));
        });
      case 'and':
        return node.children.every((child) => matches(on, child, row));
      case 'or':
        return node.children.some((child) => matches(on, child, row));
      case 'not':
        return !matches(on, node.child, row);
      case 'some': {
        const relation = on.relations.get(node.relation)!;
        return relatedOf(relation, row).some((t) => matches(relation.target, node.filter, t));
      }
    }
  }

  const folds = (name: string): boolean =>
    (resource.fields.get(name) ?? resource.paths.get(name)!.field).caseInsensitiveSort;
  const typeOf = (name: string): string =>
    (resource.fields.get(name) ?? resource.paths.get(name)!.field).type;
  const compareKeys = (sort: readonly SortKey[], x: readonly unknown[], y: readonly unknown[]) => {
    for (const [i, { field, direction }] of sort.entries()) {
      const [a, b] = [x[i] ?? null, y[i] ?? null];
      if (a === null && b === null) continue;
      if (a === null) return 1;
      if (b === null) return -1;
      const folded = folds(field)
        ? compareCodePoints(asciiLower(a as string), asciiLower(b as string))
        : 0;
      const d = folded || compareValues(typeOf(field), a, b);
      if (d !== 0) return direction === 'asc' ? d : -d;
    }
    return 0;
  };
  const keysOf = (row: Row) => query.sort.map(({ field }) => cell(resource, row, field).value);

  const toApi = (type: string, value: unknown): unknown =>
    value !== null && type === 'datetime' ? new Date(ms(value)).toISOString() : value;
  const project = (row: Row): Record<string, unknown> => {
    const names = query.select === 'all' ? resource.selectable : query.select;
    const out: Record<string, unknown> = {
      [resource.idField]: ownCell(row, resource.fields.get(resource.idField)!.column),
    };
    const embeds = new Map<Relation, string[]>();
    for (const name of names) {
      const own = resource.fields.get(name);
      if (own) {
        out[name] = toApi(own.type, ownCell(row, own.column));
        continue;
      }
      const path = resource.paths.get(name)!;
      embeds.set(path.relation, [...(embeds.get(path.relation) ?? []), path.field.name]);
    }
    for (const [relation, fields] of embeds) {
      const shape = (t: Row) =>
        Object.fromEntries(
          fields.map((name) => {
            const field = relation.target.fields.get(name)!;
            return [name, toApi(field.type, ownCell(t, field.column))];
          }),
        );
      const related = relatedOf(relation, row);
      if (relation.type === 'toOne') {
        out[relation.name] = related[0] === undefined ? null : shape(related[0]);
      } else {
        out[relation.name] = related.slice(0, relation.embedLimit).map(shape);
        out[`${relation.name}@more`] = related.length > relation.embedLimit;
      }
    }
    return out;
  };

  const matched = dataset.rows.filter((row) => matches(resource, query.filter, row));
  const after = query.after;
  const ordered = matched
    .filter((row) => after === null || compareKeys(query.sort, keysOf(row), after) > 0)
    .sort((a, b) => compareKeys(query.sort, keysOf(a), keysOf(b)));
  const start = after === null ? (query.page.page - 1) * query.page.limit : 0;
  const counted = query.count !== 'none';
  return {
    data: ordered.slice(start, start + query.page.limit).map(project),
    total: counted ? matched.length : null,
    hasMore: ordered.length > start + query.page.limit,
    count: counted ? 'exact' : 'none',
  };
}
