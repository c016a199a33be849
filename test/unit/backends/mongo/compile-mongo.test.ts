import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMongo } from '../../../../src/backends/mongo/index.js';
import {
  defineResource,
  eq,
  type LeadField,
  type ListQuery,
  leads,
  parseListQuery,
} from '../../../../src/index.js';

const compile = (queryString: string) => compileMongo(leads, parseListQuery(leads, queryString));
const nullable = (column: string) => ({ $ifNull: [`$${column}`, null] });
const nullFlag = (column: string) => ({
  $cond: [{ $eq: [{ $ifNull: [`$${column}`, null] }, null] }, 1, 0],
});

describe('compileMongo: pipelines', () => {
  it('status=won&value[gte]=100&sort=value:desc&fields=id,name,value', () => {
    const compiled = compile('status=won&value[gte]=100&sort=value:desc&fields=id,name,value');
    const filter = { $and: [{ status: { $eq: 'won' } }, { value: { $gte: 100 } }] };
    const projection = { _id: 0, id: '$_id', name: nullable('name'), value: nullable('value') };
    expect(compiled.pipeline).toEqual([
      { $match: filter },
      { $sort: { value: -1, _id: -1 } },
      { $limit: 50 },
      { $project: projection },
    ]);
    expect(compiled.countPipeline).toEqual([{ $match: filter }, { $count: 'total' }]);
    // Descending puts null and missing last already, so find() gives the same order.
    expect(compiled.find).toEqual({
      filter,
      sort: { value: -1, _id: -1 },
      projection,
      skip: 0,
      limit: 50,
    });
    expect(compiled.filter).toEqual(filter);
    expect(compiled.collation).toEqual({ locale: 'simple' });
  });

  it('search=john&source=gtm,wordpress&limit=20&page=3&sort=name: nulls-last flag, no find form', () => {
    const compiled = compile(
      'search=john&source=gtm,wordpress&limit=20&page=3&sort=name&fields=id',
    );
    expect(compiled.pipeline.slice(1)).toEqual([
      { $addFields: { 'listql-null-name': nullFlag('name') } },
      { $sort: { 'listql-null-name': 1, name: 1, _id: 1 } },
      { $skip: 40 },
      { $limit: 20 },
      { $project: { _id: 0, id: '$_id' } },
    ]);
    expect(compiled.find).toBeUndefined();
  });

  it('flags only the ascending nullable keys, in key order', () => {
    const compiled = compile('sort=qualifiedAt:desc,email:asc,status:asc,value:asc&fields=id');
    expect(compiled.pipeline[1]).toEqual({
      $addFields: {
        'listql-null-email': nullFlag('email'),
        'listql-null-value': nullFlag('value'),
      },
    });
    const sort = compiled.pipeline[2]!['$sort'] as Record<string, number>;
    expect(Object.entries(sort)).toEqual([
      ['qualifiedAt', -1],
      ['listql-null-email', 1],
      ['email', 1],
      ['status', 1],
      ['listql-null-value', 1],
      ['value', 1],
      ['_id', 1],
    ]);
  });

  it('the default sort (createdAt desc, id desc) needs no flag', () => {
    const compiled = compile('');
    expect(compiled.find?.sort).toEqual({ createdAt: -1, _id: -1 });
    expect(compiled.pipeline.map((stage) => Object.keys(stage)[0])).toEqual([
      '$match',
      '$sort',
      '$limit',
      '$project',
    ]);
    expect(compiled.pipeline[0]).toEqual({ $match: {} });
  });

  it('selects every selectable field for fields=all, non-nullable ones without $ifNull', () => {
    const projection = compile('').pipeline.at(-1)!['$project'] as Record<string, unknown>;
    expect(Object.keys(projection)).toEqual(['_id', ...leads.selectable]);
    expect(projection['status']).toBe('$status');
    expect(projection['createdAt']).toBe('$createdAt');
    expect(projection['qualifiedAt']).toEqual(nullable('qualifiedAt'));
  });
});

