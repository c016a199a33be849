/**
 * The generated OpenAPI 3.1 document: valid per the OpenAPI schema, complete
 * (every parameter the parser accepts, and nothing it refuses), and true to
 * the responses handleListRequest actually produces.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import { DATE_PATTERN, DATE_TIME_PATTERN } from '../../src/grammar.js';
import {
  BackendUnavailableError,
  handleListRequest,
  type JsonSchema,
  type JsonValue,
  type ListBackend,
  memoryBackend,
  type OpenApiDocument,
  type OpenApiParameter,
  readHeader,
  toOpenApi,
} from '../../src/http/index.js';
import {
  defineResource,
  encodeCursor,
  type FilterValue,
  leads,
  parseListQuery,
  type Resource,
  safeParseListQuery,
  snakeCase,
  withColumns,
} from '../../src/index.js';
import { openLeads } from '../support/open-leads.js';

/** A second resource: number ids, booleans, no search, no aliases, no default sort. */
const tasks = defineResource({
  name: 'project-tasks',
  fields: {
    id: { type: 'number', sortable: true },
    title: { type: 'string', sortable: true, filter: ['eq'], list: true },
    done: { type: 'boolean', nullable: true, filter: ['eq', 'exists'], sortable: true },
    points: { type: 'number', filter: ['eq', 'gt', 'lte'], list: true },
    kind: { type: 'enum', values: ['bug', 'chore'], nullable: true, filter: ['eq'] },
    due: { type: 'datetime', nullable: true, filter: ['gte', 'lt', 'exists'], sortable: true },
    secret: { type: 'string', selectable: false },
  },
  defaults: { limit: 10 },
  limits: { maxLimit: 25 },
});

const groupedLeads = defineResource({ ...leads.definition, groups: true });
const groupedTasks = defineResource({
  ...tasks.definition,
  groups: { maxDepth: 1, maxLength: 300 },
});

const leadsDocument = toOpenApi(leads, {
  path: '/leads',
  title: 'Leads API',
  schemaName: 'Lead',
  servers: [{ url: 'http://127.0.0.1:3000' }],
  description: 'The leads of docs/leads.md',
});

function operation(document: OpenApiDocument, path: string) {
  const item = document.paths[path];
  if (!item) throw new Error(`no path ${path}`);
  return item.get;
}

/** The names of the operation's query parameters, in order. */
function queryNames(document: OpenApiDocument, path: string): string[] {
  return operation(document, path)
    .parameters.filter((p) => p.in === 'query')
    .map((p) => p.name);
}

function parameter(document: OpenApiDocument, name: string): OpenApiParameter {
  const found = operation(document, '/leads').parameters.find((p) => p.name === name);
  if (!found) throw new Error(`no parameter ${name}`);
  return found;
}

/** A value the schema allows, written as the URL would carry it. */
function sampleValue(schema: JsonSchema): string {
  if (Array.isArray(schema['anyOf'])) return sampleValue(schema['anyOf'][0] as JsonSchema);
  if (Array.isArray(schema['examples'])) return String(schema['examples'][0]);
  if (Array.isArray(schema['enum'])) return String(schema['enum'][0]);
  switch (schema['type']) {
    case 'array':
      return sampleValue(schema['items'] as JsonSchema);
    case 'integer':
      return String(schema['minimum'] ?? 1);
    case 'number':
      return '12.5';
    case 'boolean':
      return 'true';
    default:
      if (schema['format'] === 'date-time') return '2026-01-15T10:30:00Z';
      if (schema['format'] === 'date') return '2026-01-15';
      return 'x';
  }
}

