/**
 * OpenAPI 3.1 for list endpoints built on listql.
 *
 * @example
 * import { leads } from 'listql';
 * import { toOpenApi } from 'listql/http';
 * const document = toOpenApi(leads, { path: '/leads', schemaName: 'Lead' });
 */
export { filterValueSchema, propertySchema } from './field-schemas.js';
export { queryParameters } from './parameters.js';
export { componentSchemas, type SchemaNames } from './response-schemas.js';
export { type OpenApiOptions, toOpenApi } from './to-open-api.js';
export type * from './types.js';
