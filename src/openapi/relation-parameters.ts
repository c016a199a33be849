/**
 * The query parameters a resource's relations add (docs/relations.md): one
 * filter parameter per related field and operator, named as the URL writes
 * it (`label.name`, `label.priority[gte]`, `tags.name`), and the relation
 * paths `sort` and `fields` accept. A resource without relations adds none,
 * so its document is what it was before relations existed.
 */
import type { FilterOperator } from '../ast/index.js';
import type { Field, Relation, Resource } from '../resource/index.js';
import type { OpenApiParameter } from './types.js';

/** How a description names the relation's rows: `the related label`, `at least one related tags row`. */
function subject(relation: Relation): string {
  return relation.type === 'toOne'
    ? `the related \`${relation.name}\``
    : `at least one related \`${relation.name}\` row`;
}

/**
 * The description of a related filter, from the own-field description
 * `describe` writes for the related field under its path name: to-one reads
 * like a nullable field of the row (no related row is a null), to-many is
 * "at least one related row" (a row with none never matches).
 */
export function relationFilterDescription(
  relation: Relation,
  field: Field,
  op: FilterOperator,
  describe: (field: Field, op: FilterOperator, name: string) => string,
): string {
  const path = `${relation.name}.${field.name}`;
  if (relation.type === 'toOne') {
    // No related row reads as null: describe the field as nullable, whatever it is.
    const own = describe({ ...field, nullable: true }, op, path);
    return `${own} \`${path}\` is the \`${field.name}\` of ${subject(relation)} row, null when there is none.`;
  }
  const own = describe(field, op, path);
  const where = relation.where === null ? '' : ' Related rows the server hides never match.';
  return `True when ${subject(relation)} matches: ${own} A row without related rows never matches.${where}`;
}

/** Every `relation.field` filter: the relation's filterable fields, each with each of its operators. */
export function relationFilters(resource: Resource): { relation: Relation; field: Field }[] {
  return resource.relationList.flatMap((relation) =>
    [...relation.filterable.values()].map((field) => ({ relation, field })),
  );
}

/** The `relation.field` names `sort` accepts: the to-one relations' sortable fields. */
export function relationSortNames(resource: Resource): string[] {
  return resource.relationList.flatMap((relation) =>
    [...relation.sortable.keys()].map((name) => `${relation.name}.${name}`),
  );
}

/** The `relation.field` names `fields` accepts: every relation's selectable fields. */
export function relationFieldNames(resource: Resource): string[] {
  return resource.relationList.flatMap((relation) =>
    [...relation.selectable.keys()].map((name) => `${relation.name}.${name}`),
  );
}

/**
 * What the `sort` and `fields` descriptions add for a resource with
 * relations; empty without.
 */
export function relationNotes(resource: Resource): { sort: string; fields: string } {
  if (resource.relationList.length === 0) return { sort: '', fields: '' };
  const sortable = relationSortNames(resource);
  const sort =
    sortable.length === 0
      ? ''
      : ` A to-one relation's field sorts too (\`${sortable.find((name) => !name.endsWith('.id')) ?? sortable[0]}\`); a row without a related row sorts like a null, last both ways.`;
  const embeds = resource.relationList.map((relation) =>
    relation.type === 'toOne'
      ? `\`${relation.name}\` (an object, or null)`
      : `\`${relation.name}\` (an array of at most ${relation.embedLimit}, in id order, with \`${relation.name}@more\`: true when there are more)`,
  );
  const fields =
    ` A \`relation.field\` name embeds the related rows' fields under the relation's name: ${embeds.join(', ')}.` +
    ' Without such a name nothing is embedded.';
  return { sort, fields };
}

/**
 * The filter parameters of every relation, built by `parameter` (the
 * own-field builder) under the path name and with the relation's description.
 *
 * @example
 * relationFilterParameters(labeledLeads, build).map((p) => p.name); // ['label.id', 'label.name', 'label.name[ne]', …]
 */
export function relationFilterParameters(
  resource: Resource,
  parameter: (field: Field, op: FilterOperator, name: string) => OpenApiParameter,
  describe: (field: Field, op: FilterOperator, name: string) => string,
): OpenApiParameter[] {
  return relationFilters(resource).flatMap(({ relation, field }) =>
    field.operators.map((op) => {
      const path = `${relation.name}.${field.name}`;
      const name = op === 'eq' ? path : `${path}[${op}]`;
      return {
        ...parameter(field, op, name),
        description: relationFilterDescription(relation, field, op, describe),
      };
    }),
  );
}
