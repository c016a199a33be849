import {
  COUNT_STRATEGIES,
  FILTER_OPERATORS,
  type FilterOperator,
  isFilterOperator,
  SORT_DIRECTIONS,
} from '../ast/index.js';
import {
  NAME_PATTERN,
  PROTOTYPE_NAMES,
  parseParamKey,
  RESERVED_PARAMS,
  splitSortTerm,
} from '../grammar.js';
import { buildResource, DEFAULT_GROUP_LIMITS, DEFAULT_LIMITS } from './build-resource.js';
import { checkRelations } from './define-relations.js';
import type { RelationDefinitions } from './relation-types.js';
import {
  FIELD_TYPES,
  type Field,
  type FieldDefinition,
  type FieldType,
  type GroupLimits,
  type Resource,
  type ResourceDefinition,
  type ResourceLimits,
  SEARCH_MODES,
  type SearchMode,
} from './types.js';

/** Deeper groups would only make every compiler recurse further for no real query. */
const MAX_GROUP_DEPTH = 32;

/** Which operators make sense for which type. `exists` fits every type. */
const OPERATORS_BY_TYPE: Record<FieldType, readonly FilterOperator[]> = {
  string: ['eq', 'exists', 'ne', 'nin', 'contains', 'startsWith', 'endsWith'],
  enum: ['eq', 'exists', 'ne', 'nin'],
  boolean: ['eq', 'exists', 'ne'],
  number: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists', 'ne', 'nin'],
  datetime: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists', 'ne'],
};

const LIST_TYPES: readonly FieldType[] = ['string', 'enum', 'number'];
const reserved: ReadonlySet<string> = new Set(RESERVED_PARAMS);

/** A mistake in a resource definition: a programmer error, so it throws. */
function fail(resource: string, message: string): never {
  throw new Error(`defineResource('${resource}'): ${message}`);
}

/** Throws for a field declaration that `buildResource` would turn into a broken field. */
function checkField(resource: string, name: string, def: FieldDefinition): void {
  const where = `field '${name}'`;
  if (!NAME_PATTERN.test(name) || PROTOTYPE_NAMES.has(name)) {
    fail(
      resource,
      `${where}: a field name must match ${NAME_PATTERN} and not be __proto__, constructor or prototype`,
    );
  }
  if (!(FIELD_TYPES as readonly string[]).includes(def.type)) {
    fail(resource, `${where}: type must be one of ${FIELD_TYPES.join(', ')}, got '${def.type}'`);
  }
  const values = def.values ?? [];
  if (def.type === 'enum') {
    if (values.length === 0) fail(resource, `${where}: an enum needs a non-empty 'values' list`);
    if (new Set(values).size !== values.length) fail(resource, `${where}: enum values repeat`);
    for (const v of values) {
      if (v === '' || v.includes(',')) {
        fail(resource, `${where}: enum value '${v}' must be non-empty and contain no comma`);
      }
    }
  } else if (def.values !== undefined) {
    fail(resource, `${where}: 'values' is only for type 'enum'`);
  }
  const operators = def.filter ?? [];
  for (const op of operators) {
    if (!isFilterOperator(op)) {
      fail(resource, `${where}: unknown operator '${op}'; use ${FILTER_OPERATORS.join(', ')}`);
    }
    if (!OPERATORS_BY_TYPE[def.type].includes(op)) {
      fail(
        resource,
        `${where}: operator '${op}' does not apply to type '${def.type}'; ` +
          `allowed: ${OPERATORS_BY_TYPE[def.type].join(', ')}`,
      );
    }
  }
  if (operators.length > 0 && reserved.has(name)) {
    fail(resource, `${where}: '${name}' is a reserved parameter and cannot be filterable`);
  }
  const list = def.list ?? false;
  if (list && !LIST_TYPES.includes(def.type)) {
    fail(resource, `${where}: 'list' is only for types ${LIST_TYPES.join(', ')}`);
  }
  if (list && !operators.includes('eq')) {
    fail(resource, `${where}: 'list' needs the 'eq' operator in 'filter'`);
  }
  const searchable = def.searchable ?? false;
  if (searchable && def.type !== 'string') {
    fail(resource, `${where}: only 'string' fields can be searchable`);
  }
  const caseInsensitiveSort = def.caseInsensitiveSort ?? false;
  if (caseInsensitiveSort && (def.type !== 'string' || !(def.sortable ?? false))) {
    fail(resource, `${where}: 'caseInsensitiveSort' needs a sortable 'string' field`);
  }
  const column = def.column ?? name;
  if (!NAME_PATTERN.test(column) || PROTOTYPE_NAMES.has(column)) {
    fail(
      resource,
      `${where}: column '${column}' must match ${NAME_PATTERN} and not be __proto__, constructor or prototype`,
    );
  }
}

