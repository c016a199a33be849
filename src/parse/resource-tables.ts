/**
 * Lookups the parser needs for every request, computed once per resource
 * (resources are immutable) instead of once per parameter.
 */
import { FILTER_OPERATORS, type FilterOperator, type SortKey } from '../ast/index.js';
import { withTieBreaker } from '../ast/tie-breaker.js';
import { RESERVED_PARAMS, type ReservedParam } from '../grammar.js';
import type { Field, Relation, RelationPath, Resource } from '../resource/index.js';

/**
 * What a valid parameter key means. `slot` numbers the groups of a resource
 * (one per reserved parameter and per `field[op]`), so repeats are found by
 * comparing small integers.
 */
export type KeyMeaning =
  | { readonly kind: 'reserved'; readonly name: ReservedParam; readonly slot: number }
  | {
      readonly kind: 'filter';
      /** The field; for a `relation.field` key, the related field named by its path (see {@link pathField}). */
      readonly field: Field;
      readonly op: FilterOperator;
      readonly slot: number;
      /** The relation of a `relation.field` key; null for the resource's own fields. */
      readonly relation: Relation | null;
    };

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
/** The boolean group parameters, supported by resources with `groups`. */
const GROUP_PARAMS: ReadonlySet<string> = new Set(['or', 'and']);

export interface ResourceTables {
  /**
   * Every key a request may validly send (`limit`, `status`, `value[gte]`, an
   * alias) and its meaning: one lookup per parameter, no scanning or slicing.
   * Keys not found here are refused; {@link filterable} helps say why.
   */
  readonly keys: ReadonlyMap<string, KeyMeaning>;
  /**
   * The filterable fields by name (relation paths by path, as {@link pathField}
   * makes them), for explaining refused `name[operator]` keys.
   */
  readonly filterable: ReadonlyMap<string, Field>;
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

/**
 * A related field as a field of the request: named by its path (so values
 * and messages say `label.name`), and nullable when it is read through a
 * to-one relation (no related row reads as null).
 */
export function pathField({ path, relation, field }: RelationPath): Field {
  const nullable = field.nullable || relation.type === 'toOne';
  return Object.freeze({ ...field, name: path, nullable });
}

function build(resource: Resource): ResourceTables {
  const filterable = new Map<string, Field>();
  const slots = new Map<string, number>();
  const slotOf = (groupKey: string): number => {
    let slot = slots.get(groupKey);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(groupKey, slot);
    }
    return slot;
  };
  const keys = new Map<string, KeyMeaning>();
  for (const field of resource.fieldList) {
    if (field.operators.length === 0) continue;
    for (const op of FILTER_OPERATORS) {
      if (!field.operators.includes(op)) continue;
      const groupKey = `${field.name}[${op}]`;
      // Equality is written bare (`status=won`); `status[eq]` is refused.
      const key = op === 'eq' ? field.name : groupKey;
      keys.set(key, { kind: 'filter', field, op, slot: slotOf(groupKey), relation: null });
    }
    filterable.set(field.name, field);
  }
  for (const relation of resource.relationList) {
    for (const target of relation.filterable.values()) {
      const path = resource.paths.get(`${relation.name}.${target.name}`)!;
      const field = pathField(path);
      for (const op of field.operators) {
        const groupKey = `${field.name}[${op}]`;
        const key = op === 'eq' ? field.name : groupKey;
        keys.set(key, { kind: 'filter', field, op, slot: slotOf(groupKey), relation });
      }
      filterable.set(field.name, field);
    }
  }
  // Set after the fields so that they win for a bare name: a reserved name
  // over an alias, an alias over a field, as the grammar says.
  for (const [name, alias] of resource.aliases.params) {
    const field = resource.fields.get(alias.field)!;
    const slot = slotOf(`${field.name}[${alias.op}]`);
    keys.set(name, { kind: 'filter', field, op: alias.op, slot, relation: null });
  }
  for (const name of RESERVED_PARAMS) {
    // The group parameters exist only where the resource enables them.
    const supported = GROUP_PARAMS.has(name) ? resource.groups !== null : SUPPORTED.has(name);
    if (supported) keys.set(name, { kind: 'reserved', name, slot: slotOf(name) });
    else keys.delete(name);
  }
  return {
    keys,
    filterable,
    defaultSort: freezeSort(withTieBreaker(resource.idField, resource.defaults.sort)),
    maxPage: Math.floor(Number.MAX_SAFE_INTEGER / resource.limits.maxLimit),
  };
}

/**
 * The tables of `resource`, built on first use.
 *
 * @example
 * resourceTables(leads).keys.get('value[gte]')?.kind; // 'filter'
 */
export function resourceTables(resource: Resource): ResourceTables {
  let tables = cache.get(resource);
  if (tables === undefined) {
    tables = build(resource);
    cache.set(resource, tables);
  }
  return tables;
}
