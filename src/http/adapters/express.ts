import { handleListRequest } from '../handle-list-request.js';
import type { NodeRequestHeaders } from '../types.js';
import { type AdapterOptions, queryStringOf, requestOptions } from './shared.js';

/**
 * What {@link expressListHandler} reads of an Express request. Declared here,
 * not imported from `express`: Express is not a dependency of listql, and the
 * published types of `listql/http` must not need it. An Express `Request` fits.
 *
 * @example
 * const req: ExpressRequestLike = { originalUrl: '/leads?status=won', headers: {} };
 */
export interface ExpressRequestLike {
  readonly originalUrl: string;
  readonly headers: NodeRequestHeaders;
}

/** What {@link expressListHandler} calls on an Express response; an Express `Response` fits. */
export interface ExpressResponseLike {
  status(code: number): ExpressResponseLike;
  set(headers: Record<string, string>): ExpressResponseLike;
  send(body: string): unknown;
}

/**
 * An Express 5 route handler for a list endpoint. Express is not a
 * dependency of listql, and its types are not imported either: the handler
 * takes any request and response with the few members it uses. Pass the
 * request type (`expressListHandler<LeadField, Request>`) for a typed `scope`.
 *
 * @example
 * import express from 'express';
 * const app = express();
 * app.get('/leads', expressListHandler({ resource: leads, backend, auth: apiKeyAuth(key) }));
 */
export function expressListHandler<
  F extends string,
  Req extends ExpressRequestLike = ExpressRequestLike,
>(options: AdapterOptions<F, Req>): (req: Req, res: ExpressResponseLike) => Promise<void> {
  return async (req, res) => {
    const response = await handleListRequest(
      requestOptions(options, req, queryStringOf(req.originalUrl), req.headers),
    );
    res.status(response.status).set(response.headers).send(JSON.stringify(response.body));
  };
}
