/**
 * listql at scale: N synthetic leads (1,000,000 by default) in SQLite,
 * PostgreSQL and MariaDB (MySQL). For each engine:
 *
 * - listql against hand-written Kysely by offset (from `sql.bench.ts`);
 * - pages 1 / 100 / 10,000 by offset and by cursor, each cursor page first
 *   checked to return the rows of the offset page at the same depth;
 * - the count strategies (`runListQuery` with count=exact, estimated, none)
 *   against the page query alone;
 * - a rare-term search, and on PostgreSQL the same search again after the
 *   pg_trgm indexes of `createTableQueries(…, { searchIndexes: true })`.
 *
 *   npx tsx bench/scale.bench.ts [--rows=1000000] [--dialects=sqlite,postgres,mysql]
 */
import { performance } from 'node:perf_hooks';
import { type CompiledQuery, sql } from 'kysely';
import {
  applyListCount,
  applyListQuery,
  createTableQueries,
  readListRow,
  runListQuery,
  selectedFields,
} from '../src/backends/kysely/index.js';
import { handleListRequest, kyselyBackend } from '../src/http/index.js';
import { type ListQuery, parseListQuery } from '../src/index.js';
import { encodeCursor, positionOf } from '../src/parse/index.js';
import { compareWithHandWritten, type Row } from './sql.bench.js';
import {
  BENCH_COUNT_FILTER,
  type LoadedLeads,
  loadMysql,
  loadPostgres,
  loadSqlite,
  benchResource as resource,
} from './support/load-leads.js';
import { generateLeads, type SyntheticLead } from './support/synthetic-leads.js';
import { timeInterleavedAsync } from './support/timing.js';

export interface PagingRow {
  readonly query: string;
  readonly page: number;
  readonly rows: number;
  readonly offsetMs: number;
  /** Null when the cursor page did not return the offset page's rows (keyset not supported yet). */
  readonly cursorMs: number | null;
  readonly note?: string;
}

export interface CountRow {
  /** `carried`: a cursor page whose cursor carries the first page's total (no count runs). */
  readonly strategy: 'exact' | 'estimated' | 'none' | 'carried';
  /** The strategy runListQuery reported (estimated falls back to exact off PostgreSQL). */
  readonly used: string;
  readonly total: number | null;
  readonly ms: number;
}

export interface SearchRow {
  readonly label: string;
  readonly matches: number;
  readonly ms: number;
  readonly plan: string;
}

export interface EngineResult {
  readonly engine: string;
  readonly loadReport: string;
  readonly handWritten: readonly Row[];
  readonly paging: readonly PagingRow[];
  readonly pageAloneMs: number;
  readonly counts: readonly CountRow[];
  readonly countQuery: string;
  readonly search: readonly SearchRow[];
  readonly searchTerm: string;
  /** EXPLAIN of the count, of the default sort's page 1 and of its cursor page at depth 10,000. */
  readonly plans: readonly { readonly label: string; readonly plan: string }[];
}

const PAGED_QUERIES: readonly [string, readonly number[]][] = [
  ['sort=createdAt:desc', [1, 100, 10_000]],
  ['status=won,lost&value[gte]=100&sort=createdAt:desc', [1, 100, 3_000]],
];
const COUNT_QUERY = `${BENCH_COUNT_FILTER}&sort=createdAt:desc`;

function parse(text: string): ListQuery {
  return parseListQuery(resource, text) as ListQuery;
}

/** Ids of a listql page query run on `loaded`. */
async function pageIds(loaded: LoadedLeads, query: ListQuery): Promise<unknown[]> {
  const dialect = loaded.dialect;
  const fields = selectedFields(resource, query.select);
  const rows = await applyListQuery(loaded.db.selectFrom(loaded.table), resource, query, {
    dialect,
  }).execute();
  return rows.map((row) => readListRow(fields, row)['id']);
}

