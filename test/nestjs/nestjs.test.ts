/**
 * listql/nestjs over real HTTP, on Nest's Express and Fastify platforms:
 * `listResponse` answers every request exactly like handleListRequest (and
 * so like listql/http's Express, Fastify and Hono adapters), the parameter
 * decorator and the pipe hand the controller the parser's AST or answer the
 * same 400, and withListQueryDocs merges a valid OpenAPI 3.1 document.
 */

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import {
  apiKeyAuth,
  handleListRequest,
  type ListEnvelope,
  memoryBackend,
  toOpenApi,
} from '../../src/http/index.js';
import { leads, parseListQuery } from '../../src/index.js';
import { withListQueryDocs } from '../../src/nestjs/index.js';
import { ADAPTER_CORPUS } from '../http/corpus.js';
import { NEST_API_KEY, startNest } from './app.js';

const rows = generateLeads(120, 5);
const backend = memoryBackend(leads, rows);

/** The adapters' corpus, and a forged cursor. */
const CORPUS = [...ADAPTER_CORPUS, 'cursor=forged', 'search=%E0%A4%A'];

function comparable(status: number, body: ListEnvelope) {
  const { requestId, timestamp, ...meta } = body.meta;
  return { status, ...body, meta };
}

async function direct(query: string, auth = true) {
  const response = await handleListRequest({
    resource: leads,
    backend,
    query,
    headers: { 'x-api-key': NEST_API_KEY },
    ...(auth ? { auth: apiKeyAuth(NEST_API_KEY) } : {}),
  });
  return comparable(response.status, response.body);
}

for (const platform of ['express', 'fastify'] as const) {
  describe(`Nest on ${platform}`, () => {
    let app: INestApplication;
    let base: string;
    beforeAll(async () => {
      ({ app, url: base } = await startNest(platform, backend));
    });
    afterAll(() => app.close());

    async function get(
      path: string,
      headers: Record<string, string> = { 'x-api-key': NEST_API_KEY },
    ) {
      const response = await fetch(`${base}${path}`, { headers });
      const body = (await response.json()) as ListEnvelope;
      return { response, body };
    }

    it.each(CORPUS)('listResponse answers %j like handleListRequest', async (query) => {
      const { response, body } = await get(`/leads?${query}`);
      expect(comparable(response.status, body)).toEqual(await direct(query));
      expect(response.headers.get('content-type')).toMatch(/^application\/json; ?charset=utf-8$/i);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-request-id')).toBe(body.meta.requestId);
    });

    it('listResponse answers 401 without the key, and echoes a safe X-Request-Id', async () => {
      const denied = await get('/leads', {});
      expect(comparable(denied.response.status, denied.body)).toEqual(
        comparable(
          401,
          (
            await handleListRequest({
              resource: leads,
              backend,
              query: '',
              auth: apiKeyAuth(NEST_API_KEY),
            })
          ).body,
        ),
      );
      const traced = await get('/leads?limit=1', {
        'x-api-key': NEST_API_KEY,
        'x-request-id': 'trace-42',
      });
      expect(traced.body.meta.requestId).toBe('trace-42');
      expect(traced.response.headers.get('x-request-id')).toBe('trace-42');
    });

    it('listResponse pages by cursor like the other adapters', async () => {
      const first = await get('/leads?sort=value:desc&limit=50');
      const cursor = first.body.success ? first.body.meta.pagination.nextCursor : null;
      expect(cursor).toEqual(expect.any(String));
      const second = await get(`/leads?sort=value:desc&limit=50&cursor=${cursor}`);
      expect(comparable(second.response.status, second.body)).toEqual(
        await direct(`sort=value:desc&limit=50&cursor=${cursor}`),
      );
    });

    it.each(CORPUS)(
      '@ListQueryParam gives the parser’s AST for %j, or the same 400',
      async (query) => {
        const { response, body } = await get(`/ast?${query}`);
        const expected = await direct(query, false);
        if (expected.status === 200) {
          expect(response.status).toBe(200);
          expect(body).toEqual({ query: JSON.parse(JSON.stringify(parseListQuery(leads, query))) });
        } else {
          expect(comparable(response.status, body)).toEqual(expected);
          expect(response.headers.get('x-request-id')).toBe(body.meta.requestId);
        }
      },
    );

    it('ListQueryPipe validates Nest’s parsed query the same way', async () => {
      const good = await get('/piped?status=won&value[gte]=100&sort=value:desc');
      expect(good.body).toEqual({
        query: JSON.parse(
          JSON.stringify(parseListQuery(leads, 'status=won&value[gte]=100&sort=value:desc')),
        ),
      });
      const bad = await get('/piped?value[gte]=abc&limit=0');
      expect(comparable(bad.response.status, bad.body)).toEqual(
        await direct('value[gte]=abc&limit=0', false),
      );
    });

    it('withListQueryDocs merges listql’s parameters and schemas into a valid OpenAPI 3.1 document', async () => {
      const config = new DocumentBuilder()
        .setTitle('CRM')
        .setVersion('1.0.0')
        .setOpenAPIVersion('3.1.0')
        .build();
      const generated = SwaggerModule.createDocument(app, config);
      const own = generated.paths['/leads']?.get;
      expect(own?.operationId).toEqual(expect.any(String));
      const document = withListQueryDocs(generated, [
        { path: '/leads', resource: leads, schemaName: 'Lead' },
      ]);
      const operation = document.paths['/leads']!.get!;
      const reference = toOpenApi(leads, { path: '/leads', schemaName: 'Lead' });
      expect(operation.operationId).toBe(own!.operationId);
      expect(operation.parameters).toEqual(reference.paths['/leads']!.get.parameters);
      expect(operation.responses).toEqual(reference.paths['/leads']!.get.responses);
      expect(document.components?.schemas).toMatchObject(reference.components.schemas);
      expect(document.paths['/ast']).toBeDefined();
      const validator = new Validator();
      const result = await validator.validate(JSON.parse(JSON.stringify(document)));
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(() =>
        withListQueryDocs(SwaggerModule.createDocument(app, new DocumentBuilder().build()), [
          { path: '/leads', resource: leads },
        ]),
      ).toThrow(/setOpenAPIVersion\('3.1.0'\)/);
    });
  });
}
