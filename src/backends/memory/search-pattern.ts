import type { TextOperator } from '../../ast/index.js';

/**
 * The search term as a regular expression that matches it literally and
 * case-insensitively for ASCII letters only.
 *
 * Every code unit of the term is written as an escape (`\uHHHH`) or, for an
 * ASCII letter, as a two-letter class (`[jJ]`), so no character of the term
 * can act as regex syntax and `%`, `_`, `\`, `.`, `*` are as literal as
 * letters. The pattern has no `i` flag: only A–Z and a–z fold into each
 * other, every other character (É and é, ß and SS) must match exactly. That
 * is the folding every SQL backend can do the same way (SQLite's `LIKE` and
 * `lower()` fold ASCII only), so all backends find the same rows. No `u` flag
 * either: matching code unit by code unit finds a substring of well-formed
 * text exactly where matching code point by code point would.
 *
 * @example
 * const pattern = literalSearchPattern('Jo.');
 * pattern.test('JOHN'); // false: '.' is a literal dot
 * pattern.test('mr jo. smith'); // true
 */
export function literalSearchPattern(term: string): RegExp {
  return new RegExp(literalSource(term));
}

/**
 * The pattern of a `text` node: {@link literalSearchPattern}'s literal,
 * ASCII case-insensitive match of `value`, anchored at the start
 * (`startsWith`), the end (`endsWith`) or neither (`contains`). Without the
 * `m` flag, `^` and `$` are the ends of the whole text, not of a line.
 *
 * @example
 * literalTextPattern('endsWith', '%').test('100%'); // true
 */
export function literalTextPattern(op: TextOperator, value: string): RegExp {
  const source = literalSource(value);
  if (op === 'startsWith') return new RegExp(`^${source}`);
  if (op === 'endsWith') return new RegExp(`${source}$`);
  return new RegExp(source);
}

function literalSource(term: string): string {
  let source = '';
  for (let i = 0; i < term.length; i++) {
    const unit = term.charCodeAt(i);
    const lower = unit | 0x20; // ASCII upper and lower case differ only in bit 0x20
    if (lower >= 0x61 && lower <= 0x7a) {
      source += `[${String.fromCharCode(lower)}${String.fromCharCode(lower & ~0x20)}]`;
    } else {
      source += `\\u${unit.toString(16).padStart(4, '0')}`;
    }
  }
  return source;
}
