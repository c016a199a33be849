/**
 * The keyset condition of a cursor page: the rows after `query.after` in the
 * query's order. Where every key sorts the same way and neither the fields
 * nor the position can be null, it is one row-value comparison,
 * `(created_at, id) < (?, ?)`, which a B-tree index on those columns serves
 * as a range scan on PostgreSQL, MySQL/MariaDB and SQLite. Elsewhere it is
 * the expanded OR chain of `keysetFilter` (nulls last in both directions).
 */
import { type SqlBool, sql } from 'kysely';
import { foldAscii, keysetFilter, type SortKey, type SortPosition } from '../../ast/index.js';
import type { Field, Resource } from '../../resource/index.js';
import { isTextField } from './columns.js';
import { compileFilter, type FilterSqlOptions, foldedText } from './compile-filter.js';
import { allOf, type Condition, keyed } from './condition.js';
import type { Sql } from './dialect.js';
import { instantMs } from './instants.js';
import { type ResolvedColumn, resolveColumn } from './relation-sql.js';
import { bindValue, checkFilterValue } from './values.js';

/** A parameter that is its input. */
const bound = (input: unknown): unknown => input;

/**
 * One side-by-side pair of the row value: the value it binds (computed at
 * once, for the shape cache) and the ORDER BY expression and parameter,
 * written only when the SQL is built.
 */
interface RowValuePart {
  readonly input: unknown;
  readonly expression: () => Sql;
  /** The parameter that binds `input` (or the input given in its place). */
  readonly param: (input: unknown) => unknown;
}

/**
 * The sides of the row value for a key: the ORDER BY expressions and the
 * bound position values (two for a `caseInsensitiveSort` key, folded first).
 */
function rowValueParts(
  resolved: ResolvedColumn,
  value: unknown,
  options: FilterSqlOptions,
): RowValuePart[] {
  const { field, column } = resolved;
  const exact = rowValuePart(field, column, value, options);
  if (!field.caseInsensitiveSort) return [exact];
  const folded = foldAscii(checkFilterValue(field, value) as string);
  return [
    {
      input: folded,
      expression: () => foldedText(options.dialect, column),
      param: bound,
    },
    exact,
  ];
}

function rowValuePart(
  field: Field,
  column: Sql,
  value: unknown,
  options: FilterSqlOptions,
): RowValuePart {
  const { dialect } = options;
  const bare = () => column;
  if (field.type === 'datetime') {
    const ms = instantMs(value);
    if (Number.isNaN(ms)) {
      throw new TypeError(
        `listql/kysely: the keyset position of '${field.name}' is not an instant`,
      );
    }
    return { input: dialect.instantParam(ms), expression: bare, param: bound };
  }
  if (isTextField(field)) {
    // The same collation as ORDER BY, or the comparison and the order disagree.
    const text = checkFilterValue(field, value);
    const { codePointParam } = dialect;
    return codePointParam === undefined
      ? { input: text, expression: () => dialect.codePointText(column), param: bound }
      : { input: text, expression: bare, param: (input) => codePointParam(sql`${input}`) };
  }
  return { input: bindValue(dialect, field, value), expression: bare, param: bound };
}

/**
 * True when the keyset condition may be a single row-value comparison: one
 * direction for every key, no nullable field, no null in the position.
 */
export function rowValueApplies<F extends string>(
  resource: Resource<F>,
  sort: readonly SortKey<F>[],
  after: SortPosition,
  table?: string,
): boolean {
  const direction = sort[0]?.direction;
  return sort.every(
    (key, i) =>
      key.direction === direction && !nullableKey(resource, key.field, table) && after[i] !== null,
  );
}

/** A sort key that can read null: a nullable field, or any to-one path. */
function nullableKey(resource: Resource, name: string, table: string | undefined): boolean {
  return resolveColumn(resource, name, table).nullable;
}

/**
 * The condition "after `after` in the order `sort`", as SQL for a where clause.
 *
 * @example
 * keysetCondition(leads, query.sort, query.after, { dialect: sqliteDialect });
 * // ("created_at", "id" collate binary) < (?, ?)
 */