describe('toOpenApi: the document is valid OpenAPI 3.1', () => {
  const cases: [string, OpenApiDocument][] = [
    ['leads', leadsDocument],
    ['leads without an API key', toOpenApi(leads, { path: '/v1/leads', apiKey: false })],
    ['snake_case leads', toOpenApi(withColumns(leads, snakeCase), { path: '/leads' })],
    ['tasks', toOpenApi(tasks, { path: '/tasks', version: '2.3.0' })],
    ['leads with groups', toOpenApi(groupedLeads, { path: '/grouped-leads' })],
    ['leads with the opt-in operators', toOpenApi(openLeads, { path: '/open-leads' })],
  ];
  for (const [name, document] of cases) {
    it(name, async () => {
      const validator = new Validator();
      const result = await validator.validate(
        structuredClone(document) as unknown as Record<string, unknown>,
      );
      expect(result.errors).toBeUndefined();
      expect(result.valid).toBe(true);
      expect(validator.version).toBe('3.1');
    });
  }

  it('the validator does catch a broken document', async () => {
    const broken = structuredClone(leadsDocument) as unknown as {
      paths: Record<string, { get: { parameters: Record<string, unknown>[] } }>;
    };
    delete broken.paths['/leads']!.get.parameters[0]!['in'];
    const result = await new Validator().validate(broken as Record<string, unknown>);
    expect(result.valid).toBe(false);
  });

  it('refuses a path that is not absolute', () => {
    expect(() => toOpenApi(leads, { path: 'leads' })).toThrow(/must start with '\/'/);
  });
});

