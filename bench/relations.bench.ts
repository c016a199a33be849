/**
 * Relations at scale (issue 12): N leads (1,000,000 by default) with 10,000
 * labels (to-one, by `label_id`) and 3 tags per lead (many-to-many through
 * `lead_tags`), in SQLite and PostgreSQL. For each engine, each shape is
 * run by listql (`runListQuery`, `count=none`) and by the same query written
 * by hand in Kysely (the join, the `EXISTS`, the batched tag query), results
 * checked equal first (ids in order and the embedded objects), then timed in
 * interleaved rounds; the plain page (no relation) is the third column.
 *
 *   npx tsx bench/relations.bench.ts [--rows=1000000] [--dialects=sqlite,postgres]
 */
import { type Kysely, sql } from 'kysely';
import { runListQuery } from '../src/backends/kysely/index.js';
import {
  defineResource,
  type ListQuery,
  labeledLeads,
  parseListQuery,
  type Resource,
  snakeCase,
  withColumns,
} from '../src/index.js';
import { generateLeads, type SyntheticLead } from '../src/testing/index.js';
import {
  type AnyKysely,
  type LoadedLeads,
  loadPostgres,
  loadSqlite,
} from './support/load-leads.js';
import { timeInterleavedAsync } from './support/timing.js';

/** Table names of this run, so that nothing else's tables are touched. */
const LABELS_TABLE = `bench_labels_${process.pid}`;
const TAGS_TABLE = `bench_tags_${process.pid}`;
const LINKS_TABLE = `bench_lead_tags_${process.pid}`;

/** The labeled leads over the bench's snake_case leads table and this run's related tables. */
const snake = withColumns(labeledLeads, snakeCase);
const relations = labeledLeads.definition.relations!;
const resource = defineResource({
  ...snake.definition,
  relations: {
    label: { ...relations.label, table: LABELS_TABLE },
    tags: {
      ...relations.tags,
      table: TAGS_TABLE,
      through: { table: LINKS_TABLE, sourceColumn: 'lead_id', targetColumn: 'tag_id' },
    },
  },
}) as unknown as Resource;

export const LABELS = 10_000;
export const TAGS = 30;
export const TAGS_PER_LEAD = 3;
const FIELDS = 'id,name,status,value,createdAt';

/** One shape: the listql request and the hand-written query returning the same page. */
interface Shape {
  readonly label: string;
  readonly query: string;
  readonly hand: (db: AnyKysely, table: string, dialect: string) => Promise<PageRow[]>;
}

/** What both sides are compared on: the id and any embeds. */
type PageRow = Record<string, unknown>;

export interface RelationRow {
  readonly label: string;
  readonly query: string;
  readonly rows: number;
  readonly handMs: number;
  readonly listqlMs: number;
  /** The plain page (`sort=createdAt:desc&fields=…`, no relation) in the same rounds. */
  readonly plainMs: number;
}

export interface RelationEngineResult {
  readonly engine: string;
  readonly loadReport: string;
  readonly rows: readonly RelationRow[];
}

const LIMIT = 50;

/** A lead's label: 9 in 10 leads have one; label 0..9 are named VIP. */
function labelOf(index: number): string | null {
  return index % 10 === 9 ? null : `lbl_${(index * 7919) % LABELS}`;
}

/** A lead's three distinct tags. */
function tagsOf(index: number): string[] {
  const first = (index * 13) % TAGS;
  return [first, (first + 7) % TAGS, (first + 19) % TAGS].map((t) => `tag_${t}`);
}

function labelRows(): {
  id: string;
  name: string;
  color: string | null;
  priority: number | null;
}[] {
  const colors = ['red', 'gold', 'green', 'blue', null];
  return Array.from({ length: LABELS }, (_, k) => ({
    id: `lbl_${k}`,
    name: k < 10 ? 'VIP' : `Label ${String(k).padStart(5, '0')}`,
    color: colors[k % colors.length] ?? null,
    priority: k % 6 === 5 ? null : k % 5,
  }));
}

function tagRows(): { id: string; name: string; deleted_at: string | null }[] {
  return Array.from({ length: TAGS }, (_, k) => ({
    id: `tag_${k}`,
    name: k === 0 ? 'vip' : `tag ${String(k).padStart(2, '0')}`,
    // Three soft-deleted tags: the relation's `where` hides them.
    deleted_at: k % 10 === 9 ? '2026-01-01T00:00:00.000Z' : null,
  }));
}

