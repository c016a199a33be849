/**
 * Real Express 5, Fastify 5 and Hono 4 servers on 127.0.0.1 (any free port),
 * each serving the same list endpoint three ways:
 * - `/leads`: the listql adapter (raw query string);
 * - `/parsed`: handleListRequest given the framework's own parsed query;
 * - `/scoped`: the adapter with a scope taken from the `x-tenant` header.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import {
  type AdapterOptions,
  apiKeyAuth,
  expressListHandler,
  fastifyListHandler,
  handleListRequest,
  honoListHandler,
  type ListBackend,
  type ListResponse,
  readHeader,
} from '../../src/http/index.js';
import { eq, type LeadField, type ListQueryInput, leads } from '../../src/index.js';

export const API_KEY = 'adapter-test-key';

/** A running server and how to stop it. */
export interface RunningServer {
  readonly name: string;
  readonly url: string;
  close(): Promise<void>;
}

const quiet = { error() {} };

function baseOptions(backend: ListBackend<LeadField>) {
  return { resource: leads, backend, auth: apiKeyAuth(API_KEY), logger: quiet };
}

const tenantScope = (tenant: string | undefined) => eq<LeadField>('labelId', tenant ?? 'none');

type ScopedOptions<Req> = AdapterOptions<LeadField, Req>;

async function listenNode(
  name: string,
  server: import('node:http').Server,
): Promise<RunningServer> {
  await new Promise<void>((resolve) => {
    if (server.listening) resolve();
    else server.once('listening', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Express 5 with its default ('simple', node:querystring) or the 'extended' (qs) query parser. */
export async function startExpress(
  backend: ListBackend<LeadField>,
  parser: 'simple' | 'extended',
): Promise<RunningServer> {
  const app = express();
  if (parser === 'extended') app.set('query parser', 'extended');
  const options = baseOptions(backend);
  app.get('/leads', expressListHandler(options));
  const scoped: ScopedOptions<express.Request> = {
    ...options,
    scope: (req) => tenantScope(req.get('x-tenant')),
  };
  app.get('/scoped', expressListHandler(scoped));
  app.get('/parsed', async (req, res) => {
    const response = await handleListRequest({
      ...options,
      query: req.query as ListQueryInput,
      headers: req.headers,
    });
    res.status(response.status).set(response.headers).json(response.body);
  });
  return listenNode(`express (${parser})`, app.listen(0, '127.0.0.1'));
}

export async function startFastify(backend: ListBackend<LeadField>): Promise<RunningServer> {
  const app = Fastify();
  const options = baseOptions(backend);
  app.get('/leads', fastifyListHandler(options));
  app.get(
    '/scoped',
    fastifyListHandler({
      ...options,
      scope: (request) => tenantScope(readHeader(request.headers, 'x-tenant')),
    }),
  );
  app.get('/parsed', async (request, reply) => {
    const response = await handleListRequest({
      ...options,
      query: request.query as ListQueryInput,
      headers: request.headers,
    });
    return reply.code(response.status).headers(response.headers).send(response.body);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { name: 'fastify', url: address, close: () => app.close() };
}

export async function startHono(backend: ListBackend<LeadField>): Promise<RunningServer> {
  const app = new Hono();
  const options = baseOptions(backend);
  app.get('/leads', honoListHandler(options));
  app.get(
    '/scoped',
    honoListHandler({ ...options, scope: async (c) => tenantScope(c.req.header('x-tenant')) }),
  );
  const reply = (
    c: { json: (b: unknown, s: never, h: never) => Response },
    r: ListResponse<unknown>,
  ) => c.json(r.body, r.status as never, r.headers as never);
  // Hono's own parsing, two ways: the URL's searchParams, and c.req.queries().
  app.get('/parsed', async (c) =>
    reply(
      c,
      await handleListRequest({
        ...options,
        query: new URL(c.req.url).searchParams,
        headers: c.req.raw.headers,
      }),
    ),
  );
  app.get('/parsed-queries', async (c) =>
    reply(
      c,
      await handleListRequest({ ...options, query: c.req.queries(), headers: c.req.raw.headers }),
    ),
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  return listenNode('hono', server as import('node:http').Server);
}
