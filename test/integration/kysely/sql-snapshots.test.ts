/**
 * The SQL listql writes, per dialect, for a handful of queries: every value a
 * bound parameter, identifiers from the resource (snake_case columns here),
 * nulls last, code point order, escaped search. Review a snapshot diff as you
 * would review hand-written SQL.
 */
import type { Compilable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { embedQuery } from '../../../src/backends/kysely/embed-rows.js';
import {
  applyListCount,
  applyListQuery,
  createTableQueries,
  type SqlDialectName,
  sqlDialectOf,
} from '../../../src/backends/kysely/index.js';
import { loose } from '../../../src/backends/kysely/loose-db.js';
import {
  and,
  comparison,
  exists,
  inList,
  labeledLeads,
  leads,
  not,
  or,
  parseListQuery,
  relationOf,
  search,
  snakeCase,
  withColumns,
} from '../../../src/index.js';
import { compileOnly, readableSql } from './compile-only.js';

const resource = withColumns(leads, snakeCase);
const DIALECTS: readonly SqlDialectName[] = ['postgres', 'mysql', 'sqlite'];

function show(query: Compilable): { sql: string; parameters: readonly unknown[] } {
  const compiled = query.compile();
  return { sql: readableSql(compiled.sql), parameters: compiled.parameters };
}

describe.each(DIALECTS)('%s', (name) => {
  const db = compileOnly(name);
  const dialect = sqlDialectOf(db);
  const page = (text: string) =>
    show(
      applyListQuery(db.selectFrom('leads'), resource, parseListQuery(resource, text), { dialect }),
    );

  it('picks its dialect from the adapter', () => {
    expect(dialect.name).toBe(name);
  });

  it('filters, sorts by a nullable number descending and selects fields', () => {
    expect(
      page('status=won&value[gte]=100&sort=value:desc&fields=id,name,value'),
    ).toMatchSnapshot();
  });

  it('expands days into half-open ranges on the bare column', () => {
    expect(
      page('createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true&fields=id'),
    ).toMatchSnapshot();
  });

  it('searches case-insensitively with escaped wildcards, and pages', () => {
    expect(
      page('search=50%25_Off%5C&source=gtm,wordpress&limit=20&page=3&fields=id'),
    ).toMatchSnapshot();
  });

  it('sorts strings by code point with nulls last ascending', () => {
    expect(page('sort=name:asc&fields=id,name')).toMatchSnapshot();
  });

  it('compiles or / not / empty lists with two-valued logic', () => {
    const base = parseListQuery(resource, 'fields=id&sort=createdAt:desc');
    const filter = and([
      not(and([comparison('value', 'gt', 5), inList('labelId', ['l1', 'l2'])])),
      or([exists('qualifiedAt', false), inList('status', [])]),
      not(inList('source', [])),
      not(search(['name'], 'x')),
    ]);
    expect(
      show(applyListQuery(db.selectFrom('leads'), resource, { ...base, filter }, { dialect })),
    ).toMatchSnapshot();
  });

  it('seeks a cursor page with a row value on one-direction, non-null keys', () => {
    const base = parseListQuery(resource, 'status=won&fields=id&limit=20');
    const after = ['2026-03-01T10:00:00.000Z', 'lead_42'];
    expect(
      show(applyListQuery(db.selectFrom('leads'), resource, { ...base, after }, { dialect })),
    ).toMatchSnapshot();
  });

  it('seeks a cursor page with the OR chain on a nullable key', () => {
    const base = parseListQuery(resource, 'sort=value:desc&fields=id&limit=20');
    const after = [100, 'lead_42'];
    expect(
      show(applyListQuery(db.selectFrom('leads'), resource, { ...base, after }, { dialect })),
    ).toMatchSnapshot();
  });

  it('counts with the same where clause and no order or page', () => {
    const query = parseListQuery(resource, 'status=won,lost&value[gte]=100&sort=createdAt:desc');
    expect(
      show(applyListCount(db.selectFrom('leads'), resource, query, { dialect })),
    ).toMatchSnapshot();
  });

  it('creates the leads table and its recommended indexes', () => {
    const { table, indexes } = createTableQueries(db, resource, { table: 'leads' });
    expect([table, ...indexes].map((q) => q.compile().sql).join(';\n')).toMatchSnapshot();
  });
});

describe.each(DIALECTS)('%s relations', (name) => {
  const db = compileOnly(name);
  const dialect = sqlDialectOf(db);
  const options = { dialect, table: 'leads' };
  const query = (text: string) => parseListQuery(labeledLeads, text);

  it('joins a to-one relation for a path filter, sort and embed; the count joins only its filter', () => {
    const text =
      'label.name=VIP&and=(not(tags.name=vip))&sort=label.priority:desc&fields=id,label.name';
    expect(
      show(applyListQuery(db.selectFrom('leads'), labeledLeads, query(text), options)),
    ).toMatchSnapshot();
    expect(
      show(applyListCount(db.selectFrom('leads'), labeledLeads, query(text), options)),
    ).toMatchSnapshot();
  });

  it('filters a to-many relation by EXISTS, one row for one group', () => {
    expect(
      show(
        applyListCount(
          db.selectFrom('leads'),
          labeledLeads,
          query('and=(notes.pinned=true;notes.body[contains]=call)'),
          options,
        ),
      ),
    ).toMatchSnapshot();
  });

  it('embeds a many-to-many relation by one ranked query for the page', () => {
    const relation = relationOf(labeledLeads, 'tags');
    const compiled = embedQuery(
      loose(db),
      labeledLeads,
      relation,
      [relation.target.fields.get('name')!],
      ['lead_1', 'lead_2'],
      options,
    );
    expect({ sql: readableSql(compiled.sql), parameters: compiled.parameters }).toMatchSnapshot();
  });
});