/** Creates and fills labels, tags and lead_tags beside the leads table, with their key indexes. */
async function loadRelated(db: AnyKysely, leadIds: readonly string[]): Promise<void> {
  for (const table of [LABELS_TABLE, TAGS_TABLE, LINKS_TABLE]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema
    .createTable(LABELS_TABLE)
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('color', 'varchar(64)')
    .addColumn('priority', 'double precision')
    .execute();
  await db.schema
    .createTable(TAGS_TABLE)
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('deleted_at', 'varchar(64)')
    .execute();
  await db.schema
    .createTable(LINKS_TABLE)
    .addColumn('lead_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('tag_id', 'varchar(64)', (c) => c.notNull())
    .execute();
  const labels = labelRows();
  for (let i = 0; i < labels.length; i += 1_000) {
    await db
      .insertInto(LABELS_TABLE)
      .values(labels.slice(i, i + 1_000))
      .execute();
  }
  await db.insertInto(TAGS_TABLE).values(tagRows()).execute();
  const links = leadIds.flatMap((id, index) =>
    tagsOf(index).map((tag) => ({ lead_id: id, tag_id: tag })),
  );
  for (let i = 0; i < links.length; i += 10_000) {
    await db
      .insertInto(LINKS_TABLE)
      .values(links.slice(i, i + 10_000))
      .execute();
  }
  await db.schema
    .createIndex(`${LINKS_TABLE}_lead`)
    .on(LINKS_TABLE)
    .columns(['lead_id', 'tag_id'])
    .execute();
  await db.schema
    .createIndex(`${LINKS_TABLE}_tag`)
    .on(LINKS_TABLE)
    .columns(['tag_id', 'lead_id'])
    .execute();
  await db.schema
    .createIndex(`${LABELS_TABLE}_name`)
    .on(LABELS_TABLE)
    .columns(['name', 'id'])
    .execute();
}

/** Code-point order of text on PostgreSQL (listql's string order everywhere). */
const text = (dialect: string, column: string) =>
  dialect === 'postgres' ? sql.raw(`${column} collate "C"`) : sql.raw(column);

function leadColumns(table: string) {
  return ['id', 'name', 'status', 'value', 'created_at'].map((c) => `${table}.${c}`);
}

/** The batched tag embed: one query for the page, grouped by lead, in tag-id order. */
async function tagsFor(
  db: AnyKysely,
  dialect: string,
  ids: readonly string[],
): Promise<Map<string, { name: string }[]>> {
  const byLead = new Map<string, { name: string }[]>();
  if (ids.length === 0) return byLead;
  const rows = await db
    .selectFrom(`${LINKS_TABLE} as lt`)
    .innerJoin(`${TAGS_TABLE} as t`, 't.id', 'lt.tag_id')
    .select(['lt.lead_id as lead', 't.name as name'])
    .where('lt.lead_id', 'in', ids)
    .where('t.deleted_at', 'is', null)
    .orderBy(text(dialect, 't.id'))
    .execute();
  for (const row of rows) {
    const list = byLead.get(row.lead as string) ?? [];
    list.push({ name: row.name as string });
    byLead.set(row.lead as string, list);
  }
  return byLead;
}

const SHAPES: readonly Shape[] = [
  {
    label: 'filtered by a to-one field (`label.name=VIP`)',
    query: `label.name=VIP&sort=createdAt:desc&fields=${FIELDS}&count=none`,
    hand: async (db, table, dialect) =>
      (
        await db
          .selectFrom(table)
          .innerJoin(`${LABELS_TABLE} as labels`, 'labels.id', `${table}.label_id`)
          .select(leadColumns(table))
          .where(text(dialect, 'labels.name'), '=', 'VIP')
          .orderBy(`${table}.created_at`, 'desc')
          .orderBy(text(dialect, `${table}.id`), 'desc')
          .limit(LIMIT + 1)
          .execute()
      ).map((row) => ({ id: row.id })),
  },
  {
    label: 'filtered by a to-many field (`tags.name=vip`)',
    query: `tags.name=vip&sort=createdAt:desc&fields=${FIELDS}&count=none`,
    hand: async (db, table, dialect) =>
      (
        await db
          .selectFrom(table)
          .select(leadColumns(table))
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom(`${LINKS_TABLE} as lt`)
                .innerJoin(`${TAGS_TABLE} as t`, 't.id', 'lt.tag_id')
                .select(sql.lit(1).as('one'))
                .whereRef('lt.lead_id', '=', `${table}.id`)
                .where('t.deleted_at', 'is', null)
                .where(text(dialect, 't.name'), '=', 'vip'),
            ),
          )
          .orderBy(`${table}.created_at`, 'desc')
          .orderBy(text(dialect, `${table}.id`), 'desc')
          .limit(LIMIT + 1)
          .execute()
      ).map((row) => ({ id: row.id })),
  },
  {
    label: 'sorted by a to-one field (`sort=label.name`)',
    query: `sort=label.name:asc&fields=${FIELDS}&count=none`,
    hand: async (db, table, dialect) =>
      (
        await db
          .selectFrom(table)
          .leftJoin(`${LABELS_TABLE} as labels`, 'labels.id', `${table}.label_id`)
          .select(leadColumns(table))
          .orderBy(sql`labels.name is null`)
          .orderBy(text(dialect, 'labels.name'), 'asc')
          .orderBy(text(dialect, `${table}.id`), 'asc')
          .limit(LIMIT + 1)
          .execute()
      ).map((row) => ({ id: row.id })),
  },
  {
    label: 'with both embeds (`fields=…,label.name,label.color,tags.name`)',
    query: `sort=createdAt:desc&fields=${FIELDS},label.name,label.color,tags.name&count=none`,
    hand: async (db, table, dialect) => {
      const page = await db
        .selectFrom(table)
        .leftJoin(`${LABELS_TABLE} as labels`, 'labels.id', `${table}.label_id`)
        .select([
          ...leadColumns(table),
          'labels.id as label_key',
          'labels.name as label_name',
          'labels.color as label_color',
        ])
        .orderBy(`${table}.created_at`, 'desc')
        .orderBy(text(dialect, `${table}.id`), 'desc')
        .limit(LIMIT + 1)
        .execute();
      const tags = await tagsFor(
        db,
        dialect,
        page.slice(0, LIMIT).map((row) => row.id as string),
      );
      return page.map((row) => ({
        id: row.id,
        label: row.label_key === null ? null : { name: row.label_name, color: row.label_color },
        tags: tags.get(row.id as string) ?? [],
      }));
    },
  },
];

