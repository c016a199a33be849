export { defineResource } from './define-resource.js';
export { type LeadField, leads } from './presets/leads.js';
export type * from './types.js';
export { FIELD_TYPES } from './types.js';
export { type ColumnMapping, snakeCase, withColumns, withCursorSecret } from './with-columns.js';
