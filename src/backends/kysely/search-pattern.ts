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
  const folded = term.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return `%${folded.replace(/[\\%_]/g, '\\$&')}%`;
}