const PLAIN = `sort=createdAt:desc&fields=${FIELDS}&count=none`;

/** The compared part of a listql row: the id and the embeds it holds. */
function comparable(row: Record<string, unknown>): PageRow {
  const picked: PageRow = { id: row['id'] };
  if ('label' in row) picked['label'] = row['label'];
  if ('tags' in row) picked['tags'] = row['tags'];
  return picked;
}

async function benchEngine(
  loaded: LoadedLeads,
  rounds: number,
  log: (line: string) => void,
): Promise<RelationEngineResult> {
  const { db, table, dialect } = loaded;
  const run = (query: ListQuery) =>
    runListQuery(db as Kysely<unknown>, resource, query, { table, dialect });
  const plainQuery = parseListQuery(resource, PLAIN);
  const rows: RelationRow[] = [];
  for (const shape of SHAPES) {
    const query = parseListQuery(resource, shape.query);
    const mine = (await run(query)).data.map((row) => comparable(row as Record<string, unknown>));
    const theirs = (await shape.hand(db, table, dialect.name)).slice(0, LIMIT);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
      throw new Error(
        `${shape.label}: listql and the hand-written query differ:\n${JSON.stringify(mine.slice(0, 3))}\n${JSON.stringify(theirs.slice(0, 3))}`,
      );
    }
    const [handMs, listqlMs, plainMs] = await timeInterleavedAsync(
      [
        { name: 'hand-written', run: () => shape.hand(db, table, dialect.name) },
        { name: 'listql', run: () => run(query) },
        { name: 'plain page', run: () => run(plainQuery) },
      ],
      { rounds, warmup: 3 },
    );
    log(`  ${shape.label}: ${listqlMs!.toFixed(2)} ms vs ${handMs!.toFixed(2)} ms by hand`);
    rows.push({
      label: shape.label,
      query: shape.query,
      rows: mine.length,
      handMs: handMs!,
      listqlMs: listqlMs!,
      plainMs: plainMs!,
    });
  }
  return { engine: loaded.engine, loadReport: loaded.loadReport, rows };
}

/**
 * The relations benchmark on each dialect asked for (`sqlite`, `postgres`).
 *
 * @example
 * const engines = await benchRelations({ rows: 100_000, dialects: ['sqlite'], log: console.error });
 */
export async function benchRelations(options: {
  readonly rows: number;
  readonly dialects: readonly string[];
  readonly log: (line: string) => void;
  readonly rounds?: number;
}): Promise<RelationEngineResult[]> {
  const leads: SyntheticLead[] = generateLeads(options.rows, 42).map((lead, index) => ({
    ...lead,
    labelId: labelOf(index),
  }));
  const ids = leads.map((lead) => lead.id);
  const results: RelationEngineResult[] = [];
  const table = `bench_rel_leads_${process.pid}`;
  for (const dialect of options.dialects) {
    const loaded =
      dialect === 'sqlite'
        ? await loadSqlite(leads, table)
        : dialect === 'postgres'
          ? await loadPostgres(leads, table)
          : undefined;
    if (loaded === undefined) {
      options.log(`relations: ${dialect} skipped (not available)`);
      continue;
    }
    try {
      await loadRelated(loaded.db, ids);
      if (dialect === 'postgres') await sql`vacuum analyze`.execute(loaded.db);
      else await sql`analyze`.execute(loaded.db);
      options.log(`relations on ${loaded.engine}`);
      results.push(await benchEngine(loaded, options.rounds ?? 15, options.log));
    } finally {
      for (const related of [LABELS_TABLE, TAGS_TABLE, LINKS_TABLE]) {
        await loaded.db.schema.dropTable(related).ifExists().execute();
      }
      await loaded.close();
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = (name: string) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const engines = await benchRelations({
    rows: Number(flag('rows') ?? 1_000_000),
    dialects: (flag('dialects') ?? 'sqlite,postgres').split(','),
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify(engines, null, 2));
}
