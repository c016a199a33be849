/**
 * `listql/nestjs`: a list endpoint in a NestJS application, on the Express
 * or the Fastify platform. `@ListQueryParam(resource)` (or `ListQueryPipe`)
 * validates the query and answers 400 with listql's envelope;
 * `listResponse` runs the whole request through `handleListRequest` (auth,
 * scope, backend, `nextCursor`) and returns the envelope; `withListQueryDocs`
 * merges the endpoint's OpenAPI description into `@nestjs/swagger`'s
 * document. `@nestjs/common` (and `@nestjs/swagger` for the types of
 * `withListQueryDocs`) are optional peer dependencies of listql, needed only
 * here.
 *
 * @example
 * import { listResponse } from 'listql/nestjs';
 * // in a controller: return listResponse(req, res, { resource: leads, backend });
 */
export { ListQueryParam, ListQueryPipe } from './list-query-param.js';
export { listResponse } from './list-response.js';
export { type ListEndpointDocs, withListQueryDocs } from './openapi.js';
export type { NestRequestLike, NestResponseLike } from './request.js';
