/**
 * The lexical grammar of the URL, shared by resource definitions (defaults,
 * aliases), the parser and the formatter so the three cannot drift apart.
 */

/** A field or parameter name: a letter or `_`, then letters, digits or `_`. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Names that match {@link NAME_PATTERN} but would reach `Object.prototype`
 * as object keys (rows, projections, documents): no definition may use them.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * `name` or `name[operator]`, where a name may be one `relation.field` path;
 * nothing after the closing bracket, no nesting.
 */
const KEY_PATTERN =
  /^([A-Za-z_][A-Za-z0-9_]{0,63}(?:\.[A-Za-z_][A-Za-z0-9_]{0,63})?)(?:\[([A-Za-z_$][A-Za-z0-9_$]{0,31})\])?$/;

/** Parameters with a meaning of their own; a filterable field may not take these names. */
export const RESERVED_PARAMS = [
  'limit',
  'page',
  'sort',
  'fields',
  'search',
  'cursor',
  'count',
  'or',
  'and',
] as const;
export type ReservedParam = (typeof RESERVED_PARAMS)[number];

/** A parameter key split into its name and optional bracketed operator. */
export interface ParamKey {
  readonly name: string;
  readonly operator: string | undefined;
}

/**
 * Splits `value[gte]` into `{ name: 'value', operator: 'gte' }` (and
 * `label.name[eq]` into `label.name` and `eq`); null when the key is malformed.
 */
export function parseParamKey(key: string): ParamKey | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  return { name: match[1]!, operator: match[2] };
}

/** One term of `sort`: `field` or `field:direction`. The direction is not validated here. */
export interface SortTerm {
  readonly name: string;
  readonly direction: string | undefined;
}

/** Splits `createdAt:desc` into name and direction. */
export function splitSortTerm(term: string): SortTerm {
  const colon = term.indexOf(':');
  if (colon === -1) return { name: term, direction: undefined };
  return { name: term.slice(0, colon), direction: term.slice(colon + 1) };
}

/*
 * Value grammars, as regular-expression sources. The parser compiles them and
 * the OpenAPI document publishes them as `pattern`s, so the two cannot drift.
 * They keep to the subset JSON Schema recommends for interoperability: plain
 * groups, classes, alternation and anchors; no lookaround, no `\d` (which
 * some validators read as any Unicode digit), no non-capturing groups.
 */

/** Plain decimal numbers: `100`, `-3`, `99.5`. No exponent, `+`, hex, bare or trailing dot. */
export const DECIMAL_PATTERN = '^-?[0-9]+(\\.[0-9]+)?$';

/** Month and day of any year; 29 February is the leap-year alternative of `DAY`. */
const MONTH_DAY =
  '((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))';
/** Gregorian leap years among 0000–9999: divisible by 4 and not by 100, or by 400. */
const LEAP_YEAR = '([0-9][0-9](0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)';
const DAY = `([0-9]{4}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
/** Upper-case `T`, seconds required, no leap second, up to nine fraction digits. */
const TIME = 'T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?';
/** Upper-case `Z` or `±hh:mm`; none means UTC. */
const OFFSET = '(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?';

/** A calendar day that exists: `2026-01-15`, `2024-02-29`; not `2026-02-29`. */
export const DATE_PATTERN = `^${DAY}$`;

/** A date-time: `2026-01-15T10:30:00Z`, `…:00.5+02:00`, `…:00` (UTC). */
export const DATE_TIME_PATTERN = `^${DAY}${TIME}${OFFSET}$`;

/**
 * Date-times that match {@link DATE_TIME_PATTERN} and are still refused: on
 * the first day of year 0000 a positive offset, on the last day of 9999 a
 * negative one, since they can put the instant outside the four-digit years.
 */
export const DATE_TIME_EDGE_PATTERN =
  '^(0000-01-01T[^+]*\\+(0[1-9]|1[0-9]|2[0-3]|00:(0[1-9]|[1-5][0-9]))|9999-12-31T[^-]*-(0[1-9]|1[0-9]|2[0-3]|00:(0[1-9]|[1-5][0-9])))';

/**
 * Whitespace between the tokens of a boolean group: ASCII space, tab, line
 * feed, carriage return (nothing else, so a bare value keeps U+00A0).
 *
 * @example
 * isGroupSpace('\t'); // true
 */
export function isGroupSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** Characters a bare group value cannot hold. */
const GROUP_SPECIAL = /[;()"]/;

/**
 * A leaf's value as a group writes it: bare when the tokenizer reads it back
 * unchanged, else in double quotes with `\"` and `\\` escapes.
 *
 * @example
 * quoteGroupValue('won'); // 'won'
 * quoteGroupValue('a;b'); // '"a;b"'
 */
export function quoteGroupValue(text: string): string {
  const bare = !GROUP_SPECIAL.test(text) && !isGroupSpace(text[0]) && !isGroupSpace(text.at(-1));
  return bare ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
}
