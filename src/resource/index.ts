export { buildResource } from './build-resource.js';
export { defineResource } from './define-resource.js';
export { type LeadField, leads } from './presets/leads.js';
export type * from './types.js';
export { FIELD_TYPES, MAX_SEARCH_WORDS, SEARCH_MODES } from './types.js';
export { type ColumnMapping, snakeCase, withColumns, withCursorSecret } from './with-columns.js';
