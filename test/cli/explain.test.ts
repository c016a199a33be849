/**
 * `listql explain`: the AST, the SQL and the MongoDB query it prints are the
 * real ones. The printed SQL, run with the printed parameters on SQLite and
 * PGlite, returns the in-memory reference's rows; invalid input prints the
 * error envelope and exits 2.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { Kysely, PGliteDialect, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import type { ListQuery } from '../../src/ast/index.js';
import {
  createRelatedTables,
  createTable,
  insertRows,
  runListQuery,
} from '../../src/backends/kysely/index.js';
import { runInMemory } from '../../src/backends/memory/index.js';
import { compileMongo } from '../../src/backends/mongo/index.js';
import {
  CLI_USAGE,
  type ExplainDialect,
  explain,
  PAGE_KEYS,
  queryTextOf,
  runCli,
} from '../../src/cli/index.js';
import { relatedRows } from '../../src/demo/synthetic-relations.js';
import {
  defineResource,
  labeledLeads,
  leads,
  parseListQuery,
  type Resource,
} from '../../src/index.js';
import { openLeads } from '../support/open-leads.js';

const rows = generateLeads(500, 17);
const QUERIES = [
  'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
  'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
  'search=john&source=gtm,wordpress&limit=20&page=2',
  'updated_after=2025-03-15T10:00:00Z&sort=updated_at:asc&fields=id,updatedAt,ad_storage',
  'qualifiedAt[lte]=2025-06-30&sort=qualifiedAt:asc,name:desc&limit=7',
];

/** Queries with boolean groups, explained with `--groups` (the leads preset refuses them). */
const GROUPED_QUERIES = [
  'status=won,lost&or=(value[gte]=100;and(gclid[exists]=true;not(source=import)))&fields=id,value',
  'and=(not(or(status=won;value[lt]=50));createdAt[gte]=2025-01-01)&sort=value:desc&limit=9',
];
const groupedLeads = defineResource({ ...leads.definition, groups: true });

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** Splits `--target sql` output into its page and count statements with parameters. */
function statements(text: string) {
  const parts = [...text.matchAll(/-- (page|count)\n([\s\S]*?);\n-- parameters: (.*)/g)];
  expect(parts.map((p) => p[1])).toEqual(['page', 'count']);
  return parts.map((p) => ({ sql: p[2]!, parameters: JSON.parse(p[3]!) as unknown[] }));
}

function reference(query: string, grouped: boolean) {
  const resource = (grouped ? groupedLeads : leads) as unknown as Resource;
  return runInMemory(
    resource,
    parseListQuery(resource, query),
    rows as unknown as Record<string, unknown>[],
  );
}

describe('explain --target ast', () => {
  it('prints the parsed AST', async () => {
    for (const query of QUERIES) {
      const { status, out } = await cli(['explain', query, '--target', 'ast']);
      expect(status).toBe(0);
      expect(JSON.parse(out)).toEqual(parseListQuery(leads, query));
    }
  });

  it('with --groups, reads boolean groups, which leads alone refuses', async () => {
    for (const query of GROUPED_QUERIES) {
      const { status, out } = await cli(['explain', query, '--target', 'ast', '--groups']);
      expect(status).toBe(0);
      expect(JSON.parse(out)).toEqual(parseListQuery(groupedLeads, query));
      const refused = await cli(['explain', query, '--target', 'ast']);
      expect(refused.status).toBe(2);
      expect(refused.err).toMatch(/Unknown filter field '(or|and)'/);
    }
  });

  it('takes a bare query string, one with ?, or a URL or path', () => {
    for (const input of [
      '?status=won',
      '/leads?status=won',
      'https://api.example.com/leads?status=won#top',
    ]) {
      expect(queryTextOf(input)).toBe('status=won');
    }
    expect(queryTextOf('/leads')).toBe('');
    expect(queryTextOf('search=what?')).toBe('search=what?');
  });
});

