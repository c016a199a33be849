/**
 * The keys of the shape cache's keyed road, checked at volume without a
 * database: generated queries (every filter form, boolean groups, cursors,
 * awkward values such as instants at the ends of the range) go through one
 * cache per dialect with `verifyShapeCache` on, which builds every query the
 * cache serves again and throws when the text or the parameters differ. Two
 * queries of different structure under one key would be served wrong SQL;
 * here they throw.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countQuery,
  pageQuery,
  verifyShapeCache,
} from '../../../src/backends/kysely/cached-queries.js';
import {
  mysqlBinaryDialect,
  mysqlDialect,
  postgresDialect,
  type SqlDialect,
  sqliteDialect,
} from '../../../src/backends/kysely/index.js';
import type { ListQuery, Resource } from '../../../src/index.js';
import { caseArbitrary } from '../../support/generated-cases.js';
import { propertyParams } from '../../support/property.js';
import { type AnyKysely, compileOnly } from './compile-only.js';

const DIALECTS: readonly [string, SqlDialect, 'sqlite' | 'postgres' | 'mysql'][] = [
  ['SQLite', sqliteDialect, 'sqlite'],
  ['PostgreSQL', postgresDialect, 'postgres'],
  ['MySQL', mysqlDialect, 'mysql'],
  ['MySQL on binary tables', mysqlBinaryDialect, 'mysql'],
];

/** The page and the count of `query`, served from the cache when their keys are known. */
function compileBoth(db: AnyKysely, resource: Resource, query: ListQuery, dialect: SqlDialect) {
  const options = { dialect, table: 'leads' };
  const page = pageQuery(db, resource, query, options, true).compiled;
  const count = countQuery(db, resource, query, options, true);
  return [page.sql, count.sql];
}

describe('the shape cache never serves a query another structure’s SQL', () => {
  // On for the whole suite (test/support/setup.ts); said again here, where it is the point.
  beforeAll(() => verifyShapeCache(true));

  for (const [name, dialect, kind] of DIALECTS) {
    it(`on ${name}, over generated queries`, () => {
      const db = compileOnly(kind);
      const texts = new Map<string, number>();
      let queries = 0;
      fc.assert(
        fc.property(caseArbitrary, ([resource, , generated]) => {
          for (const query of generated) {
            queries += 1;
            for (const text of compileBoth(db, resource, query, dialect)) {
              texts.set(text, (texts.get(text) ?? 0) + 1);
            }
          }
        }),
        propertyParams(150),
      );
      // The check means something only if keys repeat: most SQL texts were served again.
      const repeated = [...texts.values()].filter((n) => n > 1).length;
      expect(queries).toBeGreaterThan(100);
      expect(repeated).toBeGreaterThan(10);
    });
  }
});
