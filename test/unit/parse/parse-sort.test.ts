/**
 * Sorting (spec section 3): keys, directions, the legacy sort field and the
 * id tie-breaker appended in the direction of the last key.
 */
import { describe, expect, it } from 'vitest';
import { splitSortTerm } from '../../../src/grammar.js';
import { leads, type SortKey, safeParseListQuery } from '../../../src/index.js';
import { withTieBreaker } from '../../../src/parse/parse-sort.js';
import { issueOf, queryOf, tasks } from './fixtures.js';

const SORTABLE = 'name, email, status, value, createdAt, updatedAt, qualifiedAt';
const key = (field: string, direction: 'asc' | 'desc' = 'asc'): SortKey => ({ field, direction });

describe('sort', () => {
  it.each<[string, SortKey[]]>([
    ['', [key('createdAt', 'desc'), key('id', 'desc')]],
    ['sort=value:desc', [key('value', 'desc'), key('id', 'desc')]],
    ['sort=value', [key('value'), key('id')]],
    ['sort=value:asc', [key('value'), key('id')]],
    ['sort=value:desc,createdAt:asc', [key('value', 'desc'), key('createdAt'), key('id')]],
    ['sort=status,value:desc', [key('status'), key('value', 'desc'), key('id', 'desc')]],
    [
      'sort=name,email,status,value,createdAt,updatedAt,qualifiedAt:desc',
      [
        key('name'),
        key('email'),
        key('status'),
        key('value'),
        key('createdAt'),
        key('updatedAt'),
        key('qualifiedAt', 'desc'),
        key('id', 'desc'),
      ],
    ],
    // legacy sort field
    ['sort=updated_at:desc', [key('updatedAt', 'desc'), key('id', 'desc')]],
    ['sort=updated_at:asc', [key('updatedAt'), key('id')]],
    ['sort=updated_at', [key('updatedAt'), key('id')]],
    ['sort=value:desc,updated_at', [key('value', 'desc'), key('updatedAt'), key('id')]],
  ])('%j', (input, sort) => {
    expect(queryOf(leads, input).sort).toEqual(sort);
  });

  it.each([
    ['sort=foo', "Cannot sort by 'foo'. Sortable fields: " + SORTABLE],
    ['sort=phone', "Cannot sort by 'phone'. Sortable fields: " + SORTABLE],
    ['sort=id', "Cannot sort by 'id'. Sortable fields: " + SORTABLE],
    ['sort=Value', "Cannot sort by 'Value'. Sortable fields: " + SORTABLE],
    ['sort=', 'Cannot sort by an empty sort key. Sortable fields: ' + SORTABLE],
    ['sort=value,', 'Cannot sort by an empty sort key. Sortable fields: ' + SORTABLE],
    ['sort=:desc', "Cannot sort by ''. Sortable fields: " + SORTABLE],
    ['sort=value:DESC', "Sort direction must be asc or desc, got 'DESC' in 'value:DESC'"],
    [
      'sort=value:descending',
      "Sort direction must be asc or desc, got 'descending' in 'value:descending'",
    ],
    ['sort=value:', "Sort direction must be asc or desc, got '' in 'value:'"],
    [
      'sort=value:desc:asc',
      "Sort direction must be asc or desc, got 'desc:asc' in 'value:desc:asc'",
    ],
    ['sort=value%20desc', "Cannot sort by 'value desc'. Sortable fields: " + SORTABLE],
    ['sort=-value', "Cannot sort by '-value'. Sortable fields: " + SORTABLE],
    ['sort=value:desc,value:asc', "Sort field 'value' is given twice"],
    ['sort=updatedAt,updated_at:desc', "Sort field 'updatedAt' is given twice"],
  ])('%j is VALIDATION_ERROR', (input, message) => {
    expect(issueOf(leads, input)).toEqual({
      code: 'VALIDATION_ERROR',
      param: 'sort',
      value: decodeURIComponent(input.slice('sort='.length)),
      message,
    });
  });

  it('reports every bad key of one sort', () => {
    const result = safeParse('sort=foo,value:up');
    expect(result.success ? [] : result.issues.map((i) => i.message)).toEqual([
      "Cannot sort by 'foo'. Sortable fields: " + SORTABLE,
      "Sort direction must be asc or desc, got 'up' in 'value:up'",
    ]);
  });
});

describe('the id tie-breaker', () => {
  it.each<[string, SortKey[]]>([
    ['', [key('due'), key('id')]],
    ['sort=id', [key('id')]],
    ['sort=id:desc', [key('id', 'desc')]],
    ['sort=title:desc,id', [key('title', 'desc'), key('id')]],
    // keys after the id can never matter and are dropped
    ['sort=id:desc,title', [key('id', 'desc')]],
    ['sort=done:desc,id,title', [key('done', 'desc'), key('id')]],
  ])('%j on a resource whose id is sortable', (input, sort) => {
    expect(queryOf(tasks, input).sort).toEqual(sort);
  });

  it.each<[SortKey[], SortKey[]]>([
    [[], [key('id')]],
    [[key('a', 'desc')], [key('a', 'desc'), key('id', 'desc')]],
    [
      [key('a', 'desc'), key('b')],
      [key('a', 'desc'), key('b'), key('id')],
    ],
    [[key('id', 'desc'), key('a')], [key('id', 'desc')]],
  ])('withTieBreaker(%j)', (keys, expected) => {
    expect(withTieBreaker('id', keys)).toEqual(expected);
  });
});

describe('splitSortTerm', () => {
  it.each([
    ['value', { name: 'value', direction: undefined }],
    ['value:desc', { name: 'value', direction: 'desc' }],
    ['value:', { name: 'value', direction: '' }],
    [':asc', { name: '', direction: 'asc' }],
    ['a:b:c', { name: 'a', direction: 'b:c' }],
  ])('%j', (term, expected) => {
    expect(splitSortTerm(term)).toEqual(expected);
  });
});

function safeParse(input: string) {
  return safeParseListQuery(leads, input);
}
