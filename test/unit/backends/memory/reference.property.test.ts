/**
 * runInMemory against a second, deliberately naive implementation of
 * docs/ast.md: it walks the AST for every row, parses every date on every
 * comparison, compares strings code point by code point through arrays and
 * sorts with a comparator that reads cells directly. Slow and obvious; if the
 * two disagree on generated data and queries, one of them is wrong.
 *
 * The dates of each dataset are also stored in mixed forms (Date, epoch ms,
 * ISO strings with offsets), which must not change any answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../../../src/backends/memory/index.js';
import {
  defineResource,
  type FilterNode,
  type FilterValue,
  type ListQuery,
  type Resource,
} from '../../../../src/index.js';
import { aimedQueryArbitrary, rowsArbitrary } from '../../../../src/testing/index.js';
import { propertyParams } from '../../../support/property.js';
import { things } from './fixtures.js';

type Row = Readonly<Record<string, unknown>>;
const DAY_MS = 86_400_000;

function naiveRun(resource: Resource, query: ListQuery, rows: readonly Row[]) {
  const fieldOf = (name: string) => resource.fields.get(name)!;
  const cell = (row: Row, name: string): unknown => {
    const column = fieldOf(name).column;
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
  const compareValues = (name: string, a: unknown, b: unknown): number => {
    switch (fieldOf(name).type) {
      case 'datetime':
        return ms(a) - ms(b);
      case 'number':
        return (a as number) - (b as number);
      case 'boolean':
        return Number(a) - Number(b);
      default: {
        const [x, y] = [codePoints(a as string), codePoints(b as string)];
        for (let i = 0; i < Math.min(x.length, y.length); i++) {
          if (x[i] !== y[i]) return x[i]! - y[i]!;
        }
        return x.length - y.length;
      }
    }
  };
  const compareTo = (name: string, op: string, stored: unknown, value: FilterValue): boolean => {
    if (fieldOf(name).type === 'datetime' && String(value).length === 10) {
      // A day is the half-open range [its midnight, the next midnight).
      const start = Date.parse(`${value}T00:00:00.000Z`);
      const at = ms(stored);
      const within = { eq: at >= start && at < start + DAY_MS, gt: at >= start + DAY_MS };
      return {
        ...within,
        gte: at >= start,
        lt: at < start,
        lte: at < start + DAY_MS,
      }[op as 'eq']!;
    }
    const d = compareValues(name, stored, value);
    return { eq: d === 0, gt: d > 0, gte: d >= 0, lt: d < 0, lte: d <= 0 }[op as 'eq']!;
  };
  const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const matches = (node: FilterNode, row: Row): boolean => {
    switch (node.kind) {
      case 'comparison': {
        const stored = cell(row, node.field);
        return stored !== null && compareTo(node.field, node.op, stored, node.value);
      }
      case 'in': {
        const stored = cell(row, node.field);
        return stored !== null && node.values.some((v) => compareTo(node.field, 'eq', stored, v));
      }
      case 'exists':
        return (cell(row, node.field) !== null) === node.exists;
      case 'text': {
        const stored = cell(row, node.field);
        if (typeof stored !== 'string') return false;
        const [haystack, needle] = [asciiLower(stored), asciiLower(node.value)];
        if (node.op === 'startsWith') return haystack.startsWith(needle);
        if (node.op === 'endsWith') return haystack.endsWith(needle);
        return haystack.includes(needle);
      }
      case 'foldedComparison': {
        const stored = cell(row, node.field);
        if (typeof stored !== 'string') return false;
        const d = compareValues(node.field, asciiLower(stored), asciiLower(node.value));
        return { eq: d === 0, gt: d > 0, gte: d >= 0, lt: d < 0, lte: d <= 0 }[node.op];
      }
      case 'search':
        return node.fields.some((name) => {
          const stored = cell(row, name);
          return typeof stored === 'string' && asciiLower(stored).includes(asciiLower(node.term));
        });
      case 'and':
        return node.children.every((child) => matches(child, row));
      case 'or':
        return node.children.some((child) => matches(child, row));
      case 'not':
        return !matches(node.child, row);
      case 'some':
        throw new Error('the reference model has no relations');
    }
  };
  // Sort-key tuples compared key by key: nulls last both ways, the direction applied.
  const compareKeys = (x: readonly unknown[], y: readonly unknown[]): number => {
    for (const [i, { field, direction }] of query.sort.entries()) {
      const [a, b] = [x[i] ?? null, y[i] ?? null];
      if (a === null && b === null) continue;
      if (a === null) return 1;
      if (b === null) return -1;
      // A caseInsensitiveSort field: the folded text first, the text breaking its ties.
      const folded = fieldOf(field).caseInsensitiveSort
        ? compareValues(field, asciiLower(a as string), asciiLower(b as string))
        : 0;
      const d = folded || compareValues(field, a, b);
      if (d !== 0) return direction === 'asc' ? d : -d;
    }
    return 0;
  };
  const keysOf = (row: Row) => query.sort.map(({ field }) => cell(row, field));
  const matched = rows.filter((row) => matches(query.filter, row));
  const after = query.after;
  const ordered = matched
    .filter((row) => after === null || compareKeys(keysOf(row), after) > 0)
    .sort((a, b) => compareKeys(keysOf(a), keysOf(b)));
  const names = query.select === 'all' ? resource.selectable : query.select;
  const start = after === null ? (query.page.page - 1) * query.page.limit : 0;
  const data = ordered.slice(start, start + query.page.limit).map((row) =>
    Object.fromEntries(
      names.map((name) => {
        const stored = cell(row, name);
        const api =
          stored !== null && fieldOf(name).type === 'datetime'
            ? new Date(ms(stored)).toISOString()
            : stored;
        return [name, api];
      }),
    ),
  );
  const counted = query.count !== 'none';
  return {
    data,
    total: counted ? matched.length : null,
    hasMore: ordered.length > start + query.page.limit,
    count: counted ? 'exact' : 'none',
  };
}

/** The same instant in another storage form. */
function restore(iso: string, form: number): unknown {
  const at = Date.parse(iso);
  switch (form) {
    case 0:
      return new Date(at);
    case 1:
      return at;
    case 2: {
      // The same instant written with a -03:30 offset.
      const local = new Date(at - 210 * 60_000).toISOString().slice(0, 23);
      return `${local}-03:30`;
    }
    default:
      return iso;
  }
}

