/**
 * detectSqlDialect reads what the database really does instead of assuming
 * it: the table's collations on MariaDB (bare columns only where they order by
 * code point) and the connection's LIKE on SQLite (a bare LIKE only while it
 * folds A–Z alone).
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTable,
  detectSqlDialect,
  insertRows,
  mysqlBinaryDialect,
  mysqlDialect,
  runListQuery,
  sqliteCaseSensitiveLikeDialect,
  sqliteDialect,
} from '../../../src/backends/kysely/index.js';
import { runInMemory } from '../../../src/backends/memory/index.js';
import { defineResource, parseListQuery } from '../../../src/index.js';
import { mysqlSettings, serverAvailable } from '../../support/databases.js';
import { mariadbEngine, uniqueTableName } from '../../support/engines/kysely.js';

const resource = defineResource({
  name: 'words',
  id: 'id',
  fields: {
    id: { type: 'string', sortable: true },
    word: { type: 'string', nullable: true, sortable: true, searchable: true, filter: ['eq'] },
  },
  defaults: { sort: 'word', limit: 50 },
});
const ROWS = ['a', 'A', 'a ', 'b', 'É', 'é', 'Éclair', 'ÉCLAIR', 'jo', 'JO'].map((word, i) => ({
  id: `r${i}`,
  word,
}));

describe('SQLite', () => {
  const db = new Kysely({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  afterAll(() => db.destroy());

  it('keeps the bare LIKE while case_sensitive_like is off, and folds the column when it is on', async () => {
    await createTable(db, resource, { table: 'words' });
    await insertRows(db, resource, ROWS, { table: 'words' });
    const query = parseListQuery(resource, 'search=Jo');
    const expected = runInMemory(resource, query, ROWS).data;
    const off = await detectSqlDialect(db, resource, { table: 'words' });
    expect(off).toBe(sqliteDialect);
    await sql`pragma case_sensitive_like = on`.execute(db);
    const on = await detectSqlDialect(db, resource, { table: 'words' });
    expect(on).toBe(sqliteCaseSensitiveLikeDialect);
    // With the pragma on, the bare LIKE misses 'JO'; the detected dialect does not.
    const bare = await runListQuery(db, resource, query, { table: 'words', dialect: off });
    expect(bare.data).not.toEqual(expected);
    const folded = await runListQuery(db, resource, query, { table: 'words', dialect: on });
    expect(folded.data).toEqual(expected);
    await sql`pragma case_sensitive_like = off`.execute(db);
  });
});

const available = await serverAvailable('MariaDB', mysqlSettings);

describe.skipIf(!available)('MariaDB', () => {
  const engine = mariadbEngine();
  const tables: string[] = [];
  afterAll(async () => {
    for (const table of tables) await engine.kysely().schema.dropTable(table).ifExists().execute();
    await engine.close();
  });

  /** A table of `resource` with `collation`, holding ROWS. */
  async function table(collation?: string): Promise<string> {
    const name = uniqueTableName('collation');
    tables.push(name);
    const db = engine.kysely();
    await createTable(db, resource, {
      table: name,
      ...(collation === undefined ? {} : { mysqlCollation: collation }),
    });
    await insertRows(db, resource, ROWS, { table: name });
    return name;
  }

  it("orders bare columns on createTable's binary NO PAD tables, and the answers stay exact", async () => {
    const name = await table();
    const db = engine.kysely();
    const dialect = await detectSqlDialect(db, resource, { table: name });
    expect(dialect).toBe(mysqlBinaryDialect);
    for (const text of ['sort=word', 'sort=word:desc', 'word=a', 'word=É', 'search=éclair']) {
      const query = parseListQuery(resource, text);
      const result = await runListQuery(db, resource, query, { table: name, dialect });
      expect(result.data).toEqual(runInMemory(resource, query, ROWS).data);
    }
  });

  it('keeps the binary casts on PAD SPACE and case-insensitive collations', async () => {
    const db = engine.kysely();
    for (const collation of ['utf8mb4_bin', 'utf8mb4_general_ci']) {
      const name = await table(collation);
      const dialect = await detectSqlDialect(db, resource, { table: name });
      expect(dialect).toBe(mysqlDialect);
      for (const text of ['sort=word', 'word=a', 'word=A']) {
        const query = parseListQuery(resource, text);
        const result = await runListQuery(db, resource, query, { table: name, dialect });
        expect(result.data).toEqual(runInMemory(resource, query, ROWS).data);
      }
    }
  });
});
