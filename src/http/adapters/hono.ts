import { handleListRequest } from '../handle-list-request.js';
import { type AdapterOptions, queryStringOf, requestOptions } from './shared.js';

/**
 * What {@link honoListHandler} reads of a Hono context: the URL and the Fetch
 * headers of its request. Declared here, not imported from `hono`, so the
 * published types of `listql/http` need no Hono. A Hono `Context` fits.
 *
 * @example
 * const scope = (c: HonoContextLike) => eq('tenant', c.req.header('x-tenant') ?? '');
 */
export interface HonoContextLike {
  readonly req: {
    readonly url: string;
    readonly raw: { readonly headers: Headers };
    /** One request header (for a `scope` that reads the caller's tenant, say). */
    header(name: string): string | undefined;
  };
}

/**
 * A Hono 4 route handler for a list endpoint. Hono is not a dependency of
 * listql, and its types are not imported either (see {@link HonoContextLike});
 * the reply is a standard `Response`.
 *
 * @example
 * import { Hono } from 'hono';
 * const app = new Hono();
 * app.get('/leads', honoListHandler({ resource: leads, backend, auth: apiKeyAuth(key) }));
 */
export function honoListHandler<F extends string, C extends HonoContextLike = HonoContextLike>(
  options: AdapterOptions<F, C>,
): (c: C) => Promise<Response> {
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
