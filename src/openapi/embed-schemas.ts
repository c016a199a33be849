/**
 * The response schemas of embedded relations (docs/relations.md,
 * "Embedding"): a to-one relation embeds an object of the selected related
 * fields or null; a to-many relation an array of such objects, at most
 * `embedLimit` long, beside a `<relation>@more` boolean.
 */
import { moreKey, type Relation, type Resource } from '../resource/index.js';
import { propertySchema } from './field-schemas.js';
import { pascalCase } from './pascal-case.js';
import type { JsonSchema } from './types.js';

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** The component name of one relation's embedded row: `Lead` + `Label` → `LeadLabel`. */
export function embedSchemaName(item: string, relation: Relation): string {
  return `${item}${pascalCase(relation.name) || 'Relation'}`;
}

/** One embedded related row: the fields `fields=` selected of it, and no others. */
function embeddedRowSchema(relation: Relation): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, field] of relation.selectable) properties[name] = propertySchema(field);
  return {
    type: 'object',
    description: `A related \`${relation.name}\` row (${relation.target.name}): only the fields \`fields\` named as \`${relation.name}.<field>\`.`,
    properties,
    additionalProperties: false,
  };
}

/**
 * The component schemas of the embedded rows, by name (none without
 * relations, or for a relation that embeds nothing).
 *
 * @example
 * Object.keys(embedComponentSchemas(labeledLeads, 'LabeledLead')); // ['LabeledLeadLabel', 'LabeledLeadTags', 'LabeledLeadNotes']
 */
export function embedComponentSchemas(
  resource: Resource,
  item: string,
): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  for (const relation of resource.relationList) {
    if (relation.selectable.size === 0) continue;
    schemas[embedSchemaName(item, relation)] = embeddedRowSchema(relation);
  }
  return schemas;
}

/**
 * The row properties of the embeds: `label` (object or null), `tags` (an
 * array) and `tags@more` (a boolean), present only when `fields` names the
 * relation's fields.
 *
 * @example
 * Object.keys(embedProperties(labeledLeads, 'LabeledLead')); // ['label', 'tags', 'tags@more', 'notes', 'notes@more']
 */
export function embedProperties(resource: Resource, item: string): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const relation of resource.relationList) {
    if (relation.selectable.size === 0) continue;
    const row = ref(embedSchemaName(item, relation));
    if (relation.type === 'toOne') {
      properties[relation.name] = {
        description: `The related \`${relation.name}\`, or null when there is none. Present when \`fields\` names one of its fields (\`${relation.name}.<field>\`).`,
        anyOf: [row, { type: 'null' }],
      };
      continue;
    }
    properties[relation.name] = {
      type: 'array',
      description:
        `The related \`${relation.name}\` rows in ascending id order, at most ${relation.embedLimit}. ` +
        `Present when \`fields\` names one of their fields (\`${relation.name}.<field>\`).`,
      items: row,
      maxItems: relation.embedLimit,
    };
    properties[moreKey(relation)] = {
      type: 'boolean',
      description: `Beside \`${relation.name}\`: true when the row has more related rows than the array holds.`,
    };
  }
  return properties;
}
