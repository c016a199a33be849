/**
 * Just enough of the OpenAPI 3.1 document model to type what `toOpenApi`
 * produces, without a dependency. Schemas are JSON Schema 2020-12 objects.
 */

/** A JSON value, as every part of an OpenAPI document is. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** A JSON Schema (2020-12) object. */
export type JsonSchema = { readonly [keyword: string]: JsonValue };

/** A query (or header) parameter. `name` is exactly what the URL carries, e.g. `value[gte]`. */
export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'query' | 'header';
  readonly description: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
  readonly style?: 'form';
  readonly explode?: boolean;
  readonly deprecated?: boolean;
}

/** One response of the operation. */
export interface OpenApiResponse {
  readonly description: string;
  readonly headers?: { readonly [name: string]: JsonValue };
  readonly content: { readonly 'application/json': { readonly schema: JsonSchema } };
}

/** The `GET` operation of the list endpoint. */
export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly tags?: readonly string[];
  readonly parameters: readonly OpenApiParameter[];
  readonly responses: { readonly [status: string]: OpenApiResponse };
  readonly security?: readonly { readonly [scheme: string]: readonly string[] }[];
}

/** An entry of `servers`. */
export interface OpenApiServer {
  readonly url: string;
  readonly description?: string;
}

/** `info.license`: a name, and an SPDX `identifier` or a `url`. */
export interface OpenApiLicense {
  readonly name: string;
  readonly identifier?: string;
  readonly url?: string;
}

/** A tag declared at the top of the document. */
export interface OpenApiTag {
  readonly name: string;
  readonly description?: string;
}

/** The document `toOpenApi` returns: JSON-safe, ready for `JSON.stringify`. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description?: string;
    readonly license?: OpenApiLicense;
  };
  readonly servers: readonly OpenApiServer[];
  readonly tags: readonly OpenApiTag[];
  readonly paths: { readonly [path: string]: { readonly get: OpenApiOperation } };
  readonly components: {
    readonly schemas: { readonly [name: string]: JsonSchema };
    readonly securitySchemes?: { readonly [name: string]: JsonValue };
  };
}
