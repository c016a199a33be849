/**
 * The filter tree as a SQL condition, with the two-valued logic of
 * `docs/ast.md`: a comparison or `in` on a null column is false, so its
 * negation is true.
 *
 * Negations are pushed down to the leaves (De Morgan), where each negated
 * leaf on a nullable column becomes `column is null or not (leaf)`. Without a
 * `not`, SQL's unknown already behaves as false (`and` and `or` are monotone),
 * so the common un-negated query stays plain, index-friendly SQL.
 */
import { type SqlBool, sql } from 'kysely';
import {
  type ComparisonOperator,
  type FilterNode,
  foldAscii,
  type InstantBound,
  instantBounds,
  type TextOperator,
  utcMs,
  visitFilter,
} from '../../ast/index.js';
import { type Field, type Relation, type Resource, relationOf } from '../../resource/index.js';
import { checkSearchTerm, stringFieldFor } from '../check-filter-value.js';
import { isTextField } from './columns.js';
import {
  allOf,
  anyOf,
  type Condition,
  condition,
  FALSE,
  keyed,
  NO_INPUTS,
  negate,
  TRUE,
  toSql,
} from './condition.js';
import type { Sql, SqlDialect } from './dialect.js';
import { relationAliases } from './relation-aliases.js';
import { existsSql, resolveColumn, rootTable, sqlRelation } from './relation-sql.js';
import { containsPattern, likePattern } from './search-pattern.js';
import { bindValue, checkFilterValue } from './values.js';

/** Where the compiled SQL goes: the dialect, and the table that qualifies columns (for joins). */
export interface FilterSqlOptions {
  readonly dialect: SqlDialect;
  /** Qualifies every column (`"leads"."status"`); omit for a single-table query. */
  readonly table?: string | undefined;
}

