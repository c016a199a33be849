import type { OpenAPIObject } from '@nestjs/swagger';
import { type OpenApiOptions, toOpenApi } from '../openapi/to-open-api.js';
import type { Resource } from '../resource/index.js';

/** One list endpoint to document: where it is mounted and its resource, plus `toOpenApi`'s options. */
export interface ListEndpointDocs<F extends string = string> extends OpenApiOptions {
  readonly resource: Resource<F>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds `entries` to `target[key]`, refusing to replace a different entry of the same name. */
function addNamed(target: Json, key: string, entries: Json, what: string): void {
  const existing = isObject(target[key]) ? (target[key] as Json) : {};
  for (const [name, value] of Object.entries(entries)) {
    if (name in existing && JSON.stringify(existing[name]) !== JSON.stringify(value)) {
      throw new Error(
        `withListQueryDocs: the document already has a different ${what} '${name}'; ` +
          `give listql's another name (schemaName)`,
      );
    }
    existing[name] = value;
  }
  target[key] = existing;
}

/**
 * Merges listql's description of list endpoints (from `toOpenApi`: every
 * filter, sort, fields and page parameter with its exact grammar, the
 * envelope's response schemas, the `X-API-KEY` scheme) into the document
 * `@nestjs/swagger` generated. The controller's own operation keeps its
 * `operationId`, `summary` and `tags`; its parameters and responses are
 * listql's (with any other parameter it declares kept). The document must be
 * OpenAPI 3.1 (`new DocumentBuilder().setOpenAPIVersion('3.1.0')`), since
 * listql's schemas are JSON Schema 2020-12. Returns the same document.
 *
 * @example
 * const config = new DocumentBuilder().setTitle('CRM').setOpenAPIVersion('3.1.0').build();
 * const document = withListQueryDocs(SwaggerModule.createDocument(app, config), [
 *   { path: '/leads', resource: leads, schemaName: 'Lead' },
 * ]);
 * SwaggerModule.setup('docs', app, document);
 */
export function withListQueryDocs<D extends OpenAPIObject>(
  document: D,
  endpoints: readonly ListEndpointDocs[],
): D {
  if (!document.openapi.startsWith('3.1')) {
    throw new Error(
      `withListQueryDocs: listql's schemas are OpenAPI 3.1, the document is ${document.openapi}; ` +
        `build it with new DocumentBuilder().setOpenAPIVersion('3.1.0')`,
    );
  }
  const target = document as unknown as Json;
  for (const { resource, ...options } of endpoints) {
    const listql = toOpenApi(resource, options) as unknown as Json & {
      paths: Record<string, { get: Json & { parameters: readonly Json[] } }>;
      components: Json;
      tags: readonly Json[];
    };
    const operation = listql.paths[options.path]!.get;
    const paths = objectAt(target, 'paths');
    const item = objectAt(paths, options.path);
    const own = isObject(item['get']) ? (item['get'] as Json) : {};
    const ownParameters = Array.isArray(own['parameters']) ? (own['parameters'] as Json[]) : [];
    const listqlKeys = new Set(operation.parameters.map((p) => `${p['in']} ${p['name']}`));
    item['get'] = {
      ...operation,
      ...pick(own, ['operationId', 'summary', 'tags']),
      parameters: [
        ...operation.parameters,
        ...ownParameters.filter((p) => !listqlKeys.has(`${p['in']} ${p['name']}`)),
      ],
    };
    const components = objectAt(target, 'components');
    for (const [key, entries] of Object.entries(listql.components)) {
      addNamed(components, key, entries as Json, key === 'schemas' ? 'schema' : 'security scheme');
    }
    const tags = (Array.isArray(target['tags']) ? target['tags'] : []) as Json[];
    for (const tag of listql.tags) if (!tags.some((t) => t['name'] === tag['name'])) tags.push(tag);
    target['tags'] = tags;
  }
  return document;
}

/** `parent[key]` as an object, created when missing. */
function objectAt(parent: Json, key: string): Json {
  const found = parent[key];
  if (isObject(found)) return found;
  const created: Json = {};
  parent[key] = created;
  return created;
}

function pick(source: Json, keys: readonly string[]): Json {
  const picked: Json = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}
