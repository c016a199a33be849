/**
 * listql's Kysely query building against the same query built by hand with
 * Kysely: build and compile only, no database round trip in the timing. Both
 * versions are first run on an in-memory SQLite table of synthetic leads and
 * checked to return the same ids.
 *
 *   npx tsx bench/build.bench.ts [--quick]
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { pageQuery } from '../src/backends/kysely/cached-queries.js';
import {
  applyListQuery,
  createTable,
  insertRows,
  mysqlDialect,
  postgresDialect,
  readListRow,
  type SqlDialect,
  selectedFields,
  sqliteDialect,
} from '../src/backends/kysely/index.js';
import { offlineKysely } from '../src/cli/compile-sql.js';
import { type ListQuery, leads, parseListQuery, snakeCase, withColumns } from '../src/index.js';
import { generateLeads } from './support/synthetic-leads.js';
import { type Contender, timeInterleaved } from './support/timing.js';

// biome-ignore lint/suspicious/noExplicitAny: the table is named at run time.
type AnyKysely = Kysely<any>;

const TABLE = 'leads';
const resource = withColumns(leads, snakeCase);

/** The request, and the same query as a developer would build it by hand. */
export const BUILD_QUERY =
  'status=won,lost&value[gte]=100&createdAt[gte]=2026-01-01&search=john&sort=createdAt:desc&page=3';

function handWritten(db: AnyKysely) {
  return db
    .selectFrom(TABLE)
    .selectAll()
    .where('status', 'in', ['won', 'lost'])
    .where('value', '>=', 100)
    .where('created_at', '>=', '2026-01-01T00:00:00.000Z')
    .where((eb) =>
      eb.or(
        ['name', 'email', 'phone'].map((column) => eb(eb.fn('lower', [column]), 'like', '%john%')),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .offset(100);
}

function listql(db: AnyKysely, query: ListQuery, dialect: SqlDialect) {
  return applyListQuery(db.selectFrom(TABLE), resource, query, { dialect });
}

/** Queries of the bench's shape with other values, parsed up front, handed out in turn. */
const SHAPED = [100, 250, 500, 1000].map((value) =>
  parseListQuery(resource, BUILD_QUERY.replace('value[gte]=100', `value[gte]=${value}`)),
);
let shaped = 0;
function nextOfShape(): (typeof SHAPED)[number] {
  shaped = (shaped + 1) % SHAPED.length;
  return SHAPED[shaped]!;
}

/** Runs both versions on SQLite and throws unless they return the same ids. */
async function check(): Promise<number> {
  const db: AnyKysely = new Kysely({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  try {
    await createTable(db, resource, { table: TABLE });
    await insertRows(db, resource, generateLeads(20_000, 42), { table: TABLE });
    const query = parseListQuery(resource, BUILD_QUERY);
    const fields = selectedFields(resource, 'all');
    const mine = (await listql(db, query, sqliteDialect).execute()).map(
      (r) => readListRow(fields, r)['id'],
    );
    const theirs = (await handWritten(db).execute()).map((r) => r['id']);
    if (mine.length === 0 || JSON.stringify(mine) !== JSON.stringify(theirs)) {
      throw new Error(
        `build bench: listql and the hand-written query differ (${mine.length} vs ${theirs.length} rows)`,
      );
    }
    return mine.length;
  } finally {
    await db.destroy();
  }
}

export interface BuildBenchRow {
  readonly dialect: string;
  /** Microseconds per query. */
  readonly hand: number;
  readonly listqlBuild: number;
  readonly listqlParseAndBuild: number;
  /** The page query as `runListQuery` gets it: from the shape cache, values bound again. */
  readonly listqlCached: number;
}

/** Times building + compiling on SQLite, PostgreSQL and MySQL; `quick` takes fewer rounds. */
export async function benchBuild(
  quick: boolean,
): Promise<{ rows: BuildBenchRow[]; checkedRows: number }> {
  const checkedRows = await check();
  const rows: BuildBenchRow[] = [];
  const sqlite: AnyKysely = new Kysely({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  for (const [name, db, dialect] of [
    ['SQLite', sqlite, sqliteDialect],
    // Kysely's DummyDriver: these two compile without a server.
    ['PostgreSQL', offlineKysely('postgres') as AnyKysely, postgresDialect],
    ['MySQL', offlineKysely('mysql') as AnyKysely, mysqlDialect],
  ] as const) {
    const query = parseListQuery(resource, BUILD_QUERY);
    const contenders: Contender[] = [
      { name: 'hand', run: () => handWritten(db).compile() },
      { name: 'listql build', run: () => listql(db, query, dialect).compile() },
      {
        name: 'listql parse + build',
        run: () => listql(db, parseListQuery(resource, BUILD_QUERY), dialect).compile(),
      },
      {
        // Another query of the same shape each time (other values), as requests are.
        name: 'listql cached',
        run: () => pageQuery(db, resource, nextOfShape(), { dialect, table: TABLE }, true),
      },
    ];
    const [hand, listqlBuild, listqlParseAndBuild, listqlCached] = timeInterleaved(contenders, {
      rounds: quick ? 15 : 41,
      warmup: quick ? 5 : 10,
      batch: 200,
    }) as [number, number, number, number];
    rows.push({ dialect: name, hand, listqlBuild, listqlParseAndBuild, listqlCached });
    await db.destroy();
  }
  return { rows, checkedRows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await benchBuild(process.argv.includes('--quick'));
  for (const row of rows) {
    console.log(
      `${row.dialect}: hand ${row.hand.toFixed(1)} µs, listql build ${row.listqlBuild.toFixed(1)} µs (×${(row.listqlBuild / row.hand).toFixed(2)}), parse + build ${row.listqlParseAndBuild.toFixed(1)} µs, cached ${row.listqlCached.toFixed(1)} µs (×${(row.listqlCached / row.hand).toFixed(2)})`,
    );
  }
}