describe('toOpenApi: query parameters', () => {
  /** A cursor for the query with no parameters, positioned at a made-up row. */
  function sampleCursor(typed: Resource<string>): string {
    const resource = typed as Resource;
    const { filter, sort } = parseListQuery(resource, '');
    const position = sort.map(({ field }): FilterValue => {
      const definition = resource.fields.get(field)!;
      if (definition.type === 'number') return 1;
      if (definition.type === 'boolean') return true;
      if (definition.type === 'datetime') return '2026-01-01T00:00:00.000Z';
      if (definition.type === 'enum') return definition.values[0]!;
      return 'x';
    });
    return encodeCursor(resource, filter, sort, position);
  }

  function expectedNames(resource: Resource): string[] {
    const names = ['limit', 'page', 'cursor', 'count', 'sort', 'fields'];
    if (resource.searchable.length > 0) names.push('search');
    for (const field of resource.fieldList) {
      for (const op of field.operators)
        names.push(op === 'eq' ? field.name : `${field.name}[${op}]`);
    }
    if (resource.groups !== null) names.push('or', 'and');
    return [...names, ...resource.aliases.params.keys()];
  }

  it('lists every filter operator of every field as its own parameter, named as in the URL', () => {
    const names = queryNames(leadsDocument, '/leads');
    expect(names).toEqual(expectedNames(leads as Resource));
    for (const name of [
      'value[gte]',
      'value[lt]',
      'createdAt[lte]',
      'gclid[exists]',
      'utm_source',
    ]) {
      expect(names).toContain(name);
    }
    const tasksDocument = toOpenApi(tasks, { path: '/leads' });
    const taskNames = queryNames(tasksDocument, '/leads');
    expect(taskNames).toEqual(expectedNames(tasks as Resource));
    expect(taskNames).not.toContain('search');
  });

  it('documents or and and only where the resource has groups', () => {
    expect(queryNames(leadsDocument, '/leads')).not.toContain('or');
    const document = toOpenApi(groupedLeads, { path: '/grouped-leads' });
    const names = queryNames(document, '/grouped-leads');
    expect(names).toEqual(expectedNames(groupedLeads as Resource));
    const or = operation(document, '/grouped-leads').parameters.find((p) => p.name === 'or')!;
    expect(or).toMatchObject({ in: 'query', required: false });
    expect(or.schema).toEqual({
      type: 'string',
      minLength: 3,
      maxLength: 2000,
      examples: ['(status=open;value=100)'],
    });
    expect(or.description).toContain('`or=(item;item;…)` matches when any item holds');
    expect(or.description).toContain('At most 3 levels deep');
    const and = operation(document, '/grouped-leads').parameters.find((p) => p.name === 'and')!;
    expect(and.schema['examples']).toEqual(['(status=open;not(value=100))']);
    const shallow = toOpenApi(groupedTasks, { path: '/t' }).paths['/t']!.get.parameters;
    expect(shallow.find((p) => p.name === 'and')!.schema).toMatchObject({ maxLength: 300 });
    expect(shallow.find((p) => p.name === 'and')!.description).toContain('At most 1 level deep');
  });

  it('every parameter, with a value its schema allows, is accepted by the parser', () => {
    for (const [resource, path] of [
      [leads, '/leads'],
      [tasks, '/tasks'],
      [groupedLeads, '/grouped-leads'],
      [groupedTasks, '/grouped-tasks'],
      [openLeads, '/open-leads'],
    ] as const) {
      const document = toOpenApi(resource as Resource, { path });
      for (const p of operation(document, path).parameters.filter((q) => q.in === 'query')) {
        // A cursor is opaque: its sample is one issued for the query with no other parameter.
        const value = p.name === 'cursor' ? sampleCursor(resource) : sampleValue(p.schema);
        const query = new URLSearchParams({ [p.name]: value });
        const result = safeParseListQuery(resource as Resource, query);
        expect(result.success, `${p.name}=${query.get(p.name)}`).toBe(true);
      }
    }
  });

  it('documents ne, nin and the text operators, and the search mode', () => {
    const parameters = operation(toOpenApi(openLeads, { path: '/o' }), '/o').parameters;
    const byName = (name: string) => parameters.find((p) => p.name === name)!;
    expect(byName('status[ne]').description).toBe('`status` does not equal the value.');
    expect(byName('labelId[ne]').description).toContain('Rows where it is null match.');
    expect(byName('status[nin]')).toMatchObject({
      schema: { type: 'array', minItems: 1, maxItems: 100 },
      style: 'form',
      explode: false,
    });
    expect(byName('name[startsWith]').description).toContain('starts with the value. Literal text');
    expect(byName('name[startsWith]').description).toContain('Rows where it is null never match.');
    expect(byName('search').description).toContain('at most 10');
    // The preset documents none of them.
    const preset = operation(leadsDocument, '/leads').parameters.map((p) => p.name);
    expect(preset.filter((name) => /\[(ne|nin|contains|startsWith|endsWith)\]/.test(name))).toEqual(
      [],
    );
  });

  it('describes types, enums, formats, lists and limits', () => {
    expect(parameter(leadsDocument, 'limit').schema).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 50,
    });
    expect(parameter(leadsDocument, 'page').schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      default: 1,
    });
    expect(parameter(leadsDocument, 'search').schema).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 200,
    });
    expect(parameter(leadsDocument, 'status')).toMatchObject({
      in: 'query',
      required: false,
      style: 'form',
      explode: false,
      schema: {
        type: 'array',
        items: { type: 'string', enum: ['open', 'qualified', 'won', 'lost'] },
        maxItems: 100,
      },
    });
    expect(parameter(leadsDocument, 'value[gte]')).toMatchObject({
      style: 'form',
      explode: true,
      schema: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' },
    });
    expect(parameter(leadsDocument, 'website').schema).toEqual({ type: 'string', maxLength: 1000 });
    expect(parameter(leadsDocument, 'gclid[exists]').schema).toEqual({ type: 'boolean' });
    const [dateTime, day] = (
      parameter(leadsDocument, 'createdAt[lt]').schema as { anyOf: JsonSchema[] }
    ).anyOf;
    expect(dateTime).toMatchObject({ type: 'string', pattern: DATE_TIME_PATTERN });
    expect(dateTime).not.toHaveProperty('format');
    expect(day).toMatchObject({ type: 'string', format: 'date', pattern: DATE_PATTERN });
    expect(parameter(leadsDocument, 'updated_after').schema).toEqual(
      parameter(leadsDocument, 'createdAt[lt]').schema,
    );
    const fields = parameter(leadsDocument, 'fields');
    expect(fields).toMatchObject({ style: 'form', explode: false });
    expect((fields.schema['items'] as JsonSchema)['enum']).toEqual([...leads.selectable]);
    const taskFields = toOpenApi(tasks, { path: '/t' }).paths['/t']!.get.parameters.find(
      (p) => p.name === 'fields',
    )!;
    expect((taskFields.schema['items'] as JsonSchema)['enum']).not.toContain('secret');
  });

  it('gives sort its terms, its default and the legacy names as deprecated', () => {
    const sort = parameter(leadsDocument, 'sort');
    expect(sort).toMatchObject({ style: 'form', explode: false });
    expect(sort.schema['default']).toEqual(['createdAt:desc']);
    const [current, legacy] = (sort.schema['items'] as { anyOf: JsonSchema[] }).anyOf;
    expect(current!['enum']).toContain('value:desc');
    expect(current!['enum']).toContain('qualifiedAt');
    expect(current!['enum']).not.toContain('phone');
    expect(legacy).toMatchObject({
      deprecated: true,
      enum: ['updated_at', 'updated_at:asc', 'updated_at:desc'],
    });
    const taskSort = toOpenApi(tasks, { path: '/t' }).paths['/t']!.get.parameters.find(
      (p) => p.name === 'sort',
    )!;
    expect(taskSort.schema).not.toHaveProperty('default');
    expect((taskSort.schema['items'] as JsonSchema)['enum']).toContain('due:desc');
  });

  it('marks legacy parameters deprecated and only those', () => {
    const deprecated = operation(leadsDocument, '/leads').parameters.filter((p) => p.deprecated);
    expect(deprecated.map((p) => p.name)).toEqual(['updated_after']);
    expect(deprecated[0]!.schema).toEqual(parameter(leadsDocument, 'updatedAt[gte]').schema);
    expect(deprecated[0]!.description).toContain('updatedAt[gte]');
  });
});

