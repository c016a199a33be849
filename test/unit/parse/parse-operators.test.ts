/**
 * The opt-in operators (`ne`, `nin`, `contains`, `startsWith`, `endsWith`),
 * their errors, the search modes, and the leaf parser the group grammar
 * shares: each on a derived leads resource, while the preset refuses them.
 */
import { describe, expect, it } from 'vitest';
import {
  comparison,
  defineResource,
  type FilterNode,
  inList,
  leads,
  ne,
  not,
  notIn,
  search,
  text,
} from '../../../src/index.js';
import { parseFilterLeaf } from '../../../src/parse/parse-filter-leaf.js';
import { openLeads } from '../../support/open-leads.js';
import { filterOf, issueOf, queryOf } from './fixtures.js';

const SEARCHED = ['name', 'email', 'phone'] as const;

describe('ne and nin: not of eq and of in', () => {
  it.each<[string, FilterNode]>([
    ['status[ne]=won', ne('status', 'won')],
    ['status[nin]=won,lost', notIn('status', ['won', 'lost'])],
    // One value stays a list, so that it prints back as nin.
    ['status[nin]=won', notIn('status', ['won'])],
    ['status[nin]=won,won', notIn('status', ['won'])],
    ['status[nin]=won&status[nin]=lost', notIn('status', ['won', 'lost'])],
    ['value[ne]=100', not(comparison('value', 'eq', 100))],
    ['value[nin]=1,2.5', notIn('value', [1, 2.5])],
    ['name[ne]=a,b', ne('name', 'a,b')],
    ['ad_storage[ne]=true', ne('ad_storage', true)],
    ['qualifiedAt[ne]=2026-01-31', ne('qualifiedAt', '2026-01-31')],
  ])('%s', (input, node) => {
    expect(filterOf(input, openLeads)).toEqual(node);
  });

  it.each([
    ['status[ne]=closed', 'status[ne] must be one of open, qualified, won, lost'],
    ['status[nin]=won,closed', "got 'closed' in 'won,closed'"],
    ['value[nin]=1,x,y', '(2 invalid items)'],
    ['value[ne]=abc', 'value[ne] must be a number'],
    ['status[nin]=', 'status[nin] must be a non-empty value'],
    ['status[ne]=won&status[ne]=lost', 'status[ne] is given 2 times; give it once'],
  ])('%s is INVALID_FILTER', (input, message) => {
    const found = issueOf(openLeads, input);
    expect(found.code).toBe('INVALID_FILTER');
    expect(found.param).toBe(input.split('=')[0]);
    expect(found.message).toContain(message);
  });

  it('qualifiedAt[ne] with a bad date is INVALID_DATE', () => {
    expect(issueOf(openLeads, 'qualifiedAt[ne]=2026-02-30')).toMatchObject({
      code: 'INVALID_DATE',
      param: 'qualifiedAt[ne]',
      value: '2026-02-30',
    });
  });

  it('nin takes the list limit of eq', () => {
    const small = defineResource({ ...openLeads.definition, limits: { maxListItems: 2 } });
    expect(issueOf(small, 'value[nin]=1,2,3')).toMatchObject({
      code: 'INVALID_FILTER',
      param: 'value[nin]',
      message: 'value[nin] takes at most 2 values, got 3',
    });
  });
});

describe('contains, startsWith, endsWith', () => {
  it.each<[string, FilterNode]>([
    ['name[contains]=acme', text('name', 'contains', 'acme')],
    ['name[startsWith]=Ac', text('name', 'startsWith', 'Ac')],
    ['email[endsWith]=@acme.com', text('email', 'endsWith', '@acme.com')],
    // Literal: no character has a meaning, commas do not split, spaces stay.
    ['name[contains]=%25_%5C*.', text('name', 'contains', '%_\\*.')],
    ['name[contains]=a,b', text('name', 'contains', 'a,b')],
    ['name[contains]=%20a%20', text('name', 'contains', ' a ')],
  ])('%s', (input, node) => {
    expect(filterOf(input, openLeads)).toEqual(node);
  });

  it('an empty value is INVALID_FILTER', () => {
    expect(issueOf(openLeads, 'name[contains]=')).toMatchObject({
      code: 'INVALID_FILTER',
      param: 'name[contains]',
      message: "name[contains] must be a non-empty value, got ''",
    });
  });

  it('a value past maxValueLength is INVALID_FILTER', () => {
    const long = 'a'.repeat(1_001);
    expect(issueOf(openLeads, `name[startsWith]=${long}`)).toMatchObject({
      code: 'INVALID_FILTER',
      param: 'name[startsWith]',
      message: 'name[startsWith] must be at most 1000 characters, got 1001',
    });
  });

  it('an operator the field does not allow is INVALID_FILTER naming the allowed ones', () => {
    expect(issueOf(openLeads, 'phone[ne]=1')).toMatchObject({
      code: 'INVALID_FILTER',
      param: 'phone[ne]',
      message: "Operator 'ne' is not allowed on 'phone'. Allowed: contains, startsWith, endsWith",
    });
  });

  it('the operator name is case-sensitive', () => {
    expect(issueOf(openLeads, 'name[startswith]=a').message).toContain(
      "Unknown operator 'startswith'",
    );
  });
});

