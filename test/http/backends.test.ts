/**
 * The ready-made backends behind ListBackend: memory, Kysely (SQLite in
 * memory, a real database) and MongoDB (a driver-shaped collection answered by
 * mingo, an independent implementation of MongoDB's query language). Each
 * gives the in-memory reference's answer through handleListRequest.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Aggregator } from 'mingo/aggregator';
import { Context } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import type { AggregateOptions, Document } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import { createTable, insertRows } from '../../src/backends/kysely/index.js';
import { runInMemory } from '../../src/backends/memory/index.js';
import {
  handleListRequest,
  kyselyBackend,
  type ListBackend,
  memoryBackend,
  mongoBackend,
  type SuccessEnvelope,
} from '../../src/http/index.js';
import { type LeadField, leads, parseListQuery, snakeCase, withColumns } from '../../src/index.js';

const rows = generateLeads(400, 5);
const snake = withColumns(leads, snakeCase);
/** Rows as stored by the snake_case resource: keyed by column. */
const storedRows = rows.map((row) =>
  Object.fromEntries(snake.fieldList.map((f) => [f.column, row[f.name as keyof typeof row]])),
);

/**
 * Queries whose order is fully determined without nulls-last or code-point
 * subtleties (mingo's own $sort differs from MongoDB's there; the Mongo
 * backend's suite covers those with a corrected engine).
 */
const QUERIES = [
  'status=won&value[gte]=100&fields=id,name,value,createdAt&sort=createdAt:desc',
  'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
  'search=john&source=gtm,wordpress&limit=20&page=2',
  'updated_after=2025-06-15T10:00:00Z&sort=updated_at:asc&limit=10',
  'labelId=label_2,label_5&fields=id,labelId,ad_storage,qualifiedAt&page=3&limit=7',
];

function mingoCollection(documents: readonly Document[]) {
  const context = Context.init({
    accumulator: accumulatorOperators,
    expression: expressionOperators,
    pipeline: pipelineOperators,
    projection: projectionOperators,
    query: queryOperators,
  });
  return {
    aggregate(pipeline: Document[], options?: AggregateOptions) {
      // The backend must ask for binary string comparison.
      expect(options?.collation).toEqual({ locale: 'simple' });
      const result = new Aggregator(pipeline, { context }).run([...documents]);
      return { toArray: async () => result as Document[] };
    },
  };
}

const sqlite = new Kysely<Record<string, never>>({
  dialect: new SqliteDialect({ database: new Database(':memory:') }),
});

afterAll(async () => {
  await sqlite.destroy();
});

async function bodyOf(backend: ListBackend<LeadField>, query: string): Promise<SuccessEnvelope> {
  const response = await handleListRequest({ resource: snake, backend, query });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as SuccessEnvelope;
}

describe('ready-made backends answer like the in-memory reference', async () => {
  await createTable(sqlite, snake, { table: 'leads' });
  await insertRows(sqlite, snake, rows, { table: 'leads' });
  const documents = storedRows.map(({ id, ...rest }) => ({
    _id: id,
    ...Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [
        key,
        /_at$/.test(key) && typeof value === 'string' ? new Date(value) : value,
      ]),
    ),
  }));
  const backends: [string, ListBackend<LeadField>][] = [
    ['memory', memoryBackend(snake, storedRows)],
    ['kysely (sqlite)', kyselyBackend(sqlite, snake, { table: 'leads' })],
    ['mongo (mingo)', mongoBackend(mingoCollection(documents), snake)],
  ];
  for (const [name, backend] of backends) {
    it(name, async () => {
      for (const query of QUERIES) {
        const expected = runInMemory(snake, parseListQuery(snake, query), storedRows);
        const body = await bodyOf(backend, query);
        expect(body.data, `${name}: ${query}`).toEqual(expected.data);
        expect(body.meta.pagination.total).toBe(expected.total);
        expect(expected.total).toBeGreaterThan(0);
      }
    });
  }

  it('the mongo backend returns dates as ISO strings, not Date objects', async () => {
    const body = await bodyOf(
      mongoBackend(mingoCollection(documents), snake),
      'fields=id,createdAt&limit=3',
    );
    for (const row of body.data) expect(typeof row['createdAt']).toBe('string');
  });
});
