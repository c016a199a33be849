/**
 * The demo's own routes and its dataset files: the index, 404 and 405, HEAD,
 * a valid OpenAPI document, and a damaged or incomplete dataset rebuilt
 * instead of served.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDemo, startDemo } from '../../src/demo/index.js';
import { API_KEY, ok, request } from './demo-suite.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'listql-routes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('routes', () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo({ port: 0, backend: 'memory', rows: 20, apiKey: API_KEY });
  });
  afterAll(async () => {
    await demo.close();
  });

  it('GET / lists the endpoints to a client that asks for JSON (a browser gets the explorer)', async () => {
    const response = await fetch(`${demo.url}/`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      endpoints: { leads: '/leads', openapi: '/openapi.json', explorer: '/', docs: '/docs' },
    });
  });

  it('an unknown path is a 404, another method a 405 with Allow', async () => {
    const missing = await fetch(`${demo.url}/lead?status=won`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    const post = await fetch(`${demo.url}/leads`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY },
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('HEAD answers like GET without a body', async () => {
    const head = await fetch(`${demo.url}/leads?limit=1`, {
      method: 'HEAD',
      headers: { 'x-api-key': API_KEY },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await head.text()).toBe('');
  });

  it('serves a valid OpenAPI 3.1 document for the demo resource, twice the same', async () => {
    const first = await (await fetch(`${demo.url}/openapi.json`)).text();
    const second = await (await fetch(`${demo.url}/openapi.json`)).text();
    expect(second).toBe(first);
    const result = await new Validator().validate(JSON.parse(first));
    expect(result.valid, JSON.stringify(result.errors)).toBe(true);
    expect(JSON.parse(first).components.schemas).toHaveProperty('Lead');
  });
});

describe('dataset files', () => {
  it('rebuilds a damaged SQLite dataset instead of serving it', async () => {
    const dataDir = join(dir, 'damaged');
    const first = await startDemo({ port: 0, rows: 40, dataDir });
    await first.close();
    await writeFile(first.location, 'not a database');
    const lines: string[] = [];
    const demo = await startDemo({
      port: 0,
      rows: 40,
      dataDir,
      apiKey: API_KEY,
      log: (l) => lines.push(l),
    });
    try {
      expect(lines[0]).toBe(`${first.location} is incomplete or damaged; building it again`);
      expect(ok(await request(demo, 'limit=100')).meta.pagination.total).toBe(40);
    } finally {
      await demo.close();
    }
  });

  it('rebuilds a dataset with the wrong number of rows', async () => {
    const dataDir = join(dir, 'short');
    const small = await startDemo({ port: 0, rows: 30, dataDir });
    await small.close();
    // A file named for 35 rows that holds 30: an interrupted or foreign file.
    await rename(small.location, small.location.replace('leads-30-', 'leads-35-'));
    const lines: string[] = [];
    const demo = await startDemo({
      port: 0,
      rows: 35,
      dataDir,
      apiKey: API_KEY,
      log: (l) => lines.push(l),
    });
    try {
      expect(lines[0]).toMatch(
        /leads-35-seed1\.sqlite is incomplete or damaged; building it again$/,
      );
      expect(ok(await request(demo, 'limit=100')).meta.pagination.total).toBe(35);
    } finally {
      await demo.close();
    }
  });

  it('reuses a PGlite dataset on the next start', async () => {
    const dataDir = join(dir, 'pglite');
    const first = await startDemo({ port: 0, backend: 'pglite', rows: 25, dataDir });
    await first.close();
    const lines: string[] = [];
    const again = await startDemo({
      port: 0,
      backend: 'pglite',
      rows: 25,
      dataDir,
      apiKey: API_KEY,
      log: (l) => lines.push(l),
    });
    try {
      expect(lines).toEqual([`Reusing 25 synthetic leads (seed 1) in ${first.location}`]);
      expect(ok(await request(again, 'limit=100')).data).toHaveLength(25);
    } finally {
      await again.close();
    }
  });
});