describe('the leads preset declares none of them', () => {
  it.each([
    'status[ne]=won',
    'status[nin]=won,lost',
    'name[contains]=a',
    'email[startsWith]=a',
    'value[ne]=1',
  ])('%s is INVALID_FILTER', (input) => {
    expect(issueOf(leads, input)).toMatchObject({
      code: 'INVALID_FILTER',
      param: input.split('=')[0],
    });
  });
});

describe('canonical order', () => {
  it('sorts by field, then eq, ranges, exists, ne, nin, the text operators', () => {
    const query = queryOf(
      openLeads,
      'email[endsWith]=m&email[exists]=true&status[nin]=won&email[contains]=x&status[ne]=lost&status=open&email[ne]=y',
    );
    expect(query.filter).toEqual({
      kind: 'and',
      children: [
        { kind: 'exists', field: 'email', exists: true },
        ne('email', 'y'),
        text('email', 'contains', 'x'),
        text('email', 'endsWith', 'm'),
        comparison('status', 'eq', 'open'),
        ne('status', 'lost'),
        notIn('status', ['won']),
      ],
    });
  });
});

describe('search: trimmed, and all-words', () => {
  it.each([
    ['search=%20john%20', ['john']],
    ['search=john%20%20doe', ['john', 'doe']],
    ['search=%09john%0Adoe%20john', ['john', 'doe']],
    ['search=50%25_off', ['50%_off']],
  ])('%s (all-words)', (input, words) => {
    expect(queryOf(openLeads, input).filter).toEqual({
      kind: 'and',
      children: words.map((word) => search(SEARCHED, word)),
    });
  });

  it('substring mode trims but keeps inner spaces', () => {
    expect(queryOf(leads, 'search=%20john%20doe%20').filter).toEqual({
      kind: 'and',
      children: [search(SEARCHED, 'john doe')],
    });
  });

  it.each([
    [leads, 'search=%20%20'],
    [openLeads, 'search=%20%09'],
  ])('only whitespace is refused like an empty term', (resource, input) => {
    expect(issueOf(resource, input)).toMatchObject({
      code: 'VALIDATION_ERROR',
      param: 'search',
      message: 'search must not be only whitespace',
    });
  });

  it('takes at most 10 words', () => {
    const words = Array.from({ length: 11 }, (_, i) => `w${i}`).join('%20');
    expect(issueOf(openLeads, `search=${words}`)).toMatchObject({
      code: 'VALIDATION_ERROR',
      param: 'search',
      message: 'search takes at most 10 words, got 11',
    });
    expect(queryOf(openLeads, `search=${words.replace('%20w10', '')}`).filter).toMatchObject({
      kind: 'and',
    });
  });

  it('the words come after the filters', () => {
    expect(queryOf(openLeads, 'search=a%20b&status[ne]=won').filter).toEqual({
      kind: 'and',
      children: [ne('status', 'won'), search(SEARCHED, 'a'), search(SEARCHED, 'b')],
    });
  });
});

describe('parseFilterLeaf (the leaf of a group) takes the new operators', () => {
  it.each<[string, string, FilterNode]>([
    ['status', 'won,lost', inList('status', ['won', 'lost'])],
    ['status[nin]', 'won', notIn('status', ['won'])],
    ['name[contains]', 'a;b', text('name', 'contains', 'a;b')],
    ['updated_after', '2026-01-01', comparison('updatedAt', 'gte', '2026-01-01')],
  ])('%s=%s', (key, value, node) => {
    expect(parseFilterLeaf(openLeads, key, value)).toEqual({ node });
  });

  it.each([
    ['nope', 'x', "Unknown filter field 'nope'"],
    ['phone[ne]', 'x', "Operator 'ne' is not allowed on 'phone'"],
    ['value[gte]', 'abc', 'value[gte] must be a number'],
    ['sort', 'name', "'sort' is a parameter, not a filter"],
    ['name[contains]', 'a\u0000', 'must not contain the NUL character'],
  ])('%s=%s is refused', (key, value, message) => {
    const result = parseFilterLeaf(openLeads, key, value);
    expect('issues' in result && result.issues[0]).toMatchObject({
      code: 'INVALID_FILTER',
      param: key,
    });
    expect('issues' in result && result.issues[0]?.message).toContain(message);
  });

  it('gives INVALID_DATE for a bad date', () => {
    expect(parseFilterLeaf(openLeads, 'createdAt', '2026-13-01')).toMatchObject({
      issues: [{ code: 'INVALID_DATE', param: 'createdAt' }],
    });
  });
});
