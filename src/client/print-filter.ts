/**
 * The filters of a request described as data → their canonical `key=text`
 * leaves, printed directly (no AST): the client's light check of a field,
 * its operator and the type of each value, and the value's canonical text
 * (numbers as plain decimals, dates as the day or the UTC instant the server
 * reads). What the server would still refuse beyond this (see docs/client.md
 * "What the client checks") comes back as its 400.
 */
import { FILTER_OPERATORS } from '../ast/operators.js';
import { clip, type Issue, issue } from '../errors/issue.js';
import type { Field, Resource } from '../resource/types.js';
import { formatDecimal } from '../syntax/format-decimal.js';
import { capabilities, type NameKind, type Target } from './capabilities.js';

/** A plain object (not an array, not a Date). */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** `encodeURIComponent`, leaving the separators of the grammar (`:`, `,`, `@`) readable, as the server prints. */
export const encode = (text: string): string =>
  encodeURIComponent(text).replace(/%(3A|2C|40)/g, decodeURIComponent);

/** How a JavaScript value reads in the URL, for messages and for the value grammar. */
export function shown(value: unknown): string {
  // (formatDecimal prints NaN and the infinities as String does.)
  if (typeof value === 'number') return formatDecimal(value);
  // An invalid Date prints as `Invalid Date`.
  if (value instanceof Date) return Number.isNaN(+value) ? `${value}` : value.toISOString();
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The names `kind` allows on `resource`: its own fields, then its relation paths. */
export const allowedNames = (resource: Resource, kind: NameKind): string[] => [
  ...resource[kind],
  ...(capabilities.paths?.(resource, kind) ?? []),
];

/**
 * A plain decimal's canonical text, or null when a double does not hold it
 * as written (`9007199254740993`, digits past a double's, an underflow):
 * the server's rule, checked as "its shortest text is the decimal written,
 * without leading or trailing zeros".
 */
function numberText(text: string): string | null {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const printed = formatDecimal(Number(text));
  const written = text
    .replace(/^(-?)0+(?=\d)/, '$1')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return printed === written || (printed === '0' && written === '-0') ? printed : null;
}

/** A date-time with seconds, an optional fraction and offset (a day reads as its midnight). */
const DATE_TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/;

/**
 * A date's canonical text: the day as written, or the UTC instant (no
 * offset means UTC; fractions past milliseconds are cut); null for what is
 * no date, a day or time that does not exist (`2026-02-30`, `24:00:00`),
 * or an instant outside the four-digit years.
 */
function dateText(text: string): string | null {
  const day = text.length === 10;
  const parts = DATE_TIME.exec(day ? `${text}T00:00:00` : text);
  // Read as UTC first: what does not exist is NaN or rolls over, depending on the engine.
  const utc = new Date(`${parts?.[1]}Z`);
  if (!parts || !(utc.getTime() > -1e15) || utc.toISOString().slice(0, 19) !== parts[1])
    return null;
  if (day) return text;
  // JavaScript reads a date-time without offset as local time; the server as UTC.
  const instant = new Date(`${parts[1]}${(parts[2] ?? '').slice(0, 4)}${parts[3] ?? 'Z'}`);
  const iso = instant.getTime() > -1e15 ? instant.toISOString() : '';
  return iso.length === 24 ? iso : null;
}

/** The values `exists` takes, read as a boolean field's. */
export const BOOLEAN = { type: 'boolean' } as Field;

/**
 * The canonical text of one value of `field` (already URL text), or null
 * when the server would not read it: a plain decimal a double holds for
 * numbers, a day or date-time for dates, the enum's values, true/false.
 */
export function canonical(field: Field, text: string): string | null {
  const type = field.type;
  if (text === '' && type !== 'datetime') return null;
  if (type === 'number') return numberText(text);
  if (type === 'datetime') return dateText(text);
  if (type === 'boolean') return /^(true|false)$/.test(text) ? text : null;
  return type !== 'enum' || field.values.includes(text) ? text : null;
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  datetime: 'a date (2026-01-15) or date-time (2026-01-15T10:30:00Z)',
  boolean: 'true or false',
};

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

/** What a filter key names (see {@link Target}), or why nothing. */
export function target(resource: Resource, name: string): Target | string {
  // Maps, never `filter[name]` on the resource: `__proto__` finds nothing.
  const own = resource.fields.get(name);
  if (own?.operators.length) return { field: own, rank: own.index, many: null };
  return (
    capabilities.path?.(resource, name) ??
    `Unknown filter field '${clip(name)}'. Filterable fields: ${allowedNames(resource, 'filterable').join(', ')}`
  );
}

/** The server's message for an operator `field` does not allow, else undefined. */
export const operatorRefusal = (name: string, field: Field, op: string): string | undefined =>
  (field.operators as readonly string[]).includes(op)
    ? undefined
    : `Operator '${clip(op)}' is not allowed on '${name}'. Allowed: ${field.operators.join(', ')}`;

/** A value the URL can carry: text, a number, a boolean or a Date (null and objects are not). */
const isScalar = (value: unknown): boolean =>
  /^(string|number|boolean)$/.test(typeof value) || value instanceof Date;

/** One `name[op]` entry as a leaf, or its issue (the value's in the parser's words: `… must be …, got '…'`). */
function leafOf(name: string, found: Target, op: string, value: unknown): Leaf | Issue {
  const { field } = found;
  const key = op === 'eq' ? name : `${name}[${op}]`;
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  const text = items.map(shown).join(',');
  const refusal = operatorRefusal(name, field, op);
  if (refusal) return issue('INVALID_FILTER', key, text, refusal);
  // Equality on a list field and `nin` take comma lists (a text there is one too, as the server splits it).
  const list = op === 'nin' || (op === 'eq' && field.list);
  const read = op === 'exists' ? BOOLEAN : field;
  const parts = list ? text.split(',') : [text];
  const texts = parts.map((part) => canonical(read, part));
  const bad = texts.indexOf(null);
  // A list's items must not hold the comma that splits them (nor be none).
  const what =
    !items.every(isScalar) || (value === items && (!list || parts.length !== items.length))
      ? list
        ? 'values without commas'
        : 'one value'
      : /\p{Cs}/u.test(text)
        ? 'valid Unicode text'
        : bad < 0
          ? ''
          : parts[bad] === '' && read.type !== 'datetime'
            ? 'a non-empty value'
            : (EXPECTED[read.type] ?? `one of ${read.values.join(', ')}`);
  if (what) {
    const item = parts.length > 1 && bad >= 0 ? `'${clip(parts[bad]!)}' in ` : '';
    const code = bad >= 0 && read.type === 'datetime' ? 'INVALID_DATE' : 'INVALID_FILTER';
    return issue(code, key, text, `${key} must be ${what}, got ${item}'${clip(text)}'`);
  }
  const unique = [...new Set(texts)];
  const rank = found.rank * 16 + FILTER_OPERATORS.indexOf(op as 'eq');
  // The target's field and relation come along (`...found`); its rank is the field's.
  return { ...found, key, text: unique.join(','), rank, name, op, multi: unique.length > 1 };
}

/**
 * The leaves of a `filter` object (or of one condition of a group), in its
 * entries' order; each refused entry is an issue in `issues`.
 */
export function printFilters(resource: Resource, filter: unknown, issues: Issue[]): Leaf[] {
  const leaves: Leaf[] = [];
  if (filter !== undefined && !isRecord(filter)) {
    issues.push(issue('INVALID_FILTER', 'filter', shown(filter), 'filter must be an object'));
  }
  for (const [name, spec] of isRecord(filter) ? Object.entries(filter) : []) {
    // An entry left undefined is no filter (as a JSON body would leave it out).
    const found = spec === undefined ? null : target(resource, name);
    if (typeof found === 'string') issues.push(issue('INVALID_FILTER', name, shown(spec), found));
    else if (found) {
      for (const [op, value] of isRecord(spec) ? Object.entries(spec) : [['eq', spec]]) {
        const leaf = value === undefined ? null : leafOf(name, found, op as string, value);
        if (leaf && 'code' in leaf) issues.push(leaf);
        else if (leaf) leaves.push(leaf);
      }
    }
  }
  return leaves;
}
