/**
 * Filters (spec section 2): every operator on every field type, operators a
 * field does not allow, comma lists and repeats, `exists`, and the list limit.
 */
import { describe, expect, it } from 'vitest';
import {
  comparison,
  defineResource,
  exists,
  type FilterNode,
  inList,
  leads,
  safeParseListQuery,
} from '../../../src/index.js';
import { filterOf, filtersOf, issueOf, issuesOf, items, queryOf, tasks } from './fixtures.js';

const CLICK_IDS = [
  'gclid',
  'dclid',
  'wbraid',
  'gbraid',
  'ga4cid',
  'ga4sid',
  'fbc',
  'fbp',
  'msclkid',
  'ttclid',
  'twclid',
  'rdt_cid',
  'sccid',
  'epik',
  'li_fat_id',
] as const;
const DATE_FIELDS = ['createdAt', 'updatedAt', 'qualifiedAt'] as const;
const RANGE_OPS = ['gt', 'gte', 'lt', 'lte'] as const;

describe('equality and lists on enum and string-id fields', () => {
  it.each<[string, FilterNode]>([
    ['status=won', comparison('status', 'eq', 'won')],
    ['status=won,lost', inList('status', ['won', 'lost'])],
    ['status=open,qualified,won,lost', inList('status', ['open', 'qualified', 'won', 'lost'])],
    ['source=gtm', comparison('source', 'eq', 'gtm')],
    ['source=gtm,wordpress', inList('source', ['gtm', 'wordpress'])],
    ['source=inbound,api,manual,import', inList('source', ['inbound', 'api', 'manual', 'import'])],
    ['labelId=lbl_1', comparison('labelId', 'eq', 'lbl_1')],
    ['labelId=lbl_1,lbl_2', inList('labelId', ['lbl_1', 'lbl_2'])],
    // a list that repeats a value is the set of its values, in first-seen order
    ['status=won,won', comparison('status', 'eq', 'won')],
    ['status=lost,won,lost', inList('status', ['lost', 'won'])],
  ])('%s', (input, node) => {
    expect(filterOf(input)).toEqual(node);
  });
});

describe('a list field given twice takes the union', () => {
  it.each<[string, FilterNode]>([
    ['status=won&status=lost', inList('status', ['won', 'lost'])],
    ['status=won&status=lost,won', inList('status', ['won', 'lost'])],
    ['status=won&status=won', comparison('status', 'eq', 'won')],
    ['labelId=a&labelId=b&labelId=c', inList('labelId', ['a', 'b', 'c'])],
    ['source=gtm&status=won&source=api', inList('source', ['gtm', 'api'])],
  ])('%s', (input, node) => {
    expect(filtersOf(input)).toContainEqual(node);
  });

  it('status=won&status=lost equals status=won,lost', () => {
    expect(queryOf(leads, 'status=won&status=lost')).toEqual(queryOf(leads, 'status=won,lost'));
  });

  it('merges number lists on a custom resource', () => {
    expect(filterOf('points=1&points=2,1', tasks)).toEqual(inList('points', [1, 2]));
  });
});

describe('plain string fields take the value literally (no comma list)', () => {
  it.each([
    ['website', 'example.com'],
    ['website', 'a,b'],
    ['utm_source', 'google'],
    ['utm_medium', 'cpc,display'],
    ['utm_campaign', 'spring sale'],
  ])('%s=%s', (field, value) => {
    expect(filterOf(new URLSearchParams([[field, value]]))).toEqual(comparison(field, 'eq', value));
  });
});

describe('number: eq, gt, gte, lt, lte', () => {
  it.each([
    ['value=100', 'eq', 100],
    ['value[gt]=-3', 'gt', -3],
    ['value[gte]=99.5', 'gte', 99.5],
    ['value[lt]=0', 'lt', 0],
    ['value[lte]=100', 'lte', 100],
  ] as const)('%s', (input, op, value) => {
    expect(filterOf(input)).toEqual(comparison('value', op, value));
  });

  it('combines operators on one field into a range', () => {
    expect(filtersOf('value[lt]=500&value[gte]=100')).toEqual([
      comparison('value', 'gte', 100),
      comparison('value', 'lt', 500),
    ]);
  });
});

