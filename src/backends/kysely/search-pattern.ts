import { foldAscii, type TextOperator } from '../../ast/index.js';

/**
 * The LIKE pattern of a search term: a literal, case-insensitive substring.
 * The term is folded to lower case for A–Z only (the same fold every dialect
 * applies to the column, and the in-memory backend applies to both), and the
 * LIKE metacharacters `%`, `_` and the escape character `\` are escaped.
 *
 * @example
 * containsPattern('50%_OFF\\'); // '%50\\%\\_off\\\\%'
 */
export function containsPattern(term: string): string {
  return likePattern('contains', term);
}

/**
 * The LIKE pattern of a `text` node: the folded, escaped value with `%`
 * after it (`startsWith`), before it (`endsWith`) or on both sides
 * (`contains`).
 *
 * @example
 * likePattern('startsWith', 'A_b'); // 'a\\_b%'
 */
export function likePattern(op: TextOperator, value: string): string {
  const literal = foldAscii(value).replace(/[\\%_]/g, '\\$&');
  if (op === 'startsWith') return `${literal}%`;
  if (op === 'endsWith') return `%${literal}`;
  return `%${literal}%`;
}
