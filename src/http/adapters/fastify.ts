import { handleListRequest } from '../handle-list-request.js';
import type { NodeRequestHeaders } from '../types.js';
import { type AdapterOptions, queryStringOf, requestOptions } from './shared.js';

/**
 * What {@link fastifyListHandler} reads of a Fastify request. Declared here,
 * not imported from `fastify`, so the published types of `listql/http` need
 * no Fastify. A `FastifyRequest` fits.
 *
 * @example
 * const request: FastifyRequestLike = { url: '/leads?status=won', headers: {} };
 */
export interface FastifyRequestLike {
  readonly url: string;
  readonly headers: NodeRequestHeaders;
}

/** What {@link fastifyListHandler} calls on a Fastify reply; a `FastifyReply` fits. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(payload: string): unknown;
}

/**
 * A Fastify 5 route handler for a list endpoint. Fastify is not a dependency
 * of listql, and its types are not imported either (see
 * {@link FastifyRequestLike}); the handler returns the reply it sent.
 *
 * @example
 * import Fastify from 'fastify';
 * const app = Fastify();
 * app.get('/leads', fastifyListHandler({ resource: leads, backend, auth: apiKeyAuth(key) }));
 */
export function fastifyListHandler<
  F extends string,
  Req extends FastifyRequestLike = FastifyRequestLike,
  Reply extends FastifyReplyLike = FastifyReplyLike,
>(options: AdapterOptions<F, Req>): (request: Req, reply: Reply) => Promise<Reply> {
  return async (request, reply) => {
    const response = await handleListRequest(
      requestOptions(options, request, queryStringOf(request.url), request.headers),
    );
    reply.code(response.status).headers(response.headers).send(JSON.stringify(response.body));
    return reply;
  };
}
