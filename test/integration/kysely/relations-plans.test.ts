/**
 * The joins and `EXISTS` subqueries of relations seek on the key indexes
 * `createTable` and `createRelatedTables` create, on each real database:
 * EXPLAIN of a to-one filter, a many-to-many and a to-many filter, and each
 * batched embed query names the key index (or primary key) it joins or
 * seeks on, and never scans the join table or the to-many table whole.
 *
 * One documented gap (docs/backends/sql.md, "Relations"), asserted as it is
 * so a fix shows up: MariaDB turns a to-many `EXISTS` whose inner condition
 * has no index (`notes.pinned=true`) into a materialized semi-join (one scan
 * of the related table, then a lookup by the distinct key) instead of
 * seeking the foreign key index per row.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../../bench/support/synthetic-leads.js';
import { embedQuery } from '../../../src/backends/kysely/embed-rows.js';
import {
  applyListCount,
  applyListQuery,
  type SqlDialect,
} from '../../../src/backends/kysely/index.js';
import { loose } from '../../../src/backends/kysely/loose-db.js';
import { and, eq, type FilterNode, type ListQuery, relationOf, some } from '../../../src/index.js';
import type { AnyKysely } from '../../support/engines/kysely.js';
import {
  dropRelationTables,
  labeledLeadsOn,
  loadRelationData,
  type RelationData,
  relationTables,
  sqlSetups,
} from '../../support/relation-tables.js';

const LEADS = 4000;
const LABELS = 400;
const TAGS = 400;

const pad = (n: number): string => String(n).padStart(5, '0');

const DATA: RelationData = {
  leads: generateLeads(LEADS, 21).map((lead, i) => ({
    ...lead,
    id: `l${pad(i)}`,
    labelId: i % 10 === 0 ? null : `L${pad(i % LABELS)}`,
  })) as unknown as Record<string, unknown>[],
  labels: Array.from({ length: LABELS }, (_, i) => ({
    id: `L${pad(i)}`,
    name: `label ${i}`,
    color: i % 3 === 0 ? null : 'gold',
    priority: i % 7,
  })),
  tags: Array.from({ length: TAGS }, (_, i) => ({
    id: `t${pad(i)}`,
    name: `tag ${i}`,
    deletedAt: i % 9 === 0 ? '2026-01-01T00:00:00.000Z' : null,
  })),
  leadTags: Array.from({ length: LEADS * 3 }, (_, i) => ({
    lead_id: `l${pad(Math.floor(i / 3))}`,
    tag_id: `t${pad((i * 37) % TAGS)}`,
  })),
  notes: Array.from({ length: LEADS * 2 }, (_, i) => ({
    id: `n${pad(i)}`,
    leadId: `l${pad((i * 7) % LEADS)}`,
    body: `note ${i}`,
    pinned: i % 5 === 0,
    createdAt: '2026-02-01T10:00:00.000Z',
  })),
};

interface PlanReading {
  /** EXPLAIN's text for a statement. */
  readonly explain: (db: AnyKysely, statement: CompiledQuery) => Promise<string>;
  /** Statistics for the planner. */
  readonly analyze: (db: AnyKysely, table: string) => Promise<void>;
  /** A whole-table scan of `alias`. */
  readonly fullScan: (alias: string) => RegExp;
  /** How the to-one join shows it is made on a key: the related primary key, or the local key's index. */
  readonly keyJoin: RegExp;
  /** MariaDB's materialized semi-join of a to-many EXISTS (see the header). */
  readonly materializesToMany?: boolean;
}

const rowsText = (rows: readonly unknown[]): string =>
  rows.map((row) => Object.values(row as object).join(' ')).join('\n');

const explainWith =
  (prefix: string) =>
  async (db: AnyKysely, statement: CompiledQuery): Promise<string> =>
    rowsText(
      (
        await db.executeQuery(
          CompiledQuery.raw(`${prefix}${statement.sql}`, [...statement.parameters]),
        )
      ).rows,
    );

const READINGS: Record<string, PlanReading> = {
  SQLite: {
    explain: explainWith('explain query plan '),
    analyze: async (db) => {
      await sql`analyze`.execute(db);
    },
    fullScan: (alias) => new RegExp(`\\bSCAN ${alias}\\b(?! USING)`),
    keyJoin:
      /leads_labelId_\S+ \(labelId=\?\)|SEARCH label USING INDEX sqlite_autoindex_\S+_labels_1 \(id=\?\)/,
  },
  PostgreSQL: {
    explain: explainWith('explain '),
    analyze: async (db, table) => {
      await sql`analyze ${sql.table(table)}`.execute(db);
    },
    fullScan: (alias) => new RegExp(`Seq Scan on \\S+ ${alias}\\b`),
    keyJoin: /Index Cond: \("labelId" = label\.id\)|labels_pkey/,
  },
  MariaDB: {
    explain: explainWith('explain '),
    analyze: async (db, table) => {
      await sql`analyze table ${sql.table(table)}`.execute(db);
    },
    fullScan: (alias) => new RegExp(`\\b${alias}\\b \\S+ ALL\\b`),
    keyJoin: /leads_labelId_\S+ 1023 test\.label\.id|label eq_ref PRIMARY PRIMARY/,
    materializesToMany: true,
  },
};

