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
const HALVES_PER_SURROGATE = 0x400;

function isHighSurrogate(char: string): boolean {
  const unit = char.charCodeAt(0);
  return char.length === 1 && unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(char: string): boolean {
  const unit = char.charCodeAt(0);
  return char.length === 1 && unit >= 0xdc00 && unit <= 0xdfff;
}

function literalChar(char: string): string {
  if (ASCII_LETTER.test(char)) return `[${char.toUpperCase()}${char.toLowerCase()}]`;
  if (REGEX_SYNTAX.has(char)) return `\\${char}`;
  // A NUL byte cannot sit inside a PCRE pattern string; its escape can.
  if (char === '\u0000') return '\\x00';
  return char;
}

/**
 * Every code point whose UTF-16 form has `unit` as its high (or low) half,
 * as an alternation of literal characters. Not a character class: a literal
 * astral character in a class is a range of two code units to a JavaScript
 * regex without the `u` flag, while an alternation of literals means the same
 * to PCRE and to JavaScript with or without it.
 */
function codePointsWithHalf(unit: number, high: boolean): string {
  const codePoints: string[] = [];
  for (let other = 0; other < HALVES_PER_SURROGATE; other++) {
    const [h, l] = high ? [unit - 0xd800, other] : [other, unit - 0xdc00];
    codePoints.push(String.fromCodePoint(0x10000 + h * HALVES_PER_SURROGATE + l));
  }
  return `(?:${codePoints.join('|')})`;
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
 * The other backends match code unit by code unit, so a term holding half of
 * a surrogate pair (which the parser refuses, but a hand-built or sliced term
 * may hold) matches stored text containing a whole pair with that half.
 * MongoDB text is UTF-8 and cannot hold a half, so: a leading low half or a
 * trailing high half becomes an alternation of the 1,024 code points it can
 * end or begin; a half anywhere else can never match well-formed text, and
 * the result is `null`.
 *
 * @example
 * literalSubstringPattern('Jo(a+)'); // '[Jj][Oo]\\([Aa]\\+\\)'
 * literalSubstringPattern('a\uD83Db'); // null
 */
export function literalSubstringPattern(term: string): string | null {
  const chars = Array.from(term);
  const last = chars.length - 1;
  let pattern = '';
  for (const [index, char] of chars.entries()) {
    if (index === 0 && isLowSurrogate(char)) {
      pattern += codePointsWithHalf(char.charCodeAt(0), false);
    } else if (index === last && isHighSurrogate(char)) {
      pattern += codePointsWithHalf(char.charCodeAt(0), true);
    } else if (isLowSurrogate(char) || isHighSurrogate(char)) {
      return null;
    } else {
      pattern += literalChar(char);
    }
  }
  return pattern;
}
