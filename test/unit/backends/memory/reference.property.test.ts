/**
 * runInMemory against a second, deliberately naive implementation of
 * docs/ast.md (test/support/relation-model.ts, which also models relations):
 * it walks the AST for every row, parses every date on every comparison,
 * compares strings code point by code point through arrays and sorts with a
 * comparator that reads cells directly. Slow and obvious; if the
 * two disagree on generated data and queries, one of them is wrong.
 *
 * The dates of each dataset are also stored in mixed forms (Date, epoch ms,
 * ISO strings with offsets), which must not change any answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../../../src/backends/memory/index.js';
import { defineResource, type ListQuery, type Resource } from '../../../../src/index.js';
import { aimedQueryArbitrary, rowsArbitrary } from '../../../../src/testing/index.js';
import { propertyParams } from '../../../support/property.js';
import { naiveRelationRun } from '../../../support/relation-model.js';
import { things } from './fixtures.js';

/** The naive model of test/support/relation-model.ts, on a resource without relations. */
const naiveRun = (resource: Resource, query: ListQuery, rows: readonly Record<string, unknown>[]) =>
  naiveRelationRun(resource, query, { rows, related: {} });

/** The same instant in another storage form. */
function restore(iso: string, form: number): unknown {
  const at = Date.parse(iso);
  switch (form) {
    case 0:
      return new Date(at);
    case 1:
      return at;
    case 2: {
      // The same instant written with a -03:30 offset.
      const local = new Date(at - 210 * 60_000).toISOString().slice(0, 23);
      return `${local}-03:30`;
    }
    default:
      return iso;
  }
}

const dateColumn = things.fields.get('at')!.column;

/** `things` with `all-words` search (several search nodes per query) and a case-insensitive label order. */
const wordyThings = defineResource({
  ...things.definition,
  fields: {
    ...things.definition.fields,
    label: { ...things.definition.fields.label, caseInsensitiveSort: true },
  },
  search: { mode: 'all-words' },
});

describe('runInMemory agrees with a naive interpreter of the AST', () => {
  it.each([
    ['things', things as Resource],
    ['things with all-words search', wordyThings as Resource],
  ])('on generated datasets, queries and date storage forms (%s)', (_name, things) => {
    const cases = rowsArbitrary(things, { maxLength: 25 }).chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.array(fc.integer({ min: 0, max: 3 }), {
          minLength: rows.length,
          maxLength: rows.length,
        }),
        fc.array(
          aimedQueryArbitrary(things, rows, {
            serverTrees: true,
            maxFilters: 3,
            maxLimit: 8,
            maxPage: 3,
          }),
          { minLength: 5, maxLength: 5 },
        ),
      ),
    );
    fc.assert(
      fc.property(cases, ([rows, forms, queries]) => {
        const mixed = rows.map((row, i) => {
          const at = row[dateColumn];
          return typeof at === 'string' ? { ...row, [dateColumn]: restore(at, forms[i]!) } : row;
        });
        for (const query of queries) {
          const expected = naiveRun(things, query, rows);
          expect(runInMemory(things, query, rows)).toEqual(expected);
          expect(runInMemory(things, query, mixed)).toEqual(expected);
        }
      }),
      propertyParams(100),
    );
  });
});
