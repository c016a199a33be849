/**
 * The Kysely backend as engines of the relation differential test: each
 * dataset gets tables of its own (root, related and join tables, uniquely
 * named through `renameTables`), created by `createTable` and
 * `createRelatedTables` with their key indexes, and dropped after.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import {
  createRelatedTables,
  createTable,
  detectSqlDialect,
  insertRows,
  runListQuery,
  sqliteStatementCache,
} from '../../../src/backends/kysely/index.js';
import {
  mysqlServerDialect,
  postgresServerDialect,
} from '../../../src/demo/stores/server-dialects.js';
import type { Resource } from '../../../src/index.js';
import type { RelatedDataset } from '../../../src/testing/index.js';
import { mysqlSettings, postgresSettings, serverAvailable } from '../databases.js';
import { renameTables } from '../relation-cases.js';
import type { RelationEngine, RelationEngineSetup } from '../relation-engines.js';
import { type AnyKysely, uniqueTableName } from './kysely.js';

/** Rows keyed by storage column as `insertRows` takes them: keyed by field name. */
function byField(resource: Resource, rows: readonly Record<string, unknown>[]) {
  return rows.map((row) =>
    Object.fromEntries(resource.fieldList.map((field) => [field.name, row[field.column] ?? null])),
  );
}

/** Every table a dataset of `resource` occupies: the root, related and join tables. */
function tableNames(resource: Resource, root: string): string[] {
  const names = new Set<string>([root]);
  for (const relation of resource.relations.values()) {
    names.add(relation.table);
    if (relation.through !== null) names.add(relation.through.table);
  }
  return [...names];
}

/** Creates and fills every table of `dataset` (renamed). */
async function loadTables(
  db: AnyKysely,
  resource: Resource,
  dataset: RelatedDataset,
  root: string,
): Promise<void> {
  await createTable(db, resource, { table: root });
  await createRelatedTables(db, resource);
  if (dataset.rows.length > 0) {
    await insertRows(db, resource, byField(resource, dataset.rows), { table: root });
  }
  const tables = [root];
  for (const relation of resource.relations.values()) {
    if (!tables.includes(relation.table)) {
      tables.push(relation.table);
      const rows = dataset.related[relation.table] ?? [];
      if (rows.length > 0) {
        await insertRows(db, relation.target, byField(relation.target, rows), {
          table: relation.table,
        });
      }
    }
    const through = relation.through;
    if (through !== null && !tables.includes(through.table)) {
      tables.push(through.table);
      const rows = (dataset.related[through.table] ?? []).map((row) => ({
        [through.sourceColumn]: row[through.sourceColumn] ?? null,
        [through.targetColumn]: row[through.targetColumn] ?? null,
      }));
      // Join rows with a null key link nothing and the join table's columns are NOT NULL.
      const linked = rows.filter(
        (row) => row[through.sourceColumn] !== null && row[through.targetColumn] !== null,
      );
      if (linked.length > 0) await db.insertInto(through.table).values(linked).execute();
    }
  }
}

/** A relation engine over a Kysely instance, created on first use. */
export function kyselyRelationEngine(name: string, connect: () => AnyKysely): RelationEngine {
  let db: AnyKysely | undefined;
  return {
    name,
    embedded: false,
    async load(resource, dataset) {
      db ??= connect();
      const kysely = db;
      const base = uniqueTableName('rp');
      const renamed = renameTables(resource, dataset, (table) => `${base}_${table}`);
      const root = `${base}_root`;
      const tables = tableNames(renamed.resource, root);
      const drop = async (): Promise<void> => {
        for (const table of tables) {
          await sql`drop table if exists ${sql.id(table)}`.execute(kysely);
        }
      };
      try {
        await loadTables(kysely, renamed.resource, renamed.dataset, root);
      } catch (error) {
        await drop();
        throw error;
      }
      const dialect = await detectSqlDialect(kysely, renamed.resource, { table: root });
      return {
        run: (query) => runListQuery(kysely, renamed.resource, query, { table: root, dialect }),
        drop,
      };
    },
    async close() {
      await db?.destroy();
      db = undefined;
    },
  };
}

/**
 * SQLite always; PostgreSQL and MariaDB when reachable (in CI an unreachable
 * server throws; elsewhere it is skipped with a loud message).
 *
 * @example
 * const setups = [...memorySetups, ...kyselyRelationSetups()];
 */
export function kyselyRelationSetups(): RelationEngineSetup[] {
  return [
    {
      name: 'sqlite',
      open: async () =>
        kyselyRelationEngine(
          'sqlite',
          () =>
            new Kysely({
              dialect: new SqliteDialect({
                database: sqliteStatementCache(new Database(':memory:')),
              }),
            }),
        ),
    },
    {
      name: 'postgres',
      open: async () =>
        (await serverAvailable('PostgreSQL', postgresSettings))
          ? kyselyRelationEngine(
              'postgres',
              () => new Kysely({ dialect: postgresServerDialect(postgresSettings) }),
            )
          : undefined,
    },
    {
      name: 'mariadb',
      open: async () =>
        (await serverAvailable('MariaDB', mysqlSettings))
          ? kyselyRelationEngine(
              'mariadb',
              () => new Kysely({ dialect: mysqlServerDialect(mysqlSettings) }),
            )
          : undefined,
    },
  ];
}
