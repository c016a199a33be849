/**
 * The lexical grammar of the URL, shared by resource definitions (defaults,
 * aliases), the parser and the formatter so the three cannot drift apart.
 */

/** A field or parameter name: a letter or `_`, then letters, digits or `_`. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** `name` or `name[operator]`; nothing after the closing bracket, no nesting. */
const KEY_PATTERN = /^([A-Za-z_][A-Za-z0-9_]{0,63})(?:\[([A-Za-z_$][A-Za-z0-9_$]{0,31})\])?$/;

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

/** Splits `value[gte]` into `{ name: 'value', operator: 'gte' }`; null when the key is malformed. */
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
