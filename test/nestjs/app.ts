/**
 * A real Nest application serving leads three ways, registered without
 * decorator syntax (the decorators are called as functions, so the test
 * needs neither `experimentalDecorators` nor emitted metadata):
 * - `GET /leads`: `listResponse` (the whole request through handleListRequest, with an API key);
 * - `GET /ast`: `@ListQueryParam(leads)`, answering the validated AST;
 * - `GET /piped`: `@Query(new ListQueryPipe(leads))`, the same from Nest's parsed query.
 */
import 'reflect-metadata';
import { Controller, Get, type INestApplication, Module, Query, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { ListBackend } from '../../src/http/index.js';
import { apiKeyAuth } from '../../src/http/index.js';
import type { LeadField, ListQuery } from '../../src/index.js';
import { leads } from '../../src/index.js';
import {
  ListQueryParam,
  ListQueryPipe,
  listResponse,
  type NestRequestLike,
  type NestResponseLike,
} from '../../src/nestjs/index.js';

export const NEST_API_KEY = 'nest-test-key';

/** Applies method and parameter decorators to `target.prototype[method]`, as `@` syntax would. */
function decorate(
  target: { prototype: object },
  method: string,
  methodDecorators: MethodDecorator[],
  parameterDecorators: ParameterDecorator[],
): void {
  const proto = target.prototype;
  for (const [index, decorator] of parameterDecorators.entries()) decorator(proto, method, index);
  const descriptor = Object.getOwnPropertyDescriptor(proto, method)!;
  for (const decorator of methodDecorators) decorator(proto, method, descriptor);
}

export async function startNest(
  platform: 'express' | 'fastify',
  backend: ListBackend<LeadField>,
): Promise<{ app: INestApplication; url: string }> {
  class LeadsController {
    list(request: NestRequestLike, response: NestResponseLike) {
      return listResponse(request, response, {
        resource: leads,
        backend,
        auth: apiKeyAuth(NEST_API_KEY),
      });
    }
    ast(query: ListQuery<LeadField>) {
      return { query };
    }
    piped(query: ListQuery<LeadField>) {
      return { query };
    }
  }
  decorate(LeadsController, 'list', [Get('leads')], [Req(), Res({ passthrough: true })]);
  decorate(LeadsController, 'ast', [Get('ast')], [ListQueryParam(leads)]);
  decorate(LeadsController, 'piped', [Get('piped')], [Query(new ListQueryPipe(leads))]);
  Controller()(LeadsController);
  class AppModule {}
  Module({ controllers: [LeadsController] })(AppModule);

  const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app = await NestFactory.create(AppModule, adapter, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url };
}