describe('toOpenApi: responses and security', () => {
  it('declares the X-API-KEY scheme and a 401 only when asked to', () => {
    expect(leadsDocument.components.securitySchemes).toEqual({
      ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-KEY' },
    });
    expect(operation(leadsDocument, '/leads').security).toEqual([{ ApiKeyAuth: [] }]);
    expect(Object.keys(operation(leadsDocument, '/leads').responses)).toEqual([
      '200',
      '400',
      '401',
      '500',
      '503',
    ]);
    const open = toOpenApi(leads, { path: '/leads', apiKey: false });
    expect(open.components).not.toHaveProperty('securitySchemes');
    expect(operation(open, '/leads').security).toEqual([]);
    expect(Object.keys(operation(open, '/leads').responses)).toEqual(['200', '400', '500', '503']);
  });

  it('gives the row object every selectable field; nullable types include null', () => {
    const lead = leadsDocument.components.schemas['Lead'] as {
      properties: Record<string, JsonValue>;
      required: string[];
    };
    expect(Object.keys(lead.properties)).toEqual([...leads.selectable]);
    expect(lead.required).toEqual(['id']);
    expect(lead.properties['id']).toEqual({ type: 'string' });
    expect(lead.properties['value']).toEqual({ type: ['number', 'null'] });
    expect(lead.properties['status']).toEqual({
      type: 'string',
      enum: ['open', 'qualified', 'won', 'lost'],
    });
    expect(lead.properties['createdAt']).toEqual({ type: 'string', format: 'date-time' });
    expect(lead.properties['qualifiedAt']).toEqual({
      type: ['string', 'null'],
      format: 'date-time',
    });
    expect(lead.properties['ad_storage']).toEqual({ type: ['boolean', 'null'] });
    const task = toOpenApi(tasks, { path: '/t' }).components.schemas['ProjectTasks'] as {
      properties: Record<string, JsonValue>;
    };
    expect(task.properties['kind']).toEqual({
      type: ['string', 'null'],
      enum: ['bug', 'chore', null],
    });
    expect(task.properties).not.toHaveProperty('secret');
  });

  it('names the operation and the schemas after the resource unless told otherwise', () => {
    const document = toOpenApi(tasks, { path: '/t' });
    expect(document.info).toEqual({ title: 'project-tasks API', version: '1.0.0' });
    expect(operation(document, '/t').operationId).toBe('listProjectTasks');
    expect(Object.keys(document.components.schemas)).toContain('ProjectTasksList');
    expect(operation(leadsDocument, '/leads').operationId).toBe('listLeads');
    expect(
      operation(toOpenApi(leads, { path: '/l', operationId: 'getLeads' }), '/l').operationId,
    ).toBe('getLeads');
  });

  describe('real responses match the documented schemas', () => {
    const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
    const ajv = addFormats(new Ajv2020({ strict: false }));
    ajv.addSchema(structuredClone(leadsDocument) as object, 'doc');
    const schemaOf = (status: string) => {
      const response = operation(leadsDocument, '/leads').responses[status]!;
      const ref = response.content['application/json'].schema['$ref'] as string;
      return ajv.getSchema(`doc${ref}`)!;
    };
    const backend = memoryBackend(leads, generateLeads(120, 3));
    const broken: ListBackend = {
      async run() {
        throw new Error('boom');
      },
    };
    const unreachable: ListBackend = {
      async run() {
        throw new BackendUnavailableError('connection');
      },
    };
    const quiet = { error() {} };
    const cases: [string, string, ListBackend, Record<string, string>][] = [
      ['200', 'status=won&fields=id,name,value,qualifiedAt', backend, { 'x-api-key': 'k' }],
      ['200', 'page=99', backend, { 'x-api-key': 'k' }],
      ['200', '', backend, { 'x-api-key': 'k' }],
      ['400', 'value[gte]=abc&limit=0', backend, { 'x-api-key': 'k' }],
      ['401', '', backend, {}],
      ['500', '', broken, { 'x-api-key': 'k' }],
      ['503', '', unreachable, { 'x-api-key': 'k' }],
    ];
    for (const [status, query, store, headers] of cases) {
      it(`${status} for '${query}'`, async () => {
        const response = await handleListRequest({
          resource: leads,
          backend: store,
          query,
          headers,
          auth: (h) => readHeader(h, 'x-api-key') === 'k',
          logger: quiet,
        });
        expect(String(response.status)).toBe(status);
        const validate = schemaOf(status);
        const body = JSON.parse(JSON.stringify(response.body));
        expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
      });
    }

    it("a 400 for a malformed group matches the grouped resource's schema, position included", async () => {
      const document = toOpenApi(groupedLeads, { path: '/grouped-leads' });
      const groupedAjv = addFormats(new Ajv2020({ strict: false }));
      groupedAjv.addSchema(structuredClone(document) as object, 'grouped');
      const response = await handleListRequest({
        resource: groupedLeads,
        backend,
        query: 'or=(status=won;;value=1)&and=(value[gte]=abc)',
        headers: { 'x-api-key': 'k' },
        auth: (h) => readHeader(h, 'x-api-key') === 'k',
        logger: quiet,
      });
      expect(response.status).toBe(400);
      const body = JSON.parse(JSON.stringify(response.body));
      expect(body.error.details.issues.map((i: { position?: number }) => i.position)).toEqual([
        12, 1,
      ]);
      const ref = operation(document, '/grouped-leads').responses['400']!.content[
        'application/json'
      ].schema['$ref'] as string;
      const validate = groupedAjv.getSchema(`grouped${ref}`)!;
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
      const issue = (name: string) =>
        (name === 'grouped' ? document : leadsDocument).components.schemas['Issue'] as {
          properties: Record<string, JsonValue>;
        };
      expect(issue('grouped').properties['position']).toMatchObject({
        type: 'integer',
        minimum: 0,
      });
      expect(issue('leads').properties).not.toHaveProperty('position');
    });

    it('the schemas reject bodies that break the envelope', () => {
      const meta = { requestId: 'req_000000000000', timestamp: '2026-03-10T12:00:00.000Z' };
      const pagination = {
        limit: 50,
        page: 1,
        totalPages: 1,
        total: 1,
        hasMore: false,
        count: 'exact',
        nextCursor: null,
      };
      const ok = { success: true, data: [{ id: 'lead_1' }], meta: { ...meta, pagination } };
      expect(schemaOf('200')(ok)).toBe(true);
      const uncounted = { ...pagination, total: null, totalPages: null, count: 'none' };
      expect(schemaOf('200')({ ...ok, meta: { ...meta, pagination: uncounted } })).toBe(true);
      const { nextCursor: _omitted, ...noCursor } = pagination;
      const bad = [
        { ...ok, data: [{ name: 'no id' }] },
        { ...ok, data: [{ id: 'lead_1', unknownField: 1 }] },
        { ...ok, data: [{ id: 'lead_1', value: '12' }] },
        { ...ok, data: [{ id: 'lead_1', status: 'closed' }] },
        { ...ok, meta },
        { ...ok, meta: { ...meta, pagination: noCursor } },
        { ...ok, meta: { ...meta, pagination: { ...pagination, count: 'roughly' } } },
        { ...ok, success: false },
      ];
      for (const body of bad) expect(schemaOf('200')(body), JSON.stringify(body)).toBe(false);
      const unauthorized = {
        success: false,
        error: { code: 'INVALID_FILTER', message: 'm', details: {} },
        meta,
      };
      expect(schemaOf('401')(unauthorized)).toBe(false);
    });
  });
});
