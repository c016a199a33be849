/**
 * The worked example of relations (docs/relations.md, the demo's
 * `GET /labeled-leads`): the leads of the `leads` preset beside their
 * labels (to-one, by `labelId`), their tags (many-to-many through
 * `lead_tags`; a soft-deleted tag never matches and never embeds) and their
 * notes (to-many, by the note's `leadId`). `GET /leads` itself is untouched.
 * Built with `buildResource`, like `leads`, so a browser bundle does not
 * carry the definition checks; a test runs them on every one of these.
 */
import { exists } from '../../ast/factories.js';
import { buildResource } from '../build-resource.js';
import { leads } from './leads.js';

/** The labels a lead may carry: `lead.label`. */
export const labels = /* @__PURE__ */ buildResource({
  name: 'labels',
  fields: {
    id: { type: 'string', filter: ['eq'], list: true, sortable: true },
    name: {
      type: 'string',
      filter: ['eq', 'ne', 'contains', 'startsWith'],
      list: true,
      sortable: true,
      caseInsensitiveSort: true,
    },
    color: { type: 'string', nullable: true, filter: ['eq', 'exists'], list: true, sortable: true },
    priority: {
      type: 'number',
      nullable: true,
      filter: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'],
      sortable: true,
    },
  },
  defaults: { sort: 'name:asc' },
});

/** Tags, linked to leads through the `lead_tags` join table. */
export const tags = /* @__PURE__ */ buildResource({
  name: 'tags',
  fields: {
    id: { type: 'string', filter: ['eq'], list: true, sortable: true },
    name: {
      type: 'string',
      filter: ['eq', 'ne', 'contains', 'startsWith'],
      list: true,
      sortable: true,
    },
    // Soft deletion: the relation's server-side condition hides deleted tags.
    deletedAt: { type: 'datetime', nullable: true, column: 'deleted_at', selectable: false },
  },
});

/** Notes written on a lead: each names its lead in `leadId`. */
export const notes = /* @__PURE__ */ buildResource({
  name: 'notes',
  fields: {
    id: { type: 'string', filter: ['eq'], sortable: true },
    leadId: { type: 'string', column: 'lead_id', filter: ['eq'] },
    body: { type: 'string', filter: ['contains'] },
    pinned: { type: 'boolean', filter: ['eq'] },
    createdAt: {
      type: 'datetime',
      column: 'created_at',
      filter: ['eq', 'gt', 'gte', 'lt', 'lte'],
      sortable: true,
    },
  },
});

/**
 * The leads with relations: `label.name=VIP`, `tags.name=vip`,
 * `not(notes.pinned=true)` in a group, `sort=label.name:asc`,
 * `fields=id,name,label.name,tags.name`.
 *
 * @example
 * const query = parseListQuery(labeledLeads, 'label.name=VIP&sort=label.priority:desc&fields=id,label.name');
 */
export const labeledLeads = /* @__PURE__ */ buildResource({
  ...leads.definition,
  // Named again: the spread definition types `id` as any field name, and the client's rows need the literal.
  id: 'id',
  name: 'labeled-leads',
  groups: true,
  relations: {
    label: { type: 'toOne', resource: labels, localKey: 'labelId' },
    tags: {
      type: 'manyToMany',
      resource: tags,
      through: { table: 'lead_tags', sourceColumn: 'lead_id', targetColumn: 'tag_id' },
      where: exists('deletedAt', false),
    },
    notes: { type: 'toMany', resource: notes, foreignKey: 'leadId', embedLimit: 5 },
  },
});