/** The cursor that continues after the last row of offset page `page - 1`. */
async function cursorBefore(
  loaded: LoadedLeads,
  text: string,
  page: number,
): Promise<string | undefined> {
  if (page === 1) return undefined;
  const previous = parse(`${text}&page=${page - 1}`);
  const dialect = loaded.dialect;
  const fields = selectedFields(resource, previous.select);
  const rows = await applyListQuery(loaded.db.selectFrom(loaded.table), resource, previous, {
    dialect,
  }).execute();
  const last = rows.at(-1);
  if (last === undefined) return undefined;
  const row = readListRow(fields, last) as Record<string, unknown>;
  return encodeCursor(
    resource,
    previous.filter,
    previous.sort,
    positionOf(resource, previous.sort, row),
  );
}

async function benchPaging(loaded: LoadedLeads, quickRounds: boolean): Promise<PagingRow[]> {
  const dialect = loaded.dialect;
  const out: PagingRow[] = [];
  for (const [text, pages] of PAGED_QUERIES) {
    const measured: {
      page: number;
      rows: number;
      offset: CompiledQuery;
      cursor: CompiledQuery | null;
    }[] = [];
    for (const page of pages) {
      const byOffset = parse(`${text}&page=${page}`);
      const cursor = await cursorBefore(loaded, text, page);
      if (page > 1 && cursor === undefined) {
        out.push({
          query: text,
          page,
          rows: 0,
          offsetMs: Number.NaN,
          cursorMs: null,
          note: 'past the last page at this row count',
        });
        continue;
      }
      const byCursor = cursor === undefined ? byOffset : parse(`${text}&cursor=${cursor}`);
      const expected = await pageIds(loaded, byOffset);
      const got = await pageIds(loaded, byCursor);
      const same = JSON.stringify(expected) === JSON.stringify(got);
      const compile = (query: ListQuery) =>
        applyListQuery(loaded.db.selectFrom(loaded.table), resource, query, { dialect }).compile();
      measured.push({
        page,
        rows: expected.length,
        offset: compile(byOffset),
        cursor: same ? compile(byCursor) : null,
      });
    }
    // Cursor pages are timed among themselves and offset pages among
    // themselves: an offset page 10,000 deep reads half the table, which
    // evicts the cursor pages' blocks from MariaDB's buffer pool when the two
    // alternate, and a cursor page is then timed from disk.
    const time = async (queries: readonly CompiledQuery[], deep: boolean) =>
      timeInterleavedAsync(
        queries.map((compiled, i) => ({
          name: String(i),
          run: () => loaded.db.executeQuery(compiled),
        })),
        { rounds: quickRounds ? 3 : deep ? 7 : 41, warmup: 1, budgetMs: 60_000 },
      );
    const cursorQueries = measured.flatMap((m) => (m.cursor === null ? [] : [m.cursor]));
    const cursorMs = await time(cursorQueries, false);
    const offsetMs: number[] = [];
    // Shallow offset pages get many rounds, deep ones few (each reads `page × limit` rows).
    for (const m of measured) offsetMs.push(...(await time([m.offset], m.page >= 1_000)));
    let cursorAt = 0;
    measured.forEach((m, i) => {
      const cursor = m.cursor === null ? null : cursorMs[cursorAt++]!;
      out.push({
        query: text,
        page: m.page,
        rows: m.rows,
        offsetMs: offsetMs[i]!,
        cursorMs: cursor,
        ...(m.cursor === null
          ? {
              note: 'TODO: the cursor page differs from the offset page (keyset not applied by this backend yet)',
            }
          : {}),
      });
    });
  }
  return out.sort(
    (a, b) =>
      PAGED_QUERIES.findIndex(([q]) => q === a.query) -
        PAGED_QUERIES.findIndex(([q]) => q === b.query) || a.page - b.page,
  );
}

