/**
 * The OpenAPI document is the contract: Redocly's recommended ruleset passes
 * on the generated and the served documents, the published patterns accept
 * exactly what the parser accepts, and real HTTP responses (bodies and
 * headers) validate against the document.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import { type RunningDemo, startDemo } from '../../src/demo/index.js';
import {
  BackendUnavailableError,
  handleListRequest,
  type JsonSchema,
  type ListBackend,
  memoryBackend,
  type OpenApiDocument,
  type OpenApiParameter,
  readHeader,
  toOpenApi,
} from '../../src/http/index.js';
import {
  defineResource,
  leads,
  parseDateValue,
  safeParseListQuery,
  snakeCase,
  withColumns,
} from '../../src/index.js';
import { formatDecimal, readDecimal } from '../../src/syntax/decimal.js';
import { propertyParams } from '../support/property.js';

const run = promisify(execFile);
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

const tasks = defineResource({
  name: 'tasks',
  fields: {
    id: { type: 'number', sortable: true },
    title: { type: 'string', filter: ['eq'], list: true, searchable: true },
    points: { type: 'number', filter: ['eq', 'gt'], list: true },
    due: { type: 'datetime', nullable: true, filter: ['gte', 'exists'], sortable: true },
  },
});

interface LintProblem {
  readonly ruleId: string;
  readonly severity: 'error' | 'warn';
  readonly message: string;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'listql-lint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Redocly CLI's `lint` with the recommended ruleset, offline and without telemetry. */
async function lint(document: unknown, name: string): Promise<readonly LintProblem[]> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(document));
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  // lint exits 1 when it finds errors; its JSON report is on stdout either way.
  const { stdout } = await run(
    process.execPath,
    [redocly, 'lint', file, '--extends', 'recommended', '--format', 'json'],
    { env, maxBuffer: 16 * 1024 * 1024 },
  ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    problems: LintProblem[];
  };
  return report.problems;
}

