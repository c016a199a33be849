export { defineResource } from './define-resource.js';
export { labeledLeads, labels, notes, tags } from './presets/labeled-leads.js';
export { type LeadField, leads } from './presets/leads.js';
export type * from './relation-types.js';
export { DEFAULT_EMBED_LIMIT, MAX_EMBED_LIMIT, RELATION_TYPES } from './relation-types.js';
export { relationOf, resolveField } from './resolve-field.js';
export type * from './types.js';
export { FIELD_TYPES, MAX_SEARCH_WORDS, SEARCH_MODES } from './types.js';
export { type ColumnMapping, snakeCase, withColumns, withCursorSecret } from './with-columns.js';