async function benchCounts(loaded: LoadedLeads, quickRounds: boolean) {
  const dialect = loaded.dialect;
  // The page alone, done as runListQuery does it (parse, build, execute, read rows) but without a count.
  const fields = selectedFields(resource, 'all');
  const pageAlone = async () => {
    const query = parse(COUNT_QUERY);
    const rows = await applyListQuery(loaded.db.selectFrom(loaded.table), resource, query, {
      dialect,
      table: loaded.table,
    }).execute();
    return rows.map((row) => readListRow(fields, row));
  };
  const strategies = ['exact', 'estimated', 'none'] as const;
  const results = await Promise.all(
    strategies.map((s) =>
      runListQuery(loaded.db, resource, parse(`${COUNT_QUERY}&count=${s}`), {
        table: loaded.table,
        dialect,
      }),
    ),
  );
  const contenders: { name: string; run: () => Promise<unknown> }[] = [
    { name: 'page alone', run: pageAlone },
    ...strategies.map((s) => ({
      name: s,
      run: () =>
        runListQuery(loaded.db, resource, parse(`${COUNT_QUERY}&count=${s}`), {
          table: loaded.table,
          dialect,
        }),
    })),
  ];
  // The second page as a server answers it: the first page's cursor carries its total.
  const backend = kyselyBackend(loaded.db, resource, { table: loaded.table, dialect });
  const first = await handleListRequest({ resource, backend, query: COUNT_QUERY });
  if (!first.body.success) throw new Error(first.body.error.message);
  const carriedQuery = `${COUNT_QUERY}&cursor=${first.body.meta.pagination.nextCursor}`;
  const carriedPage = async () => {
    const response = await handleListRequest({ resource, backend, query: carriedQuery });
    if (!response.body.success) throw new Error(response.body.error.message);
    return response.body.meta.pagination;
  };
  const carried = await carriedPage();
  if (carried.totalFromCursor !== true || carried.total !== first.body.meta.pagination.total) {
    throw new Error(`the cursor page did not carry the total: ${JSON.stringify(carried)}`);
  }
  contenders.push({ name: 'carried', run: carriedPage });
  const times = await timeInterleavedAsync(contenders, { rounds: quickRounds ? 5 : 25, warmup: 2 });
  const counts: CountRow[] = strategies.map((strategy, i) => {
    const result = results[i] as { total: number | null; count?: string };
    return {
      strategy,
      used: result.count ?? 'exact (count strategies not in runListQuery yet)',
      total: result.total,
      ms: times[i + 1]!,
    };
  });
  counts.push({
    strategy: 'carried',
    used: `${carried.count}, from the cursor`,
    total: carried.total,
    ms: times[strategies.length + 1]!,
  });
  return { pageAloneMs: times[0]!, counts };
}

/** EXPLAIN of the exact count, the default sort's page 1, and its cursor page at depth 10,000. */
async function benchPlans(loaded: LoadedLeads) {
  const { dialect } = loaded;
  const counted = parse(COUNT_QUERY);
  const plans = [
    {
      label: `exact count of \`${BENCH_COUNT_FILTER}\` (with its countIndex)`,
      plan: await loaded.explain(
        applyListCount(loaded.db.selectFrom(loaded.table), resource, counted, {
          dialect,
        }).compile(),
      ),
    },
    {
      label: '`sort=createdAt:desc`, page 1',
      plan: await loaded.explain(
        applyListQuery(loaded.db.selectFrom(loaded.table), resource, parse('sort=createdAt:desc'), {
          dialect,
        }).compile(),
      ),
    },
  ];
  const cursor = await cursorBefore(loaded, 'sort=createdAt:desc', 10_000);
  if (cursor !== undefined) {
    plans.push({
      label: '`sort=createdAt:desc`, cursor page at depth 10,000',
      plan: await loaded.explain(
        applyListQuery(
          loaded.db.selectFrom(loaded.table),
          resource,
          parse(`sort=createdAt:desc&cursor=${cursor}`),
          { dialect },
        ).compile(),
      ),
    });
  }
  return plans;
}

/** A term found in a handful of rows: the tail of one lead's phone number. */
function rareTerm(rows: readonly SyntheticLead[]): string {
  const phone = rows.find((row, i) => i > 777 && row.phone !== null)!.phone!;
  return phone.slice(-8);
}

function referenceMatches(rows: readonly SyntheticLead[], term: string): number {
  const hit = (text: string | null) =>
    text?.replace(/[A-Z]/g, (c) => c.toLowerCase()).includes(term) ?? false;
  return rows.filter((r) => hit(r.name) || hit(r.email) || hit(r.phone)).length;
}

