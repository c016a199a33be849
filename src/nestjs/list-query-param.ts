import {
  createParamDecorator,
  type ExecutionContext,
  HttpException,
  type PipeTransform,
} from '@nestjs/common';
import type { ListQuery } from '../ast/index.js';
import type { Issue } from '../errors/index.js';
import { queryStringOf } from '../http/adapters/shared.js';
import { issuesEnvelope } from '../http/envelope.js';
import { readHeader } from '../http/headers.js';
import { requestIdFrom } from '../http/request-id.js';
import type { RequestHeaders } from '../http/types.js';
import { type ListQueryInput, safeParseListQuery } from '../parse/index.js';
import type { Resource } from '../resource/index.js';
import { type NestRequestLike, type NestResponseLike, setHeaders, targetOf } from './request.js';

/**
 * The 400 of listql's envelope for `issues`, as an `HttpException`: Nest
 * sends its response (the envelope) as the body. The request id is the
 * caller's `X-Request-Id` when it is safe, as in every listql answer.
 */
function badRequest(issues: readonly Issue[], headers: RequestHeaders): HttpException {
  const meta = {
    requestId: requestIdFrom(readHeader(headers, 'x-request-id')),
    timestamp: new Date().toISOString(),
  };
  return new HttpException(issuesEnvelope(issues, meta), 400);
}

/** Parses `input` or throws the 400; sets the request id header on `response` when there is one. */
function parseOrThrow<F extends string>(
  resource: Resource<F>,
  input: ListQueryInput,
  headers: RequestHeaders,
  response?: NestResponseLike,
): ListQuery<F> {
  const parsed = safeParseListQuery(resource, input);
  if (parsed.success) return parsed.query;
  const error = badRequest(parsed.issues, headers);
  const body = error.getResponse() as ReturnType<typeof issuesEnvelope>;
  if (response) {
    setHeaders(response, { 'cache-control': 'no-store', 'x-request-id': body.meta.requestId });
  }
  throw error;
}

/**
 * A parameter decorator giving a controller method the validated
 * `ListQuery` of the request, read from its raw query string against
 * `resource`. An invalid query never reaches the method: the request is
 * answered 400 with listql's envelope listing every issue (the same body as
 * `listql/http`'s adapters). Works on the Express and Fastify platforms.
 *
 * @example
 * @Get()
 * find(@ListQueryParam(leads) query: ListQuery<LeadField>) {
 *   return this.leads.find(query); // your own service, given a validated AST
 * }
 */
export const ListQueryParam: <F extends string>(resource: Resource<F>) => ParameterDecorator =
  createParamDecorator((resource: Resource, context: ExecutionContext) => {
    const http = context.switchToHttp();
    const request = http.getRequest<NestRequestLike>();
    return parseOrThrow(
      resource,
      queryStringOf(targetOf(request)),
      request.headers,
      http.getResponse<NestResponseLike>(),
    );
  });

/**
 * The same validation as a pipe, for the query object Nest's `@Query()`
 * hands over (Express's `qs` or Fastify's `querystring` output). Prefer
 * {@link ListQueryParam}, which reads the raw string: framework parsers drop
 * or rewrite a few inputs (see `docs/http.md`).
 *
 * @example
 * @Get()
 * find(@Query(new ListQueryPipe(leads)) query: ListQuery<LeadField>) { … }
 */
export class ListQueryPipe<F extends string>
  implements PipeTransform<ListQueryInput, ListQuery<F>>
{
  constructor(private readonly resource: Resource<F>) {}

  transform(value: ListQueryInput): ListQuery<F> {
    return parseOrThrow(this.resource, value ?? '', {});
  }
}