function checkDefaultSort(
  resource: string,
  text: string,
  fields: ReadonlyMap<string, Field>,
): void {
  const used = new Set<string>();
  for (const term of text.split(',')) {
    const { name, direction = 'asc' } = splitSortTerm(term);
    const field = fields.get(name);
    if (!field?.sortable) fail(resource, `defaults.sort: '${name}' is not a sortable field`);
    if (!(SORT_DIRECTIONS as readonly string[]).includes(direction)) {
      fail(resource, `defaults.sort: direction '${direction}' must be asc or desc`);
    }
    // The parser refuses a repeated sort field from clients; the default obeys the same grammar.
    if (used.has(name)) fail(resource, `defaults.sort: '${name}' is given twice`);
    used.add(name);
  }
}

function checkLimits(resource: string, limits: ResourceLimits): void {
  for (const [key, value] of Object.entries(limits)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, key)) {
      fail(resource, `limits.${key} is not a limit; use ${Object.keys(DEFAULT_LIMITS).join(', ')}`);
    }
    if (!Number.isSafeInteger(value) || value < 1) {
      fail(resource, `limits.${key} must be a positive integer, got ${String(value)}`);
    }
  }
}

/** Throws for a `groups` setting other than a boolean or valid group limits. */
function checkGroups(resource: string, groups: unknown): void {
  if (groups === undefined || typeof groups === 'boolean') return;
  if (typeof groups !== 'object' || groups === null) {
    fail(resource, 'groups must be true, false or { maxDepth, maxLeaves, maxLength }');
  }
  const limits: GroupLimits = { ...DEFAULT_GROUP_LIMITS, ...groups };
  for (const [key, value] of Object.entries(limits)) {
    if (!Object.hasOwn(DEFAULT_GROUP_LIMITS, key)) {
      fail(resource, `groups.${key} is not a group limit; use maxDepth, maxLeaves, maxLength`);
    }
    if (!Number.isSafeInteger(value) || value < 1) {
      fail(resource, `groups.${key} must be a positive integer, got ${String(value)}`);
    }
  }
  if (limits.maxDepth > MAX_GROUP_DEPTH) {
    fail(resource, `groups.maxDepth must be at most ${MAX_GROUP_DEPTH}, got ${limits.maxDepth}`);
  }
}

/**
 * Declares a resource: its fields, what each allows, storage names, defaults,
 * limits, boolean groups and legacy aliases. A bad definition throws an Error naming the fix.
 *
 * @example
 * const tasks = defineResource({
 *   name: 'tasks',
 *   fields: {
 *     id: { type: 'string' },
 *     title: { type: 'string', searchable: true, sortable: true },
 *     done: { type: 'boolean', filter: ['eq'] },
 *     due: { type: 'datetime', nullable: true, filter: ['gte', 'lt', 'exists'], sortable: true },
 *   },
 *   defaults: { sort: 'due:asc', limit: 20 },
 * });
 */
export function defineResource<
  const Fields extends Record<string, FieldDefinition>,
  // The id's literal name when inferred; 'id' when not given; any name for a wide `Fields`.
  const Id extends keyof Fields & string = string extends keyof Fields
    ? keyof Fields & string
    : 'id' & keyof Fields,
  // No relations unless declared: then a resource has no `relation.field` paths.
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "no relations"
  const Rels extends RelationDefinitions = {},
