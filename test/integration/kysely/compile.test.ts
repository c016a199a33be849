/**
 * What the Kysely backend decides before any SQL runs: values that may not
 * reach a driver, names the resource does not know, how driver values are
 * read back, and the small pure helpers. Compiled with a DummyDriver.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  DialectAdapterBase,
  DummyDriver,
  Kysely,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  applyListQuery,
  containsPattern,
  createTableQueries,
  filterSql,
  insertRows,
  listRowReader,
  mysqlBinaryDialect,
  mysqlDialect,
  mysqlTypeCast,
  postgresDialect,
  readListRow,
  readValue,
  recommendedIndexes,
  selectedFields,
  sqlDialectOf,
  sqliteDialect,
} from '../../../src/backends/kysely/index.js';
import { dateIso, mysqlInstant, postgresInstant } from '../../../src/backends/kysely/instants.js';
import {
  comparison,
  type FilterNode,
  inList,
  leads,
  parseListQuery,
  search,
  tags,
  withColumns,
} from '../../../src/index.js';
import { compileOnly } from './compile-only.js';

/** The installed Kysely (CI installs the lowest of the peer range for a second run). */
const KYSELY_VERSION = (
  JSON.parse(
    readFileSync(new URL('../../../node_modules/kysely/package.json', import.meta.url), 'utf8'),
  ) as {
    version: string;
  }
).version;

const db = compileOnly('mysql');
const base = parseListQuery(leads, 'fields=id');
const compileWith = (filter: FilterNode) =>
  applyListQuery(
    db.selectFrom('leads'),
    leads,
    { ...base, filter },
    { dialect: mysqlDialect },
  ).compile();
const field = (name: string) => leads.fields.get(name)!;

describe('values that must not reach a driver', () => {
  const bad: [string, FilterNode][] = [
    ['an array', comparison('status', 'eq', ['won', 'lost'] as unknown as string)],
    ['an object', comparison('value', 'eq', { toString: () => '1' } as unknown as number)],
    ['null', comparison('value', 'gt', null as unknown as number)],
    ['NaN', comparison('value', 'gt', Number.NaN)],
    ['Infinity', inList('value', [1, Number.POSITIVE_INFINITY])],
    ['a string on a number field', comparison('value', 'gte', '100')],
    ['a number on a string field', comparison('name', 'eq', 5)],
    ['a boolean on a date field', comparison('createdAt', 'eq', true)],
    ['a date without a zone', comparison('createdAt', 'gte', '2026-01-31T10:00:00')],
    ['an impossible date', comparison('createdAt', 'gte', 'yesterday')],
    ['an object inside a list', inList('labelId', ['a', { a: 1 } as unknown as string])],
    ['a lone surrogate', comparison('name', 'eq', 'a\uD83D')],
  ];
  it.each(bad)('refuses %s with a TypeError naming the field', (_what, filter) => {
    expect(() => compileWith(filter)).toThrow(TypeError);
    expect(() => compileWith(filter)).toThrow(/listql\/kysely: a filter on '\w+'/);
  });

  it('refuses a search term with a lone surrogate', () => {
    expect(() => compileWith(search(['name'], '\uDE00x'))).toThrow(/lone surrogate/);
  });

  it('refuses a non-scalar stored value before inserting', async () => {
    const rows = [{ id: 'l1', status: 'open', source: 'api', name: ['x'] }];
    await expect(insertRows(db, leads, rows, { table: 'leads' })).rejects.toThrow(TypeError);
    const dated = [{ id: 'l1', createdAt: '2026-01-31 10:00:00' }];
    await expect(insertRows(db, leads, dated, { table: 'leads' })).rejects.toThrow(/zone/);
  });

  it('keeps hostile strings out of the SQL text', () => {
    const hostile = "x' or '1'='1\\";
    const compiled = compileWith(inList('labelId', [hostile, `${hostile}2`]));
    expect(compiled.sql).not.toContain("'1'='1");
    expect(compiled.parameters).toContain(hostile);
  });
});