describe('compileMongo: keyset pages', () => {
  it('matches the filter and the keyset chain, skips nothing, and counts the filter alone', () => {
    const base = parseListQuery(leads, 'status=won&limit=20&fields=id');
    const after = ['2026-03-01T10:00:00.000Z', 'lead_42'];
    const compiled = compileMongo(leads, { ...base, after, page: { limit: 20, page: 4 } });
    const status = { status: { $eq: 'won' } };
    const at = new Date('2026-03-01T10:00:00.000Z');
    const keyset = {
      $or: [
        { createdAt: { $lt: at } },
        { $and: [{ createdAt: { $eq: at } }, { _id: { $lt: 'lead_42' } }] },
      ],
    };
    expect(compiled.pipeline[0]).toEqual({ $match: { $and: [status, keyset] } });
    expect(compiled.pipeline.some((stage) => '$skip' in stage)).toBe(false);
    expect(compiled.countPipeline).toEqual([{ $match: status }, { $count: 'total' }]);
    expect(compiled.filter).toEqual(status);
    expect(compiled.find).toMatchObject({ filter: { $and: [status, keyset] }, skip: 0, limit: 20 });
  });
});

describe('compileMongo: options and odd queries', () => {
  it('idColumn keeps MongoDB _id apart and still excludes it', () => {
    const query = parseListQuery(leads, 'sort=value:desc&fields=id,value');
    const compiled = compileMongo(leads, query, { idColumn: 'leadId' });
    expect(compiled.pipeline.slice(1)).toEqual([
      { $sort: { value: -1, leadId: -1 } },
      { $limit: 50 },
      { $project: { _id: 0, id: '$leadId', value: nullable('value') } },
    ]);
  });

  it('a field called _id is selected rather than excluded', () => {
    const odd = defineResource({
      name: 'odd',
      id: '_id',
      fields: { _id: { type: 'string' }, label: { type: 'string', sortable: true } },
    });
    const compiled = compileMongo(odd, parseListQuery(odd, 'sort=label'));
    expect(compiled.pipeline.at(-1)).toEqual({ $project: { _id: '$_id', label: '$label' } });
  });

  it('an empty sort adds no $sort stage; repeated keys count once', () => {
    const base: ListQuery<LeadField> = {
      filter: eq('status', 'won'),
      sort: [],
      select: ['id'],
      page: { limit: 10, page: 1 },
      after: null,
      count: 'exact',
    };
    expect(compileMongo(leads, base).pipeline.map((s) => Object.keys(s)[0])).toEqual([
      '$match',
      '$limit',
      '$project',
    ]);
    const repeated = compileMongo(leads, {
      ...base,
      sort: [
        { field: 'value', direction: 'desc' },
        { field: 'value', direction: 'asc' },
        { field: 'id', direction: 'asc' },
      ],
    });
    expect(repeated.find?.sort).toEqual({ value: -1, _id: 1 });
  });

  it('refuses impossible pages and unselectable fields', () => {
    const base: ListQuery<LeadField> = {
      filter: eq('status', 'won'),
      sort: [],
      select: 'all',
      page: { limit: 10, page: 1 },
      after: null,
      count: 'exact',
    };
    expect(() => compileMongo(leads, { ...base, page: { limit: 0, page: 1 } })).toThrow(/limit/);
    expect(() => compileMongo(leads, { ...base, page: { limit: 10, page: 0 } })).toThrow(/page/);
    expect(() => compileMongo(leads, { ...base, page: { limit: 100, page: 2 ** 52 } })).toThrow(
      /too large/,
    );
    const hidden = defineResource({
      name: 'hidden',
      fields: { id: { type: 'string' }, secret: { type: 'string', selectable: false } },
    });
    const hiddenQuery = parseListQuery(hidden, '');
    expect(() => compileMongo(hidden, { ...hiddenQuery, select: ['id', 'secret'] })).toThrow(
      /'secret' is not selectable/,
    );
  });
});

describe('listql/mongo imports mongodb for types only', () => {
  it('has no runtime import of mongodb (an optional peer dependency)', () => {
    const dir = join(import.meta.dirname, '../../../../src/backends/mongo');
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const name of files) {
      const source = readFileSync(join(dir, name), 'utf8');
      const imports = source.match(/^import .* from ['"]mongodb['"];$/gm) ?? [];
      for (const line of imports) expect(line).toMatch(/^import type /);
      expect(source).not.toMatch(/require\(|import\(['"]mongodb/);
    }
  });
});
