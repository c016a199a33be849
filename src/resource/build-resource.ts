/**
 * The resource object of a definition, with no definition-time checks:
 * defaults filled in, fields normalized and indexed, default sort and aliases
 * read. `defineResource` runs its checks and then this; a definition already
 * known to be valid (a preset, a definition the server checked) can come
 * here directly, so a browser bundle does not carry the checks and their
 * messages (about half of `listql/client`'s resource code).
 */
import { FILTER_OPERATORS, type FilterOperator, type SortDirection } from '../ast/index.js';
import { splitParamKey, splitSortTerm } from '../grammar.js';
import { type BuiltRelations, buildRelations } from './build-relations.js';
import type { RelationDefinitions } from './relation-types.js';
import type {
  Field,
  FieldDefinition,
  GroupLimits,
  ParamAlias,
  Resource,
  ResourceDefinition,
  ResourceLimits,
} from './types.js';

/** `Object.freeze`, named once: the resource freezes a dozen objects. */
const freeze = Object.freeze;

/** The limits a definition leaves out. */
export const DEFAULT_LIMITS: ResourceLimits = {
  maxLimit: 100,
  maxValueLength: 1_000,
  maxSearchLength: 200,
  maxListItems: 100,
  maxParams: 100,
};

/** The group limits of `groups: true`, and those a `groups` object leaves out. */
export const DEFAULT_GROUP_LIMITS: GroupLimits = { maxDepth: 3, maxLeaves: 20, maxLength: 2_000 };

/**
 * Builds the resource of a valid definition without checking it: what
 * `defineResource` returns for it, minus the Error a bad definition would
 * throw there (here a bad definition gives a resource that misbehaves).
 * Use `defineResource` for any definition written by hand; this is for
 * definitions already checked, such as the presets.
 *
 * @example
 * const trusted = buildResource(leads.definition); // equal to defineResource(leads.definition)
 */
export function buildResource<
  const Fields extends Record<string, FieldDefinition>,
  const Id extends keyof Fields & string = string extends keyof Fields
    ? keyof Fields & string
    : 'id' & keyof Fields,
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "no relations"
  const Rels extends RelationDefinitions = {},
>(
  definition: ResourceDefinition<Fields> & { readonly id?: Id; readonly relations?: Rels },
): Resource<keyof Fields & string, Fields, Id, Rels> {
  return buildResourceWith(
    definition,
    (fields, id) => buildRelations(fields, id, definition.relations),
    (groups) =>
      groups ? freeze({ ...DEFAULT_GROUP_LIMITS, ...(groups === true ? {} : groups) }) : null,
  );
}

/**
 * {@link buildResource} for a definition without relations and without
 * groups (its type refuses both, nothing checks at run time): the same
 * resource, built without the relation and group code, so a bundle holding
 * only such resources does not carry it. The leads preset is built with it;
 * `buildPlainResource` is its public, guarded form.
 */
export const buildPlain = <
  const Fields extends Record<string, FieldDefinition>,
  const Id extends keyof Fields & string = string extends keyof Fields
    ? keyof Fields & string
    : 'id' & keyof Fields,
>(
  definition: ResourceDefinition<Fields> & {
    readonly id?: Id;
    readonly groups?: undefined;
    readonly relations?: undefined;
  },
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "no relations"
): Resource<keyof Fields & string, Fields, Id, {}> =>
  buildResourceWith(
    definition,
    () => ({ relationList: freeze([]), relations: new Map(), paths: new Map() }),
    () => null,
  );

/**
 * The resource of a definition, its relations resolved by `relate` from its
 * fields and id, its group limits by `groupLimits`.
 */
function buildResourceWith<
  const Fields extends Record<string, FieldDefinition>,
  const Id extends keyof Fields & string,
  const Rels extends RelationDefinitions,
>(
  definition: ResourceDefinition<Fields> & { readonly id?: Id; readonly relations?: Rels },
  relate: (fields: ReadonlyMap<string, Field>, id: string) => BuiltRelations,
  groupLimits: (groups: ResourceDefinition<Fields>['groups']) => GroupLimits | null,
): Resource<keyof Fields & string, Fields, Id, Rels> {
  type F = keyof Fields & string;
  const fieldList = Object.entries(definition.fields).map(([name, def], index): Field<F> => {
    const operators: readonly FilterOperator[] = def.filter ?? [];
    return freeze({
      name: name as F,
      type: def.type,
      values: freeze([...(def.values ?? [])]),
      nullable: def.nullable ?? false,
      // Keep the canonical operator order whatever order the definition used.
      operators: freeze(FILTER_OPERATORS.filter((op) => operators.includes(op))),
      list: def.list ?? false,
      sortable: def.sortable ?? false,
      searchable: def.searchable ?? false,
      caseInsensitiveSort: def.caseInsensitiveSort ?? false,
      selectable: def.selectable ?? true,
      column: def.column ?? name,
      index,
    });
  });
  const fields = new Map<string, Field<F>>(fieldList.map((f) => [f.name, f]));
  const idName = (definition.id ?? 'id') as Id;
  const limits: ResourceLimits = freeze({ ...DEFAULT_LIMITS, ...definition.limits });
  const defaults = definition.defaults;
  const sort = (defaults?.sort ? defaults.sort.split(',') : []).map((term) => {
    const { name, direction = 'asc' } = splitSortTerm(term);
    return { field: name as F, direction: direction as SortDirection };
  });
  const paramAliases = new Map<string, ParamAlias<F>>();
  for (const [legacy, target] of Object.entries(definition.aliases?.params ?? {})) {
    // A malformed target is defineResource's to refuse; left out here.
    const key = splitParamKey(target);
    if (key)
      paramAliases.set(legacy, {
        field: key.name as F,
        op: (key.operator ?? 'eq') as FilterOperator,
      });
  }
  const names = (pick: (f: Field<F>) => boolean): readonly F[] =>
    freeze(fieldList.filter(pick).map((f) => f.name));

  return freeze({
    name: definition.name,
    idField: idName,
    fieldList: freeze(fieldList),
    fields,
    filterable: names((f) => f.operators.length > 0),
    sortable: names((f) => f.sortable),
    searchable: names((f) => f.searchable),
    search: freeze({ mode: definition.search?.mode ?? 'substring' }),
    selectable: names((f) => f.selectable || f.name === idName),
    defaults: freeze({
      sort: freeze(sort),
      limit: defaults?.limit ?? Math.min(50, limits.maxLimit),
      count: defaults?.count ?? 'exact',
    }),
    groups: groupLimits(definition.groups),
    cursorSecret: definition.cursorSecret ?? null,
    limits,
    aliases: freeze({
      params: paramAliases,
      sortFields: new Map(Object.entries(definition.aliases?.sortFields ?? {})) as Map<string, F>,
    }),
    ...relate(fields, idName),
    definition,
  });
}