describe('date-time: eq, gt, gte, lt, lte, exists on each date field', () => {
  describe.each(DATE_FIELDS)('%s', (field) => {
    it.each(RANGE_OPS)('[%s] with a day and with an instant', (op) => {
      expect(filterOf(`${field}[${op}]=2026-01-31`)).toEqual(comparison(field, op, '2026-01-31'));
      expect(filterOf(`${field}[${op}]=2026-01-31T10:30:00Z`)).toEqual(
        comparison(field, op, '2026-01-31T10:30:00.000Z'),
      );
    });

    it('equality', () => {
      expect(filterOf(`${field}=2026-01-31`)).toEqual(comparison(field, 'eq', '2026-01-31'));
    });

    it.each([true, false])('[exists]=%s', (flag) => {
      expect(filterOf(`${field}[exists]=${flag}`)).toEqual(exists(field, flag));
    });
  });
});

describe('click ids (nullable strings): eq and exists', () => {
  it.each(CLICK_IDS)('%s', (field) => {
    expect(filterOf(`${field}=abc.123`)).toEqual(comparison(field, 'eq', 'abc.123'));
    expect(filterOf(`${field}[exists]=true`)).toEqual(exists(field, true));
    expect(filterOf(`${field}[exists]=false`)).toEqual(exists(field, false));
  });
});

describe('boolean (custom resource): eq and exists', () => {
  it.each([
    ['done=true', comparison('done', 'eq', true)],
    ['done=false', comparison('done', 'eq', false)],
    ['done[exists]=false', exists('done', false)],
  ])('%s', (input, node) => {
    expect(filterOf(input, tasks)).toEqual(node);
  });

  it.each(['TRUE', '1', 'yes', 'False', ''])('done=%s is INVALID_FILTER', (value) => {
    expect(issueOf(tasks, `done=${value}`)).toEqual({
      code: 'INVALID_FILTER',
      param: 'done',
      value,
      message:
        value === ''
          ? "done must be a non-empty value, got ''"
          : `done must be true or false, got '${value}'`,
    });
  });
});

describe('exists takes only true or false', () => {
  it.each(['TRUE', 'True', '1', '0', 'yes', '', 'true ', 'null'])('gclid[exists]=%j', (value) => {
    expect(issueOf(leads, new URLSearchParams([['gclid[exists]', value]]))).toEqual({
      code: 'INVALID_FILTER',
      param: 'gclid[exists]',
      value,
      message: `gclid[exists] must be true or false, got '${value}'`,
    });
  });

  it('is INVALID_FILTER (not INVALID_DATE) on a date field', () => {
    expect(issueOf(leads, 'qualifiedAt[exists]=2026-01-01').code).toBe('INVALID_FILTER');
  });
});

describe('an operator the field does not allow is INVALID_FILTER', () => {
  it.each([
    ['status[gt]=won', "Operator 'gt' is not allowed on 'status'. Allowed: equality"],
    ['status[exists]=true', "Operator 'exists' is not allowed on 'status'. Allowed: equality"],
    ['source[lte]=gtm', "Operator 'lte' is not allowed on 'source'. Allowed: equality"],
    ['labelId[gte]=a', "Operator 'gte' is not allowed on 'labelId'. Allowed: equality"],
    [
      'value[exists]=true',
      "Operator 'exists' is not allowed on 'value'. Allowed: equality, gt, gte, lt, lte",
    ],
    ['website[exists]=true', "Operator 'exists' is not allowed on 'website'. Allowed: equality"],
    ['utm_source[lt]=x', "Operator 'lt' is not allowed on 'utm_source'. Allowed: equality"],
    ['gclid[gt]=a', "Operator 'gt' is not allowed on 'gclid'. Allowed: equality, exists"],
  ])('%s', (input, message) => {
    const [param, value] = input.split('=') as [string, string];
    expect(issueOf(leads, input)).toEqual({ code: 'INVALID_FILTER', param, value, message });
  });

  it.each([
    ['due=2026-01-01', "Equality is not allowed on 'due'. Allowed: gte, lt, exists"],
    ['due[gt]=2026-01-01', "Operator 'gt' is not allowed on 'due'. Allowed: gte, lt, exists"],
    ['points[gte]=1', "Operator 'gte' is not allowed on 'points'. Allowed: equality, gt, lte"],
    ['done[gt]=true', "Operator 'gt' is not allowed on 'done'. Allowed: equality, exists"],
  ])('%s (custom resource)', (input, message) => {
    expect(issueOf(tasks, input).message).toBe(message);
  });
});

