/**
 * The SQL of the opt-in forms on each dialect: `ne`/`nin` stay plain (no
 * `is null` branch) on a non-null column and take null rows on a nullable
 * one; the text operators are a LIKE with ESCAPE over the folded column, the
 * value a bound parameter with `%`, `_` and `\` escaped; a case-insensitive
 * sort orders by the folded text, then the text, then the id, in ORDER BY,
 * keyset conditions and the DDL helper's expression index alike. The
 * differential property test runs all of it on real databases.
 */
import { describe, expect, it } from 'vitest';
import {
  applyListQuery,
  createTableQueries,
  mysqlDialect,
  postgresDialect,
  recommendedIndexes,
  type SqlDialect,
  sqliteDialect,
} from '../../../src/backends/kysely/index.js';
import { parseListQuery } from '../../../src/index.js';
import { openLeads } from '../../support/open-leads.js';
import { compileOnly } from './compile-only.js';

const dialects: readonly [string, SqlDialect][] = [
  ['postgres', postgresDialect],
  ['mysql', mysqlDialect],
  ['sqlite', sqliteDialect],
];

function compiled(dialect: SqlDialect, text: string, after: readonly unknown[] | null = null) {
  const db = compileOnly(dialect.name);
  const query = { ...parseListQuery(openLeads, `fields=id&${text}`) };
  const withAfter = after === null ? query : { ...query, after: after as never, page: query.page };
  return applyListQuery(db.selectFrom('leads'), openLeads, withAfter, { dialect }).compile();
}

describe.each(dialects)('%s', (_name, dialect) => {
  it('status[ne] on a non-null column has no is-null branch', () => {
    const { sql, parameters } = compiled(dialect, 'status[ne]=won');
    expect(sql).toMatch(/where not \(/);
    expect(sql).not.toContain('is null');
    expect(parameters).toContain('won');
  });

  it('status[nin] is a negated in-list of bound values', () => {
    const { sql, parameters } = compiled(dialect, 'status[nin]=won,lost');
    expect(sql).toMatch(/where not \(.* in \(/);
    expect(sql).not.toContain('is null');
    expect(parameters).toEqual(expect.arrayContaining(['won', 'lost']));
  });

  it('labelId[nin] on a nullable column lets null rows through', () => {
    const { sql } = compiled(dialect, 'labelId[nin]=a,b');
    expect(sql).toMatch(/"?`?labelId`?"? is null or not \(/);
  });

  it.each([
    ['contains', '%a\\%\\_\\\\b%'],
    ['startsWith', 'a\\%\\_\\\\b%'],
    ['endsWith', '%a\\%\\_\\\\b'],
  ])('name[%s] is a LIKE with ESCAPE, its value folded and escaped', (op, pattern) => {
    const { sql, parameters } = compiled(dialect, `name[${op}]=A%25_%5Cb`);
    expect(sql).toMatch(/ like \S+ escape /);
    expect(parameters).toContain(pattern);
  });

  it('a case-insensitive sort orders by the folded text, then the text, then the id', () => {
    const { sql } = compiled(dialect, 'sort=name:desc');
    const order = sql.slice(sql.indexOf(' order by '));
    const folded = order.indexOf(dialect.name === 'mysql' ? 'replace(' : 'lower(');
    expect(folded).toBeGreaterThan(-1);
    expect(order.lastIndexOf('name')).toBeGreaterThan(folded);
    expect(order).toMatch(/id.* desc/);
  });

  it('a cursor on a case-insensitive key compares the folded text, then the text', () => {
    const { sql, parameters } = compiled(dialect, 'sort=name', ['Acme', 'l_1']);
    expect(parameters).toEqual(expect.arrayContaining(['acme', 'Acme', 'l_1']));
    expect(sql).toContain(dialect.name === 'mysql' ? 'replace(' : 'lower(');
  });
});

describe('the DDL helper offers the expression index of a case-insensitive order', () => {
  it('recommends folded, then exact, then id (and the descending twin on PostgreSQL)', () => {
    expect(recommendedIndexes(openLeads, sqliteDialect)).toContainEqual([
      'name:folded',
      'name',
      'id',
    ]);
    expect(recommendedIndexes(openLeads, postgresDialect)).toContainEqual([
      'email:folded:desc',
      'email:desc',
      'id:desc',
    ]);
    // MySQL/MariaDB indexes are inline column lists: no expression index there.
    expect(recommendedIndexes(openLeads, mysqlDialect).flat()).not.toContain('name:folded');
  });

  it.each([
    ['postgres', postgresDialect, 'lower("name" collate "C") collate "C"'],
    ['sqlite', sqliteDialect, 'lower("name") collate binary'],
  ])('%s: on exactly the ORDER BY expression', (name, dialect, expression) => {
    const db = compileOnly(name as 'postgres' | 'sqlite');
    const { indexes } = createTableQueries(db, openLeads, { table: 'leads', dialect });
    const statements = indexes.map((index) => index.compile().sql);
    expect(statements).toContainEqual(expect.stringContaining(`((${expression}), "name", "id")`));
    const order = compiled(dialect, 'sort=name').sql;
    expect(order).toContain(expression);
  });

  it('refuses a folded key where indexes are inline (MySQL)', () => {
    const db = compileOnly('mysql');
    expect(() =>
      createTableQueries(db, openLeads, {
        table: 'leads',
        dialect: mysqlDialect,
        indexes: [['name:folded', 'id']],
      }),
    ).toThrow('descending or folded key');
  });
});