const errorsOf = (problems: readonly LintProblem[]) =>
  problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`);

describe("Redocly's recommended ruleset", () => {
  it.each([
    ['leads', toOpenApi(leads, { path: '/leads', schemaName: 'Lead' })],
    [
      'snake_case leads, public',
      toOpenApi(withColumns(leads, snakeCase), { path: '/v1/leads', apiKey: false }),
    ],
    ['tasks', toOpenApi(tasks, { path: '/tasks', servers: [{ url: 'https://api.example.com' }] })],
  ])(
    '%s: zero errors',
    async (name, document) => {
      const problems = await lint(document, name.replace(/\W+/g, '-'));
      expect(errorsOf(problems)).toEqual([]);
    },
    30_000,
  );

  it('does find errors in a broken document (the check can fail)', async () => {
    const broken = structuredClone(toOpenApi(leads, { path: '/leads' })) as unknown as Record<
      string,
      unknown
    >;
    broken['servers'] = [];
    const problems = await lint(broken, 'broken');
    expect(errorsOf(problems).join('\n')).toContain('no-empty-servers');
  }, 30_000);

  describe('the document the demo serves', () => {
    let demo: RunningDemo;
    beforeAll(async () => {
      demo = await startDemo({ port: 0, backend: 'memory', rows: 30, apiKey: 'contract-key' });
    });
    afterAll(async () => {
      await demo.close();
    });

    it('has zero errors and zero warnings', async () => {
      const served = await (await fetch(`${demo.url}/openapi.json`)).json();
      expect(await lint(served, 'served')).toEqual([]);
    }, 30_000);

    it('GET /labeled-leads: its document lints clean and its real responses, embeds included, validate', async () => {
      const served = (await (
        await fetch(`${demo.url}/openapi/labeled-leads.json`)
      ).json()) as OpenApiDocument;
      expect(await lint(served, 'served-labeled')).toEqual([]);
      const check = responseChecker(served, '/labeled-leads');
      const key = { 'x-api-key': 'contract-key' };
      const cases: [number, string][] = [
        [
          200,
          'fields=id,name,label.name,label.priority,tags.name,notes.body,notes.pinned&limit=30',
        ],
        [200, 'tags.name=vip&sort=label.name:desc&fields=id,label.color&limit=5'],
        [400, 'label.nmae=x&sort=tags.name'],
      ];
      for (const [status, query] of cases) {
        const response = await fetch(`${demo.url}/labeled-leads?${query}`, { headers: key });
        expect(response.status, query).toBe(status);
        check(status, response.headers, await response.json());
      }
    }, 30_000);

    it('validates the real responses of the running server: bodies and headers', async () => {
      const document = (await (await fetch(`${demo.url}/openapi.json`)).json()) as OpenApiDocument;
      const check = responseChecker(document, '/leads');
      const key = { 'x-api-key': 'contract-key' };
      const cases: [number, string, Record<string, string>][] = [
        [200, 'status=won,lost&fields=name,value&sort=value:desc&limit=5', key],
        [200, 'limit=2&count=none', key],
        [400, 'value[gte]=1e3&createdAt=2026-01-15t10:30:00z', key],
        [400, `fields=${','.repeat(300)}`, key],
        [401, 'status=won', {}],
      ];
      for (const [status, query, headers] of cases) {
        const response = await fetch(`${demo.url}/leads?${query}`, { headers });
        expect(response.status, query).toBe(status);
        check(status, response.headers, await response.json());
      }
      // The request header the document declares is echoed.
      const echoed = await fetch(`${demo.url}/leads?limit=1`, {
        headers: { ...key, 'x-request-id': 'trace-42' },
      });
      expect(echoed.headers.get('x-request-id')).toBe('trace-42');
      expect(((await echoed.json()) as { meta: { requestId: string } }).meta.requestId).toBe(
        'trace-42',
      );
    });
  });
});

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Validates a status, its headers and its body against the document. */
function responseChecker(document: OpenApiDocument, path: string) {
  const ajv = addFormats(new Ajv2020({ strict: false }));
  ajv.addSchema(structuredClone(document) as object, 'doc');
  const responses = document.paths[path]!.get.responses;
  return (status: number, headers: Headers, body: unknown): void => {
    const response = responses[String(status)];
    if (!response) expect.fail(`status ${status} is not documented`);
    const ref = response.content['application/json'].schema['$ref'] as string;
    const validate = ajv.getSchema(`doc${ref}`)!;
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    for (const [name, spec] of Object.entries(response.headers ?? {})) {
      const header = spec as { required?: boolean; schema: JsonSchema };
      const value = headers.get(name);
      if (value === null) {
        expect(header.required, `${status}: header ${name} is required`).not.toBe(true);
        continue;
      }
      expect(ajv.validate(header.schema as object, value), `${status}: ${name}: ${value}`).toBe(
        true,
      );
    }
  };
}

describe('handleListRequest answers as the document says, headers included', () => {
  const document = toOpenApi(leads, { path: '/leads', schemaName: 'Lead' });
  const check = responseChecker(document, '/leads');
  const backend = memoryBackend(leads, generateLeads(30, 5));
  const failing = (err: Error): ListBackend => ({
    async run() {
      throw err;
    },
  });
  const key = { 'x-api-key': 'k' };
  it.each([
    [200, 'sort=value:desc&limit=3', backend, key],
    [
      400,
      `value[gte]=9007199254740993&${Array.from({ length: 40 }, (_, i) => `x${i}=1`).join('&')}`,
      backend,
      key,
    ],
    [401, '', backend, {}],
    [500, '', failing(new Error('boom')), key],
    [503, '', failing(new BackendUnavailableError('timeout')), key],
  ] as const)('%i', async (status, query, store, headers) => {
    const response = await handleListRequest({
      resource: leads,
      backend: store,
      query,
      headers,
      auth: (h) => readHeader(h, 'x-api-key') === 'k',
      logger: { error() {} },
    });
    expect(response.status).toBe(status);
    check(status, new Headers(response.headers), JSON.parse(JSON.stringify(response.body)));
  });

  it('the checker does catch a missing required header', async () => {
    const response = await handleListRequest({ resource: leads, backend, query: 'limit=1' });
    const body = JSON.parse(JSON.stringify(response.body));
    check(200, new Headers(response.headers), body);
    expect(() => check(200, new Headers(), body)).toThrow(/X-Request-Id is required/);
  });
});

function parameterOf(document: OpenApiDocument, path: string, name: string): OpenApiParameter {
  const found = document.paths[path]!.get.parameters.find((p) => p.name === name);
  if (!found) throw new Error(`no parameter ${name}`);
  return found;
}

describe('the published patterns accept exactly what the parser accepts', () => {
  const document = toOpenApi(leads, { path: '/leads' });
  const ajv = addFormats(new Ajv2020({ strict: false }));
  const dateParams = ['createdAt', 'createdAt[lt]', 'updatedAt[gte]', 'updated_after'];

  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
  const year = fc
    .oneof(
      fc.constantFrom(0, 4, 100, 400, 1900, 2000, 2023, 2024, 2026, 9999),
      fc.integer({ min: 0, max: 9999 }),
    )
    .map((y) => String(y).padStart(4, '0'));
  const day = fc
    .tuple(year, two(13), fc.oneof(two(32), fc.constantFrom('28', '29', '30', '31')))
    .map(([y, m, d]) => `${y}-${m}-${d}`);
  const offset = fc.oneof(
    fc.constantFrom('', 'Z', 'z', '+00:00', '-00:00', '+01:00', '-01:00', '+0100', 'UTC'),
    fc.tuple(fc.constantFrom('+', '-'), two(25), two(61)).map(([s, h, m]) => `${s}${h}:${m}`),
  );
  const dateTime = fc
    .tuple(
      day,
      fc.constantFrom('T', 'T', 'T', 't', ' '),
      two(25),
      two(61),
      fc.oneof(two(61), fc.constant('60')),
      fc.oneof(fc.constant(''), fc.stringMatching(/^\.[0-9]{0,11}$/)),
      offset,
    )
    .map(([d, t, h, m, s, f, o]) => `${d}${t}${h}:${m}:${s}${f}${o}`);
  const edgeDays = fc
    .tuple(fc.constantFrom('0000-01-01', '9999-12-31', '0000-01-02', '9999-12-30'), two(23), offset)
    .map(([d, h, o]) => `${d}T${h}:00:00${o}`);
  const dateLike = fc.oneof(day, dateTime, edgeDays, fc.string({ maxLength: 30 }));

  it.each(dateParams)('%s', (name) => {
    const validate = ajv.compile(structuredClone(parameterOf(document, '/leads', name).schema));
    fc.assert(
      fc.property(dateLike, (text) => {
        const accepted = safeParseListQuery(leads, new URLSearchParams([[name, text]])).success;
        expect(validate(text), text).toBe(accepted);
        expect(parseDateValue(text) !== null).toBe(accepted);
      }),
      propertyParams(2_000),
    );
  });

  it('names the cases an RFC 3339 date-time and this grammar disagree on', () => {
    const validate = ajv.compile(
      structuredClone(parameterOf(document, '/leads', 'createdAt').schema),
    );
    expect(validate('2026-01-15T10:30:00')).toBe(true); // no offset: UTC
    expect(validate('2026-01-15t10:30:00z')).toBe(false);
    expect(validate('2026-12-31T23:59:60Z')).toBe(false);
    expect(validate('2026-02-29T00:00:00Z')).toBe(false);
    expect(validate('2024-02-29T00:00:00Z')).toBe(true);
    expect(validate('0000-01-01T05:00:00+01:00')).toBe(false);
  });

  const numberLike = fc.oneof(
    fc.stringMatching(/^[-+]?[0-9]{0,25}(\.[0-9]{0,20})?([eE][-+]?[0-9]{1,3})?$/),
    fc.double({ noNaN: true }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(formatDecimal),
    fc.constantFrom('1e3', '.5', '+1', '0x10', '1.', '-', '9007199254740993', '١٢'),
    fc.string({ maxLength: 12 }),
  );

  it.each(['value[gte]', 'value[lt]'])(
    '%s: the pattern is the form; the rest is exactness',
    (name) => {
      const validate = ajv.compile(structuredClone(parameterOf(document, '/leads', name).schema));
      fc.assert(
        fc.property(numberLike, (text) => {
          const accepted = safeParseListQuery(leads, new URLSearchParams([[name, text]])).success;
          const read = readDecimal(text);
          // Accepted ⇔ the pattern matches and a double holds the number as written.
          expect(accepted).toBe(validate(text) && 'value' in read);
          if (!validate(text)) expect(read).toEqual({ problem: 'form' });
        }),
        propertyParams(2_000),
      );
    },
  );
});

describe('parameter descriptions are true to the declared style', () => {
  const document = toOpenApi(leads, { path: '/leads' });
  it.each([
    ['status', 'won', 'lost'],
    ['source', 'gtm', 'api'],
    ['labelId', 'label_1', 'label_2'],
  ])('%s: a comma list; repeats said to be outside the document', (name, a, b) => {
    const p = parameterOf(document, '/leads', name);
    expect(p).toMatchObject({ style: 'form', explode: false });
    expect(p.description).not.toMatch(/or the parameter repeated/);
    expect(p.description).toContain('one comma list');
    expect(p.description).toContain('does not declare');
    // What the description says about repeats is what the server does.
    const comma = safeParseListQuery(leads, `${name}=${a},${b}`);
    const repeated = safeParseListQuery(leads, `${name}=${a}&${name}=${b}`);
    expect(comma.success && repeated.success).toBe(true);
    if (comma.success && repeated.success) expect(repeated.query).toEqual(comma.query);
  });

  it('declares the X-Request-Id request header and marks the response header required', () => {
    const operation = document.paths['/leads']!.get;
    expect(operation.parameters.find((p) => p.in === 'header')).toMatchObject({
      name: 'X-Request-Id',
      required: false,
    });
    for (const response of Object.values(operation.responses)) {
      expect(response.headers?.['X-Request-Id']).toMatchObject({ required: true });
    }
    expect(document.tags).toEqual([{ name: 'leads', description: 'List endpoint of leads.' }]);
    expect(operation.tags).toEqual(['leads']);
  });
});