describe('a parameter given twice that is not a list equality is a 400', () => {
  it.each([
    ['value=1&value=2', 'value', '1,2', 'INVALID_FILTER'],
    ['value[gte]=1&value[gte]=2', 'value[gte]', '1,2', 'INVALID_FILTER'],
    ['website=a&website=b', 'website', 'a,b', 'INVALID_FILTER'],
    ['gclid=a&gclid=a', 'gclid', 'a,a', 'INVALID_FILTER'],
    ['gclid[exists]=true&gclid[exists]=true', 'gclid[exists]', 'true,true', 'INVALID_FILTER'],
    [
      'createdAt=2026-01-01&createdAt=2026-01-02',
      'createdAt',
      '2026-01-01,2026-01-02',
      'INVALID_FILTER',
    ],
    [
      'updated_after=2026-01-01&updated_after=2026-01-02',
      'updated_after',
      '2026-01-01,2026-01-02',
      'INVALID_FILTER',
    ],
    ['limit=5&limit=5', 'limit', '5,5', 'VALIDATION_ERROR'],
    ['page=1&page=2', 'page', '1,2', 'VALIDATION_ERROR'],
    ['sort=value&sort=name', 'sort', 'value,name', 'VALIDATION_ERROR'],
    ['fields=name&fields=email', 'fields', 'name,email', 'VALIDATION_ERROR'],
    ['search=a&search=b', 'search', 'a,b', 'VALIDATION_ERROR'],
  ])('%s', (input, param, value, code) => {
    expect(issueOf(leads, input)).toEqual({
      code,
      param,
      value,
      message: `${param} is given 2 times; give it once`,
    });
  });

  it('updated_after and updatedAt[gte] are the same parameter', () => {
    expect(issueOf(leads, 'updated_after=2026-01-01&updatedAt[gte]=2026-01-02')).toEqual({
      code: 'INVALID_FILTER',
      param: 'updatedAt[gte]',
      value: '2026-01-01,2026-01-02',
      message:
        'updatedAt[gte] is given 2 times (as updated_after and updatedAt[gte]); give it once',
    });
  });

  it('a boolean given twice on a custom resource', () => {
    expect(issueOf(tasks, 'done=true&done=false').param).toBe('done');
  });

  it('different operators on one field are not repeats', () => {
    expect(filtersOf('value=5&value[gte]=1')).toHaveLength(2);
  });
});

describe('a list is at most 100 items (after repeats merge and duplicates collapse)', () => {
  it.each([
    ['labelId=' + items(100), true],
    ['labelId=' + items(101), false],
    [`labelId=${items(50)}&labelId=${items(50)}`, true],
    [`labelId=${items(50, 'a')}&labelId=${items(51, 'b')}`, false],
  ])('case %#', (input, ok) => {
    const result = safeParseListQuery(leads, input);
    expect(result.success).toBe(ok);
    if (!result.success) {
      expect(result.issues).toEqual([
        expect.objectContaining({
          code: 'INVALID_FILTER',
          param: 'labelId',
          message: 'labelId takes at most 100 values, got 101',
        }),
      ]);
    }
  });

  it('counts items on a custom limit', () => {
    const small = defineResource({
      name: 'small',
      fields: { id: { type: 'string' }, tag: { type: 'string', filter: ['eq'], list: true } },
      limits: { maxListItems: 2 },
    });
    expect(filterOf('tag=a,b', small)).toEqual(inList('tag', ['a', 'b']));
    expect(issueOf(small, 'tag=a,b,c').message).toBe('tag takes at most 2 values, got 3');
  });
});

describe('invalid items in a list', () => {
  it('names the first bad item and how many were bad, in one issue per parameter', () => {
    expect(issueOf(leads, 'status=won,Lost,maybe')).toEqual({
      code: 'INVALID_FILTER',
      param: 'status',
      value: 'won,Lost,maybe',
      message:
        "status must be one of open, qualified, won, lost, got 'Lost' in 'won,Lost,maybe' (2 invalid items)",
    });
  });

  it.each(['status=won,,lost', 'status=won,', 'status=,won'])('an empty item: %s', (input) => {
    expect(issueOf(leads, input).message).toMatch(/^status must be a non-empty value, got '' in /);
  });

  it('reports each repeat of a list parameter that has a bad item', () => {
    expect(issuesOf(leads, 'status=Won&status=lost&status=Lost').map((i) => i.value)).toEqual([
      'Won',
      'Lost',
    ]);
  });
});
