/**
 * The shape cache of runListQuery: queries that differ only in values reuse
 * the SQL text and bind their own parameters; any difference in structure
 * (an operator, a list's length, a day against an instant, a cursor) is a
 * different shape; results are the same with and without it; it is bounded.
 */
import Database from 'better-sqlite3';
import {
  Kysely,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SqlBool,
  SqliteDialect,
  sql,
  type UnknownRow,
  type ValueNode,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../../bench/support/synthetic-leads.js';
import { BoundedCache } from '../../../src/backends/kysely/bounded-cache.js';
import { pageQuery, verifyShapeCache } from '../../../src/backends/kysely/cached-queries.js';
import { keyed } from '../../../src/backends/kysely/condition.js';
import { sqliteDialect } from '../../../src/backends/kysely/dialects/sqlite.js';
import {
  createTable,
  insertRows,
  runListQuery,
  sqliteStatementCache,
} from '../../../src/backends/kysely/index.js';
import type { LooseDatabase } from '../../../src/backends/kysely/loose-db.js';
import { sqlShape } from '../../../src/backends/kysely/sql-shape.js';
import { runInMemory } from '../../../src/backends/memory/index.js';
import { leads, parseListQuery, positionOf } from '../../../src/index.js';

const ROWS = generateLeads(500, 5) as unknown as Record<string, unknown>[];

describe('runListQuery with the shape cache', () => {
  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  const database = new Database(':memory:');
  const db = new Kysely({
    dialect: new SqliteDialect({ database }),
    log: (event) => {
      if (event.level === 'query') seen.push(event.query);
    },
  });
  const run = (text: string, shapeCache = true) =>
    runListQuery(db, leads, parseListQuery(leads, text), { table: 'leads', shapeCache });
  beforeAll(async () => {
    await createTable(db, leads, { table: 'leads' });
    await insertRows(db, leads, ROWS, { table: 'leads' });
  });
  afterAll(() => db.destroy());

  it('reuses the SQL text for other values and binds them', async () => {
    seen.length = 0;
    const first = await run('status=won,lost&value[gte]=100&count=none');
    const second = await run('status=open,qualified&value[gte]=2500&page=2&count=none');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.sql).toBe(seen[0]!.sql);
    expect(seen[1]!.parameters).toEqual(['open', 'qualified', 2500, 51, 50]);
    const reference = (text: string) => runInMemory(leads, parseListQuery(leads, text), ROWS).data;
    expect(first.data).toEqual(reference('status=won,lost&value[gte]=100'));
    expect(second.data).toEqual(reference('status=open,qualified&value[gte]=2500&page=2'));
  });

  it('tells apart structures that differ in anything but values', async () => {
    const texts = [
      'status=won&count=none',
      'status=won,lost&count=none',
      'value[gte]=100&count=none',
      'value[gt]=100&count=none',
      'createdAt[lte]=2026-01-02&count=none',
      'createdAt[lte]=2026-01-02T00:00:00Z&count=none',
      'createdAt[lte]=9999-12-31&count=none',
      'search=jo&count=none',
      'status=won&sort=value:desc&count=none',
      'status=won&fields=id,name&count=none',
    ];
    seen.length = 0;
    for (const text of texts) {
      const result = await run(text);
      expect(result.data).toEqual(runInMemory(leads, parseListQuery(leads, text), ROWS).data);
    }
    expect(new Set(seen.map((query) => query.sql)).size).toBe(texts.length);
  });

  it('answers cursor pages and counts as without it', async () => {
    const query = parseListQuery(leads, 'status=won,lost&sort=value:desc&limit=7');
    const middle = runInMemory(leads, { ...query, page: { page: 3, limit: 7 } }, ROWS).data[0]!;
    const after = { ...query, after: positionOf(leads, query.sort, middle) };
    for (const shapeCache of [true, true, false]) {
      const result = await runListQuery(db, leads, after, { table: 'leads', shapeCache });
      expect(result.data).toEqual(runInMemory(leads, after, ROWS).data);
      expect(result.total).toBe(runInMemory(leads, after, ROWS).total);
    }
  });

  it('compiles every query when turned off', async () => {
    seen.length = 0;
    await run('status=won&count=none', false);
    await run('status=lost&count=none', false);
    expect(seen.map((query) => query.parameters)).toEqual([
      ['won', 51, 0],
      ['lost', 51, 0],
    ]);
  });
});

/** Counts the queries Kysely compiles (plugins see every compile), changing nothing. */
class CountingPlugin implements KyselyPlugin {
  compiled = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.compiled += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Rewrites every bound string value (as a plugin that encodes values for a driver would). */
class UpperCaseValues extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = typeof node.value === 'string' ? node.value.toUpperCase() : node.value;
    return { ...node, value };
  }
}

