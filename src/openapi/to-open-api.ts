import type { Resource } from '../resource/index.js';
import { queryParameters } from './parameters.js';
import { pascalCase } from './pascal-case.js';
import { componentSchemas } from './response-schemas.js';
import type {
  JsonSchema,
  OpenApiDocument,
  OpenApiLicense,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
  OpenApiServer,
} from './types.js';

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
  /**
   * `servers`: where the API is served. Default `[{ url: '/' }]`, which is
   * what OpenAPI assumes when there is none (the host that serves the
   * document), written out because linters refuse an empty list.
   */
  readonly servers?: readonly OpenApiServer[];
  /** `info.license`, e.g. `{ name: 'MIT', identifier: 'MIT' }`. Default: none. */
  readonly license?: OpenApiLicense;
  /** Description of the operation's tag (the resource name). Default: `List endpoint of <name>.` */
  readonly tagDescription?: string;
  /** Require the `X-API-KEY` header (security scheme and 401). Default true. */
  readonly apiKey?: boolean;
}

const API_KEY_SCHEME = 'ApiKeyAuth';

function jsonResponse(description: string, schema: JsonSchema): OpenApiResponse {
  return {
    description,
    headers: {
      'X-Request-Id': {
        description: 'The request id, as in `meta.requestId`. Always sent.',
        required: true,
        schema: { type: 'string', minLength: 1, maxLength: 64 },
      },
    },
    content: { 'application/json': { schema } },
  };
}

/** The request header the server echoes (when safe) as the response's `X-Request-Id`. */
const REQUEST_ID_HEADER: OpenApiParameter = {
  name: 'X-Request-Id',
  in: 'header',
  description:
    "The caller's own id for this request, for tracing. Echoed in the `X-Request-Id` response " +
    'header and `meta.requestId` when it is 1 to 64 characters of `A-Z a-z 0-9 . _ : -` starting ' +
    'with a letter or digit; any other value is ignored (never refused) and a fresh `req_…` id is used.',
  required: false,
  schema: { type: 'string' },
};

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
        description: 'Seconds to wait before retrying. Always sent with a 503.',
        required: true,
        schema: { type: 'string', pattern: '^[0-9]+$' },
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
      `characters (Unicode code points, as \`maxLength\` counts them) and a comma list at most ${limits.maxListItems} items; beyond a limit the request is ` +
      'refused (400), never truncated. A parameter given twice is a 400, except equality on list fields.',
    tags: [resource.name],
    parameters: [...queryParameters(resource), REQUEST_ID_HEADER],
    responses,
    // A public endpoint says so (`security: []`) rather than leaving it unsaid.
    security: apiKey ? [{ [API_KEY_SCHEME]: [] }] : [],
  };

  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? `${resource.name} API`,
      version: options.version ?? '1.0.0',
      ...(options.description === undefined ? {} : { description: options.description }),
      ...(options.license === undefined ? {} : { license: options.license }),
    },
    servers: options.servers ?? [{ url: '/' }],
    tags: [
      {
        name: resource.name,
        description: options.tagDescription ?? `List endpoint of ${resource.name}.`,
      },
    ],
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
