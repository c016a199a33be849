import type { Request, RequestHandler } from 'express';
import { handleListRequest } from '../handle-list-request.js';
import { type AdapterOptions, queryStringOf, requestOptions } from './shared.js';

/**
 * An Express 5 route handler for a list endpoint. Express is not a
 * dependency of listql: only its types are imported.
 *
 * @example
 * import express from 'express';
 * const app = express();
 * app.get('/leads', expressListHandler({ resource: leads, backend, auth: apiKeyAuth(key) }));
 */
export function expressListHandler<F extends string>(
  options: AdapterOptions<F, Request>,
): RequestHandler {
  return async (req, res) => {
    const response = await handleListRequest(
      requestOptions(options, req, queryStringOf(req.originalUrl), req.headers),
    );
    res.status(response.status).set(response.headers).send(JSON.stringify(response.body));
  };
}
