/**
 * The recursive-descent parser of the boolean group grammar (see
 * `docs/query-language.md#boolean-groups`):
 *
 *     group = "(" item { ";" item } ")"
 *     item  = ( "or" | "and" | "not" ) group | key "=" value
 *
 * It reads each token once and never backtracks. Depth is checked before
 * descending and leaves are counted as they are read, so hostile input meets
 * a limit before it costs anything.
 */
import type { GroupLimits } from '../../resource/index.js';
import type { SyntaxProblem, Token } from './tokenize.js';

export const GROUP_KINDS = ['or', 'and', 'not'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** A filter as written in a group: `key=value`, located by UTF-16 indexes into the text. */
export interface LeafSyntax {
  readonly kind: 'leaf';
  readonly key: string;
  readonly value: string;
  readonly at: number;
  readonly end: number;
}

/** `or(…)`, `and(…)` or `not(…)`, with its items in the order written. */
export interface GroupSyntax {
  readonly kind: GroupKind;
  readonly items: readonly ItemSyntax[];
  readonly at: number;
}

export type ItemSyntax = LeafSyntax | GroupSyntax;

/** A thrown parse problem: the parser stops at the first one (nothing after it can be trusted). */
class Stop {
  constructor(readonly problem: SyntaxProblem) {}
}

const isGroupKind = (word: string): word is GroupKind =>
  (GROUP_KINDS as readonly string[]).includes(word);

/** What a token is called in messages. */
function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end';
    case 'word':
    case 'value':
      return `'${token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text}'`;
    default:
      return `'${token.kind}'`;
  }
}

const MISSING_CLOSE = "missing ')': a '(' is never closed";

class Parser {
  private next = 0;
  private leaves = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly limits: GroupLimits,
  ) {}

  private peek(): Token {
    return this.tokens[this.next]!;
  }

  private take(): Token {
    const token = this.tokens[this.next]!;
    if (token.kind !== 'end') this.next++;
    return token;
  }

  private stop(at: number, message: string): never {
    throw new Stop({ at, message });
  }

  /** The whole value: one parenthesised list, then nothing. */
  top(kind: 'or' | 'and'): GroupSyntax {
    const open = this.take();
    if (open.kind !== '(') {
      this.stop(
        open.at,
        `expected '(' at the start, got ${describe(open)}: write ${kind}=(filter;filter…)`,
      );
    }
    const group = this.items(kind, open.at, 1);
    const rest = this.take();
    if (rest.kind !== 'end') {
      const why = rest.kind === ')' ? 'a ) without its (' : `${describe(rest)} after the closing )`;
      this.stop(rest.at, `unexpected ${why}`);
    }
    return group;
  }

  /** The items after a `(` at `open`, through its `)`. */
  private items(kind: GroupKind, open: number, depth: number): GroupSyntax {
    if (this.peek().kind === ')')
      this.stop(this.peek().at, 'empty group: () needs at least one filter');
    const items: ItemSyntax[] = [];
    for (;;) {
      items.push(this.item(depth));
      const sep = this.take();
      if (sep.kind === ')') break;
      if (sep.kind === 'end') this.stop(sep.at, MISSING_CLOSE);
      if (sep.kind !== ';') {
        this.stop(sep.at, `expected ';' or ')', got ${describe(sep)}`);
      }
    }
    if (kind === 'not' && items.length !== 1) {
      this.stop(
        open,
        `not(…) takes exactly one item, got ${items.length}: write not(and(…)) or not(or(…))`,
      );
    }
    return { kind, items, at: open };
  }

  private item(depth: number): ItemSyntax {
    const first = this.take();
    switch (first.kind) {
      case 'word': {
        const after = this.peek();
        if (after.kind === '(') {
          if (!isGroupKind(first.text)) {
            this.stop(first.at, `${describe(first)} is not a group: use or(…), and(…) or not(…)`);
          }
          if (depth + 1 > this.limits.maxDepth) {
            this.stop(
              after.at,
              `groups nest at most ${this.limits.maxDepth} levels deep (counting the outer parentheses)`,
            );
          }
          this.take();
          return this.items(first.text, after.at, depth + 1);
        }
        if (after.kind !== '=') {
          this.stop(after.at, `expected '=' after ${describe(first)}, got ${describe(after)}`);
        }
        this.take();
        // The tokenizer always reads a value after '='.
        const value = this.take() as Extract<Token, { kind: 'value' }>;
        this.leaves++;
        if (this.leaves > this.limits.maxLeaves) {
          this.stop(first.at, `a group parameter holds at most ${this.limits.maxLeaves} filters`);
        }
        return { kind: 'leaf', key: first.text, value: value.text, at: first.at, end: value.end };
      }
      case ';':
      case ')':
        return this.stop(first.at, `empty item before ${describe(first)}: remove the extra ';'`);
      case 'end':
        return this.stop(first.at, MISSING_CLOSE);
      case '(':
        return this.stop(
          first.at,
          `a nested group starts with or, and or not: or(…), and(…), not(…)`,
        );
      default:
        return this.stop(first.at, `a filter needs a field before '=': field=value`);
    }
  }
}

/**
 * Parses the tokens of an `or` or `and` parameter into its syntax tree, or the
 * first problem. The limits on depth and leaves apply here.
 *
 * @example
 * const read = tokenize('(status=won;not(source=import))');
 * if ('tokens' in read) parseGroupSyntax(read.tokens, 'or', { maxDepth: 3, maxLeaves: 20, maxLength: 2000 });
 */
export function parseGroupSyntax(
  tokens: readonly Token[],
  kind: 'or' | 'and',
  limits: GroupLimits,
): { readonly group: GroupSyntax } | { readonly problem: SyntaxProblem } {
  try {
    return { group: new Parser(tokens, limits).top(kind) };
  } catch (error) {
    if (error instanceof Stop) return { problem: error.problem };
    throw error;
  }
}
