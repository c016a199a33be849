import type { TextOperator } from '../../ast/index.js';
import { checkSearchTerm } from '../check-filter-value.js';

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
function literalChar(char: string): string {
  if (ASCII_LETTER.test(char)) return `[${char.toUpperCase()}${char.toLowerCase()}]`;
  if (REGEX_SYNTAX.has(char)) return `\\${char}`;
  // A NUL byte cannot sit inside a PCRE pattern string; its escape can.
  if (char === '\u0000') return '\\x00';
  return char;
}

/**
 * A `$regex` pattern that matches `term` as a literal substring, with ASCII
 * letters folded (A–Z ↔ a–z) and every other character compared exactly —
 * the case rule of every listql backend. Letters become two-letter classes
 * (`j` → `[Jj]`) instead of using the `i` option, because `i` also folds
 * non-ASCII letters (`É`/`é`, `K`/`k`) in MongoDB's PCRE, and the other
 * backends do not. Apart from the case below, the pattern has no anchors,
 * quantifiers or alternation: it matches in time linear in the text.
 *
 * A term must be well-formed Unicode (the parser refuses lone surrogates;
 * UTF-8 text in MongoDB cannot hold one), so a hand-built term with half a
 * surrogate pair is a programmer error and throws.
 *
 * @example
 * literalSubstringPattern('Jo(a+)'); // '[Jj][Oo]\\([Aa]\\+\\)'
 */
export function literalSubstringPattern(term: string): string {
  checkSearchTerm('listql/mongo', term);
  let pattern = '';
  for (const char of term) pattern += literalChar(char);
  return pattern;
}

/**
 * The `$regex` pattern of a `text` node: {@link literalSubstringPattern},
 * anchored with `^` at the start (`startsWith`) and with `(?![\s\S])` at
 * the end (`endsWith`). Not `$`: in PCRE it also matches before a final
 * newline, and `\z` does not exist in JavaScript (mingo, tests); "no
 * character follows" is the end of the text in both.
 *
 * @example
 * literalTextPattern('endsWith', 'a.b'); // '[Aa]\\.[Bb](?![\\s\\S])'
 */
export function literalTextPattern(op: TextOperator, value: string): string {
  const literal = literalSubstringPattern(value);
  if (op === 'startsWith') return `^${literal}`;
  if (op === 'endsWith') return `${literal}(?![\\s\\S])`;
  return literal;
}
