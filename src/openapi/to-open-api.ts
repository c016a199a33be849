import type { Resource } from '../resource/index.js';
import { queryParameters } from './parameters.js';
import { componentSchemas } from './response-schemas.js';
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiResponse } from './types.js';

/** Options of {@link toOpenApi}. */
export interface OpenApiOptions {
  /** Where the list endpoint is mounted, e.g. `/leads`. */
  readonly path: string;
  /** `info.title`. Default: `<resource name> API`. */
  readonly title?: string;
  /** `info.version` (the API's version, not OpenAPI's). Default `1.0.0`. */
  readonly version?: string;
  /** `info.description`. */
  readonly description?: string;
  /** Default: `list` + the resource name in PascalCase, e.g. `listLeads`. */
  readonly operationId?: string;
  /** Name of the row schema. Default: the resource name in PascalCase, e.g. `Leads`. */
  readonly schemaName?: string;
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
  /** Require the `X-API-KEY` header (security scheme and 401). Default true. */
  readonly apiKey?: boolean;
}

const API_KEY_SCHEME = 'ApiKeyAuth';

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function jsonResponse(description: string, schema: JsonSchema): OpenApiResponse {
  return {
    description,
    headers: {
      'X-Request-Id': {
        description: 'The request id, as in `meta.requestId`.',
        schema: { type: 'string' },
      },
    },
    content: { 'application/json': { schema } },
  };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/**
 * The OpenAPI 3.1 document of a list endpoint for `resource`: every query
 * parameter the parser accepts (each filter operator as its own parameter,
 * named as the URL writes it, legacy names deprecated), the success envelope
 * with the row schema, the 400/401/500/503 error envelopes and the `X-API-KEY`
 * security scheme. JSON-safe: serve it with `JSON.stringify`.
 *
 * @example
 * const document = toOpenApi(leads, { path: '/leads', title: 'Leads API', schemaName: 'Lead' });
 * document.paths['/leads'].get.parameters.find((p) => p.name === 'value[gte]');
 */
export function toOpenApi<F extends string>(
  typed: Resource<F>,
  options: OpenApiOptions,
): OpenApiDocument {
  const resource = typed as unknown as Resource;
  if (!options.path.startsWith('/')) {
    throw new Error(`toOpenApi: path must start with '/', got '${options.path}'`);
  }
  const base = pascalCase(resource.name) || 'Item';
  const item = options.schemaName ?? base;
  const names = { item, list: `${item}List` };
  const apiKey = options.apiKey ?? true;

  const responses: Record<string, OpenApiResponse> = {
    '200': jsonResponse(`A page of ${resource.name}.`, ref(names.list)),
    '400': jsonResponse(
      'The query is invalid: `error.code` and `error.message` are the first issue, `error.details.issues` lists every issue.',
      ref('BadRequestError'),
    ),
  };
  if (apiKey) {
    responses['401'] = jsonResponse(
      'The `X-API-KEY` header is missing or not a valid key.',
      ref('UnauthorizedError'),
    );
  }
  responses['500'] = jsonResponse(
    'An unexpected server error; the body carries no details, quote `meta.requestId`.',
    ref('InternalError'),
  );
  const unavailable = jsonResponse(
    'The store timed out or cannot be reached for a moment; retry after `Retry-After` seconds. The body carries no details.',
    ref('ServiceUnavailableError'),
  );
  responses['503'] = {
    ...unavailable,
    headers: {
      ...unavailable.headers,
      'Retry-After': {
        description: 'Seconds to wait before retrying.',
        schema: { type: 'string' },
      },
    },
  };

  const { limits } = resource;
  const operation: OpenApiOperation = {
    operationId: options.operationId ?? `list${base}`,
    summary: `List ${resource.name}`,
    description:
      `Filter, sort, select fields and page through ${resource.name}. Filters combine with AND. ` +
      `A request has at most ${limits.maxParams} parameters, a value at most ${limits.maxValueLength} ` +
      `characters and a comma list at most ${limits.maxListItems} items; beyond a limit the request is ` +
      'refused (400), never truncated. A parameter given twice is a 400, except equality on list fields.',
    tags: [resource.name],
    parameters: queryParameters(resource),
    responses,
    ...(apiKey ? { security: [{ [API_KEY_SCHEME]: [] }] } : {}),
  };

  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? `${resource.name} API`,
      version: options.version ?? '1.0.0',
      ...(options.description === undefined ? {} : { description: options.description }),
    },
    ...(options.servers ? { servers: options.servers } : {}),
    paths: { [options.path]: { get: operation } },
    components: {
      schemas: componentSchemas(resource, names),
      ...(apiKey
        ? {
            securitySchemes: {
              [API_KEY_SCHEME]: { type: 'apiKey', in: 'header', name: 'X-API-KEY' },
            },
          }
        : {}),
    },
  };
}
