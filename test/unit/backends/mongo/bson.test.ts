/**
 * The compiled documents are valid for the driver: they survive the
 * `mongodb` package's own BSON serializer unchanged (dates stay dates), and
 * every key in them is either an operator this backend writes or a name from
 * the resource — never anything from a query's values.
 */
import fc from 'fast-check';
import { BSON } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { compileMongo, type MongoQuery } from '../../../../src/backends/mongo/index.js';
import {
  type LeadField,
  type ListQuery,
  leads,
  parseListQuery,
  withColumns,
} from '../../../../src/index.js';
import { filterTreeArbitrary, listQueryArbitrary } from '../../../../src/testing/index.js';
import { propertyParams } from '../../../support/property.js';

const OPERATORS = new Set([
  '$match',
  '$addFields',
  '$sort',
  '$skip',
  '$limit',
  '$project',
  '$count',
  '$and',
  '$or',
  '$nor',
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$regex',
  '$cond',
  '$ifNull',
]);

const snake = withColumns(leads, (field) => `c_${field}`);

function allowedNames(): Set<string> {
  const names = new Set<string>(['_id', 'total']);
  for (const field of snake.fieldList) {
    names.add(field.name);
    names.add(field.column);
    names.add(`listql-null-${field.column}`);
  }
  return names;
}
const NAMES = allowedNames();

/** Walks a document, checking keys and leaf types; returns the problems found. */
function audit(value: unknown, path: string, problems: string[]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) audit(item, `${path}[${i}]`, problems);
    return;
  }
  if (value instanceof Date) return;
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const ok = key.startsWith('$') ? OPERATORS.has(key) : NAMES.has(key);
      if (!ok) problems.push(`unexpected key '${key}' at ${path}`);
      audit(child, `${path}.${key}`, problems);
    }
    return;
  }
  const type = typeof value;
  if (!(value === null || type === 'string' || type === 'number' || type === 'boolean')) {
    problems.push(`unexpected ${type} at ${path}`);
  }
}

function documentsOf(compiled: MongoQuery) {
  return {
    filter: compiled.filter,
    pipeline: compiled.pipeline,
    countPipeline: compiled.countPipeline,
    find: compiled.find ?? null,
    collation: compiled.collation,
  };
}

function roundTrip(documents: object): unknown {
  return BSON.deserialize(BSON.serialize(documents));
}

describe('compiled documents and the BSON serializer', () => {
  it('the spec examples serialize and deserialize unchanged', () => {
    for (const query of [
      'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
      'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
      'search=(a%2B)%2B%24&source=gtm,wordpress&limit=20&page=3&sort=name',
      'updated_after=2024-01-15T10:00:00Z&sort=updated_at:asc',
    ]) {
      const documents = documentsOf(compileMongo(leads, parseListQuery(leads, query)));
      const back = roundTrip(documents) as typeof documents;
      expect(back).toEqual(documents);
    }
  });

  it('a day filter reaches BSON as dates, not strings', () => {
    const { filter } = compileMongo(leads, parseListQuery(leads, 'createdAt=2026-01-31'));
    const back = roundTrip({ filter }) as { filter: { createdAt: Record<string, unknown> } };
    expect(back.filter.createdAt['$gte']).toBeInstanceOf(Date);
    expect(back.filter.createdAt['$lt']).toEqual(new Date('2026-02-01T00:00:00.000Z'));
  });

  it('every generated query and filter tree: valid BSON, only known keys, only scalar leaves', () => {
    const queries = fc.oneof(
      listQueryArbitrary(snake),
      fc
        .tuple(listQueryArbitrary(snake), filterTreeArbitrary(snake))
        .map(([query, filter]): ListQuery<LeadField> => ({ ...query, filter })),
    );
    fc.assert(
      fc.property(queries, (query) => {
        const documents = documentsOf(compileMongo(snake, query));
        expect(roundTrip(documents)).toEqual(documents);
        const problems: string[] = [];
        const { find } = documents;
        audit(documents.filter, 'filter', problems);
        audit(documents.pipeline, 'pipeline', problems);
        audit(documents.countPipeline, 'countPipeline', problems);
        if (find)
          for (const part of ['filter', 'sort', 'projection'] as const)
            audit(find[part], part, problems);
        expect(problems).toEqual([]);
      }),
      propertyParams(300),
    );
  });
});
