import { HttpException } from '@nestjs/common';
import { type AdapterOptions, queryStringOf, requestOptions } from '../http/adapters/shared.js';
import type { SuccessEnvelope } from '../http/envelope.js';
import { handleListRequest } from '../http/handle-list-request.js';
import { type NestRequestLike, type NestResponseLike, setHeaders, targetOf } from './request.js';

/**
 * Serves a list request from a Nest controller with `handleListRequest`:
 * authenticates, validates, runs the query on the backend, and returns the
 * envelope of a 200 for Nest to send. Every other answer (400 with every
 * issue, 401, 500) is thrown as an `HttpException` whose response is the
 * envelope, so Nest sends the same body and status as listql's other
 * adapters (and exception filters see it). listql's headers (content type,
 * `Cache-Control`, `X-Request-Id`) are set on the response in both cases;
 * inject it with `@Res({ passthrough: true })`.
 *
 * @example
 * @Controller('leads')
 * class LeadsController {
 *   @Get()
 *   list(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
 *     return listResponse(req, res, { resource: leads, backend, auth: apiKeyAuth(key) });
 *   }
 * }
 */
export async function listResponse<F extends string, Req extends NestRequestLike>(
  request: Req,
  response: NestResponseLike,
  options: AdapterOptions<F, Req>,
): Promise<SuccessEnvelope> {
  const answer = await handleListRequest(
    requestOptions(options, request, queryStringOf(targetOf(request)), request.headers),
  );
  setHeaders(response, answer.headers);
  if (answer.body.success) return answer.body;
  throw new HttpException(answer.body, answer.status);
}
