import type { FastifyReply, FastifyRequest } from 'fastify';
import { handleListRequest } from '../handle-list-request.js';
import { type AdapterOptions, queryStringOf, requestOptions } from './shared.js';

/**
 * A Fastify 5 route handler for a list endpoint. Fastify is not a dependency
 * of listql: only its types are imported.
 *
 * @example
 * import Fastify from 'fastify';
 * const app = Fastify();
 * app.get('/leads', fastifyListHandler({ resource: leads, backend, auth: apiKeyAuth(key) }));
 */
export function fastifyListHandler<F extends string>(
  options: AdapterOptions<F, FastifyRequest>,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  return async (request, reply) => {
    const response = await handleListRequest(
      requestOptions(options, request, queryStringOf(request.url), request.headers),
    );
    return reply
      .code(response.status)
      .headers(response.headers)
      .send(JSON.stringify(response.body));
  };
}
