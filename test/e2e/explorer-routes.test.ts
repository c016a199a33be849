/**
 * The explorer's routes over HTTP, without a browser: the page shell, its
 * bundle, the explain route (the same text as `listql explain`), the
 * Swagger UI files, and what they refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/cli/explain.js';
import type { ExplainBody, ExplorerConfig } from '../../src/demo/explorer/index.js';
import { DEMO_API_KEY, demoLeads, type RunningDemo, startDemo } from '../../src/demo/index.js';
import type { ErrorEnvelope } from '../../src/http/index.js';

let demo: RunningDemo;
beforeAll(async () => {
  demo = await startDemo({ port: 0, backend: 'memory', rows: 20 });
});
afterAll(async () => {
  await demo.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${demo.url}${path}`, init);

describe('GET /', () => {
  it('serves the page, with the endpoints and the demo key inline and no secret', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<main id="app">');
    const json = /<script type="application\/json" id="explorer-config">(.*?)<\/script>/s.exec(
      html,
    )?.[1];
    const config = JSON.parse(json!) as ExplorerConfig;
    expect(config.apiKey).toBe(DEMO_API_KEY);
    expect(config.endpoints.map((e) => [e.path, e.name])).toEqual([['/leads', 'leads']]);
    const fields = config.endpoints[0]!.definition.fields;
    expect(Object.keys(fields)).toEqual(demoLeads.fieldList.map((f) => f.name));
    expect(Object.values(fields).some((f) => 'column' in f)).toBe(false);
    expect(html).not.toContain('created_at');
  });

  it('bundles the page script for the browser, once, with the style sheet', async () => {
    const script = await get('/explorer/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await script.text();
    expect(code.length).toBeGreaterThan(1000);
    expect(code).not.toMatch(/from\s*["']node:|require\(/);
    expect(await (await get('/explorer/app.js')).text()).toBe(code);
    const style = await get('/explorer/app.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await style.text()).toContain(':focus-visible');
  });

  it('answers HEAD without a body and refuses other methods with 405', async () => {
    const head = await get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('/explain/leads', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('GET /explain/leads', () => {
  it('is listql explain of the query: AST, SQL for each dialect, MongoDB', async () => {
    const query =
      'status=won&value[gte]=100&createdAt[gte]=2026-01-01&sort=value:desc&fields=id,name';
    const response = await get(`/explain/leads?${query}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ExplainBody;
    const text = async (
      target: 'ast' | 'sql' | 'mongo',
      dialect: 'postgres' | 'mysql' | 'sqlite',
    ) => {
      const result = await explain(demoLeads, query, { target, dialect, table: 'leads' });
      if (!result.ok) throw new Error('expected a valid query');
      return result.text;
    };
    expect(body.ast).toBe(await text('ast', 'postgres'));
    expect(body.mongo).toBe(await text('mongo', 'postgres'));
    for (const dialect of ['postgres', 'mysql', 'sqlite'] as const) {
      expect(body.sql[dialect]).toBe(await text('sql', dialect));
    }
    // The demo's snake_case columns show in the SQL: the storage names are the resource's.
    expect(body.sql.postgres).toContain('"created_at"');
  });

  it('answers an invalid query with the 400 envelope of the list endpoint', async () => {
    const response = await get('/explain/leads?value[gte]=abc&sort=nope');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorEnvelope;
    expect(body.success).toBe(false);
    const issues = 'issues' in body.error.details ? body.error.details.issues : [];
    expect(issues.map((i) => i.param)).toEqual(['value[gte]', 'sort']);
  });

  it('is a 404 for an endpoint the demo does not serve', async () => {
    expect((await get('/explain/contacts?x=1')).status).toBe(404);
  });
});

describe('GET /docs', () => {
  it('serves Swagger UI from swagger-ui-dist, pointed at /openapi.json', async () => {
    const page = await get('/docs');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const src of html.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g)) {
      expect((await get(src[1]!)).status, src[1]).toBe(200);
    }
    const init = await (await get('/docs/init.js')).text();
    expect(init).toContain('"url":"/openapi.json"');
    expect(init).toContain('"validatorUrl":null');
  });

  it('serves only its own files from the package', async () => {
    for (const path of [
      '/docs/index.html',
      '/docs/package.json',
      '/docs/../package.json',
      '/docs/%2e%2e/package.json',
      '/docs/__proto__',
      '/docs/constructor',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