describe('explain --target sql runs as printed', () => {
  const sqlite = new Kysely<Record<string, never>>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  const pglite = new Kysely<Record<string, never>>({
    dialect: new PGliteDialect({ pglite: () => PGlite.create() }),
  });
  const databases: [ExplainDialect, Kysely<Record<string, never>>][] = [
    ['sqlite', sqlite],
    ['postgres', pglite],
  ];

  beforeAll(async () => {
    for (const [, db] of databases) {
      await createTable(db, leads, { table: 'explained' });
      await insertRows(db, leads, rows, { table: 'explained' });
    }
  });
  afterAll(async () => {
    await Promise.all(databases.map(([, db]) => db.destroy()));
  });

  for (const [dialect, db] of databases) {
    it(dialect, async () => {
      const cases = [
        ...QUERIES.map((query) => ({ query, grouped: false })),
        ...GROUPED_QUERIES.map((query) => ({ query, grouped: true })),
      ];
      for (const { query, grouped } of cases) {
        const { status, out } = await cli([
          'explain',
          query,
          '--dialect',
          dialect,
          '--target',
          'sql',
          '--table',
          'explained',
          ...(grouped ? ['--groups'] : []),
        ]);
        expect(status).toBe(0);
        const [page, count] = statements(out);
        const expected = reference(query, grouped);
        const pageRows = await db.executeQuery<Record<string, unknown>>({
          sql: page!.sql,
          parameters: page!.parameters,
          query: { kind: 'RawNode' } as never,
          queryId: { queryId: 'explain' } as never,
        });
        expect(pageRows.rows.map((r) => r['id'])).toEqual(expected.data.map((r) => r['id']));
        const counted = await db.executeQuery<{ total: unknown }>({
          sql: count!.sql,
          parameters: count!.parameters,
          query: { kind: 'RawNode' } as never,
          queryId: { queryId: 'explain-count' } as never,
        });
        expect(Number(counted.rows[0]!.total)).toBe(expected.total);
      }
    });
  }

  it(`explains the opt-in forms, and the SQL it prints returns the reference's rows`, async () => {
    const queries = [
      'status[nin]=won,lost&name[startsWith]=jo&sort=name&limit=20',
      'email[endsWith]=.com&labelId[ne]=lbl_1&search=a%20o&sort=email:desc,value',
      'name[contains]=%25_&status[ne]=open&sort=name:desc&limit=5',
    ];
    for (const [dialect, db] of databases) {
      for (const query of queries) {
        const explained = await explain(openLeads, query, {
          dialect,
          target: 'sql',
          table: 'explained',
        });
        if (!explained.ok) expect.fail(JSON.stringify(explained.envelope));
        const [page] = statements(explained.text);
        expect(page!.sql).toMatch(/ not \(| like /);
        const expected = runInMemory(
          openLeads as unknown as Resource,
          parseListQuery(openLeads, query),
          rows as unknown as Record<string, unknown>[],
        );
        const pageRows = await db.executeQuery<Record<string, unknown>>({
          sql: page!.sql,
          parameters: page!.parameters,
          query: { kind: 'RawNode' } as never,
          queryId: { queryId: 'explain-open' } as never,
        });
        expect(pageRows.rows.map((r) => r['id'])).toEqual(expected.data.map((r) => r['id']));
      }
    }
    const all = await explain(openLeads, 'status[ne]=won&name[startsWith]=Ac&sort=name', {
      dialect: 'postgres',
      target: 'all',
      table: 'leads',
    });
    if (!all.ok) expect.fail(JSON.stringify(all.envelope));
    expect(all.text).toMatch(/"kind": ?"text"/);
    expect(all.text).toContain('$nor');
    expect(all.text).toContain('listql-fold-name');
    expect(all.text).toContain('lower("name" collate "C") collate "C"');
  });

  it('quotes identifiers per dialect and binds every value as a parameter', async () => {
    const query = "status=won&search=o'brien";
    const mysql = statements(
      (await cli(['explain', query, '--dialect', 'mysql', '--target', 'sql'])).out,
    );
    expect(mysql[0]!.sql).toContain('from `leads`');
    expect(mysql[0]!.sql).not.toContain("o'brien");
    expect(mysql[0]!.parameters).toContain('won');
    const pg = statements((await cli(['explain', query, '--target', 'sql'])).out);
    expect(pg[0]!.sql).toContain('from "leads"');
    expect(pg[0]!.sql).toMatch(/\$1/);
  });
});

describe('explain --target mongo', () => {
  it('prints the filter and pipelines of compileMongo, dates as $date', async () => {
    const query = 'createdAt[gte]=2026-01-01&status=won,lost&sort=qualifiedAt:asc';
    const { status, out } = await cli(['explain', query, '--target', 'mongo']);
    expect(status).toBe(0);
    const printed = JSON.parse(out);
    const compiled = compileMongo(leads, parseListQuery(leads, query));
    const asExtendedJson = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
          return this[key] instanceof Date ? { $date: (this[key] as Date).toISOString() } : v;
        }),
      );
    expect(printed).toEqual(
      asExtendedJson({
        filter: compiled.filter,
        pipeline: compiled.pipeline,
        countPipeline: compiled.countPipeline,
        collation: compiled.collation,
      }),
    );
    expect(out).toContain('"$date": "2026-01-01T00:00:00.000Z"');
  });
});

