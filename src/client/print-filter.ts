/**
 * The filters of a request described as data → their canonical `key=text`
 * leaves, printed directly (no AST): the client's light check of a field,
 * its operator and the type of each value, and the value's canonical text
 * (numbers as plain decimals, dates as the day or the UTC instant the server
 * reads). What the server would still refuse beyond this (see docs/client.md
 * "What the client checks") comes back as its 400.
 */
import { FILTER_OPERATORS } from '../ast/operators.js';
import { clip, type Issue, type IssueCode, issue } from '../errors/issue.js';
import type { Field, Resource } from '../resource/types.js';
import { parseDateValue } from '../syntax/dates.js';
import { formatDecimal, readDecimal } from '../syntax/decimal.js';

/** A plain object (not an array, not a Date). */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** How a JavaScript value reads in the URL, for messages and for the value grammar. */
export function shown(value: unknown): string {
  if (typeof value === 'number')
    return Number.isFinite(value) ? formatDecimal(value) : String(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Why a printed value cannot go in the URL whatever its parameter (longer
 * than `max` code points, NUL, a lone surrogate, which `encodeURIComponent`
 * throws on), in the parser's words; null when it can.
 */
export function valueIssue(code: IssueCode, key: string, value: string, max: number): Issue | null {
  const length = [...value].length;
  const why =
    length > max
      ? `be at most ${max} characters, got ${length}`
      : value.includes('\u0000')
        ? 'not contain the NUL character (U+0000)'
        : /\p{Cs}/u.test(value)
          ? 'be valid Unicode text (it has a lone surrogate)'
          : null;
  return why === null ? null : issue(code, key, value, `${key} must ${why}`);
}

/**
 * The canonical text of one value of `field` (already URL text), or null
 * when the server would not read it: the value grammar of `src/syntax` for
 * numbers (exact doubles only) and dates, the enum's values, true/false.
 */
export function canonical(field: Field, text: string): string | null {
  if (text === '' && field.type !== 'datetime') return null;
  switch (field.type) {
    case 'number': {
      const read = readDecimal(text);
      return 'value' in read ? formatDecimal(read.value) : null;
    }
    case 'datetime':
      return parseDateValue(text);
    case 'enum':
      return field.values.includes(text) ? text : null;
    case 'boolean':
      return text === 'true' || text === 'false' ? text : null;
    default:
      return text;
  }
}

/** What a value of `field` must be, as the parser says it. */
const expected = (field: Field, text: string): string =>
  text === '' && field.type !== 'datetime'
    ? 'a non-empty value'
    : field.type === 'number'
    ? 'a number'
    : field.type === 'datetime'
      ? 'a date (2026-01-15) or date-time (2026-01-15T10:30:00Z)'
      : field.type === 'enum'
        ? `one of ${field.values.join(', ')}`
        : field.type === 'boolean'
          ? 'true or false'
          : '';

/** One filter as the URL writes it: `key=text`, where it sorts, and what it names. */
export interface Leaf {
  /** `field`, `field[op]`, `relation.field[op]`. */
  readonly key: string;
  readonly text: string;
  /** The canonical order among top-level filters (field, then operator). */
  readonly rank: number;
  /** The to-many relation it is a condition on (one related row), else null. */
  readonly many: string | null;
  /** The field's key (its name or path) and its field, for `not` → `ne` / `nin`. */
  readonly name: string;
  readonly field: Field;
  readonly op: string;
  /** True when it is a list of more than one value (`in`, so `not` of it is `nin`). */
  readonly multi: boolean;
}

/** What a filter key names: its field, where it ranks, the to-many relation; or why nothing. */
function target(
  resource: Resource,
  name: string,
): { field: Field; rank: number; many: string | null } | string {
  // A Map, never `filter[name]` on the resource: `__proto__` finds nothing.
  const own = resource.fields.get(name);
  if (own?.operators.length) return { field: own, rank: own.index, many: null };
  const dot = name.indexOf('.');
  const relations = resource.relationList;
  if (dot < 0 || own || relations.length === 0) {
    return `Unknown filter field '${name}'. Filterable fields: ${resource.filterable.join(', ')}`;
  }
  const named = name.slice(0, dot);
  const fieldName = name.slice(dot + 1);
  const relation = resource.relations.get(named);
  if (relation === undefined) {
    return `Unknown relation '${named}'. Relations: ${relations.map((r) => r.name).join(', ')}`;
  }
  const field = relation.filterable.get(fieldName);
  if (field === undefined) {
    const list = [...relation.filterable.keys()].join(', ');
    return relation.target.fields.has(fieldName)
      ? `Field '${fieldName}' on relation '${named}' is not filterable. Filterable: ${list}`
      : `Unknown field '${fieldName}' on relation '${named}'. Fields: ${list}`;
  }
  // The server ranks a relation's fields after the own fields and those of earlier relations.
  let rank = resource.fieldList.length + field.index;
  for (const earlier of relations.slice(0, relation.index)) rank += earlier.target.fieldList.length;
  return { field, rank, many: relation.type === 'toOne' ? null : named };
}

/** A value the URL can carry: text, a number, a boolean or a Date (null and objects are not). */
const isScalar = (value: unknown): boolean =>
  ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date;

/** One `name[op]` entry as a leaf, or its issue. */
function leafOf(
  resource: Resource,
  name: string,
  found: { field: Field; rank: number; many: string | null },
  op: string,
  value: unknown,
): Leaf | Issue {
  const { field } = found;
  const key = op === 'eq' ? name : `${name}[${op}]`;
  // The value as an issue shows it: as given, then as the URL would write it.
  let text = shown(value);
  const fail = (message: string, code: IssueCode = 'INVALID_FILTER') =>
    issue(code, key, text, message);
  if (!(field.operators as readonly string[]).includes(op)) {
    return fail(`Operator '${op}' is not allowed on '${name}'. Allowed: ${field.operators.join(', ')}`);
  }
  // Equality on a list field and `nin` take comma lists; a list anywhere else is a mistake.
  const list = op === 'nin' || (op === 'eq' && field.list);
  if (Array.isArray(value) && !list) return fail(`${key} takes one value, not a list`);
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (!items.every(isScalar)) return fail(`${key} must be ${list ? 'a list of values' : 'a value'}`);
  if (Array.isArray(value) && items.some((item) => shown(item).includes(','))) {
    return fail(`${key} items must not contain a comma`);
  }
  const written = items.map(shown).join(',');
  text = written;
  const refused = valueIssue('INVALID_FILTER', key, written, resource.limits.maxValueLength);
  if (refused !== null) return refused;
  const rank = found.rank * 16 + FILTER_OPERATORS.indexOf(op as 'eq');
  const leaf = { key, rank, many: found.many, name, field, op, multi: false };
  if (op === 'exists') {
    return written === 'true' || written === 'false'
      ? { ...leaf, text: written }
      : fail(`${key} must be true or false, got '${clip(written)}'`);
  }
  // A text on a list field is a comma list there too, as the server splits it.
  const parts = list ? written.split(',') : [written];
  const texts: string[] = [];
  for (const part of parts) {
    const read = canonical(field, part);
    if (read === null) {
      const got = parts.length > 1 ? `'${clip(part)}' in '${clip(written)}'` : `'${clip(written)}'`;
      const code = field.type === 'datetime' ? 'INVALID_DATE' : 'INVALID_FILTER';
      return fail(`${key} must be ${expected(field, part)}, got ${got}`, code);
    }
    if (!texts.includes(read)) texts.push(read);
  }
  if (texts.length > resource.limits.maxListItems) {
    return fail(`${key} takes at most ${resource.limits.maxListItems} values, got ${texts.length}`);
  }
  return { ...leaf, text: texts.join(','), multi: texts.length > 1 };
}

/**
 * The leaves of a `filter` object (or of one condition of a group), in its
 * entries' order; each refused entry is an issue in `issues`.
 */
export function printFilters(resource: Resource, filter: unknown, issues: Issue[]): Leaf[] {
  const leaves: Leaf[] = [];
  if (filter === undefined) return leaves;
  if (!isRecord(filter)) {
    issues.push(issue('INVALID_FILTER', 'filter', shown(filter), 'filter must be an object'));
    return leaves;
  }
  for (const name of Object.keys(filter)) {
    const spec = filter[name];
    if (spec === undefined) continue;
    const found = target(resource, name);
    if (typeof found === 'string') {
      issues.push(issue('INVALID_FILTER', name, shown(spec), found));
      continue;
    }
    const entries = isRecord(spec) ? Object.entries(spec) : [['eq', spec] as const];
    for (const [op, value] of entries) {
      if (value === undefined) continue;
      const leaf = leafOf(resource, name, found, op, value);
      if ('code' in leaf) issues.push(leaf);
      else leaves.push(leaf);
    }
  }
  return leaves;
}
