/**
 * Relations on real SQLite, PostgreSQL and MariaDB: to-one paths (LEFT
 * JOIN, the relation's `where` in the join condition), `some` (EXISTS),
 * sorts and cursor pages on to-one paths, embeds (to-one from the join,
 * to-many by one batched query per relation), and the statements a request
 * runs. Every expectation is the semantics of docs/relations.md, written out
 * by hand for one small dataset that has every edge: a missing target, a
 * null key, a refused target (soft-deleted tag, colorless label), a tag
 * linked twice, more notes than `embedLimit`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../../bench/support/synthetic-leads.js';
import { runListQuery, type SqlDialect } from '../../../src/backends/kysely/index.js';
import {
  and,
  defineResource,
  eq,
  exists,
  type FilterNode,
  inList,
  type ListQuery,
  labels,
  leads,
  not,
  or,
  parseListQuery,
  type Resource,
  type SortKey,
  some,
} from '../../../src/index.js';
import {
  dropRelationTables,
  labeledLeadsOn,
  loadRelationData,
  type RelationData,
  type RelationTables,
  relationTables,
  sqlSetups,
} from '../../support/relation-tables.js';

const LABEL_OF: Record<string, string | null> = {
  l1: 'L1',
  l2: 'L2',
  l3: 'L9', // no such label
  l4: null,
  l5: 'L3',
  l6: 'L1',
};

const DATA: RelationData = {
  leads: generateLeads(6, 3).map((lead, i) => {
    const id = `l${i + 1}`;
    return { ...lead, id, labelId: LABEL_OF[id] ?? null };
  }) as unknown as Record<string, unknown>[],
  labels: [
    { id: 'L1', name: 'VIP', color: 'gold', priority: 3 },
    { id: 'L2', name: 'cold', color: null, priority: null },
    { id: 'L3', name: 'alpha', color: 'red', priority: 1 },
  ],
  tags: [
    { id: 't1', name: 'vip', deletedAt: null },
    { id: 't2', name: 'hot', deletedAt: null },
    { id: 't3', name: 'vip', deletedAt: '2026-01-01T00:00:00.000Z' },
    { id: 't4', name: 'cold', deletedAt: null },
  ],
  leadTags: [
    { lead_id: 'l1', tag_id: 't2' },
    { lead_id: 'l1', tag_id: 't1' },
    { lead_id: 'l2', tag_id: 't2' },
    { lead_id: 'l2', tag_id: 't2' }, // linked twice: one related row
    { lead_id: 'l2', tag_id: 't3' }, // soft-deleted
    { lead_id: 'l4', tag_id: 't3' },
    { lead_id: 'l5', tag_id: 't1' },
    { lead_id: 'l6', tag_id: 't4' },
  ],
  notes: [
    ...['n1', 'n2'].map((id, i) => note(id, 'l1', i === 0)),
    note('n3', 'l3', false),
    ...['n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10'].map((id) => note(id, 'l4', false)),
  ],
};

function note(id: string, leadId: string, pinned: boolean): Record<string, unknown> {
  return { id, leadId, body: `note ${id}`, pinned, createdAt: '2026-02-01T10:00:00.000Z' };
}

type Query = ListQuery<string>;

function query(parts: Partial<Query> = {}): Query {
  return {
    filter: and([]),
    sort: [{ field: 'id', direction: 'asc' }],
    select: ['id'],
    page: { limit: 50, page: 1 },
    after: null,
    count: 'exact',
    ...parts,
  };
}

const byId = (filter: FilterNode): Query => query({ filter });

for (const setup of sqlSetups) {
  const up = await setup.available();
  describe.skipIf(!up)(`relations on ${setup.name}`, () => {
    const tables: RelationTables = relationTables();
    const resource = labeledLeadsOn(tables);
    const statements: string[] = [];
    const db = setup.connect((event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    });
    let dialect: SqlDialect;
    beforeAll(async () => {
      dialect = await loadRelationData(db, resource, tables, DATA);
    });
    afterAll(async () => {
      await dropRelationTables(db, tables);
      await db.destroy();
    });
    const run = (q: Query, shapeCache = true) =>
      runListQuery(db, resource, q, { table: tables.root, dialect, shapeCache });
    const ids = async (q: Query): Promise<string[]> =>
      (await run(q)).data.map((row) => row['id'] as string);

    it('filters by a to-one path like a nullable field: no related row reads null', async () => {
      expect(await ids(byId(eq('label.name', 'VIP')))).toEqual(['l1', 'l6']);
      expect(await ids(byId(not(eq('label.name', 'VIP'))))).toEqual(['l2', 'l3', 'l4', 'l5']);
      expect(await ids(byId(exists('label.color', false)))).toEqual(['l2', 'l3', 'l4']);
      expect(await ids(byId(exists('label.id', true)))).toEqual(['l1', 'l2', 'l5', 'l6']);
      expect(await ids(byId(inList('label.name', ['cold', 'alpha'])))).toEqual(['l2', 'l5']);
      expect((await run(byId(eq('label.name', 'VIP')))).total).toBe(2);
    });

    it("puts the relation's where in the join: a refused target is no related row", async () => {
      expect(await ids(byId(eq('label.name', 'cold')))).toEqual(['l2']);
      expect(await ids(byId(eq('coloredLabel.name', 'cold')))).toEqual([]);
      expect(await ids(byId(exists('coloredLabel.id', false)))).toEqual(['l2', 'l3', 'l4']);
      // Two relations on one table, each under its own alias.
      expect(
        await ids(byId(and([eq('label.name', 'VIP'), eq('coloredLabel.color', 'gold')]))),
      ).toEqual(['l1', 'l6']);
    });

    it('filters to-many and many-to-many relations by EXISTS, and not(some) by NOT EXISTS', async () => {
      expect(await ids(byId(some('tags', eq('name', 'vip'))))).toEqual(['l1', 'l5']);
      expect(await ids(byId(not(some('tags', eq('name', 'vip')))))).toEqual([
        'l2',
        'l3',
        'l4',
        'l6',
      ]);
      expect(await ids(byId(some('tags', and([]))))).toEqual(['l1', 'l2', 'l5', 'l6']);
      expect(await ids(byId(some('notes', eq('pinned', true))))).toEqual(['l1']);
      expect(await ids(byId(not(some('notes', and([])))))).toEqual(['l2', 'l5', 'l6']);
      expect(await ids(byId(some('label', eq('name', 'VIP'))))).toEqual(['l1', 'l6']);
      expect(await ids(byId(some('coloredLabel', eq('name', 'cold'))))).toEqual([]);
    });

    it('applies conditions in one some to the same related row, in separate ones to any', async () => {
      const separate = and([some('tags', eq('name', 'vip')), some('tags', eq('id', 't2'))]);
      const same = some('tags', and([eq('name', 'vip'), eq('id', 't2')]));
      expect(await ids(byId(separate))).toEqual(['l1']);
      expect(await ids(byId(same))).toEqual([]);
      const mixed = or([eq('label.name', 'VIP'), some('tags', eq('name', 'cold'))]);
      expect(await ids(byId(mixed))).toEqual(['l1', 'l6']);
      expect((await run(byId(mixed))).total).toBe(2);
    });

    it('sorts by to-one paths with nulls last both ways, caseInsensitiveSort too', async () => {
      const sort = (field: string, direction: 'asc' | 'desc'): SortKey<string>[] => [
        { field, direction },
        { field: 'id', direction },
      ];
      expect(await ids(query({ sort: sort('label.priority', 'desc') }))).toEqual([
        'l6',
        'l1',
        'l5',
        'l4',
        'l3',
        'l2',
      ]);
      expect(await ids(query({ sort: sort('label.priority', 'asc') }))).toEqual([
        'l5',
        'l1',
        'l6',
        'l2',
        'l3',
        'l4',
      ]);
      // 'alpha' < 'cold' < 'VIP' folded; without the fold 'VIP' would sort first.
      expect(await ids(query({ sort: sort('label.name', 'asc') }))).toEqual([
        'l5',
        'l2',
        'l1',
        'l6',
        'l3',
        'l4',
      ]);
      expect(await ids(query({ sort: sort('label.name', 'desc') }))).toEqual([
        'l6',
        'l1',
        'l2',
        'l5',
        'l4',
        'l3',
      ]);
    });

    it('walks cursor pages on a to-one path key', async () => {
      for (const direction of ['asc', 'desc'] as const) {
        const sort: SortKey<string>[] = [
          { field: 'label.priority', direction },
          { field: 'id', direction },
        ];
        const whole = await ids(query({ sort }));
        const priority = new Map(
          DATA.leads.map((lead) => {
            const label = DATA.labels.find((l) => l['id'] === lead['labelId']);
            return [lead['id'] as string, (label?.['priority'] as number | null) ?? null];
          }),
        );
        const walked: string[] = [];
        let after: Query['after'] = null;
        for (let round = 0; round < 10; round++) {
          const page = await run(query({ sort, after, page: { limit: 2, page: 1 } }));
          walked.push(...page.data.map((row) => row['id'] as string));
          if (!page.hasMore) break;
          const last = walked.at(-1)!;
          after = [priority.get(last) ?? null, last];
        }
        expect(walked).toEqual(whole);
      }
    });

    it('embeds to-one objects and to-many arrays in id order, capped, with @more', async () => {
      statements.length = 0;
      const result = await run(
        query({ select: ['id', 'label.name', 'label.color', 'tags.name', 'notes.id'] }),
      );
      // The page, the count, one query per embedded to-many relation.
      expect(statements).toHaveLength(4);
      const notesOf = (...list: string[]) => list.map((id) => ({ id }));
      expect(result.data).toEqual([
        {
          id: 'l1',
          label: { name: 'VIP', color: 'gold' },
          tags: [{ name: 'vip' }, { name: 'hot' }],
          'tags@more': false,
          notes: notesOf('n1', 'n2'),
          'notes@more': false,
        },
        {
          id: 'l2',
          label: { name: 'cold', color: null },
          tags: [{ name: 'hot' }],
          'tags@more': false,
          notes: [],
          'notes@more': false,
        },
        {
          id: 'l3',
          label: null,
          tags: [],
          'tags@more': false,
          notes: notesOf('n3'),
          'notes@more': false,
        },
        {
          id: 'l4',
          label: null,
          tags: [],
          'tags@more': false,
          // Text ids in code point order: n10 before n4.
          notes: notesOf('n10', 'n4', 'n5', 'n6', 'n7'),
          'notes@more': true,
        },
        {
          id: 'l5',
          label: { name: 'alpha', color: 'red' },
          tags: [{ name: 'vip' }],
          'tags@more': false,
          notes: [],
          'notes@more': false,
        },
        {
          id: 'l6',
          label: { name: 'VIP', color: 'gold' },
          tags: [{ name: 'cold' }],
          'tags@more': false,
          notes: [],
          'notes@more': false,
        },
      ]);
      expect(Object.keys(result.data[0]!)).toEqual([
        'id',
        'label',
        'tags',
        'tags@more',
        'notes',
        'notes@more',
      ]);
    });

    it('reads embedded values like root values: ISO dates, booleans, numbers', async () => {
      const result = await run(
        query({
          select: ['id', 'notes.createdAt', 'notes.pinned', 'label.priority'],
          filter: eq('id', 'l1'),
        }),
      );
      expect(result.data).toEqual([
        {
          id: 'l1',
          notes: [
            { createdAt: '2026-02-01T10:00:00.000Z', pinned: true },
            { createdAt: '2026-02-01T10:00:00.000Z', pinned: false },
          ],
          'notes@more': false,
          label: { priority: 3 },
        },
      ]);
    });

    it('runs no embed query for an empty page, and the same results with and without the shape cache', async () => {
      statements.length = 0;
      const empty = await run(query({ select: ['id', 'tags.name'], filter: eq('id', 'none') }));
      expect(empty.data).toEqual([]);
      expect(statements).toHaveLength(2);
      const q = query({
        select: ['id', 'label.name', 'tags.name'],
        filter: or([eq('label.name', 'VIP'), some('tags', eq('name', 'hot'))]),
        sort: [
          { field: 'label.name', direction: 'desc' },
          { field: 'id', direction: 'desc' },
        ],
      });
      const cached = await run(q);
      expect(await run(q)).toEqual(cached);
      expect(await run(q, false)).toEqual(cached);
      expect(cached.data.map((row) => row['id'])).toEqual(['l6', 'l1', 'l2']);
    });
  });
}

describe('relations and the shape cache (SQLite)', () => {
  const tables = relationTables();
  const resource = labeledLeadsOn(tables);
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = sqlSetups[0]!.connect((event) => {
    if (event.level === 'query') statements.push(event.query);
  });
  let dialect: SqlDialect;
  beforeAll(async () => {
    dialect = await loadRelationData(db, resource, tables, DATA);
  });
  afterAll(async () => {
    await dropRelationTables(db, tables);
    await db.destroy();
  });
  const run = (r: Resource, q: Query) => runListQuery(db, r, q, { table: tables.root, dialect });

  it('reuses the SQL of a relation query for other values, joins and EXISTS included', async () => {
    const shaped = (name: string, tag: string): Query =>
      query({
        filter: and([eq('label.name', name), some('tags', eq('name', tag))]),
        select: ['id', 'label.name', 'notes.id'],
        count: 'none',
      });
    statements.length = 0;
    const first = await run(resource, shaped('VIP', 'vip'));
    const second = await run(resource, shaped('alpha', 'vip'));
    expect(first.data.map((row) => row['id'])).toEqual(['l1']);
    expect(second.data.map((row) => row['id'])).toEqual(['l5']);
    // page + notes embed, twice; the second page is the first's text with other values.
    expect(statements).toHaveLength(4);
    expect(statements[2]!.sql).toBe(statements[0]!.sql);
    expect(statements[2]!.parameters).toContain('alpha');
  });

  it("keys the relation's structure: the same query through another where is another shape", async () => {
    // `label` again, but refusing colorless labels: same names, same table, another join.
    const strict = defineResource({
      ...resource.definition,
      relations: {
        ...resource.definition.relations,
        label: {
          type: 'toOne',
          resource: labels,
          localKey: 'labelId',
          table: tables.labels,
          where: exists('color', true),
        },
      },
    });
    const q = query({ filter: eq('label.name', 'cold'), count: 'exact' });
    expect((await run(resource, q)).data.map((row) => row['id'])).toEqual(['l2']);
    const refused = await run(strict, q);
    expect(refused.data).toEqual([]);
    expect(refused.total).toBe(0);
    expect((await run(resource, q)).total).toBe(1);
  });

  it('refuses embedded relations: SQL needs a table', async () => {
    const embedded = defineResource({
      ...leads.definition,
      name: 'embedded-leads',
      relations: {
        label: { type: 'toOne', resource: labels, localKey: 'labelId', embedded: true },
      },
    });
    await expect(run(embedded, query({ filter: eq('label.name', 'VIP') }))).rejects.toThrow(
      /relation 'label' is embedded .*SQL needs a table/,
    );
    await expect(run(embedded, query({ select: ['id', 'label.name'] }))).rejects.toThrow(
      /SQL needs a table/,
    );
  });

  it('runs what the parser makes of relation URLs', async () => {
    const parsed = (text: string) => parseListQuery(resource, text);
    const idsOf = async (text: string) =>
      (await runListQuery(db, resource, parsed(text), { table: tables.root, dialect })).data
        .map((row) => row['id'] as string)
        .sort();
    expect(await idsOf('label.name=VIP')).toEqual(['l1', 'l6']);
    expect(await idsOf('tags.name=vip')).toEqual(['l1', 'l5']);
    expect(await idsOf('and=(tags.name=vip;tags.id=t2)')).toEqual([]);
    expect(await idsOf('tags.name=vip&tags.id=t2')).toEqual(['l1']);
    expect(await idsOf('and=(not(tags.name=vip))')).toEqual(['l2', 'l3', 'l4', 'l6']);
    const sorted = await runListQuery(db, resource, parsed('sort=label.priority:desc'), {
      table: tables.root,
      dialect,
    });
    expect(sorted.data.map((row) => row['id'])).toEqual(['l6', 'l1', 'l5', 'l4', 'l3', 'l2']);
    const embedded = await runListQuery(
      db,
      resource,
      parsed('fields=id,label.name,tags.name&label.name=cold'),
      {
        table: tables.root,
        dialect,
      },
    );
    expect(embedded.data).toEqual([
      { id: 'l2', label: { name: 'cold' }, tags: [{ name: 'hot' }], 'tags@more': false },
    ]);
  });
});

describe('relation aliases never meet the tables they stand beside (SQLite)', () => {
  // The root table is named like a relation, and related tables like other relations' aliases.
  const tables: RelationTables = {
    root: 'label',
    labels: 'tags',
    tags: 'notes',
    leadTags: 'tags_link',
    notes: 'label_',
  };
  const resource = labeledLeadsOn(tables);
  const db = sqlSetups[0]!.connect(() => {});
  let dialect: SqlDialect;
  beforeAll(async () => {
    dialect = await loadRelationData(db, resource, tables, DATA);
  });
  afterAll(async () => {
    await dropRelationTables(db, tables);
    await db.destroy();
  });

  it('answers as under unique names', async () => {
    const run = async (q: Query) =>
      (await runListQuery(db, resource, q, { table: tables.root, dialect })).data;
    const ids = async (filter: FilterNode) =>
      (await run(query({ filter }))).map((row) => row['id']);
    expect(await ids(eq('label.name', 'VIP'))).toEqual(['l1', 'l6']);
    expect(await ids(some('tags', eq('name', 'vip')))).toEqual(['l1', 'l5']);
    expect(await ids(not(some('notes', and([]))))).toEqual(['l2', 'l5', 'l6']);
    expect(await ids(and([eq('label.name', 'VIP'), some('notes', eq('pinned', true))]))).toEqual([
      'l1',
    ]);
    const embedded = await run(
      query({ select: ['id', 'label.name', 'tags.name', 'notes.id'], filter: eq('id', 'l1') }),
    );
    expect(embedded).toEqual([
      {
        id: 'l1',
        label: { name: 'VIP' },
        tags: [{ name: 'vip' }, { name: 'hot' }],
        'tags@more': false,
        notes: [{ id: 'n1' }, { id: 'n2' }],
        'notes@more': false,
      },
    ]);
  });
});
