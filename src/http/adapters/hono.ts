import type { Context } from 'hono';
import { handleListRequest } from '../handle-list-request.js';
import { type AdapterOptions, queryStringOf, requestOptions } from './shared.js';

/**
 * A Hono 4 route handler for a list endpoint. Hono is not a dependency of
 * listql: only its types are imported; the reply is a standard `Response`.
 *
 * @example
 * import { Hono } from 'hono';
 * const app = new Hono();
 * app.get('/leads', honoListHandler({ resource: leads, backend, auth: apiKeyAuth(key) }));
 */
export function honoListHandler<F extends string>(
  options: AdapterOptions<F, Context>,
): (c: Context) => Promise<Response> {
  return async (c) => {
    const response = await handleListRequest(
      requestOptions(options, c, queryStringOf(c.req.url), c.req.raw.headers),
    );
    return new Response(JSON.stringify(response.body), {
      status: response.status,
      headers: response.headers,
    });
  };
}