>(
  definition: ResourceDefinition<Fields> & { readonly id?: Id; readonly relations?: Rels },
): Resource<keyof Fields & string, Fields, Id, Rels> {
  const name = definition.name;
  const declared = Object.entries(definition.fields);
  for (const [fieldName, def] of declared) checkField(name, fieldName, def);
  if (declared.length === 0) fail(name, 'a resource needs at least one field');
  checkGroups(name, definition.groups);
  const idDeclared = definition.id ?? 'id';
  if (Object.hasOwn(definition.fields, idDeclared)) {
    checkRelations(name, definition.fields, idDeclared, definition.relations);
  }
  // The fields and relations are sound, so the resource can be built; the rest is checked on it.
  const resource = buildResource<Fields, Id, Rels>(definition);
  const { fields, fieldList, limits } = resource as unknown as Resource;

  const idName = resource.idField;
  const idField = fields.get(idName);
  if (!idField) fail(name, `the id field '${idName}' is not declared; add it or set 'id'`);
  if (idField.nullable || (idField.type !== 'string' && idField.type !== 'number')) {
    fail(name, `the id field '${idName}' must be a non-nullable string or number`);
  }

  checkLimits(name, limits);
  const { limit, count } = resource.defaults;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > limits.maxLimit) {
    fail(name, `defaults.limit must be an integer in 1..${limits.maxLimit}, got ${limit}`);
  }
  if (definition.defaults?.sort) checkDefaultSort(name, definition.defaults.sort, fields);

  if (!(COUNT_STRATEGIES as readonly string[]).includes(count)) {
    fail(name, `defaults.count must be one of ${COUNT_STRATEGIES.join(', ')}, got '${count}'`);
  }
  const cursorSecret = resource.cursorSecret;
  if (cursorSecret !== null && cursorSecret.length < 16) {
    fail(name, 'cursorSecret must be at least 16 characters; use a long random string');
  }
  // A cursor holds the last row's sort values: for a field the client may not
  // select they must be encrypted, which needs a key (see docs/pagination.md).
  const hiddenSort = fieldList.find((f) => f.sortable && !f.selectable && f.name !== idField.name);
  const hiddenPath = resource.relationList
    .flatMap((relation) =>
      [...relation.sortable.keys()]
        .filter((field) => !relation.selectable.has(field))
        .map((field) => `${relation.name}.${field}`),
    )
    .at(0);
  const hidden = hiddenSort?.name ?? hiddenPath;
  if (hidden !== undefined && cursorSecret === null) {
    fail(
      name,
      `field '${hidden}' is sortable but not selectable, so its values would be readable ` +
        'in nextCursor: give the resource a cursorSecret (cursors sorted by it are then encrypted), ' +
        'or make the field selectable or not sortable',
    );
  }

  const searchMode: SearchMode = resource.search.mode;
  if (!(SEARCH_MODES as readonly string[]).includes(searchMode)) {
    fail(name, `search.mode must be one of ${SEARCH_MODES.join(', ')}, got '${searchMode}'`);
  }

  for (const [legacy, target] of Object.entries(definition.aliases?.params ?? {})) {
    const key = parseParamKey(target);
    const field = key ? fields.get(key.name) : undefined;
    const op = key?.operator ?? 'eq';
    if (!field || !isFilterOperator(op) || !field.operators.includes(op)) {
      fail(name, `aliases.params.${legacy}: '${target}' is not a filter this resource allows`);
    }
    if (fields.has(legacy) || reserved.has(legacy) || !NAME_PATTERN.test(legacy)) {
      fail(name, `aliases.params.${legacy}: the legacy name must be a free, valid parameter name`);
    }
  }
  for (const [legacy, target] of Object.entries(definition.aliases?.sortFields ?? {})) {
    if (!fields.get(target)?.sortable) {
      fail(name, `aliases.sortFields.${legacy}: '${target}' is not a sortable field`);
    }
    // A legacy name that is a field would hide that field; one outside the grammar never matches.
    if (fields.has(legacy) || !NAME_PATTERN.test(legacy)) {
      fail(name, `aliases.sortFields.${legacy}: the legacy name must be a free, valid field name`);
    }
  }
  return resource;
}
