/**
 * The OpenAPI document of a resource with relations (docs/relations.md):
 * relation filter parameters with the related field's schema, relation
 * paths in `sort` and `fields`, nested response schemas for the embeds, and
 * Redocly's recommended ruleset clean. A resource without relations gets
 * exactly the document it got before relations existed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiParameter,
  toOpenApi,
} from '../../src/http/index.js';
import { defineResource, labeledLeads, leads, safeParseListQuery } from '../../src/index.js';

const run = promisify(execFile);
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const document = toOpenApi(labeledLeads, {
  path: '/labeled-leads',
  schemaName: 'LabeledLead',
  license: { name: 'MIT', identifier: 'MIT' },
});
const parameters = document.paths['/labeled-leads']!.get.parameters;

function parameter(name: string): OpenApiParameter {
  const found = parameters.find((p) => p.name === name);
  if (!found) throw new Error(`no parameter ${name}`);
  return found;
}

describe('a resource without relations', () => {
  it('gets nothing of relations: its document is what it was before them', () => {
    for (const resource of [leads, defineResource({ ...leads.definition, groups: true })]) {
      const plain = toOpenApi(resource, { path: '/leads', schemaName: 'Lead' });
      const text = JSON.stringify(plain);
      // No relation wording, no `@more`, no embed schema, no dotted parameter.
      expect(text).not.toMatch(/relation|@more|embed/i);
      expect(Object.keys(plain.components.schemas)).not.toContain('LeadLabel');
      const params = plain.paths['/leads']!.get.parameters;
      expect(params.filter((p) => p.name.includes('.'))).toEqual([]);
      const fields = params.find((p) => p.name === 'fields')!.schema as {
        items: { enum: string[] };
      };
      expect(fields.items.enum).toEqual([...resource.selectable]);
      const row = plain.components.schemas['Lead'] as { properties: object };
      expect(Object.keys(row.properties)).toEqual([...resource.selectable]);
    }
  });
});

describe('relation filter parameters', () => {
  it('one per related filterable field and operator, named as the URL writes it', () => {
    const names = parameters.map((p) => p.name).filter((name) => name.includes('.'));
    expect(names).toEqual([
      'label.id',
      'label.name',
      'label.name[ne]',
      'label.name[contains]',
      'label.name[startsWith]',
      'label.color',
      'label.color[exists]',
      'label.priority',
      'label.priority[gt]',
      'label.priority[gte]',
      'label.priority[lt]',
      'label.priority[lte]',
      'label.priority[exists]',
      'tags.id',
      'tags.name',
      'tags.name[ne]',
      'tags.name[contains]',
      'tags.name[startsWith]',
      'notes.id',
      'notes.leadId',
      'notes.body[contains]',
      'notes.pinned',
      'notes.createdAt',
      'notes.createdAt[gt]',
      'notes.createdAt[gte]',
      'notes.createdAt[lt]',
      'notes.createdAt[lte]',
    ]);
    // The hidden `tags.deletedAt` (no operators) is not a parameter.
    expect(names).not.toContain('tags.deletedAt');
  });

  it("carries the related field's value schema (pattern, list, date grammar)", () => {
    expect(parameter('label.priority[gte]').schema).toMatchObject({
      type: 'string',
      pattern: '^-?[0-9]+(\\.[0-9]+)?$',
    });
    // labels.name is a list field: a comma list, form-style, not exploded.
    expect(parameter('label.name')).toMatchObject({
      style: 'form',
      explode: false,
      schema: { type: 'array', minItems: 1, maxItems: 100 },
    });
    expect(parameter('notes.createdAt[gte]').schema['anyOf']).toHaveLength(2);
    expect(parameter('label.color[exists]').schema).toEqual({ type: 'boolean' });
  });

  it('describes to-one as a nullable field of the row, to-many as "at least one related row"', () => {
    const toOne = parameter('label.priority[gte]').description;
    expect(toOne).toContain('`label.priority` is greater than or equal to the value');
    expect(toOne).toContain('null when there is none');
    expect(toOne).toContain('Rows where it is null never match');
    expect(parameter('label.name[ne]').description).toContain('Rows where it is null match');
    const toMany = parameter('tags.name').description;
    expect(toMany).toMatch(/^True when at least one related `tags` row matches/);
    expect(toMany).toContain('A row without related rows never matches');
    // tags carry a server-side condition (soft deletion); notes do not.
    expect(toMany).toContain('Related rows the server hides never match');
    expect(parameter('notes.pinned').description).not.toContain('hides');
  });

  it('the group parameters say how relation paths read in a group', () => {
    expect(parameter('and').description).toContain('apply to the same related row');
    expect(parameter('and').description).toContain('`not(tags.<field>=…)` means no related row');
  });
});

describe('sort and fields', () => {
  it('sort accepts the to-one sortable paths, never a to-many one', () => {
    const schema = parameter('sort').schema as { items: { anyOf: { enum?: string[] }[] } };
    const terms = schema.items.anyOf[0]!.enum!;
    for (const term of ['label.name', 'label.name:asc', 'label.priority:desc', 'label.color'])
      expect(terms).toContain(term);
    expect(terms.some((term) => term.startsWith('tags.') || term.startsWith('notes.'))).toBe(false);
    expect(parameter('sort').description).toContain('sorts like a null, last both ways');
  });

  it('fields accepts every selectable path and says what embeds look like', () => {
    const schema = parameter('fields').schema as { items: { enum: string[] } };
    expect(schema.items.enum).toEqual(
      expect.arrayContaining(['id', 'label.name', 'label.color', 'tags.name', 'notes.body']),
    );
    expect(schema.items.enum).not.toContain('tags.deletedAt');
    const text = parameter('fields').description;
    expect(text).toContain('`label` (an object, or null)');
    expect(text).toContain('`notes` (an array of at most 5, in id order, with `notes@more`');
  });
});

describe('response schemas of the embeds', () => {
  const schemas = document.components.schemas;
  const row = schemas['LabeledLead'] as { properties: Record<string, JsonSchema> };

  it('toOne: an object of the related fields, or null', () => {
    expect(row.properties['label']).toMatchObject({
      anyOf: [{ $ref: '#/components/schemas/LabeledLeadLabel' }, { type: 'null' }],
    });
    expect(schemas['LabeledLeadLabel']).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, priority: { type: ['number', 'null'] } },
    });
  });

  it('toMany: an array of at most embedLimit, and the <rel>@more boolean', () => {
    expect(row.properties['tags']).toMatchObject({ type: 'array', maxItems: 20 });
    expect(row.properties['notes']).toMatchObject({ type: 'array', maxItems: 5 });
    expect(row.properties['tags@more']).toMatchObject({ type: 'boolean' });
    expect(row.properties['notes@more']).toMatchObject({ type: 'boolean' });
    // Not selectable through the relation, so not in the embedded row.
    expect(Object.keys((schemas['LabeledLeadTags'] as { properties: object }).properties)).toEqual([
      'id',
      'name',
    ]);
  });

  it('validates an embedded row and refuses a malformed one', () => {
    const ajv = addFormats(new Ajv2020({ strict: false }));
    ajv.addSchema(structuredClone(document) as object, 'doc');
    const validate = ajv.getSchema('doc#/components/schemas/LabeledLead')!;
    const good = {
      id: 'lead_1',
      label: { name: 'VIP', priority: null },
      tags: [{ name: 'hot' }, { id: 'tag_2', name: 'vip' }],
      'tags@more': false,
      notes: [],
      'notes@more': false,
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ id: 'lead_2', label: null })).toBe(true);
    expect(validate({ ...good, label: { name: 'VIP', deletedAt: null } })).toBe(false);
    expect(validate({ ...good, tags: { name: 'hot' } })).toBe(false);
    expect(validate({ ...good, notes: Array.from({ length: 6 }, () => ({})) })).toBe(false);
    expect(validate({ ...good, 'tags@more': 'no' })).toBe(false);
  });
});

describe('the document is valid and lint-clean', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'listql-rel-lint-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(
      structuredClone(document) as unknown as Record<string, unknown>,
    );
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("Redocly's recommended ruleset: zero errors, zero warnings", async () => {
    const file = join(dir, 'labeled-leads.json');
    await writeFile(file, JSON.stringify(document satisfies OpenApiDocument));
    const env = {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    };
    const { stdout } = await run(
      process.execPath,
      [redocly, 'lint', file, '--extends', 'recommended', '--format', 'json'],
      { env, maxBuffer: 16 * 1024 * 1024 },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { problems: unknown[] };
    expect(report.problems).toEqual([]);
  }, 30_000);
});

describe('the document and the parser agree', () => {
  /** A value the schema allows, as the URL carries it. */
  function sample(schema: JsonSchema): string {
    if (Array.isArray(schema['anyOf'])) return sample(schema['anyOf'][0] as JsonSchema);
    if (Array.isArray(schema['examples'])) return String(schema['examples'][0]);
    if (schema['type'] === 'array') return sample(schema['items'] as JsonSchema);
    if (schema['type'] === 'boolean') return 'true';
    return 'x';
  }

  it('every relation filter parameter parses with a value its schema allows', () => {
    const relationParams = parameters.filter((p) => p.name.includes('.'));
    expect(relationParams.length).toBeGreaterThan(20);
    for (const p of relationParams) {
      const parsed = safeParseListQuery(
        labeledLeads,
        new URLSearchParams([[p.name, sample(p.schema)]]),
      );
      expect(parsed.success, `${p.name}: ${JSON.stringify(parsed)}`).toBe(true);
    }
  });

  it('every sort term and field name the document lists parses', () => {
    const sort = parameter('sort').schema as { items: { anyOf: { enum: string[] }[] } };
    for (const term of sort.items.anyOf.flatMap((s) => s.enum)) {
      expect(safeParseListQuery(labeledLeads, `sort=${term}`).success, term).toBe(true);
    }
    const fields = parameter('fields').schema as { items: { enum: string[] } };
    for (const name of fields.items.enum) {
      expect(safeParseListQuery(labeledLeads, `fields=${name}`).success, name).toBe(true);
    }
    // What the document leaves out, the parser refuses.
    expect(safeParseListQuery(labeledLeads, 'sort=tags.name').success).toBe(false);
    expect(safeParseListQuery(labeledLeads, 'fields=tags.deletedAt').success).toBe(false);
    expect(safeParseListQuery(labeledLeads, 'tags.deletedAt[exists]=true').success).toBe(false);
  });
});
