/**
 * A labeled-leads resource whose tables are unique to one test run (root,
 * labels, tags, lead_tags, notes), loaded with the Kysely backend's DDL
 * helpers, for the SQL relation tests. Related rows are given keyed by
 * field name (join rows by their two columns), as `insertRows` takes them.
 */
import Database from 'better-sqlite3';
import { Kysely, type LogEvent, SqliteDialect, sql } from 'kysely';
import {
  createRelatedTables,
  createTable,
  detectSqlDialect,
  insertRows,
  type SqlDialect,
  sqliteStatementCache,
} from '../../src/backends/kysely/index.js';
import {
  mysqlServerDialect,
  postgresServerDialect,
} from '../../src/demo/stores/server-dialects.js';
import {
  defineResource,
  exists,
  labels,
  leads,
  notes,
  type Resource,
  tags,
} from '../../src/index.js';
import { mysqlSettings, postgresSettings, serverAvailable } from './databases.js';
import { type AnyKysely, uniqueTableName } from './engines/kysely.js';

/** The tables of one run. */
export interface RelationTables {
  readonly root: string;
  readonly labels: string;
  readonly tags: string;
  readonly leadTags: string;
  readonly notes: string;
}

/** Unique table names for one run. */
export function relationTables(): RelationTables {
  const base = uniqueTableName('rel');
  return {
    root: `${base}_leads`,
    labels: `${base}_labels`,
    tags: `${base}_tags`,
    leadTags: `${base}_lead_tags`,
    notes: `${base}_notes`,
  };
}

/**
 * `labeledLeads` on the tables of one run, plus `coloredLabel`: the same
 * labels table as `label`, through a `where` (only labels with a color), so
 * a refused to-one target and two aliases of one table are both exercised.
 */
export function labeledLeadsOn(tables: RelationTables) {
  return defineResource({
    ...leads.definition,
    name: 'labeled-leads',
    groups: true,
    relations: {
      label: { type: 'toOne', resource: labels, localKey: 'labelId', table: tables.labels },
      coloredLabel: {
        type: 'toOne',
        resource: labels,
        localKey: 'labelId',
        table: tables.labels,
        where: exists('color', true),
      },
      tags: {
        type: 'manyToMany',
        resource: tags,
        table: tables.tags,
        through: { table: tables.leadTags, sourceColumn: 'lead_id', targetColumn: 'tag_id' },
        where: exists('deletedAt', false),
      },
      notes: {
        type: 'toMany',
        resource: notes,
        foreignKey: 'leadId',
        embedLimit: 5,
        table: tables.notes,
      },
    },
  });
}

/** The rows of one dataset: root rows and related rows by relation table. */
export interface RelationData {
  readonly leads: readonly Record<string, unknown>[];
  readonly labels: readonly Record<string, unknown>[];
  readonly tags: readonly Record<string, unknown>[];
  readonly leadTags: readonly { readonly lead_id: string; readonly tag_id: string }[];
  readonly notes: readonly Record<string, unknown>[];
}

/** Creates the tables of `resource` (root and related) and inserts `data`; returns the dialect the tables allow. */
export async function loadRelationData(
  db: AnyKysely,
  resource: Resource,
  tables: RelationTables,
  data: RelationData,
): Promise<SqlDialect> {
  await createTable(db, resource, { table: tables.root });
  await createRelatedTables(db, resource);
  await insertRows(db, resource, data.leads, { table: tables.root });
  await insertRows(db, labels, data.labels, { table: tables.labels });
  await insertRows(db, tags, data.tags, { table: tables.tags });
  await insertRows(db, notes, data.notes, { table: tables.notes });
  if (data.leadTags.length > 0) {
    await db
      .insertInto(tables.leadTags)
      .values([...data.leadTags])
      .execute();
  }
  return detectSqlDialect(db, resource, { table: tables.root });
}

/** Drops every table of a run. */
export async function dropRelationTables(db: AnyKysely, tables: RelationTables): Promise<void> {
  for (const table of Object.values(tables)) {
    await sql`drop table if exists ${sql.id(table)}`.execute(db);
  }
}

/** A database to run the relation tests on, opened with a statement log. */
export interface SqlSetup {
  readonly name: string;
  readonly available: () => Promise<boolean>;
  /** A Kysely instance whose `log` sees every statement, the cached ones (raw) too. */
  readonly connect: (log: (event: LogEvent) => void) => AnyKysely;
}

/** SQLite (better-sqlite3 in memory), a PostgreSQL server, a MariaDB server. */
export const sqlSetups: SqlSetup[] = [
  {
    name: 'SQLite',
    available: async () => true,
    connect: (log) =>
      new Kysely({
        dialect: new SqliteDialect({ database: sqliteStatementCache(new Database(':memory:')) }),
        log,
      }),
  },
  {
    name: 'PostgreSQL',
    available: () => serverAvailable('PostgreSQL', postgresSettings),
    connect: (log) => new Kysely({ dialect: postgresServerDialect(postgresSettings), log }),
  },
  {
    name: 'MariaDB',
    available: () => serverAvailable('MariaDB', mysqlSettings),
    connect: (log) => new Kysely({ dialect: mysqlServerDialect(mysqlSettings), log }),
  },
];
