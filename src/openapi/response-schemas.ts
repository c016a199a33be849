import { ISSUE_CODES, MAX_REPORTED_ISSUES } from '../errors/index.js';
import type { Resource } from '../resource/index.js';
import { embedComponentSchemas, embedProperties } from './embed-schemas.js';
import { propertySchema } from './field-schemas.js';
import type { JsonSchema } from './types.js';

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** Names of the component schemas for one resource. */
export interface SchemaNames {
  /** The row object, e.g. `Lead`. */
  readonly item: string;
  /** The 200 envelope, e.g. `LeadList`. */
  readonly list: string;
}

/** The row object: every selectable field; only the id is always present (see `fields`). */
function itemSchema(resource: Resource, item: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of resource.selectable)
    properties[name] = propertySchema(resource.fields.get(name)!);
  Object.assign(properties, embedProperties(resource, item));
  return {
    type: 'object',
    description: `One ${resource.name} row. With \`fields\`, only the selected keys (and \`${resource.idField}\`) are present.`,
    properties,
    required: [resource.idField],
    additionalProperties: false,
  };
}

function errorSchema(codes: readonly string[], details: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['success', 'error', 'meta'],
    properties: {
      success: { const: false },
      error: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: { type: 'string', enum: [...codes] },
          message: { type: 'string' },
          details,
        },
      },
      meta: ref('ResponseMeta'),
    },
  };
}

const EMPTY_DETAILS: JsonSchema = { type: 'object', maxProperties: 0 };

/**
 * The component schemas of the list operation: the row, the 200 envelope,
 * pagination, meta, an issue, and one error envelope per status.
 *
 * @example
 * componentSchemas(leads, { item: 'Lead', list: 'LeadList' }).Lead.properties.value;
 * // { type: ['number', 'null'] }
 */
export function componentSchemas<F extends string>(
  typed: Resource<F>,
  names: SchemaNames,
): Record<string, JsonSchema> {
  const resource = typed as unknown as Resource;
  return {
    [names.item]: itemSchema(resource, names.item),
    ...embedComponentSchemas(resource, names.item),
    [names.list]: {
      type: 'object',
      required: ['success', 'data', 'meta'],
      properties: {
        success: { const: true },
        data: { type: 'array', items: ref(names.item) },
        meta: {
          allOf: [
            ref('ResponseMeta'),
            {
              type: 'object',
              required: ['pagination'],
              properties: { pagination: ref('Pagination') },
            },
          ],
        },
      },
    },
    Pagination: {
      type: 'object',
      required: ['limit', 'page', 'totalPages', 'total', 'hasMore', 'count', 'nextCursor'],
      properties: {
        limit: { type: 'integer', minimum: 1 },
        page: {
          type: 'integer',
          minimum: 1,
          description: 'The page asked for, even past the last; 1 for a cursor page.',
        },
        totalPages: {
          type: ['integer', 'null'],
          minimum: 0,
          description: '`ceil(total / limit)`; 0 when nothing matches; null when not counted.',
        },
        total: {
          type: ['integer', 'null'],
          minimum: 0,
          description:
            'Rows matching the query on all pages (exact, or an estimate with `count: estimated`); ' +
            'null when not counted.',
        },
        hasMore: { type: 'boolean', description: 'A later page holds rows.' },
        count: {
          type: 'string',
          enum: ['exact', 'estimated', 'none'],
          description:
            'The count strategy used (`estimated` falls back to `exact` where no estimate exists).',
        },
        nextCursor: {
          type: ['string', 'null'],
          description: 'Pass as `cursor` for the next page; null on the last page.',
        },
        totalFromCursor: {
          const: true,
          description:
            'Present only when `total` was not counted for this request but carried in its ' +
            '`cursor` from the page that issued it (counted then with the strategy in `count`); ' +
            'send `count=exact` to recount.',
        },
      },
    },
    ResponseMeta: {
      type: 'object',
      required: ['requestId', 'timestamp'],
      properties: {
        requestId: {
          type: 'string',
          description:
            '`req_` and 12 hex digits, or the `X-Request-Id` the caller sent when it is safe to echo.',
          examples: ['req_a1b2c3d4e5f6'],
        },
        timestamp: { type: 'string', format: 'date-time' },
      },
    },
    Issue: {
      type: 'object',
      required: ['code', 'param', 'value', 'message'],
      properties: {
        code: { type: 'string', enum: [...ISSUE_CODES] },
        param: {
          type: ['string', 'null'],
          description: 'The parameter as sent; null for the whole request.',
        },
        value: {
          type: ['string', 'null'],
          description: 'The offending value (cut to 200 characters, that is code points, and `…`).',
        },
        message: { type: 'string' },
        // Only the boolean group parameters say where in their value a problem is.
        ...(resource.groups === null
          ? {}
          : {
              position: {
                type: 'integer',
                minimum: 0,
                description:
                  'For the group parameters `or` and `and`: the 0-based offset, in characters (code points) of the value, where the problem is.',
              },
            }),
      },
    },
    BadRequestError: errorSchema(ISSUE_CODES, {
      type: 'object',
      required: ['issues'],
      properties: {
        issues: {
          type: 'array',
          minItems: 1,
          maxItems: MAX_REPORTED_ISSUES,
          items: ref('Issue'),
          description: `The distinct issues, in request order; at most ${MAX_REPORTED_ISSUES}.`,
        },
        omittedIssues: {
          type: 'integer',
          minimum: 1,
          description: 'How many more issues there were; absent when every issue is listed.',
        },
      },
    }),
    UnauthorizedError: errorSchema(['UNAUTHORIZED'], EMPTY_DETAILS),
    InternalError: errorSchema(['INTERNAL_ERROR'], EMPTY_DETAILS),
    ServiceUnavailableError: errorSchema(['SERVICE_UNAVAILABLE'], EMPTY_DETAILS),
  };
}