describe('the keyed road of the shape cache (conditions with keys, no joins)', () => {
  const database = new Database(':memory:');
  const counting = new CountingPlugin();
  const db = new Kysely<LooseDatabase>({
    dialect: new SqliteDialect({ database }),
    plugins: [counting],
  });
  // These tests count compiles: the suite's verification (which compiles every hit again) is off here.
  let verifying = true;
  beforeAll(async () => {
    verifying = verifyShapeCache(false);
    await createTable(db, leads, { table: 'leads' });
    await insertRows(db, leads, ROWS, { table: 'leads' });
  });
  afterAll(async () => {
    verifyShapeCache(verifying);
    await db.destroy();
  });
  const run = (text: string) =>
    runListQuery(db, leads, parseListQuery(leads, `${text}&count=none`), { table: 'leads' });

  it('serves a query of a known key without compiling anything', async () => {
    await run('status=won,lost&value[gte]=100&search=jo&createdAt[gte]=2026-01-01');
    const before = counting.compiled;
    const text = 'status=open,qualified&value[gte]=2500&search=an&createdAt[gte]=2025-06-01&page=2';
    const result = await run(text);
    expect(counting.compiled).toBe(before);
    expect(result.data).toEqual(runInMemory(leads, parseListQuery(leads, text), ROWS).data);
  });

  it('learns a new key with one marked build next to the real one', async () => {
    const before = counting.compiled;
    await run('gclid[exists]=true&source=api&sort=value:desc');
    expect(counting.compiled - before).toBe(2);
  });

  it('never caches a key whose values a plugin rewrites', async () => {
    class UpperCasePlugin implements KyselyPlugin {
      readonly #transformer = new UpperCaseValues();
      transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
        return this.#transformer.transformNode(args.node);
      }
      async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        return args.result;
      }
    }
    const seen: unknown[][] = [];
    const upper = new Kysely({
      dialect: new SqliteDialect({ database }),
      plugins: [new UpperCasePlugin()],
      log: (event) => {
        if (event.level === 'query') seen.push([...event.query.parameters]);
      },
    });
    for (const status of ['won', 'lost', 'open']) {
      await runListQuery(upper, leads, parseListQuery(leads, `status=${status}&count=none`), {
        table: 'leads',
      });
    }
    // Every query went through the plugin: its values are upper-cased, none bound raw from the cache.
    expect(seen.map((parameters) => parameters[0])).toEqual(['WON', 'LOST', 'OPEN']);
  });

  it('verifyShapeCache finds a key that misses a difference in structure', () => {
    const options = { dialect: sqliteDialect, table: 'leads' };
    const query = parseListQuery(leads, 'count=none');
    // Two conditions under one key that build different SQL: a key written wrong.
    const greater = keyed('wrong', [1], ([v]) => sql<SqlBool>`${sql.ref('value')} > ${v}`);
    const less = keyed('wrong', [1], ([v]) => sql<SqlBool>`${sql.ref('value')} < ${v}`);
    pageQuery(db, leads, query, options, true, greater);
    expect(pageQuery(db, leads, query, options, true, less).compiled.sql).toContain('>');
    const before = verifyShapeCache(true);
    try {
      expect(() => pageQuery(db, leads, query, options, true, less)).toThrow(
        /the shape cache served other SQL/,
      );
    } finally {
      verifyShapeCache(before);
    }
  });
});

describe('sqlShape', () => {
  it('takes bound values out and keeps everything else', () => {
    const fragment = (limit: number, literal: string, value: string) =>
      sql`${sql.id('value')} >= ${limit} and ${sql.lit(literal)} = ${value}`.toOperationNode();
    const a = sqlShape(fragment(100, 'x', 'y'));
    const b = sqlShape(fragment(7, 'x', 'z'));
    const c = sqlShape(fragment(7, 'w', 'z'));
    expect(a!.parameters).toEqual([100, 'y']);
    expect(b!.key).toBe(a!.key);
    // An immediate literal is part of the text, so part of the shape.
    expect(c!.key).not.toBe(a!.key);
    // Another call site with the same text is another shape: a miss, never a wrong hit.
    const elsewhere = sqlShape(sql`${sql.id('value')} >= ${1}`.toOperationNode());
    expect(elsewhere!.key).not.toBe(a!.key);
  });
});

describe('BoundedCache', () => {
  it('forgets the least recently used entry past its size', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([
      1,
      undefined,
      3,
      2,
    ]);
    expect(() => new BoundedCache(0)).toThrow(/at least one/);
  });
});

describe('sqliteStatementCache', () => {
  it('prepares each SQL text once, and a busy statement never twice', async () => {
    const database = new Database(':memory:');
    let prepared = 0;
    const counting = {
      close: () => database.close(),
      prepare: (text: string) => {
        prepared += 1;
        return database.prepare(text);
      },
    };
    const db = new Kysely({
      dialect: new SqliteDialect({ database: sqliteStatementCache(counting) }),
    });
    await createTable(db, leads, { table: 'leads' });
    await insertRows(db, leads, ROWS, { table: 'leads' });
    const before = prepared;
    for (const status of ['won', 'lost', 'open']) {
      const query = parseListQuery(leads, `status=${status}&count=none`);
      const result = await runListQuery(db, leads, query, { table: 'leads' });
      expect(result.data).toEqual(runInMemory(leads, query, ROWS).data);
    }
    expect(prepared - before).toBe(1);
    await db.destroy();
  });

  it('never hands out a statement that is still iterating', () => {
    const statements = sqliteStatementCache(new Database(':memory:'));
    const first = statements.prepare('select 1 as one union all select 2');
    const iterator = first.iterate([]);
    iterator.next();
    const second = statements.prepare('select 1 as one union all select 2');
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ one: 1 }, { one: 2 }]);
    iterator.return?.();
    expect(statements.prepare('select 1 as one union all select 2')).toBe(second);
    statements.close();
  });
});
