import { type LeadField, leads, type Resource, snakeCase, withColumns } from '../resource/index.js';

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
