/**
 * Characters with a meaning in a regular expression outside a character
 * class, in both PCRE (MongoDB's `$regex`) and JavaScript. Each is escaped
 * with a backslash, which makes any non-alphanumeric character literal in
 * PCRE and is a valid identity escape for these in JavaScript (even under
 * the `u` flag). Whitespace and `#` need no escape: the pattern is never
 * compiled with the `x` (extended) option.
 */
const REGEX_SYNTAX: ReadonlySet<string> = new Set([
  '\\',
  '^',
  '$',
  '.',
  '|',
  '?',
  '*',
  '+',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
]);

const ASCII_LETTER = /^[A-Za-z]$/;

/**
 * A `$regex` pattern that matches `term` as a literal substring, with ASCII
 * letters folded (A–Z ↔ a–z) and every other character compared exactly —
 * the case rule of every listql backend. Letters become two-letter classes
 * (`j` → `[Jj]`) instead of using the `i` option, because `i` also folds
 * non-ASCII letters (`É`/`é`, `ß`/`ẞ`) in MongoDB's PCRE, and the other
 * backends do not. The pattern has no anchors, quantifiers or alternation,
 * so it matches in time linear in the text and cannot backtrack.
 *
 * @example
 * literalSubstringPattern('Jo(a+)'); // '[Jj][Oo]\\([Aa]\\+\\)'
 */
export function literalSubstringPattern(term: string): string {
  let pattern = '';
  for (const char of term) {
    if (ASCII_LETTER.test(char)) pattern += `[${char.toUpperCase()}${char.toLowerCase()}]`;
    else if (REGEX_SYNTAX.has(char)) pattern += `\\${char}`;
    // A NUL byte cannot sit inside a PCRE pattern string; its escape can.
    else if (char === '\u0000') pattern += '\\x00';
    else pattern += char;
  }
  return pattern;
}