async function benchSearch(
  loaded: LoadedLeads,
  rows: readonly SyntheticLead[],
  quickRounds: boolean,
): Promise<{ term: string; search: SearchRow[] }> {
  const dialect = loaded.dialect;
  const term = rareTerm(rows);
  const expected = referenceMatches(rows, term);
  const query = parse(`search=${encodeURIComponent(term)}&sort=createdAt:desc&limit=100`);
  const compiled = applyListQuery(loaded.db.selectFrom(loaded.table), resource, query, {
    dialect,
  }).compile();
  const measure = async (label: string): Promise<SearchRow> => {
    const found = (await pageIds(loaded, query)).length;
    if (found !== Math.min(expected, 100)) {
      throw new Error(`search ${term}: ${found} rows, expected ${expected}`);
    }
    const [ms] = await timeInterleavedAsync(
      [{ name: label, run: () => loaded.db.executeQuery(compiled) }],
      // A scan of 1 M rows takes seconds on MariaDB: three rounds past the budget.
      { rounds: quickRounds ? 3 : 9, warmup: 1, budgetMs: 30_000 },
    );
    return { label, matches: found, ms: ms!, plan: await loaded.explain(compiled) };
  };
  const search = [await measure('without a trigram index')];
  if (dialect.name === 'postgres') {
    const queries = createTableQueries(loaded.db, resource, {
      table: loaded.table,
      searchIndexes: true,
    });
    const started = performance.now();
    for (const extension of queries.extensions) await extension.execute(loaded.db);
    for (const index of queries.indexes) {
      if (index.compile().sql.includes('gin_trgm_ops')) await index.execute();
    }
    await sql`analyze ${sql.table(loaded.table)}`.execute(loaded.db);
    const built = ((performance.now() - started) / 1000).toFixed(1);
    search.push(await measure(`with the pg_trgm GIN indexes (built in ${built} s)`));
  }
  return { term, search };
}

/** Loads each engine in turn, benchmarks it, and drops it. */
export async function benchScale(options: {
  rows: number;
  dialects: readonly string[];
  log: (line: string) => void;
}): Promise<EngineResult[]> {
  const quickRounds = options.rows < 100_000;
  const started = performance.now();
  const rows = generateLeads(options.rows, 42);
  options.log(
    `generated ${rows.length.toLocaleString('en')} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const table = `bench_scale_${process.pid}`;
  const results: EngineResult[] = [];
  const loaders = [
    ['sqlite', () => loadSqlite(rows, table)],
    ['postgres', () => loadPostgres(rows, table)],
    ['mysql', () => loadMysql(rows, table)],
  ] as const;
  for (const [name, load] of loaders) {
    if (!options.dialects.includes(name)) continue;
    const loaded = await load();
    if (loaded === undefined) continue;
    try {
      options.log(`${loaded.engine}: ${loaded.loadReport}`);
      const handWritten = await compareWithHandWritten(
        loaded.db,
        loaded.explain,
        loaded.table,
        loaded.dialect,
      );
      options.log(`${name}: offset pages and count vs hand-written done`);
      const paging = await benchPaging(loaded, quickRounds);
      options.log(`${name}: offset vs cursor done`);
      const { pageAloneMs, counts } = await benchCounts(loaded, quickRounds);
      options.log(`${name}: count strategies done`);
      const { term, search } = await benchSearch(loaded, rows, quickRounds);
      options.log(`${name}: search done`);
      const plans = await benchPlans(loaded);
      results.push({
        engine: loaded.engine,
        loadReport: loaded.loadReport,
        handWritten,
        paging,
        pageAloneMs,
        counts,
        countQuery: COUNT_QUERY,
        search,
        searchTerm: term,
        plans,
      });
    } finally {
      await loaded.close();
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const results = await benchScale({
    rows: Number(arg('rows') ?? 1_000_000),
    dialects: (arg('dialects') ?? 'sqlite,postgres,mysql').split(','),
    log: (line) => console.error(line),
  });
  // The hand-written comparison prints its plans on stdout; the results go last, on one line.
  console.log(`RESULTS ${JSON.stringify(results)}`);
}