describe('explain --target all', () => {
  it('prints every section under a heading', async () => {
    const { status, out } = await cli(['explain', 'status=won', '--dialect', 'sqlite']);
    expect(status).toBe(0);
    expect(out.match(/^# .*/gm)).toEqual(['# AST', '# SQL (sqlite)', '# MongoDB']);
    const direct = await explain(leads, 'status=won', {
      dialect: 'sqlite',
      target: 'all',
      table: 'leads',
    });
    expect(direct).toEqual({ ok: true, text: out });
  });
});

describe('invalid input', () => {
  it('prints the error envelope on stderr and exits 2', async () => {
    const { status, out, err } = await cli(['explain', 'value[gte]=abc&limit=0&foo=1']);
    expect(status).toBe(2);
    expect(out).toBe('');
    const envelope = JSON.parse(err);
    expect(envelope).toMatchObject({
      success: false,
      error: { code: 'INVALID_FILTER', message: "value[gte] must be a number, got 'abc'" },
    });
    expect(envelope.error.details.issues.map((i: { param: string }) => i.param)).toEqual([
      'value[gte]',
      'limit',
      'foo',
    ]);
    expect(envelope.meta.requestId).toMatch(/^req_[0-9a-f]{12}$/);
  });

  const usage: [string[], RegExp][] = [
    [[], /no command given/],
    [['show', 'a=1'], /unknown command 'show'/],
    [['explain'], /exactly one query string/],
    [['explain', 'a=1', 'b=2'], /exactly one query string/],
    [['explain', 'a=1', '--dialect', 'oracle'], /--dialect must be one of postgres, mysql, sqlite/],
    [['explain', 'a=1', '--target', 'sqlx'], /--target must be one of ast, sql, mongo, all/],
    [['explain', 'a=1', '--table', 'leads; drop table x'], /--table must be a plain name/],
    [['explain', 'a=1', '--verbose'], /Unknown option '--verbose'/],
  ];
  for (const [argv, message] of usage) {
    it(`usage error: ${argv.join(' ') || '(nothing)'}`, async () => {
      const { status, err } = await cli(argv);
      expect(status).toBe(2);
      expect(err).toMatch(message);
      expect(err).toContain(CLI_USAGE);
    });
  }

  it('--help and help print the usage and exit 0', async () => {
    for (const argv of [['--help'], ['help'], ['explain', '--help']]) {
      expect(await cli(argv)).toEqual({ status: 0, out: CLI_USAGE, err: '' });
    }
  });
});

describe('src/cli/main.ts', () => {
  const run = promisify(execFile);
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

  it('is an executable script over runCli', () => {
    expect(readFileSync('src/cli/main.ts', 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('exits 2 with the envelope for an invalid query, 0 with output for a valid one', async () => {
    const failure = await run(tsx, [
      'src/cli/main.ts',
      'explain',
      'createdAt[gte]=2026-02-30',
    ]).then(
      () => ({ code: 0, stderr: '', stdout: '' }),
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure.code).toBe(2);
    expect(failure.stdout).toBe('');
    expect(JSON.parse(failure.stderr).error.code).toBe('INVALID_DATE');
    const success = await run(tsx, ['src/cli/main.ts', 'explain', 'status=won', '--target', 'ast']);
    expect(JSON.parse(success.stdout)).toEqual(parseListQuery(leads, 'status=won'));
  });
});

describe('explain --resource labeled-leads: relations', () => {
  const query = 'label.name=VIP&tags.name=vip&sort=label.name:desc&fields=id,label.name,tags.name';

  it('prints the AST with the to-one path leaf and the some node', async () => {
    const { status, out } = await cli([
      'explain',
      query,
      '--resource',
      'labeled-leads',
      '--target',
      'ast',
    ]);
    expect(status).toBe(0);
    const ast = JSON.parse(out);
    expect(ast).toEqual(JSON.parse(JSON.stringify(parseListQuery(labeledLeads, query))));
    expect(ast.filter.children).toEqual([
      { kind: 'comparison', field: 'label.name', op: 'eq', value: 'VIP' },
      {
        kind: 'some',
        relation: 'tags',
        filter: { kind: 'comparison', field: 'name', op: 'eq', value: 'vip' },
      },
    ]);
    // The leads themselves know no relation.
    const refused = await cli(['explain', query, '--target', 'ast']);
    expect(refused.status).toBe(2);
  });

  it('prints the MongoDB pipeline with a $lookup per relation', async () => {
    const { status, out } = await cli([
      'explain',
      query,
      '--resource',
      'labeled-leads',
      '--target',
      'mongo',
    ]);
    expect(status).toBe(0);
    const printed = JSON.parse(out) as { pipeline: Record<string, { from?: string }>[] };
    const from = printed.pipeline.flatMap((stage) =>
      stage['$lookup'] ? [stage['$lookup'].from] : [],
    );
    expect(from).toEqual(expect.arrayContaining(['labels', 'lead_tags']));
    const loose = labeledLeads as unknown as Resource;
    const compiled = compileMongo(loose, parseListQuery(labeledLeads, query) as ListQuery);
    expect(printed.pipeline).toEqual(JSON.parse(JSON.stringify(compiled.pipeline)));
  });

  it('refuses an unknown resource and --groups with labeled-leads', async () => {
    const unknown = await cli(['explain', 'limit=1', '--resource', 'people']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('--resource must be one of leads, labeled-leads');
    const both = await cli(['explain', 'limit=1', '--resource', 'labeled-leads', '--groups']);
    expect(both.status).toBe(2);
    expect(both.err).toContain('has boolean groups already');
  });
});

/** Runs a printed statement as it is, its parameters bound. */
async function runPrinted(
  db: Kysely<Record<string, never>>,
  statement: { sql: string; parameters: unknown[] },
): Promise<Record<string, unknown>[]> {
  const result = await db.executeQuery<Record<string, unknown>>({
    sql: statement.sql,
    parameters: statement.parameters,
    query: { kind: 'RawNode' } as never,
    queryId: { queryId: 'explain-printed' } as never,
  });
  return [...result.rows];
}

describe('explain --resource labeled-leads --target sql runs as printed', () => {
  const db = new Kysely<Record<string, never>>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  const loose = labeledLeads as unknown as Resource;
  const queries = [
    'label.name=VIP&tags.name=vip,hot&sort=label.priority:desc&fields=id,name,label.name,tags.name',
    'sort=label.name:asc,createdAt:desc&fields=id,label.color,notes.body&limit=30',
    'and=(not(tags.name=vip))&label.priority[gte]=5&fields=id&limit=40',
  ];

  beforeAll(async () => {
    const related = relatedRows(rows as never, 1);
    await createTable(db, labeledLeads, { table: 'explained_leads' });
    await insertRows(db, labeledLeads, rows, { table: 'explained_leads' });
    await createRelatedTables(db, labeledLeads);
    const rel = (name: string) => labeledLeads.relations.get(name)!;
    await insertRows(db, rel('label').target, related.labels, { table: 'labels' });
    await insertRows(db, rel('tags').target, related.tags, { table: 'tags' });
    await insertRows(db, rel('notes').target, related.notes, { table: 'notes' });
    await (db as unknown as Kysely<Record<string, Record<string, string>>>)
      .insertInto('lead_tags')
      .values(related.leadTags.map((row) => ({ ...row })))
      .execute();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('a LEFT JOIN for to-one, EXISTS for to-many, one batched query per to-many embed', async () => {
    const { status, out } = await cli([
      'explain',
      queries[1]!,
      '--resource',
      'labeled-leads',
      '--target',
      'sql',
      '--dialect',
      'sqlite',
      '--table',
      'explained_leads',
    ]);
    expect(status).toBe(0);
    expect(out).toContain('left join "labels" as "label"');
    expect(out).toMatch(/-- embed notes \(one query for the whole page\)\nselect .*dense_rank\(\)/);
    expect(out).toContain(PAGE_KEYS);
    const filtered = await explain(loose, queries[2]!, {
      dialect: 'sqlite',
      target: 'sql',
      table: 'explained_leads',
    });
    if (!filtered.ok) expect.fail(JSON.stringify(filtered.envelope));
    expect(filtered.text).toContain('not (exists (select 1 from "lead_tags"');
  });

  it("the printed page and count return the backend's ids and total", async () => {
    for (const query of queries) {
      const explained = await explain(loose, query, {
        dialect: 'sqlite',
        target: 'sql',
        table: 'explained_leads',
      });
      if (!explained.ok) expect.fail(JSON.stringify(explained.envelope));
      const [page, count] = statements(explained.text);
      const parsed = parseListQuery(labeledLeads, query) as ListQuery;
      const expected = await runListQuery(db, loose, parsed, { table: 'explained_leads' });
      const pageRows = await runPrinted(db, page!);
      expect(expected.data.length, query).toBeGreaterThan(0);
      expect(pageRows.map((r) => r['id'])).toEqual(expected.data.map((r) => r['id']));
      const counted = await runPrinted(db, count!);
      expect(Number(counted[0]!['total'])).toBe(expected.total);
    }
  });
});
