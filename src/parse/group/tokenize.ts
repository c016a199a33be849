/**
 * The tokenizer of the boolean group grammar (`or=(status=won;value[gte]=100)`):
 * one left-to-right pass, no backtracking, so its time is linear in the text.
 *
 * It is modal in one place only: after `=` comes a value, which runs to the
 * next `;` or `)` (a bare value, trimmed) or is a double-quoted string with
 * `\"` and `\\` escapes. Everywhere else, whitespace between tokens is ignored.
 */

import { isGroupSpace } from '../../grammar.js';

/** One token; `at` and `end` are UTF-16 indexes into the text (`end` exclusive). */
export type Token =
  | { readonly kind: '(' | ')' | ';' | '=' | 'end'; readonly at: number; readonly end: number }
  | { readonly kind: 'word'; readonly text: string; readonly at: number; readonly end: number }
  | { readonly kind: 'value'; readonly text: string; readonly at: number; readonly end: number };

/** Why the text is not a sequence of tokens, and where (a UTF-16 index). */
export interface SyntaxProblem {
  readonly at: number;
  readonly message: string;
}

export type Tokens = { readonly tokens: readonly Token[] } | { readonly problem: SyntaxProblem };

const PUNCTUATION: ReadonlySet<string> = new Set(['(', ')', ';', '=']);
/** Characters that end a word (a field key or a group keyword). */
const WORD_END: ReadonlySet<string> = new Set(['(', ')', ';', '=', '"']);

/** A quoted value starting at the `"` at `start`; returns its token or the problem. */
function quoted(text: string, start: number): Token | SyntaxProblem {
  let value = '';
  let i = start + 1;
  let from = i;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      value += text.slice(from, i);
      return { kind: 'value', text: value, at: start, end: i + 1 };
    }
    if (char === '\\') {
      const next = text[i + 1];
      if (next !== '"' && next !== '\\') {
        return {
          at: i,
          message: `a backslash in a quoted value must be followed by " or \\ (write \\\\ for a backslash)`,
        };
      }
      value += text.slice(from, i) + next;
      i += 2;
      from = i;
    } else {
      i++;
    }
  }
  return { at: start, message: 'the quoted value is not closed: add a " at its end' };
}

/** A bare value starting at `start`: up to the next `;`, `)` or the end, trimmed. */
function bare(text: string, start: number): Token | SyntaxProblem {
  let i = start;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ';' || char === ')') break;
    if (char === '(' || char === '"') {
      return {
        at: i,
        message: `'${char}' in a value: write a value holding ; ( ) or " in double quotes, e.g. name="a;b"`,
      };
    }
    i++;
  }
  let end = i;
  while (end > start && isGroupSpace(text[end - 1])) end--;
  return { kind: 'value', text: text.slice(start, end), at: start, end };
}

/**
 * Splits a group parameter's value into tokens, ending with an `end` token.
 *
 * @example
 * tokenize('(status=won)');
 * // { tokens: [ '(' , word 'status', '=', value 'won', ')', end ] }
 */
export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let i = 0;
  let valueNext = false;
  for (;;) {
    while (isGroupSpace(text[i])) i++;
    if (valueNext) {
      valueNext = false;
      const token = text[i] === '"' ? quoted(text, i) : bare(text, i);
      if (!('kind' in token)) return { problem: token };
      tokens.push(token);
      i = token.end;
      continue;
    }
    if (i >= text.length) break;
    const char = text[i]!;
    if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as '(' | ')' | ';' | '=', at: i, end: i + 1 });
      valueNext = char === '=';
      i++;
    } else if (char === '"') {
      return {
        problem: { at: i, message: `a quoted string can only be a value, after '='` },
      };
    } else {
      const start = i;
      while (i < text.length && !WORD_END.has(text[i]!) && !isGroupSpace(text[i])) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), at: start, end: i });
    }
  }
  tokens.push({ kind: 'end', at: text.length, end: text.length });
  return { tokens };
}
