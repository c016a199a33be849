/**
 * Lookups the parser needs for every request, computed once per resource
 * (resources are immutable) instead of once per parameter.
 */
import { FILTER_OPERATORS, type FilterOperator, type SortKey } from '../ast/index.js';
import type { Resource } from '../resource/index.js';
import { withTieBreaker } from './parse-sort.js';

export interface ResourceTables {
  /** `field[op]` group keys by field name then operator, for the allowed operators only. */
  readonly groupKeys: ReadonlyMap<string, Readonly<Partial<Record<FilterOperator, string>>>>;
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
  const groupKeys = new Map<string, Partial<Record<FilterOperator, string>>>();
  for (const field of resource.fieldList) {
    if (field.operators.length === 0) continue;
    const keys: Partial<Record<FilterOperator, string>> = {};
    for (const op of FILTER_OPERATORS) {
      if (field.operators.includes(op)) keys[op] = `${field.name}[${op}]`;
    }
    groupKeys.set(field.name, Object.freeze(keys));
  }
  return {
    groupKeys,
    defaultSort: freezeSort(withTieBreaker(resource.idField, resource.defaults.sort)),
    maxPage: Math.floor(Number.MAX_SAFE_INTEGER / resource.limits.maxLimit),
  };
}

/**
 * The tables of `resource`, built on first use.
 *
 * @example
 * resourceTables(leads).groupKeys.get('value')?.gte; // 'value[gte]'
 */
export function resourceTables(resource: Resource): ResourceTables {
  let tables = cache.get(resource);
  if (tables === undefined) {
    tables = build(resource);
    cache.set(resource, tables);
  }
  return tables;
}
