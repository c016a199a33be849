/**
 * `listql/http`: a framework-neutral list endpoint (`handleListRequest`), the
 * response envelope of the spec, API-key auth, backends behind one small
 * interface, thin adapters for Express 5, Fastify 5 and Hono 4, and the
 * OpenAPI 3.1 document of the endpoint. The frameworks, kysely and mongodb
 * are not dependencies, and the published types of this module do not import
 * theirs either: each adapter and backend declares the few members it uses.
 *
 * @example
 * import { leads } from 'listql';
 * import { apiKeyAuth, handleListRequest, memoryBackend } from 'listql/http';
 * const response = await handleListRequest({
 *   resource: leads,
 *   backend: memoryBackend(leads, rows),
 *   query: 'status=won&limit=10',
 *   headers: { 'x-api-key': 'secret' },
 *   auth: apiKeyAuth('secret'),
 * });
 */
export * from '../openapi/index.js';
export {
  type ExpressRequestLike,
  type ExpressResponseLike,
  expressListHandler,
} from './adapters/express.js';
export {
  type FastifyReplyLike,
  type FastifyRequestLike,
  fastifyListHandler,
} from './adapters/fastify.js';
export { type HonoContextLike, honoListHandler } from './adapters/hono.js';
export { type AdapterOptions, queryStringOf } from './adapters/shared.js';
export { API_KEY_HEADER, apiKeyAuth } from './api-key.js';
export {
  type KyselyBackendOptions,
  type KyselyInstance,
  kyselyBackend,
  type SqlDialectHandle,
} from './backends/kysely-backend.js';
export { memoryBackend } from './backends/memory-backend.js';
export { mongoBackend, translateMongoError } from './backends/mongo-backend.js';
export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorDetails,
  type ErrorEnvelope,
  errorEnvelope,
  issuesEnvelope,
  type ListEnvelope,
  type Pagination,
  type PaginationExtras,
  paginationMeta,
  type ResponseMeta,
  type SuccessEnvelope,
  successEnvelope,
} from './envelope.js';
export {
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  type GracefulShutdownOptions,
  gracefulShutdown,
  type Shutdown,
  type ShutdownReport,
} from './graceful-shutdown.js';
export {
  handleListRequest,
  type ListRequestOptions,
  type ListScope,
} from './handle-list-request.js';
export { readHeader } from './headers.js';
export {
  checkReady,
  DEFAULT_READY_TIMEOUT_MS,
  handleReadyRequest,
  type Readiness,
  type ReadinessBody,
  type ReadinessOptions,
} from './readiness.js';
export { newRequestId, requestIdFrom } from './request-id.js';
export type * from './types.js';
export { BackendUnavailableError, type UnavailableReason } from './unavailable.js';
export { withTimeout } from './with-timeout.js';
