/**
 * Lookups the parser needs for every request, computed once per resource
 * (resources are immutable) instead of once per parameter.
 */
import { FILTER_OPERATORS, type FilterOperator, type SortKey } from '../ast/index.js';
import { RESERVED_PARAMS, type ReservedParam } from '../grammar.js';
import type { Field, Resource } from '../resource/index.js';
import { withTieBreaker } from './parse-sort.js';

/** A filterable field, with the group key (`value[gte]`) of each operator it allows. */
export interface FilterableName {
  readonly kind: 'field';
  readonly field: Field;
  /** Allowed operator → group key. A `Map`, so no request text can reach `Object.prototype`. */
  readonly groupKeys: ReadonlyMap<string, string>;
}

/** What a bare parameter name (no brackets) means for a resource. */
export type BareName =
  | { readonly kind: 'reserved'; readonly name: ReservedParam; readonly supported: boolean }
  | {
      readonly kind: 'alias';
      readonly field: Field;
      readonly op: FilterOperator;
      readonly groupKey: string;
    }
  | FilterableName;

/** Reserved names the parser understands today; the others are refused as unknown. */
const SUPPORTED: ReadonlySet<string> = new Set([
  'limit',
  'page',
  'sort',
  'fields',
  'search',
  'cursor',
  'count',
]);

export interface ResourceTables {
  /** Meaning of each known bare name: reserved parameters first, then aliases, then fields. */
  readonly bareNames: ReadonlyMap<string, BareName>;
  /** The filterable fields by name, for `name[operator]` keys. */
  readonly filterable: ReadonlyMap<string, FilterableName>;
  /** The default sort with its tie-breaker, frozen: shared by every request that does not sort. */
  readonly defaultSort: readonly SortKey[];
  /** The largest page number whose offset `(page - 1) * limit` stays a safe integer. */
  readonly maxPage: number;
}

const cache = new WeakMap<Resource, ResourceTables>();

/** A frozen sort, as the AST holds it. */
export function freezeSort<F extends string>(keys: readonly SortKey<F>[]): readonly SortKey<F>[] {
  for (const key of keys) Object.freeze(key);
  return Object.freeze(keys);
}

function build(resource: Resource): ResourceTables {
  const filterable = new Map<string, FilterableName>();
  for (const field of resource.fieldList) {
    if (field.operators.length === 0) continue;
    const groupKeys = new Map<string, string>();
    for (const op of FILTER_OPERATORS) {
      if (field.operators.includes(op)) groupKeys.set(op, `${field.name}[${op}]`);
    }
    filterable.set(field.name, { kind: 'field', field, groupKeys });
  }
  // Later entries must not override earlier ones: a reserved name wins over
  // an alias, an alias over a field, as the grammar says.
  const bareNames = new Map<string, BareName>(filterable);
  for (const [name, alias] of resource.aliases.params) {
    const field = resource.fields.get(alias.field)!;
    bareNames.set(name, {
      kind: 'alias',
      field,
      op: alias.op,
      groupKey: `${field.name}[${alias.op}]`,
    });
  }
  for (const name of RESERVED_PARAMS) {
    bareNames.set(name, { kind: 'reserved', name, supported: SUPPORTED.has(name) });
  }
  return {
    bareNames,
    filterable,
    defaultSort: freezeSort(withTieBreaker(resource.idField, resource.defaults.sort)),
    maxPage: Math.floor(Number.MAX_SAFE_INTEGER / resource.limits.maxLimit),
  };
}

/**
 * The tables of `resource`, built on first use.
 *
 * @example
 * resourceTables(leads).filterable.get('value')?.groupKeys.get('gte'); // 'value[gte]'
 */
export function resourceTables(resource: Resource): ResourceTables {
  let tables = cache.get(resource);
  if (tables === undefined) {
    tables = build(resource);
    cache.set(resource, tables);
  }
  return tables;
}