describe('names', () => {
  it('refuses a field the resource does not declare', () => {
    expect(() => compileWith(comparison('nope' as 'name', 'eq', 'x'))).toThrow(
      /field 'nope', which resource 'leads' does not declare/,
    );
  });

  it('refuses a search over a non-string field', () => {
    expect(() => compileWith(search(['value'], '1'))).toThrow(/only string fields/);
  });

  it('qualifies columns with the table for joins', () => {
    const sql = filterSql(leads, comparison('value', 'gt', 1), {
      dialect: postgresDialect,
      table: 'crm.leads',
    });
    expect(compileOnly('postgres').selectFrom('leads').selectAll().where(sql).compile().sql).toBe(
      'select * from "leads" where "crm"."leads"."value" > $1',
    );
  });

  it('tells the dialect from the adapter, and refuses an unknown one', () => {
    expect(sqlDialectOf(compileOnly('postgres'))).toBe(postgresDialect);
    expect(sqlDialectOf(compileOnly('sqlite'))).toBe(sqliteDialect);
    class OtherAdapter extends DialectAdapterBase {
      override get supportsReturning(): boolean {
        return false;
      }
      override get supportsTransactionalDdl(): boolean {
        return false;
      }
      override async acquireMigrationLock(): Promise<void> {}
      override async releaseMigrationLock(): Promise<void> {}
    }
    const other = new Kysely({
      dialect: {
        createAdapter: () => new OtherAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new SqliteIntrospector(k),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
    expect(() => sqlDialectOf(other)).toThrow(/OtherAdapter.*pass \{ dialect/);
  });
});

describe('ORDER BY names', () => {
  const swapped = withColumns(leads, { name: 'email', email: 'name' });
  const query = parseListQuery(swapped, 'sort=email:asc&fields=id,name,email');

  it('refuses a sort column that another selected field is named after, without a table', () => {
    expect(() =>
      applyListQuery(db.selectFrom('leads'), swapped, query, { dialect: mysqlDialect }),
    ).toThrow(/sorting by 'email' \(column name\) while field 'name' \(column email\)/);
  });

  it('qualifies the columns instead when given the table', () => {
    const compiled = applyListQuery(db.selectFrom('leads'), swapped, query, {
      dialect: mysqlDialect,
      table: 'leads',
    }).compile();
    expect(compiled.sql).toContain(
      'order by `leads`.`name` is null asc, cast(`leads`.`name` as binary) asc',
    );
  });
});

describe('mysqlTypeCast', () => {
  const field = (type: string, text: string | null) => ({ type, string: () => text });
  const next = () => 'default';
  it('reads doubles with Number(), every digit', () => {
    expect(mysqlTypeCast(field('DOUBLE', '987218057.6624821'), next)).toBe(987218057.6624821);
    expect(mysqlTypeCast(field('DOUBLE', null), next)).toBeNull();
  });
  it('hands dates over as text and leaves the rest to mysql2', () => {
    expect(mysqlTypeCast(field('DATETIME', '0045-03-15 00:00:00.000'), next)).toBe(
      '0045-03-15 00:00:00.000',
    );
    expect(mysqlTypeCast(field('VAR_STRING', 'x'), next)).toBe('default');
  });
});

describe('pages', () => {
  it('keeps an absurd offset a safe integer', () => {
    const query = { ...base, page: { limit: 100, page: Number.MAX_SAFE_INTEGER } };
    const compiled = applyListQuery(db.selectFrom('leads'), leads, query, {
      dialect: mysqlDialect,
    }).compile();
    expect(compiled.parameters.at(-1)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('containsPattern', () => {
  it.each([
    ['john', '%john%'],
    ['JoHn', '%john%'],
    ['ÉCLAIR', '%Éclair%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
    ["O'Brien", "%o'brien%"],
    ['', '%%'],
  ])('%j becomes %j', (term, pattern) => {
    expect(containsPattern(term)).toBe(pattern);
  });
});

describe('reading driver values', () => {
  it.each([
    ['ad_storage', 1, true],
    ['ad_storage', 0, false],
    ['ad_storage', 't', true],
    ['ad_storage', false, false],
    ['value', '99.5', 99.5],
    ['value', 12n, 12],
    ['value', -3, -3],
    ['name', 'é', 'é'],
    ['name', new TextEncoder().encode('é'), 'é'],
    ['name', null, null],
    ['name', undefined, null],
    ['createdAt', new Date(Date.UTC(2026, 0, 31)), '2026-01-31T00:00:00.000Z'],
    ['createdAt', '2026-01-31T10:00:00.123Z', '2026-01-31T10:00:00.123Z'],
    ['createdAt', '2026-01-31 10:00:00.123', '2026-01-31T10:00:00.123Z'],
    ['createdAt', '2026-01-31 10:00:00', '2026-01-31T10:00:00.000Z'],
    ['createdAt', '2026-01-31 12:00:00.5+02', '2026-01-31T10:00:00.500Z'],
    ['createdAt', '2026-01-31 04:30:00-05:30', '2026-01-31T10:00:00.000Z'],
    ['createdAt', '0001-12-31 23:59:59.999+00 BC', '0000-12-31T23:59:59.999Z'],
    ['createdAt', '0045-03-15 00:00:00+00', '0045-03-15T00:00:00.000Z'],
    ['createdAt', 0, '1970-01-01T00:00:00.000Z'],
  ])('%s: %o reads as %o', (name, raw, expected) => {
    expect(readValue(field(name), raw)).toEqual(expected);
  });

  it.each([
    ['ad_storage', 2],
    ['value', 'abc'],
    ['name', 5],
    ['createdAt', 'soon'],
    ['createdAt', new Date(Number.NaN)],
  ])('%s: refuses %o', (name, raw) => {
    expect(() => readValue(field(name), raw)).toThrow(/cannot read/);
  });

  it("reads MySQL's DATETIME text as the general parse does, in range and out of it", () => {
    // The general parse of a zone-less SQL date-time: Date's rollover for fields out of range.
    const general = (text: string) => {
      const [y, mo, d, h, mi, s, ms] = text.split(/[- :.]/).map(Number) as number[];
      const date = new Date(Date.UTC(2000, mo! - 1, d, h, mi, s, ms));
      date.setUTCFullYear(y!);
      return date.toISOString();
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const text = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([y, mo, d, h, mi, s, ms]) =>
          `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}`,
      );
    const fields = selectedFields(leads, ['createdAt']);
    const inPlace = listRowReader(fields, { reuseRows: true });
    const copying = listRowReader(fields);
    fc.assert(
      fc.property(text, (raw) => {
        const expected = general(raw);
        expect(readValue(field('createdAt'), raw)).toBe(expected);
        expect(copying({ createdAt: raw }).createdAt).toBe(expected);
        expect(inPlace({ createdAt: raw }).createdAt).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
    for (const raw of [
      '2024-02-29 00:00:00.000',
      '0000-02-29 12:00:00.000',
      '2023-02-29 00:00:00.000',
    ]) {
      expect(readValue(field('createdAt'), raw)).toBe(general(raw));
    }
    expect(readValue(field('createdAt'), '2023-02-29 00:00:00.000')).toBe(
      '2023-03-01T00:00:00.000Z',
    );
  });

  it('returns exactly the selected keys', () => {
    const fields = selectedFields(leads, ['id', 'value']);
    expect(readListRow(fields, { id: 'a', value: '5', extra: 1 })).toEqual({ id: 'a', value: 5 });
  });

  it('reuseRows converts rows of exactly the fields in place, and copies any other row', () => {
    const fields = selectedFields(leads, ['id', 'ad_storage', 'createdAt', 'value']);
    const read = listRowReader(fields, { reuseRows: true });
    const at = new Date('2026-01-31T10:00:00.000Z');
    const row = { id: 'a', ad_storage: 1, createdAt: at, value: null };
    const out = read(row);
    expect(out).toBe(row);
    expect(out).toEqual({
      id: 'a',
      ad_storage: true,
      createdAt: '2026-01-31T10:00:00.000Z',
      value: null,
    });
    expect(Object.keys(out)).toEqual(['id', 'ad_storage', 'createdAt', 'value']);
    expect(() => read({ id: 'b', ad_storage: 2, createdAt: at, value: null })).toThrow(
      /cannot read/,
    );

    // A first row of another layout (an extra key, another order): every row is copied.
    const copying = listRowReader(fields, { reuseRows: true });
    const other = { value: '5', id: 'c', createdAt: at, ad_storage: 0, extra: 1 };
    const copied = copying(other);
    expect(copied).not.toBe(other);
    expect(copied).toEqual({
      id: 'c',
      ad_storage: false,
      createdAt: '2026-01-31T10:00:00.000Z',
      value: 5,
    });
    expect(other.value).toBe('5');
    // Without the option, the row passed in is left alone.
    const kept = { id: 'a', ad_storage: 1, createdAt: at, value: null };
    expect(listRowReader(fields)(kept)).not.toBe(kept);
    expect(kept.ad_storage).toBe(1);
  });
});

describe('instants as drivers bind them', () => {
  it('spells ISO year 0 as 1 BC for PostgreSQL', () => {
    expect(postgresInstant(Date.UTC(2026, 0, 31))).toBe('2026-01-31T00:00:00.000Z');
    const yearZero = new Date(Date.UTC(2000, 5, 1, 12)).setUTCFullYear(0);
    expect(postgresInstant(yearZero)).toBe('0001-06-01T12:00:00.000+00 BC');
  });

  it('formats a Date exactly as toISOString does, in years 0–9999 and beyond', () => {
    const edges = [
      Date.UTC(1970, 0, 1),
      -1,
      new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(0),
      new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(0) - 1,
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1,
      Date.UTC(2000, 1, 29, 12),
      Date.UTC(1900, 2, 1),
      8.64e15,
      -8.64e15,
    ];
    for (const ms of edges) expect(dateIso(new Date(ms))).toBe(new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(dateIso(new Date(ms))).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(0), max: 253402300799999 }),
        (ms) => {
          expect(dateIso(new Date(ms))).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('spells a zone-less DATETIME for MySQL', () => {
    expect(mysqlInstant(Date.UTC(2026, 0, 31, 10, 0, 0, 7))).toBe('2026-01-31 10:00:00.007');
  });
});

describe('DDL options', () => {
  it('takes another NO PAD collation for MySQL 8, and refuses a malformed one', () => {
    const { table } = createTableQueries(db, leads, {
      table: 'leads',
      mysqlCollation: 'utf8mb4_0900_bin',
    });
    expect(table.compile().sql).toMatch(/character set utf8mb4 collate utf8mb4_0900_bin$/);
    expect(() =>
      createTableQueries(db, leads, { table: 'leads', mysqlCollation: 'x; drop table y' }),
    ).toThrow(/not a utf8mb4 collation/);
  });

  it('shortens index names past the identifier limit and honours explicit indexes', () => {
    const long = `t${'x'.repeat(60)}`;
    const { indexes } = createTableQueries(compileOnly('postgres'), leads, {
      table: long,
      indexes: [['createdAt', 'id']],
    });
    expect(indexes.map((q) => q.compile().sql)).toEqual([
      `create index "${long.slice(0, 50)}_idx1" on "${long}" ("createdAt", "id")`,
    ]);
  });

  // CI runs this file on the lowest (0.28) and the highest Kysely of the peer range.
  it('declares indexes inside CREATE TABLE on MySQL with Kysely 0.29+, as CREATE INDEX on 0.28', () => {
    const { table, indexes } = createTableQueries(db, leads, {
      table: 'leads',
      indexes: [['status', 'createdAt', 'id']],
    });
    if (KYSELY_VERSION.startsWith('0.28.')) {
      expect(table.compile().sql).not.toMatch(/\bindex\b/);
      expect(indexes.map((q) => q.compile().sql)).toEqual([
        'create index `leads_status_createdAt_id_idx` on `leads` (`status`, `createdAt`, `id`)',
      ]);
    } else {
      expect(indexes).toEqual([]);
      expect(table.compile().sql).toContain(
        'index `leads_status_createdAt_id_idx` (`status`, `createdAt`, `id`))',
      );
    }
  });

  it('writes descending keys nulls last on PostgreSQL, and refuses them inline on MySQL', () => {
    const { indexes } = createTableQueries(compileOnly('postgres'), leads, {
      table: 'leads',
      indexes: [['value:desc', 'id:desc']],
    });
    expect(indexes.map((q) => q.compile().sql)).toEqual([
      'create index "leads_value_desc_id_desc_idx" on "leads" ("value" desc nulls last, "id" desc)',
    ]);
    expect(() =>
      createTableQueries(db, leads, { table: 'leads', indexes: [['value:desc', 'id:desc']] }),
    ).toThrow(/descending/);
  });

  it('recommends text sorts and nulls-last descending indexes where the dialect can use them', () => {
    const pg = recommendedIndexes(leads, postgresDialect);
    expect(pg).toContainEqual(['value:desc', 'id:desc']);
    expect(pg).toContainEqual(['name', 'id']);
    expect(pg).not.toContainEqual(['createdAt:desc', 'id:desc']);
    const mysql = recommendedIndexes(leads, mysqlDialect);
    expect(mysql).not.toContainEqual(['name', 'id']);
    expect(mysql.flat().some((key) => key.endsWith(':desc'))).toBe(false);
  });

  it('recommends each index once: a sortable list field without a default sort', () => {
    // `name` is sortable and a list: the sort index and the list index are both (name, id).
    const indexes = recommendedIndexes(tags, postgresDialect);
    expect(indexes.filter((keys) => keys.join() === 'name,id')).toHaveLength(1);
    expect(() => createTableQueries(db, tags, { table: 'tags' })).not.toThrow();
  });
});

describe('mysqlBinaryDialect', () => {
  it('orders, compares and seeks on the bare columns', () => {
    const query = parseListQuery(leads, 'fields=id&status=won,lost&website=x');
    const after = { ...query, after: ['2026-01-01T00:00:00.000Z', 'lead_1'] };
    const text = applyListQuery(db.selectFrom('leads'), leads, after, {
      dialect: mysqlBinaryDialect,
    }).compile().sql;
    expect(text).not.toContain('binary');
    expect(text).toContain('order by `createdAt` desc, `id` desc');
    expect(text).toContain('(`createdAt`, `id`) < (?, ?)');
  });
});