for (const setup of sqlSetups) {
  const up = await setup.available();
  const reading = READINGS[setup.name]!;
  describe.skipIf(!up)(`relation plans on ${setup.name}`, () => {
    const tables = relationTables();
    const resource = labeledLeadsOn(tables);
    const db = setup.connect(() => {});
    let dialect: SqlDialect;
    beforeAll(async () => {
      dialect = await loadRelationData(db, resource, tables, DATA);
      for (const table of Object.values(tables)) await reading.analyze(db, table);
    }, 120_000);
    afterAll(async () => {
      await dropRelationTables(db, tables);
      await db.destroy();
    });

    const query = (filter: FilterNode): ListQuery => ({
      filter,
      sort: [
        { field: 'createdAt', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ],
      select: ['id', 'label.name'],
      page: { limit: 20, page: 1 },
      after: null,
      count: 'exact',
    });
    const page = (filter: FilterNode): CompiledQuery => {
      return applyListQuery(db.selectFrom(tables.root), resource, query(filter), {
        dialect,
        table: tables.root,
      })
        .limit(21)
        .compile();
    };

    it('joins a to-one relation on the related primary key', async () => {
      const plan = await reading.explain(db, page(eq('label.name', 'label 7')));
      expect(plan).toMatch(reading.keyJoin);
      // Without a path in the filter the join still reads the key: the related primary key.
      const embedOnly = await reading.explain(db, page(eq('status', 'won')));
      expect(embedOnly).toMatch(/labels_pkey|sqlite_autoindex_\S+_labels_1|label eq_ref PRIMARY/);
    });

    it('seeks many-to-many EXISTS on the join table (source, target) index and the tag key', async () => {
      const plan = await reading.explain(db, page(some('tags', eq('name', 'tag 74'))));
      expect(plan).toMatch(/lead_tags_lead_id_tag_id_idx|lead_tags_tag_id_lead_id_idx/);
      expect(plan).not.toMatch(reading.fullScan('tags_link'));
    });

    it('seeks to-many EXISTS on the foreign key index', async () => {
      const plan = await reading.explain(db, page(some('notes', eq('pinned', true))));
      if (reading.materializesToMany === true) {
        expect(plan).toMatch(/MATERIALIZED notes ALL/);
        expect(plan).toMatch(/<subquery2> eq_ref distinct_key/);
      } else {
        expect(plan).toMatch(/notes_lead_id_id_idx/);
        expect(plan).not.toMatch(reading.fullScan('notes'));
      }
      // A condition on the related rows' own key is seeked on the foreign key index everywhere.
      const keyed = await reading.explain(db, page(some('notes', eq('leadId', 'l00007'))));
      expect(keyed).toMatch(/notes_lead_id_id_idx/);
    });

    it('reads each batched embed from the key index', async () => {
      const keys = DATA.leads.slice(0, 20).map((lead) => lead['id']);
      for (const name of ['tags', 'notes'] as const) {
        const relation = relationOf(resource, name);
        const fields = [relation.target.fields.get('id')!];
        const compiled = embedQuery(loose(db), resource, relation, fields, keys, {
          dialect,
          table: tables.root,
        });
        const plan = await reading.explain(db, compiled);
        expect(plan).toMatch(
          name === 'tags' ? /lead_tags_lead_id_tag_id_idx/ : /notes_lead_id_id_idx/,
        );
        expect(plan).not.toMatch(reading.fullScan(name === 'tags' ? 'tags_link' : 'notes'));
      }
    });

    it('joins in the count only what its filter reads', async () => {
      const count = (filter: FilterNode): string =>
        applyListCount(
          db.selectFrom(tables.root),
          resource,
          { ...query(filter) },
          {
            dialect,
            table: tables.root,
          },
        ).compile().sql;
      expect(count(and([some('tags', eq('name', 'tag 1'))]))).not.toMatch(/join \S+ as \S?label/);
      expect(count(eq('label.name', 'label 1'))).toMatch(/left join \S+ as \S?label/);
      expect(count(eq('label.name', 'label 1'))).not.toMatch(/coloredLabel/);
    });
  });
}
