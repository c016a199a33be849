/**
 * A sharded PostgreSQL built from PostgreSQL itself, for the sharding test and
 * benchmark: two (or more) throwaway clusters started with `initdb` + `pg_ctl`
 * on free ports with their data in a temporary folder, registered on the test
 * server (the coordinator) as `postgres_fdw` servers; a sharded table is a
 * parent partitioned by hash of the id whose partitions are foreign tables,
 * one per shard, each backed by a real table with listql's DDL and indexes.
 *
 * Where the PostgreSQL binaries or the test server are missing this says so
 * loudly and hands back undefined; with `CI=true` it throws instead.
 * `close()` drops what it created on the coordinator, stops the clusters and
 * removes their folder; a process that dies first still stops them on exit.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kysely, type RawBuilder, sql } from 'kysely';
import {
  createTable,
  createTableQueries,
  insertRows,
  postgresDialect,
  postgresFdwDialect,
  runListQuery,
} from '../../src/backends/kysely/index.js';
import { storageValue } from '../../src/backends/kysely/values.js';
import { postgresServerDialect } from '../../src/demo/stores/server-dialects.js';
import type { Resource } from '../../src/index.js';
import { postgresSettings, type ServerSettings, serverAvailable } from './databases.js';
import type { Engine, LoadedDataset, StoredRow } from './engine.js';
import { type AnyKysely, uniqueTableName } from './engines/kysely.js';

const run = promisify(execFile);

/** Prints the loud skip, or throws under CI=true. */
function unavailable(why: string): undefined {
  if (process.env['CI'] === 'true') {
    throw new Error(`sharded PostgreSQL: ${why}, and CI=true requires it`);
  }
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! sharded PostgreSQL: ${why}: its tests are SKIPPED.\n${bar}\n`);
  return undefined;
}

/**
 * The folder holding `initdb` and `pg_ctl`: `PG_BINDIR`, else `pg_config
 * --bindir`, else the newest /usr/lib/postgresql/<version>/bin (Debian and
 * Ubuntu keep them off the PATH).
 */
function findBinDir(): string | undefined {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  const fromEnv = process.env['PG_BINDIR'];
  if (fromEnv !== undefined && fromEnv !== '') return has(fromEnv) ? fromEnv : undefined;
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (has(dir)) return dir;
  } catch {
    // No pg_config on the PATH: look where Debian puts the server.
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find(has);
}

/** True when nothing listens on 127.0.0.1:`port`. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port in 55000–58999 (random, so parallel runs rarely meet). */
async function freePort(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 55_000 + Math.floor(Math.random() * 4_000);
    if (!taken.has(port) && (await portFree(port))) return port;
  }
  throw new Error('sharded PostgreSQL: no free port in 55000-58999');
}

/** Running clusters on 127.0.0.1, trust authentication, user `postgres`, database `postgres`. */
export interface ShardClusters {
  readonly settings: readonly ServerSettings[];
  /** `PostgreSQL 15.20` */
  readonly version: string;
  /** Stops every cluster and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts `count` throwaway clusters (fsync off: their data is thrown away);
 * undefined when the binaries are missing (a loud skip, or a throw in CI).
 * The server refuses to run as root, so as root they run as `postgres`.
 *
 * @example
 * const clusters = await startShardClusters(2);
 * try { … clusters.settings[0].port … } finally { await clusters?.stop(); }
 */
export async function startShardClusters(count: number): Promise<ShardClusters | undefined> {
  const bin = findBinDir();
  if (bin === undefined) return unavailable('no initdb/pg_ctl found (set PG_BINDIR)');
  const root = mkdtempSync(join(tmpdir(), 'listql-shards-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres', root]);
  const as = (file: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
  const dirs = Array.from({ length: count }, (_, i) => join(root, `shard${i}`));
  const started: string[] = [];
  const stopSync = () => {
    for (const dir of started.splice(0)) {
      try {
        const args = ['-D', dir, '-m', 'immediate', '-w', 'stop'];
        if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]);
        else execFileSync(join(bin, 'pg_ctl'), args);
      } catch {
        // Already stopped.
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stopSync);
  try {
    await Promise.all(
      dirs.map((dir) =>
        as(join(bin, 'initdb'), [
          ...['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
        ]),
      ),
    );
    const ports = new Set<number>();
    for (const dir of dirs) {
      const port = await freePort(ports);
      ports.add(port);
      const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      await as(join(bin, 'pg_ctl'), ['-D', dir, '-o', options, '-l', `${dir}.log`, '-w', 'start']);
      started.push(dir);
    }
    const { stdout } = await run(join(bin, 'pg_ctl'), ['--version']);
    return {
      settings: [...ports].map((port) => ({
        host: '127.0.0.1',
        port,
        user: 'postgres',
        password: undefined,
        database: 'postgres',
      })),
      version: `PostgreSQL ${/\) (\d+(?:\.\d+)*)/.exec(stdout)?.[1] ?? stdout.trim()}`,
      stop: async () => {
        process.off('exit', stopSync);
        stopSync();
      },
    };
  } catch (error) {
    process.off('exit', stopSync);
    stopSync();
    throw error;
  }
}

/** The coordinator (the test server) with one `postgres_fdw` server per shard. */
export interface ShardedPostgres {
  /** Kysely on the coordinator, where listql runs. */
  readonly coordinator: AnyKysely;
  /** Kysely on each shard (for DDL and loading). */
  readonly shards: readonly AnyKysely[];
  /** The foreign server names on the coordinator, one per shard. */
  readonly servers: readonly string[];
  /** `PostgreSQL 15.20 coordinator at 127.0.0.1:5432, 2 shards on ports …` */
  readonly description: string;
  /** Drops the servers (and every foreign table on them), closes, stops the clusters. */
  close(): Promise<void>;
}

/**
 * Starts `count` shard clusters and registers them on the test server; see
 * the module comment. The planner costs the foreign scans from the
 * coordinator's own statistics (ANALYZE the parent after loading):
 * `use_remote_estimate` would ask every shard for an EXPLAIN while planning
 * each page (3–7 ms a page here, against 0.3 ms) and, on a filtered page,
 * made it fetch every match and sort locally instead of merging the shards'
 * sorted scans. `fetch_size` 100 (the default) keeps a page from pulling
 * more than a hundred rows a shard at a time; `batch_size` 1000 batches
 * inserts routed through the coordinator.
 *
 * @example
 * const sharded = await openShardedPostgres(2);
 * if (sharded) { await createShardedTable(sharded, resource, { table }); … await sharded.close(); }
 */
export async function openShardedPostgres(count = 2): Promise<ShardedPostgres | undefined> {
  if (!(await serverAvailable('PostgreSQL', postgresSettings))) return undefined;
  const clusters = await startShardClusters(count);
  if (clusters === undefined) return undefined;
  // Loading a benchmark's rows through the coordinator outlasts the default statement timeout.
  const timeouts = { statementTimeoutMs: 600_000 };
  const coordinator: AnyKysely = new Kysely({
    dialect: postgresServerDialect(postgresSettings, timeouts),
  });
  const shards: AnyKysely[] = clusters.settings.map(
    (settings) => new Kysely({ dialect: postgresServerDialect(settings, timeouts) }),
  );
  const prefix = uniqueTableName('lq_shard');
  const servers = clusters.settings.map((_, i) => `${prefix}_${i}`);
  const close = async () => {
    try {
      for (const server of servers) {
        await sql`drop server if exists ${sql.id(server)} cascade`.execute(coordinator);
      }
    } finally {
      await Promise.all([coordinator, ...shards].map((db) => db.destroy()));
      await clusters.stop();
    }
  };
  try {
    // Two test files creating it at once race on the catalog; the loser retries.
    await sql`create extension if not exists postgres_fdw`
      .execute(coordinator)
      .catch(() => sql`create extension if not exists postgres_fdw`.execute(coordinator));
    for (const [i, settings] of clusters.settings.entries()) {
      const server = sql.id(servers[i]!);
      const options = [
        `host '${settings.host}'`,
        `port '${settings.port}'`,
        `dbname '${settings.database}'`,
        `use_remote_estimate 'false'`,
        `batch_size '1000'`,
      ].join(', ');
      await sql`create server ${server} foreign data wrapper postgres_fdw options (${sql.raw(options)})`.execute(
        coordinator,
      );
      await sql`create user mapping for current_user server ${server} options (user ${sql.lit(settings.user)})`.execute(
        coordinator,
      );
    }
  } catch (error) {
    await close();
    throw error;
  }
  const ports = clusters.settings.map((s) => s.port).join(', ');
  return {
    coordinator,
    shards,
    servers,
    description:
      `${clusters.version}: coordinator at ${postgresSettings.host}:${postgresSettings.port}, ` +
      `${count} shards (postgres_fdw) on 127.0.0.1 ports ${ports}`,
    close,
  };
}

/**
 * The coordinator's DDL for a sharded table: the parent with listql's column
 * types (text `collate "C"`, which postgres_fdw may send to the shards) and
 * NOT NULL where the field is not nullable, partitioned by hash of the id,
 * and one foreign-table partition per shard naming the shard's table.
 *
 * @example
 * shardedTableSql(leads, 'leads', ['shard_a', 'shard_b']);
 */
export function shardedTableSql(
  resource: Resource,
  table: string,
  servers: readonly string[],
): RawBuilder<unknown>[] {
  const columns = resource.fieldList.map(
    (field) =>
      sql`${sql.id(field.column)} ${postgresDialect.columnType({ field, indexed: false })}${sql.raw(field.nullable ? '' : ' not null')}`,
  );
  const id = resource.fields.get(resource.idField)!.column;
  return [
    sql`create table ${sql.table(table)} (${sql.join(columns)}) partition by hash (${sql.id(id)})`,
    ...servers.map(
      (server, i) =>
        sql`create foreign table ${sql.table(`${table}_p${i}`)} partition of ${sql.table(table)} for values with (modulus ${sql.lit(servers.length)}, remainder ${sql.lit(i)}) server ${sql.id(server)} options (table_name ${sql.lit(table)})`,
    ),
  ];
}

/**
 * Creates `table` on every shard (createTable: primary key and recommended
 * indexes; with `indexes: false` the bare table, for a bulk load followed by
 * {@link indexShardedTable}) and the partitioned parent on the coordinator.
 *
 * @example
 * await createShardedTable(sharded, leads, 'lq_leads');
 */
export async function createShardedTable(
  sharded: ShardedPostgres,
  resource: Resource,
  table: string,
  options: { readonly indexes?: boolean } = {},
): Promise<void> {
  await Promise.all(
    sharded.shards.map((shard) =>
      options.indexes === false
        ? createTableQueries(shard, resource, { table }).table.execute()
        : createTable(shard, resource, { table }),
    ),
  );
  for (const statement of shardedTableSql(resource, table, sharded.servers)) {
    await statement.execute(sharded.coordinator);
  }
}

/**
 * Creates the recommended indexes on every shard's table, the shards at once.
 *
 * @example
 * await indexShardedTable(sharded, leads, 'lq_leads');
 */
export async function indexShardedTable(
  sharded: ShardedPostgres,
  resource: Resource,
  table: string,
): Promise<void> {
  await Promise.all(
    sharded.shards.map(async (shard) => {
      for (const index of createTableQueries(shard, resource, { table }).indexes) {
        await index.execute();
      }
    }),
  );
}

/**
 * Refreshes the statistics of the shards' tables and of the coordinator's
 * parent (which samples the shards), as a loaded table needs.
 *
 * @example
 * await analyzeShardedTable(sharded, 'lq_leads');
 */
export async function analyzeShardedTable(sharded: ShardedPostgres, table: string): Promise<void> {
  await Promise.all(sharded.shards.map((shard) => sql`analyze ${sql.table(table)}`.execute(shard)));
  await sql`analyze ${sql.table(table)}`.execute(sharded.coordinator);
}

/**
 * Drops the parent (and its foreign partitions) and the shards' tables.
 *
 * @example
 * await dropShardedTable(sharded, 'lq_leads');
 */
export async function dropShardedTable(sharded: ShardedPostgres, table: string): Promise<void> {
  await sql`drop table if exists ${sql.table(table)} cascade`.execute(sharded.coordinator);
  await Promise.all(
    sharded.shards.map((shard) => sql`drop table if exists ${sql.table(table)}`.execute(shard)),
  );
}

/** The PostgreSQL array type of each field type, for `unnest` loads. */
export const PG_ARRAY_TYPES = {
  string: 'text[]',
  enum: 'text[]',
  number: 'float8[]',
  boolean: 'bool[]',
  datetime: 'timestamptz[]',
} as const;

/**
 * Loads many rows (field-keyed, as `insertRows` takes them) fast: the
 * coordinator says which partition each id hashes to
 * (`satisfies_hash_partition`, the check PostgreSQL itself routes by), then
 * every shard takes its rows straight, `INSERT … SELECT FROM unnest(arrays)`
 * 20,000 at a time, all shards at once. Routing each row through the
 * coordinator's foreign tables is several times slower.
 *
 * @example
 * await loadShardedRows(sharded, leads, 'lq_leads', rows);
 */
export async function loadShardedRows(
  sharded: ShardedPostgres,
  resource: Resource,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const idField = resource.fields.get(resource.idField)!;
  const idType = sql.raw(PG_ARRAY_TYPES[idField.type]);
  const count = sharded.shards.length;
  const parts: Record<string, unknown>[][] = sharded.shards.map(() => []);
  const batch = 20_000;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const ids = chunk.map((row) => storageValue(postgresDialect, idField, row[idField.name]));
    for (let remainder = 0; remainder < count; remainder++) {
      const hit = await sql<{
        i: number;
      }>`select i::int from unnest(${ids}::${idType}) with ordinality as u(id, i)
        where satisfies_hash_partition(${sql.lit(table)}::regclass, ${sql.lit(count)}, ${sql.lit(remainder)}, id)`.execute(
        sharded.coordinator,
      );
      for (const { i } of hit.rows) parts[remainder]!.push(chunk[i - 1]!);
    }
  }
  const columns = sql.join(resource.fieldList.map((f) => sql.id(f.column)));
  await Promise.all(
    sharded.shards.map(async (shard, i) => {
      const mine = parts[i]!;
      for (let start = 0; start < mine.length; start += batch) {
        const chunk = mine.slice(start, start + batch);
        const arrays = resource.fieldList.map(
          (f) =>
            sql`${chunk.map((row) => storageValue(postgresDialect, f, row[f.name]))}::${sql.raw(PG_ARRAY_TYPES[f.type])}`,
        );
        await sql`insert into ${sql.table(table)} (${columns}) select * from unnest(${sql.join(arrays)})`.execute(
          shard,
        );
      }
    }),
  );
}

/**
 * An Engine (see test/support/engine.ts) over a sharded PostgreSQL: `load`
 * creates a sharded table with a unique name, inserts the rows through the
 * coordinator (which routes each to its shard) and analyzes it; `run` is
 * `runListQuery` with {@link postgresFdwDialect}.
 *
 * @example
 * const engine = shardedPostgresEngine(sharded);
 * const dataset = await engine.load(resource, rows);
 */
export function shardedPostgresEngine(sharded: ShardedPostgres): Engine {
  return {
    name: 'sharded postgres',
    async load(resource: Resource, rows: readonly StoredRow[]): Promise<LoadedDataset> {
      const table = uniqueTableName('lq_sharded');
      const db = sharded.coordinator;
      await createShardedTable(sharded, resource, table);
      try {
        const byField = rows.map((row) =>
          Object.fromEntries(resource.fieldList.map((f) => [f.name, row[f.column]])),
        );
        await insertRows(db, resource, byField, { table, dialect: postgresFdwDialect });
        await analyzeShardedTable(sharded, table);
      } catch (error) {
        await dropShardedTable(sharded, table);
        throw error;
      }
      return {
        run: (query) => runListQuery(db, resource, query, { table, dialect: postgresFdwDialect }),
        drop: () => dropShardedTable(sharded, table),
      };
    },
    // The connections belong to `sharded`, closed by its own close().
    close: async () => {},
  };
}
