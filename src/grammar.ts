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
export const PROTOTYPE_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set([
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

// The value grammars (numbers, dates) live in their own module, so that a
// bundle reading only keys and sort terms (a browser client) does not carry them.
export {
  DATE_PATTERN,
  DATE_TIME_EDGE_PATTERN,
  DATE_TIME_PATTERN,
  DECIMAL_PATTERN,
} from './value-grammar.js';

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
