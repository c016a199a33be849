import {
  defineResource,
  type LeadField,
  labeledLeads,
  leads,
  type Resource,
  snakeCase,
  withColumns,
} from '../resource/index.js';

/**
 * The demo's resource: the spec's `leads`, stored in snake_case columns
 * (`createdAt` in `created_at`), to show that the API and the storage names
 * are independent.
 *
 * @example
 * demoLeads.fields.get('createdAt')?.column; // 'created_at'
 */
export const demoLeads: Resource<LeadField> = withColumns(leads, snakeCase);

/** The API key the demo accepts unless `--api-key` says otherwise. It is printed at start. @example fetch(url, { headers: { 'x-api-key': DEMO_API_KEY } }); */
export const DEMO_API_KEY = 'listql-demo-key';

/**
 * The demo's `GET /labeled-leads` resource: the labeled leads of
 * docs/relations.md (labels, tags, notes beside the leads), its own fields
 * stored in snake_case like {@link demoLeads}.
 *
 * @example
 * demoLabeledLeads.relations.get('tags')?.through?.table; // 'lead_tags'
 */
export const demoLabeledLeads = withColumns(labeledLeads, snakeCase);

/** The resource type of {@link demoLabeledLeads}. */
export type DemoLabeledLeads = typeof demoLabeledLeads;

/**
 * `resource` with the storage of its relations renamed by `rename` (each
 * relation's table and a many-to-many relation's join table): a server
 * store keeps the related rows of one run in tables of their own
 * (`listql_demo_1a2b_labels`), as it does the leads.
 *
 * @example
 * withRelationTables(demoLabeledLeads, (table) => `run42_${table}`).relations.get('label')?.table; // 'run42_labels'
 */
export function withRelationTables(
  resource: DemoLabeledLeads,
  rename: (table: string) => string,
): DemoLabeledLeads {
  const relations = Object.fromEntries(
    resource.relationList.map((relation) => {
      const definition = resource.definition.relations![relation.name as keyof RelationsOf]!;
      const renamed = { ...definition, table: rename(relation.table) };
      return [
        relation.name,
        relation.through === null
          ? renamed
          : { ...renamed, through: { ...relation.through, table: rename(relation.through.table) } },
      ];
    }),
  );
  return defineResource({ ...resource.definition, relations }) as unknown as DemoLabeledLeads;
}

type RelationsOf = NonNullable<DemoLabeledLeads['definition']['relations']>;
