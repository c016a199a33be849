/**
 * Boolean conditions with constants kept apart from SQL, so `and`/`or` can
 * fold them (an empty `in` inside an `and` makes the whole `and` false) and the
 * emitted SQL stays short. Folding is valid in SQL's three-valued logic too:
 * `x and false` is false and `x or true` is true even when x is unknown.
 */
import { type SqlBool, sql } from 'kysely';
import type { Sql } from './dialect.js';

export type Condition =
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'sql'; readonly sql: Sql<SqlBool> };

export const TRUE: Condition = Object.freeze({ kind: 'constant', value: true });
export const FALSE: Condition = Object.freeze({ kind: 'constant', value: false });

/** Wraps a SQL boolean expression. */
export function condition(expression: Sql<SqlBool>): Condition {
  return { kind: 'sql', sql: expression };
}

function combine(parts: readonly Condition[], isAnd: boolean): Condition {
  const absorbing = isAnd ? FALSE : TRUE;
  const kept: Sql<SqlBool>[] = [];
  for (const part of parts) {
    if (part.kind === 'constant') {
      if (part.value !== isAnd) return absorbing;
      continue;
    }
    kept.push(part.sql);
  }
  if (kept.length === 0) return isAnd ? TRUE : FALSE;
  if (kept.length === 1) return condition(kept[0]!);
  return condition(sql<SqlBool>`(${sql.join(kept, isAnd ? sql` and ` : sql` or `)})`);
}

/** All of `parts`; true when empty. */
export function allOf(parts: readonly Condition[]): Condition {
  return combine(parts, true);
}

/** Any of `parts`; false when empty. */
export function anyOf(parts: readonly Condition[]): Condition {
  return combine(parts, false);
}

/** `not (c)`. Only for conditions that are never unknown, or where unknown must count as true. */
export function negate(c: Condition): Condition {
  return c.kind === 'constant' ? (c.value ? FALSE : TRUE) : condition(sql<SqlBool>`not (${c.sql})`);
}

/** The condition as SQL, constants spelled `1 = 1` / `1 = 0`, valid on every dialect. */
export function toSql(c: Condition): Sql<SqlBool> {
  if (c.kind === 'sql') return c.sql;
  return c.value ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`;
}
