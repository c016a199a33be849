/** formatListQuery prints the canonical query string; parsing it gives the same AST back. */
import { describe, expect, it } from 'vitest';
import {
  and,
  comparison,
  eq,
  exists,
  formatListQuery,
  inList,
  type ListQuery,
  leads,
  not,
  or,
  parseListQuery,
  search,
} from '../../../src/index.js';
import { openLeads } from '../../support/open-leads.js';
import { queryOf, tasks } from './fixtures.js';

describe('format → parse round-trips', () => {
  it.each([
    ['', ''],
    ['status=won', 'status=won'],
    ['value[gte]=100&status=won', 'status=won&value[gte]=100'],
    [
      'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
      'status=won&value[gte]=100&sort=value:desc&fields=name,value',
    ],
    [
      'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
      'gclid[exists]=true&createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01',
    ],
    [
      'search=john&source=gtm,wordpress&limit=20&page=3',
      'source=gtm,wordpress&search=john&limit=20&page=3',
    ],
    [
      'updated_after=2024-01-15T10:00:00Z&sort=updated_at:asc',
      'updatedAt[gte]=2024-01-15T10:00:00.000Z&sort=updatedAt:asc',
    ],
    ['createdAt=2026-01-15T10:30:00%2B02:00', 'createdAt=2026-01-15T08:30:00.000Z'],
    ['status=won&status=lost', 'status=won,lost'],
    ['sort=createdAt:desc', ''],
    ['sort=createdAt', 'sort=createdAt:asc'],
    ['limit=50&page=1', ''],
    ['fields=id', 'fields=id'],
    ['fields=name,id', 'fields=name'],
    ['search=a%26b%3Dc%2B%20d', 'search=a%26b%3Dc%2B%20d'],
    ['website=a,b', 'website=a,b'],
    ['website=user@example.com', 'website=user@example.com'],
    ['labelId=%C3%A9,x%2Cy', 'labelId=%C3%A9,x,y'],
    ['value=-0.5&qualifiedAt[exists]=false', 'value=-0.5&qualifiedAt[exists]=false'],
    ['value=1000000000000000000000', 'value=1000000000000000000000'],
    ['value=0.0000001', 'value=0.0000001'],
  ])('%s', (input, canonical) => {
    const query = queryOf(leads, input);
    const text = formatListQuery(leads, query);
    expect(text).toBe(canonical);
    expect(parseListQuery(leads, text)).toEqual(query);
    expect(parseListQuery(leads, `?${text}`)).toEqual(query);
  });

  it.each([
    '',
    'sort=id',
    'sort=id:desc',
    'sort=title,id',
    'sort=title:desc,id',
    'sort=title:desc,id:desc',
    'sort=due:asc',
    'sort=due:desc',
    'done=true&points=1,2&tag=a&due[gte]=2026-01-01&due[exists]=true&limit=30&search=x',
  ])('%s on a resource with a sortable id', (input) => {
    const query = queryOf(tasks, input);
    expect(parseListQuery(tasks, formatListQuery(tasks, query))).toEqual(query);
  });

  it('leaves the default sort of a resource without one out', () => {
    const plain = { ...tasks, defaults: { ...tasks.defaults, sort: [] } };
    expect(formatListQuery(plain, queryOf(plain, ''))).toBe('');
  });
});

describe('format refuses what the URL cannot express', () => {
  const base = queryOf(leads, '');
  const withFilter = (filter: ListQuery<string>['filter']) =>
    ({ ...base, filter }) as ListQuery<never>;

  it.each([
    ['a top-level or', or([eq('status', 'won')]), "a top-level 'or' node"],
    ['a top-level not', not(eq('status', 'won')), "a top-level 'not' node"],
    ['a top-level comparison', eq('status', 'won'), "a top-level 'comparison' node"],
    [
      'a nested or',
      and([or([eq('status', 'won'), eq('value', 1)])]),
      "a nested 'or' node on leads (no groups)",
    ],
    ['a nested not', and([not(exists('gclid', true))]), "a nested 'not' node"],
    ['a nested and', and([and([eq('status', 'won')])]), "a nested 'and' node on leads (no groups)"],
    ['a list on a non-list field', and([inList('website', ['a', 'b'])]), "a list on 'website'"],
    ['an empty list', and([inList('status', [])]), "the list [] on 'status'"],
    [
      'a comma in a list item',
      and([inList('labelId', ['a,b', 'c'])]),
      'the list ["a,b","c"] on \'labelId\'',
    ],
    [
      'a comma in a list field value',
      and([eq('labelId', 'a,b')]),
      'the value "a,b" on list field \'labelId\'',
    ],
    ['a search over other fields', and([search(['name'], 'x')]), 'the search ["x"]'],
    [
      'an untrimmed search term',
      and([search(['name', 'email', 'phone'], ' x')]),
      'the search [" x"]',
    ],
    [
      'two search terms in substring mode',
      and([search(['name', 'email', 'phone'], 'a'), search(['name', 'email', 'phone'], 'b')]),
      'the search ["a","b"]',
    ],
    [
      'a filter after the search',
      and([search(['name', 'email', 'phone'], 'a'), eq('status', 'won')]),
      'a filter after the search',
    ],
    ['a not of an or', and([not(or([eq('status', 'won')]))]), "a nested 'not' node"],
  ])('%s', (_name, filter, what) => {
    expect(() => formatListQuery(leads, withFilter(filter))).toThrow(
      `formatListQuery: ${what} cannot be expressed in the query language`,
    );
  });

  it('prints a comparison with a comma on a non-list field', () => {
    expect(formatListQuery(leads, withFilter(and([comparison('website', 'eq', 'a,b')])))).toBe(
      'website=a,b',
    );
  });
});

describe('the opt-in operators and all-words search round-trip', () => {
  it.each([
    ['status[ne]=won', 'status[ne]=won'],
    ['status[nin]=won,lost', 'status[nin]=won,lost'],
    ['status[nin]=won', 'status[nin]=won'],
    ['status[nin]=won&status[nin]=lost', 'status[nin]=won,lost'],
    ['name[startsWith]=ac', 'name[startsWith]=ac'],
    ['name[contains]=a%3Bb%25_%5C', 'name[contains]=a%3Bb%25_%5C'],
    ['email[endsWith]=%40acme.com', 'email[endsWith]=@acme.com'],
    ['value[ne]=1.5&value[nin]=2,3', 'value[ne]=1.5&value[nin]=2,3'],
    ['search=%20john%20%20doe%20', 'search=john%20doe'],
    ['search=b%20a%20b&status[ne]=won', 'status[ne]=won&search=b%20a'],
  ])('%s → %s', (input, canonical) => {
    const query = queryOf(openLeads, input);
    expect(formatListQuery(openLeads, query)).toBe(canonical);
    expect(parseListQuery(openLeads, canonical)).toEqual(query);
  });

  it('substring search keeps the inner spaces of a trimmed term', () => {
    expect(formatListQuery(leads, queryOf(leads, 'search=%20john%20doe'))).toBe(
      'search=john%20doe',
    );
  });

  it('refuses a word with whitespace in all-words mode', () => {
    expect(() =>
      formatListQuery(
        openLeads,
        withFilterOn(openLeads, and([search(['name', 'email', 'phone'], 'a b')])),
      ),
    ).toThrow('cannot be expressed in the query language');
  });
});

function withFilterOn(resource: typeof openLeads, filter: ListQuery['filter']): ListQuery {
  return { ...queryOf(resource, ''), filter } as ListQuery;
}
