import type { NodeRequestHeaders } from '../http/types.js';

/**
 * What listql reads of a Nest request, on either platform: Express's
 * `Request` and Fastify's `FastifyRequest` both fit (both have `originalUrl`;
 * `url` is the fallback of other adapters).
 */
export interface NestRequestLike {
  readonly originalUrl?: string;
  readonly url?: string;
  readonly headers: NodeRequestHeaders;
}

/** What listql calls on a Nest response: Express's `Response` and Fastify's `FastifyReply` both fit. */
export interface NestResponseLike {
  header(name: string, value: string): unknown;
}

/** The request target, whose query string listql reads raw (as the other adapters do). */
export const targetOf = (request: NestRequestLike): string =>
  request.originalUrl ?? request.url ?? '';

/** Sets each header on the platform's response. */
export function setHeaders(response: NestResponseLike, headers: Readonly<Record<string, string>>) {
  for (const [name, value] of Object.entries(headers)) response.header(name, value);
}
