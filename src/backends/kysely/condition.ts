/**
 * Boolean conditions with constants kept apart from SQL, so `and`/`or` can
 * fold them (an empty `in` inside an `and` makes the whole `and` false) and the
 * emitted SQL stays short. Folding is valid in SQL's three-valued logic too:
 * `x and false` is false and `x or true` is true even when x is unknown.
 *
 * A SQL condition is built lazily, and most carry a *key* and their *inputs*
 * so the shape cache (`cached-queries.ts`) can serve a query whose SQL text
 * it has seen without building any SQL: the key names the structure (equal
 * keys under one resource, dialect and table build equal text; it is written
 * next to the SQL it stands for, from the same variables) and the inputs are
 * the values the SQL binds. The SQL is written from the inputs it is handed,
 * so the cache can build it once with markers in their place and learn where
 * each input is bound. A condition made of SQL built elsewhere has no key;
 * the cache then reads its shape from the built SQL (`sql-shape.ts`).
 */
import { type SqlBool, sql } from 'kysely';
import type { Sql } from './dialect.js';

/** A SQL boolean expression, built on first use. */
export interface SqlCondition {
  readonly kind: 'sql';
  /**
   * The structure of the SQL: two conditions with equal keys, compiled for
   * the same resource, dialect and table, have the same SQL text. Undefined
   * when only the built SQL can tell.
   */
  readonly key: string | undefined;
  /** The values the SQL binds (a value bound in two places may be one input). */
  readonly inputs: readonly unknown[];
  /** The SQL, built on first read. */
  readonly sql: Sql<SqlBool>;
  /**
   * The same SQL with `inputs` bound in place of this condition's own: the
   * shape cache builds it once with markers to learn where each input goes.
   */
  buildWith(inputs: readonly unknown[]): Sql<SqlBool>;
}

export type Condition = { readonly kind: 'constant'; readonly value: boolean } | SqlCondition;

export const TRUE: Condition = Object.freeze({ kind: 'constant', value: true });
export const FALSE: Condition = Object.freeze({ kind: 'constant', value: false });

export const NO_INPUTS: readonly unknown[] = Object.freeze([]);

class LazyCondition implements SqlCondition {
  readonly kind = 'sql';
  #built: Sql<SqlBool> | undefined;

  constructor(
    readonly key: string | undefined,
    readonly inputs: readonly unknown[],
    readonly buildWith: (inputs: readonly unknown[]) => Sql<SqlBool>,
  ) {}

  get sql(): Sql<SqlBool> {
    this.#built ??= this.buildWith(this.inputs);
    return this.#built;
  }
}

/**
 * A condition of shape `key` binding `inputs`, whose SQL `build` writes from
 * the inputs it is handed — never from values it closes over (such a value
 * would be found bound as a constant, and the shape never cached). `build`
 * may branch only on what the key spells out: the shape cache serves every
 * later condition of the key with the text of the first.
 *
 * @example
 * keyed('value>=', [100], ([min]) => sql<SqlBool>`${column} >= ${min}`);
 */
export function keyed(
  key: string,
  inputs: readonly unknown[],
  build: (inputs: readonly unknown[]) => Sql<SqlBool>,
): Condition {
  return new LazyCondition(key, inputs, build);
}

/** Wraps a SQL boolean expression built elsewhere (no key: the cache reads its shape). */
export function condition(expression: Sql<SqlBool>): Condition {
  return new LazyCondition(undefined, NO_INPUTS, () => expression);
}

/** The key of `parts` joined by `separator`, or undefined when one has none. */
function joinedKey(parts: readonly SqlCondition[], separator: string): string | undefined {
  let key = '(';
  for (const part of parts) {
    if (part.key === undefined) return undefined;
    key += part.key + separator;
  }
  return `${key})`;
}

function joinedInputs(parts: readonly SqlCondition[]): readonly unknown[] {
  const inputs: unknown[] = [];
  for (const part of parts) for (const input of part.inputs) inputs.push(input);
  return inputs;
}

/** Each part built with its own slice of `inputs` (the parts' inputs, concatenated). */
function buildParts(parts: readonly SqlCondition[], inputs: readonly unknown[]): Sql<SqlBool>[] {
  let at = 0;
  return parts.map((part) => {
    const own = inputs.slice(at, at + part.inputs.length);
    at += part.inputs.length;
    return part.buildWith(own);
  });
}

function combine(parts: readonly Condition[], isAnd: boolean): Condition {
  const absorbing = isAnd ? FALSE : TRUE;
  const kept: SqlCondition[] = [];
  for (const part of parts) {
    if (part.kind === 'constant') {
      if (part.value !== isAnd) return absorbing;
      continue;
    }
    kept.push(part);
  }
  if (kept.length === 0) return isAnd ? TRUE : FALSE;
  if (kept.length === 1) return kept[0]!;
  const separator = isAnd ? sql` and ` : sql` or `;
  return new LazyCondition(
    joinedKey(kept, isAnd ? '&' : '|'),
    joinedInputs(kept),
    (inputs) => sql<SqlBool>`(${sql.join(buildParts(kept, inputs), separator)})`,
  );
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
  if (c.kind === 'constant') return c.value ? FALSE : TRUE;
  return new LazyCondition(
    c.key === undefined ? undefined : `!${c.key}`,
    c.inputs,
    (inputs) => sql<SqlBool>`not (${c.buildWith(inputs)})`,
  );
}

/** The condition as SQL, constants spelled `1 = 1` / `1 = 0`, valid on every dialect. */
export function toSql(c: Condition): Sql<SqlBool> {
  if (c.kind === 'sql') return c.sql;
  return c.value ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`;
}