const dateColumn = things.fields.get('at')!.column;

/** `things` with `all-words` search (several search nodes per query) and a case-insensitive label order. */
const wordyThings = defineResource({
  ...things.definition,
  fields: {
    ...things.definition.fields,
    label: { ...things.definition.fields.label, caseInsensitiveSort: true },
  },
  search: { mode: 'all-words' },
});

describe('runInMemory agrees with a naive interpreter of the AST', () => {
  it.each([
    ['things', things as Resource],
    ['things with all-words search', wordyThings as Resource],
  ])('on generated datasets, queries and date storage forms (%s)', (_name, things) => {
    const cases = rowsArbitrary(things, { maxLength: 25 }).chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.array(fc.integer({ min: 0, max: 3 }), {
          minLength: rows.length,
          maxLength: rows.length,
        }),
        fc.array(
          aimedQueryArbitrary(things, rows, {
            serverTrees: true,
            maxFilters: 3,
            maxLimit: 8,
            maxPage: 3,
          }),
          { minLength: 5, maxLength: 5 },
        ),
      ),
    );
    fc.assert(
      fc.property(cases, ([rows, forms, queries]) => {
        const mixed = rows.map((row, i) => {
          const at = row[dateColumn];
          return typeof at === 'string' ? { ...row, [dateColumn]: restore(at, forms[i]!) } : row;
        });
        for (const query of queries) {
          const expected = naiveRun(things, query, rows);
          expect(runInMemory(things, query, rows)).toEqual(expected);
          expect(runInMemory(things, query, mixed)).toEqual(expected);
        }
      }),
      propertyParams(100),
    );
  });
});