const OPERATOR_SQL: Readonly<Record<ComparisonOperator, string>> = {
  eq: '=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};

// The instants of the date grammar: years 0000–9999. A day bound can fall one
// day past the end (`lte 9999-12-31` is `lt 10000-01-01`), which no column
// type can hold, so it is decided here instead of in SQL.
const MIN_INSTANT = utcMs(0, 1, 1);
const MAX_INSTANT = utcMs(9999, 12, 31, 23, 59, 59, 999);

interface Context<F extends string> {
  readonly resource: Resource<F>;
  readonly dialect: SqlDialect;
  readonly table: string | undefined;
  /**
   * Compiling the rows of a relation (a `some` filter, a relation's `where`):
   * relations reach one level, so the related resource's own relations are
   * not followed.
   */
  readonly related: boolean;
}

const OPERATORS = Object.fromEntries(
  Object.entries(OPERATOR_SQL).map(([name, text]) => [name, sql.raw(text)]),
) as Readonly<Record<ComparisonOperator, Sql>>;

function op(operator: ComparisonOperator): Sql {
  return OPERATORS[operator];
}

/**
 * A leaf, negated when asked: a null column satisfies the negation of any
 * leaf (a to-one path is nullable: no related row reads null).
 */
function leaf(col: Column, positive: Condition, negated: boolean): Condition {
  if (!negated) return positive;
  if (!col.nullable) return negate(positive);
  return anyOf([isNull(col, true), negate(positive)]);
}

/** `column is null` (or `is not null`): never unknown. */
function isNull(col: Column, isNullTest: boolean): Condition {
  const { column } = col;
  return isNullTest
    ? keyed(`${col.name}:null`, NO_INPUTS, () => sql<SqlBool>`${column} is null`)
    : keyed(`${col.name}:notnull`, NO_INPUTS, () => sql<SqlBool>`${column} is not null`);
}

/**
 * A column of the query: its field, its SQL, whether it can read null, and
 * the name that stands for it in a condition's key (the field or path name:
 * under one resource and table, the name decides the column).
 */
interface Column {
  readonly name: string;
  readonly field: Field;
  readonly column: Sql;
  readonly nullable: boolean;
}

function instantComparison(ctx: Context<string>, col: Column, bound: InstantBound): Condition {
  const outOfRange = bound.ms > MAX_INSTANT ? 'above' : bound.ms < MIN_INSTANT ? 'below' : null;
  if (outOfRange !== null) {
    // Every stored instant is below a bound above the range: `lt`/`lte` hold for
    // every non-null value, the rest for none (and the mirror image below).
    const holds = outOfRange === 'above' ? ['lt', 'lte'] : ['gt', 'gte'];
    return holds.includes(bound.op) ? isNull(col, false) : FALSE;
  }
  const { column } = col;
  return keyed(
    `${col.name}:${bound.op}`,
    [ctx.dialect.instantParam(bound.ms)],
    ([instant]) => sql<SqlBool>`${column} ${op(bound.op)} ${instant}`,
  );
}

function comparison(
  ctx: Context<string>,
  col: Column,
  operator: ComparisonOperator,
  rawValue: unknown,
): Condition {
  const { field, column } = col;
  const value = checkFilterValue(field, rawValue);
  const { dialect } = ctx;
  if (field.type === 'datetime') {
    return allOf(
      instantBounds(operator, value as string).map((b) => instantComparison(ctx, col, b)),
    );
  }
  if (isTextField(field)) {
    if (operator === 'eq') {
      return keyed(`${col.name}:in1`, [value], (texts) =>
        dialect.textIn(column, texts as readonly string[]),
      );
    }
    return keyed(
      `${col.name}:${operator}`,
      [value],
      ([text]) => sql<SqlBool>`${dialect.codePointText(column)} ${op(operator)} ${text}`,
    );
  }
  return keyed(
    `${col.name}:${operator}`,
    [bindValue(dialect, field, value)],
    ([param]) => sql<SqlBool>`${column} ${op(operator)} ${param}`,
  );
}

function inList(ctx: Context<string>, col: Column, values: readonly unknown[]): Condition {
  const { field, column } = col;
  if (values.length === 0) return FALSE;
  if (field.type === 'datetime') {
    return anyOf(values.map((value) => comparison(ctx, col, 'eq', value)));
  }
  if (isTextField(field)) {
    const texts = values.map((value) => checkFilterValue(field, value) as string);
    return keyed(`${col.name}:in${texts.length}`, texts, (inputs) =>
      ctx.dialect.textIn(column, inputs as readonly string[]),
    );
  }
  const params = values.map((value) => bindValue(ctx.dialect, field, value));
  return keyed(`${col.name}:in${params.length}`, params, (inputs) =>
    inputs.length === 1
      ? sql<SqlBool>`${column} = ${inputs[0]}`
      : sql<SqlBool>`${column} in (${sql.join(inputs)})`,
  );
}

function searchLeaf(ctx: Context<string>, col: Column, pattern: string): Condition {
  if (!isTextField(col.field)) {
    throw new Error(
      `listql/kysely: search over field '${col.field.name}' (${col.field.type}); only string fields can be searched`,
    );
  }
  return likeLeaf(ctx, col, pattern);
}

/** `column`, ASCII-folded, LIKE `pattern` (already folded and escaped). */
function likeLeaf(ctx: Context<string>, col: Column, pattern: string): Condition {
  const { dialect } = ctx;
  const { column } = col;
  return keyed(`${col.name}:~`, [pattern], ([like]) => {
    // The pattern is already folded, so a LIKE that folds A–Z itself needs no fold of the column.
    const folded = dialect.likeFoldsAscii === true ? column : dialect.asciiLower(column);
    const exact = sql<SqlBool>`${folded} like ${like} ${dialect.likeEscape}`;
    return dialect.likePrefilter === undefined
      ? exact
      : sql<SqlBool>`(${dialect.likePrefilter(column, like)} and ${exact})`;
  });
}

/** A node that only string fields take (`text`, `foldedComparison`): the field, or it throws. */
function stringField(field: Field, kind: string): Field {
  return stringFieldFor('listql/kysely', kind, field);
}

function textLeaf(
  ctx: Context<string>,
  col: Column,
  operator: TextOperator,
  rawValue: unknown,
): Condition {
  const value = checkFilterValue(stringField(col.field, 'text'), rawValue) as string;
  return likeLeaf(ctx, col, likePattern(operator, value));
}

/** Both sides ASCII-folded, compared by code point: the order of a `caseInsensitiveSort` key. */
function foldedLeaf(
  ctx: Context<string>,
  col: Column,
  operator: ComparisonOperator,
  rawValue: unknown,
): Condition {
  const value = checkFilterValue(stringField(col.field, 'foldedComparison'), rawValue) as string;
  const { dialect } = ctx;
  const { column } = col;
  return keyed(
    `${col.name}:f${operator}`,
    [foldAscii(value)],
    ([folded]) => sql<SqlBool>`${foldedText(dialect, column)} ${op(operator)} ${folded}`,
  );
}

/**
 * The ASCII-folded text of `column` in code point order: the ORDER BY
 * expression of a `caseInsensitiveSort` key, and the expression its index
 * (`createTableSql`) is built on.
 *
 * @example
 * foldedText(postgresDialect, sql.ref('name')); // lower("name" collate "C") collate "C"
 */
export function foldedText(dialect: SqlDialect, column: Sql): Sql {
  return dialect.codePointText(dialect.asciiLower(column));
}

/**
 * The related rows of a `some` node as `EXISTS`: the relation's `where` and
 * the node's filter are compiled by this same compiler, against the related
 * resource under its alias. Never unknown, so `not(some)` is `NOT EXISTS`.
 */
function someCondition(ctx: Context<string>, name: string, filter: FilterNode): Condition {
  if (ctx.related) {
    throw new Error(
      `listql/kysely: some('${name}', …) inside a relation's rows: relations reach one level`,
    );
  }
  const relation = sqlRelation(relationOf(ctx.resource, name));
  const table = rootTable(ctx.table, relation);
  const inner: Context<string> = {
    resource: relation.target,
    dialect: ctx.dialect,
    table: relationAliases(ctx.resource, table, relation).target,
    related: true,
  };
  const related = allOf([
    relationWhere(ctx.resource, table, relation, ctx.dialect),
    compile(inner, filter)(false),
  ]);
  if (related.kind === 'constant' && !related.value) return FALSE;
  const exists = (rows: Condition) => existsSql(ctx.resource, table, relation, ctx.dialect, rows);
  // The relation's name decides its table, alias and keys (the table qualifies them: in the outer key).
  if (related.kind === 'constant') return keyed(`E${name}{}`, NO_INPUTS, () => exists(related));
  if (related.key === undefined) return condition(exists(related));
  return keyed(`E${name}{${related.key}}`, related.inputs, (inputs) =>
    exists(keyed(related.key!, inputs, related.buildWith)),
  );
}

function compile<F extends string>(
  ctx: Context<F>,
  node: FilterNode<F>,
): (negated: boolean) => Condition {
  const column = (name: string): Column => {
    if (ctx.related && name.includes('.') && !ctx.resource.fields.has(name)) {
      throw new Error(
        `listql/kysely: '${name}' inside a relation's rows: relations reach one level`,
      );
    }
    const resolved = resolveColumn(ctx.resource, name, ctx.table);
    return { name, field: resolved.field, column: resolved.column, nullable: resolved.nullable };
  };
  return visitFilter<F, (negated: boolean) => Condition>(node, {
    some: (n) => (negated) => {
      const exists = someCondition(ctx, n.relation, n.filter);
      return negated ? negate(exists) : exists;
    },
    comparison: (n) => (negated) => {
      const col = column(n.field);
      return leaf(col, comparison(ctx, col, n.op, n.value), negated);
    },
    in: (n) => (negated) => {
      const col = column(n.field);
      return leaf(col, inList(ctx, col, n.values), negated);
    },
    exists: (n) => (negated) => {
      // Never unknown, so negation is simply the other test.
      return isNull(column(n.field), n.exists === negated);
    },
    text: (n) => (negated) => {
      const col = column(n.field);
      return leaf(col, textLeaf(ctx, col, n.op, n.value), negated);
    },
    foldedComparison: (n) => (negated) => {
      const col = column(n.field);
      return leaf(col, foldedLeaf(ctx, col, n.op, n.value), negated);
    },
    search: (n) => (negated) => {
      const pattern = containsPattern(checkSearchTerm('listql/kysely', n.term));
      const leaves = n.fields.map((name) => {
        const col = column(name);
        return leaf(col, searchLeaf(ctx, col, pattern), negated);
      });
      return negated ? allOf(leaves) : anyOf(leaves);
    },
    and: (n, visit) => (negated) => {
      const children = n.children.map((child) => visit(child)(negated));
      return negated ? anyOf(children) : allOf(children);
    },
    or: (n, visit) => (negated) => {
      const children = n.children.map((child) => visit(child)(negated));
      return negated ? allOf(children) : anyOf(children);
    },
    not: (n, visit) => (negated) => visit(n.child)(!negated),
  });
}

/**
 * A relation's `where` over its related rows, under the relation's alias in
 * queries on `table`: the ON condition of a to-one join, the filter of a
 * batched embed. `TRUE` when the relation has none.
 * @internal
 */
export function relationWhere(
  resource: Resource,
  table: string,
  relation: Relation,
  dialect: SqlDialect,
): Condition {
  if (relation.where === null) return TRUE;
  const ctx: Context<string> = {
    resource: relation.target,
    dialect,
    table: relationAliases(resource, table, relation).target,
    related: true,
  };
  return compile(ctx, relation.where)(false);
}

/**
 * The filter as a condition, `TRUE`/`FALSE` when it folds to a constant.
 * @internal Used by {@link filterSql} and `applyListQuery`.
 */
export function compileFilter<F extends string>(
  resource: Resource<F>,
  filter: FilterNode<F>,
  options: FilterSqlOptions,
): Condition {
  const ctx: Context<F> = {
    resource,
    dialect: options.dialect,
    table: options.table,
    related: false,
  };
  return compile(ctx, filter)(false);
}

/**
 * The filter tree as a SQL boolean expression for Kysely's `where`, every value
 * a bound parameter. Use it to add a listql filter to a query of your own
 * (a join, a keyset page, an export).
 *
 * @example
 * const rows = await db
 *   .selectFrom('leads')
 *   .selectAll()
 *   .where(filterSql(leads, query.filter, { dialect: sqlDialectOf(db) }))
 *   .execute();
 */
export function filterSql<F extends string>(
  resource: Resource<F>,
  filter: FilterNode<F>,
  options: FilterSqlOptions,
): Sql<SqlBool> {
  return toSql(compileFilter(resource, filter, options));
}