export function keysetCondition<F extends string>(
  resource: Resource<F>,
  sort: readonly SortKey<F>[],
  after: SortPosition,
  options: FilterSqlOptions,
): Condition {
  if (after.length !== sort.length) {
    throw new Error(
      `listql/kysely: the keyset position has ${after.length} values for ${sort.length} sort keys`,
    );
  }
  const rowValues = options.dialect.rowValues !== false;
  if (rowValues && rowValueApplies(resource, sort, after, options.table)) {
    return rowValue(resource, sort, after, options, false);
  }
  const nullable = (name: F): boolean => nullableKey(resource, name, options.table);
  const folded = (name: F): boolean =>
    resolveColumn(resource, name, options.table).field.caseInsensitiveSort;
  const chain = compileFilter(resource, keysetFilter(sort, after, nullable, folded), options);
  // The OR chain alone is a filter over the whole index; the leading keys that
  // row values can describe also bound it, `(a, b) <= (?, ?) and (…)`, so an
  // index on those keys starts the scan at the position instead of at the
  // first row (implied by the chain, so the rows are the same).
  // Without row values the bound is the first key alone, `a <= ?`: a plain
  // comparison every remote server is sent and every index on `a` serves.
  const prefix = Math.min(
    rowValuePrefix(resource, sort, after, options.table),
    rowValues ? sort.length : 1,
  );
  if (prefix === 0) return chain;
  const bound = rowValue(resource, sort.slice(0, prefix), after.slice(0, prefix), options, true);
  return allOf([bound, chain]);
}

/** How many leading keys sort one way over non-null fields and position values. */
function rowValuePrefix<F extends string>(
  resource: Resource<F>,
  sort: readonly SortKey<F>[],
  after: SortPosition,
  table: string | undefined,
): number {
  let length = 0;
  while (
    length < sort.length &&
    sort[length]!.direction === sort[0]!.direction &&
    !nullableKey(resource, sort[length]!.field, table) &&
    after[length] !== null
  ) {
    length += 1;
  }
  return length;
}

/** `(a, b) < (?, ?)` in the direction of the first key; `<=`/`>=` when `inclusive`. */
function rowValue<F extends string>(
  resource: Resource<F>,
  sort: readonly SortKey<F>[],
  after: SortPosition,
  options: FilterSqlOptions,
  inclusive: boolean,
): Condition {
  // A caseInsensitiveSort key is two parts: its folded text, then its text.
  const all = sort.flatMap((key, i) =>
    rowValueParts(resolveColumn(resource, key.field, options.table), after[i], options),
  );
  // Without row values, one part: a folded key's folded text bounds it alone.
  const parts = options.dialect.rowValues === false ? all.slice(0, 1) : all;
  const less = sort[0]?.direction === 'desc';
  const comparison = `${less ? '<' : '>'}${inclusive ? '=' : ''}`;
  // The fields decide the parts (a field is folded or not for good); the dialect is in the outer key.
  const key = `R${comparison}(${sort.map((k) => k.field).join(',')})`;
  return keyed(
    key,
    parts.map((part) => part.input),
    (inputs) => {
      const left = sql.join(parts.map((part) => part.expression()));
      const params = parts.map((part, i) => part.param(inputs[i]));
      const right = sql.join(params);
      const row = sql<SqlBool>`(${left}) ${sql.raw(comparison)} (${right})`;
      const first = parts[0];
      if (options.dialect.name !== 'mysql' || parts.length < 2 || first === undefined) return row;
      // MySQL and MariaDB never turn a row-value comparison into an index range
      // (the scan starts at the first row and filters to the position, so a
      // cursor page costs what its depth does); the implied bound on the first
      // key alone is a range they seek to.
      const seek = sql.raw(less ? '<=' : '>=');
      return sql<SqlBool>`(${first.expression()} ${seek} ${params[0]} and ${row})`;
    },
  );
}
