/**
 * The MongoDB forms of the opt-in language and their traps: ne/nin are the
 * `$nor` of the compiled equality, one rule for every negation (dates as
 * ranges, `in` lists), and exactly true where the equality is false, null and
 * missing fields included; anchors that are the ends of the
 * text (PCRE's `$` also matches before a final newline); folded comparisons
 * that never match a null (BSON orders null below every string).
 */
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../../src/backends/mongo/compile-filter.js';
import { compileMongo } from '../../../../src/backends/mongo/index.js';
import { mongoStorage } from '../../../../src/backends/mongo/storage.js';
import { foldedComparison, parseListQuery } from '../../../../src/index.js';
import { openLeads } from '../../../support/open-leads.js';

const storage = mongoStorage(openLeads);
const filterOf = (text: string) => compileFilter(parseListQuery(openLeads, text).filter, storage);
const matching = (filter: object, documents: object[]) =>
  new Query(filter as Record<string, unknown>).find(documents).all();

describe('ne and nin', () => {
  it('are $nor of the equality, so null and missing fields match', () => {
    const filter = filterOf('labelId[nin]=a,b');
    expect(filter).toEqual({ $nor: [{ labelId: { $in: ['a', 'b'] } }] });
    const documents = [
      { _id: 1, labelId: 'a' },
      { _id: 2, labelId: null },
      { _id: 3 },
      { _id: 4, labelId: 'c' },
    ];
    expect(matching(filter, documents).map((d) => (d as { _id: number })._id)).toEqual([2, 3, 4]);
    expect(filterOf('status[ne]=won')).toEqual({ $nor: [{ status: { $eq: 'won' } }] });
  });
});

describe('the text operators', () => {
  it.each([
    ['contains', 'a.b', '[Aa]\\.[Bb]'],
    ['startsWith', 'a.b', '^[Aa]\\.[Bb]'],
    ['endsWith', 'a.b', '[Aa]\\.[Bb](?![\\s\\S])'],
  ])('%s is a literal $regex, letters as two-letter classes', (op, value, pattern) => {
    expect(filterOf(`name[${op}]=${value}`)).toEqual({ name: { $regex: pattern } });
  });

  it('endsWith does not match before a final newline', () => {
    const filter = filterOf('name[endsWith]=ab');
    const documents = [{ name: 'xab' }, { name: 'xab\n' }, { name: null }, {}];
    expect(matching(filter, documents)).toEqual([{ name: 'xab' }]);
  });
});

describe('folded comparisons (case-insensitive keyset pages)', () => {
  it('match strings only: a null or missing field never does', () => {
    const filter = compileFilter(foldedComparison('name', 'lt', 'B'), storage);
    const documents = [{ name: 'a' }, { name: 'A' }, { name: 'b' }, { name: null }, {}];
    expect(matching(filter, documents)).toEqual([{ name: 'a' }, { name: 'A' }]);
  });

  it('a case-insensitive sort computes the folded key in the pipeline, so find() is not offered', () => {
    const compiled = compileMongo(openLeads, parseListQuery(openLeads, 'sort=name'));
    expect(compiled.find).toBeUndefined();
    expect(JSON.stringify(compiled.pipeline)).toContain('listql-fold-name');
    expect(compiled.pipeline.find((stage) => '$sort' in stage)).toEqual({
      $sort: { 'listql-null-name': 1, 'listql-fold-name': 1, name: 1, _id: 1 },
    });
  });
});
