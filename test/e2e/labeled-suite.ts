/**
 * `GET /labeled-leads` end to end on one demo backend, over real HTTP
 * (docs/relations.md's worked example): relation filters, sorts, embeds with
 * `@more`, soft-deleted tags, groups and a cursor walk by a to-one sort key.
 * Expected answers come from the in-memory reference backend over the same
 * generated leads and relations, never from the server under test.
 */
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../../src/ast/index.js';
import { runInMemory } from '../../src/backends/memory/index.js';
import type { RunningDemo } from '../../src/demo/index.js';
import { relatedRows } from '../../src/demo/synthetic-relations.js';
import type { ListEnvelope, SuccessEnvelope } from '../../src/http/index.js';
import { labeledLeads, parseListQuery, type Resource } from '../../src/index.js';
import { API_KEY, ROWS, referenceRows, SEED } from './demo-suite.js';

/** Rows keyed by field name → keyed by storage column, as the memory backend reads them. */
function stored(resource: Resource, rows: readonly Record<string, unknown>[]) {
  return rows.map((row) =>
    Object.fromEntries(resource.fieldList.map((field) => [field.column, row[field.name] ?? null])),
  );
}

/** The query types of a resource with relations carry its paths; the reference runs it untyped. */
const loose = labeledLeads as unknown as Resource;
const relation = (name: string) => labeledLeads.relations.get(name)!;
let memo: Record<string, readonly object[]> | undefined;
/** The related tables of the reference leads (built on first use: demo-suite.ts imports this module). */
function tables(): Record<string, readonly object[]> {
  if (memo !== undefined) return memo;
  const related = relatedRows(referenceRows as never, SEED);
  memo = {
    labels: stored(relation('label').target, related.labels),
    tags: stored(relation('tags').target, related.tags),
    lead_tags: related.leadTags,
    notes: stored(relation('notes').target, related.notes),
  };
  return memo;
}

/** The reference answer of `GET /labeled-leads?query`. */
export function labeledReference(query: string) {
  return runInMemory(loose, parseListQuery(labeledLeads, query) as ListQuery, referenceRows, {
    related: tables(),
  });
}

async function labeled(demo: RunningDemo, query: string): Promise<SuccessEnvelope> {
  const response = await fetch(`${demo.url}/labeled-leads?${query}`, {
    headers: { 'x-api-key': API_KEY },
  });
  const body = (await response.json()) as ListEnvelope;
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(200);
  return body as SuccessEnvelope;
}

/** The worked example's queries and the edges of the semantics. */
export const LABELED_QUERIES = [
  'label.name=VIP&fields=id,name,label.name,label.color',
  'tags.name=vip,hot&sort=label.priority:desc&fields=id,name,label.name,tags.name',
  'sort=label.name:asc,createdAt:desc&fields=id,label.name&limit=40',
  'sort=label.priority:desc&fields=id,label.priority,label.name&limit=40&page=20',
  'label.color[exists]=false&fields=id,labelId,label.color&limit=40',
  'label.name[ne]=VIP&label.priority[gte]=5&fields=id,label.name,label.priority',
  'notes.pinned=true&fields=id,notes.body,notes.createdAt,notes.pinned',
  'and=(tags.name=vip;tags.id=tag_1)&fields=id,tags.id,tags.name',
  'and=(not(tags.name=vip))&fields=id,tags.name&limit=30',
  'or=(label.name=VIP;tags.name=enterprise)&status=won,lost&fields=id,status,label.name,tags.name',
  'search=john&fields=id,name,tags.name,notes.body&sort=name:asc',
];

/** The suite for one backend; `demo` is the running demo of the enclosing suite. */
export function labeledSuite(demo: () => RunningDemo): void {
  describe('GET /labeled-leads', () => {
    it.each(LABELED_QUERIES)('%s', async (query) => {
      const body = await labeled(demo(), query);
      const expected = labeledReference(query);
      expect(expected.data.length, 'the reference finds rows').toBeGreaterThan(0);
      expect(body.data).toEqual(expected.data);
      expect(body.meta.pagination.total).toBe(expected.total);
    });

    it('embeds: label object or null, tags array with @more, notes capped at 5 with @more true', async () => {
      const body = await labeled(demo(), 'fields=id,label.name,notes.id&limit=100');
      const rows = body.data as Record<string, unknown>[];
      expect(rows.some((row) => row['label'] === null)).toBe(true);
      expect(rows.some((row) => row['label'] !== null)).toBe(true);
      for (const row of rows) {
        expect(Object.keys(row)).toEqual(['id', 'label', 'notes', 'notes@more']);
        expect((row['notes'] as unknown[]).length).toBeLessThanOrEqual(5);
      }
      expect(rows.some((row) => row['notes@more'] === true)).toBe(true);
    });

    it('soft-deleted tags never match and never embed', async () => {
      const spam = await labeled(demo(), 'tags.name=spam,legacy');
      expect(spam.meta.pagination.total).toBe(0);
      const all = await labeled(demo(), `fields=id,tags.name&limit=100`);
      const names = all.data.flatMap((row) =>
        (row['tags'] as { name: string }[]).map((t) => t.name),
      );
      expect(names.length).toBeGreaterThan(0);
      expect(names).not.toContain('spam');
      expect(names).not.toContain('legacy');
    });

    it('a cursor walk sorted by label.name returns every match once, the sort key hidden', async () => {
      const filter = 'status=won,lost&sort=label.name:asc&limit=100&fields=id,name&count=none';
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? filter : `${filter}&cursor=${cursor}`;
        const body = await labeled(demo(), query);
        for (const row of body.data) expect(Object.keys(row)).toEqual(['id', 'name']);
        seen.push(...body.data.map((row) => row['id'] as string));
        cursor = body.meta.pagination.nextCursor;
      } while (cursor !== null);
      const everything = labeledReference(
        `status=won,lost&sort=label.name:asc&fields=id&limit=100`,
      );
      const all = runInMemory(
        loose,
        {
          ...(parseListQuery(
            labeledLeads,
            'status=won,lost&sort=label.name:asc&fields=id',
          ) as ListQuery),
          page: { limit: ROWS, page: 1 },
        },
        referenceRows,
        { related: tables() },
      );
      expect(everything.total).toBe(all.data.length);
      expect(seen).toEqual(all.data.map((row) => row['id']));
    });

    it('names the path in an error', async () => {
      const response = await fetch(`${demo().url}/labeled-leads?label.nmae=x`, {
        headers: { 'x-api-key': API_KEY },
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(
        "Unknown field 'nmae' on relation 'label'",
      );
    });

    it('serves its OpenAPI document without a key', async () => {
      const response = await fetch(`${demo().url}/openapi/labeled-leads.json`);
      expect(response.status).toBe(200);
      const document = (await response.json()) as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths)).toEqual(['/labeled-leads']);
    });
  });
}
