/**
 * Keys and raw values (spec sections 1, 2 and the safety rules): the key
 * grammar `field` / `field[operator]`, unknown fields and operators, legacy
 * parameters, and the checks every value passes (length, NUL, encoding).
 */
import { describe, expect, it } from 'vitest';
import { parseParamKey } from '../../../src/grammar.js';
import {
  comparison,
  defineResource,
  inList,
  leads,
  type Resource,
  safeParseListQuery,
} from '../../../src/index.js';
import { filterOf, issueOf, queryOf } from './fixtures.js';

const FILTERABLE =
  'status, value, source, website, labelId, gclid, dclid, wbraid, gbraid, ga4cid, ga4sid, fbc, fbp, ' +
  'msclkid, ttclid, twclid, rdt_cid, sccid, epik, li_fat_id, utm_source, utm_medium, utm_campaign, ' +
  'createdAt, updatedAt, qualifiedAt';

describe('parseParamKey', () => {
  it.each([
    ['status', { name: 'status', operator: undefined }],
    ['value[gte]', { name: 'value', operator: 'gte' }],
    ['_x[$gt]', { name: '_x', operator: '$gt' }],
    ['a'.repeat(64), { name: 'a'.repeat(64), operator: undefined }],
    ['label.name', { name: 'label.name', operator: undefined }],
    ['label.name[gte]', { name: 'label.name', operator: 'gte' }],
  ])('%s', (key, expected) => {
    expect(parseParamKey(key)).toEqual(expected);
  });

  it.each([
    '',
    'a[b][c]',
    'a[b]c',
    'a[',
    'a]',
    '[gte]',
    'a[]',
    '1a',
    'a-b',
    'a.b.c',
    'a.',
    'a.1',
    'a'.repeat(65),
    'a[0]',
    'a [b]',
  ])('%j is malformed', (key) => {
    expect(parseParamKey(key)).toBeNull();
  });
});

describe('malformed keys are INVALID_FILTER', () => {
  it.each([
    'a[b][c]',
    'a[b]c',
    'value[gte][x]',
    'value[gte]x',
    'value[gte',
    'value]',
    '[gte]',
    'status[]',
    'value[0]',
    // A path on a resource without relations stays outside its grammar.
    'value.gte',
    '1abc',
    'na-me',
    'a b',
    '',
    'x'.repeat(65),
  ])('%j', (key) => {
    expect(issueOf(leads, new URLSearchParams([[key, '1']]))).toEqual({
      code: 'INVALID_FILTER',
      param: key,
      value: '1',
      message: `Malformed parameter '${key}': use field=value or field[operator]=value`,
    });
  });

  it('clips a huge key in param and message', () => {
    const key = 'k'.repeat(1_000_000);
    const found = issueOf(leads, `${key}=1`);
    expect(found.param).toBe(`${'k'.repeat(200)}…`);
    expect(found.message.length).toBeLessThan(300);
  });
});

describe('unknown fields are INVALID_FILTER and list the filterable fields', () => {
  it.each([
    'foo',
    'foo[gte]',
    '__proto__',
    '__proto__[x]',
    'constructor',
    'constructor[prototype]',
    'prototype',
    'toString',
    'hasOwnProperty',
    'Status',
    'cursor[x]',
    'count[gte]',
    'updated_after[gte]',
  ])('%s', (key) => {
    const name = key.replace(/\[.*$/, '');
    expect(issueOf(leads, `${key}=1`)).toEqual({
      code: 'INVALID_FILTER',
      param: key,
      value: '1',
      message: `Unknown filter field '${name}'. Filterable fields: ${FILTERABLE}`,
    });
  });

  it.each(['name', 'email', 'phone', 'id', 'expiresAt', 'ad_storage', 'name[gte]'])(
    'a field that is not filterable: %s',
    (key) => {
      const name = key.replace(/\[.*$/, '');
      expect(issueOf(leads, `${key}=1`).message).toBe(
        `Field '${name}' is not filterable. Filterable fields: ${FILTERABLE}`,
      );
    },
  );

  it('does not reach Object.prototype', () => {
    for (const input of ['__proto__[polluted]=1', 'constructor[prototype][polluted]=1']) {
      issueOf(leads, input);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('unknown operators are INVALID_FILTER', () => {
  it.each(['eq', '$gt', '$ne', 'like', 'in', 'NE', 'GTE', '__proto__', 'constructor'])(
    'value[%s]',
    (op) => {
      expect(issueOf(leads, `value[${op}]=1`)).toEqual({
        code: 'INVALID_FILTER',
        param: `value[${op}]`,
        value: '1',
        message: `Unknown operator '${op}' in 'value[${op}]'. Operators: gt, gte, lt, lte, exists, ne, nin, contains, startsWith, endsWith (equality has no brackets: value=value)`,
      });
    },
  );

  it('status[eq] tells the client to drop the brackets', () => {
    expect(issueOf(leads, 'status[eq]=won').message).toContain('status=value');
  });
});

describe('reserved parameters take no operator', () => {
  it.each(['limit[gte]', 'sort[asc]', 'search[eq]'])('%s', (key) => {
    expect(issueOf(leads, `${key}=1`)).toMatchObject({ code: 'INVALID_FILTER', param: key });
  });
});

describe('legacy parameters', () => {
  it('updated_after=X means updatedAt[gte]=X', () => {
    expect(queryOf(leads, 'updated_after=2024-01-15T10:00:00Z')).toEqual(
      queryOf(leads, 'updatedAt[gte]=2024-01-15T10:00:00Z'),
    );
    expect(filterOf('updated_after=2024-01-15')).toEqual(
      comparison('updatedAt', 'gte', '2024-01-15'),
    );
  });

  it('an alias to an equality filter, and its repeats', () => {
    const renamed = defineResource({
      name: 'renamed',
      fields: {
        id: { type: 'string' },
        kind: { type: 'string', filter: ['eq'] },
        tag: { type: 'string', filter: ['eq'], list: true },
      },
      aliases: { params: { type: 'kind', label: 'tag' } },
    });
    expect(filterOf('type=x', renamed)).toEqual(comparison('kind', 'eq', 'x'));
    expect(issueOf(renamed, 'type=x&kind=y')).toMatchObject({
      param: 'kind',
      message: 'kind is given 2 times (as type and kind); give it once',
    });
    // a list field merges the legacy and the current name
    expect(filterOf('label=a&tag=b', renamed)).toEqual(inList('tag', ['a', 'b']));
  });

  it('errors name the legacy parameter as written', () => {
    expect(issueOf(leads, 'updated_after=soon')).toMatchObject({
      code: 'INVALID_DATE',
      param: 'updated_after',
      value: 'soon',
    });
  });
});

describe('value limits', () => {
  it.each([
    ['website', 1000, true, 'INVALID_FILTER'],
    ['website', 1001, false, 'INVALID_FILTER'],
    ['search', 200, true, 'VALIDATION_ERROR'],
    ['search', 201, false, 'VALIDATION_ERROR'],
    ['sort', 1001, false, 'VALIDATION_ERROR'],
    ['fields', 1001, false, 'VALIDATION_ERROR'],
  ] as const)('%s of %i characters', (key, length, ok, code) => {
    const result = safeParse(`${key}=${'a'.repeat(length)}`);
    if (ok) {
      expect(result.success).toBe(true);
    } else {
      const max = key === 'search' ? 200 : 1000;
      expect(result).toEqual({
        success: false,
        issues: [
          {
            code,
            param: key,
            value: `${'a'.repeat(200)}…`,
            message: `${key} must be at most ${max} characters, got ${length}`,
          },
        ],
      });
    }
  });

  it('counts characters as code points, as maxLength in the OpenAPI document does', () => {
    expect(safeParse(`search=${'😀'.repeat(150)}`).success).toBe(true);
    expect(safeParse(`search=${'😀'.repeat(200)}`).success).toBe(true);
    expect(safeParse({ website: '😀'.repeat(1000) }).success).toBe(true);
    expect(issueOf(leads, { search: '😀'.repeat(201) })).toMatchObject({
      param: 'search',
      message: 'search must be at most 200 characters, got 201',
      value: `${'😀'.repeat(200)}…`,
    });
    expect(issueOf(leads, { website: `${'😀'.repeat(1000)}a` }).message).toBe(
      'website must be at most 1000 characters, got 1001',
    );
  });

  it('counts characters after decoding', () => {
    expect(safeParse(`website=${'%41'.repeat(1000)}`).success).toBe(true);
  });

  it('refuses a 1 MB value in bounded time, echoing 200 characters', () => {
    const found = issueOf(leads, `website=${'a'.repeat(1_000_000)}`);
    expect(found.value).toHaveLength(201);
  });

  it.each([
    ['website=a%00b', 'website', 'INVALID_FILTER'],
    ['status=%00', 'status', 'INVALID_FILTER'],
    ['search=%00', 'search', 'VALIDATION_ERROR'],
    ['sort=value%00', 'sort', 'VALIDATION_ERROR'],
  ])('NUL: %s', (input, param, code) => {
    expect(issueOf(leads, input)).toMatchObject({
      code,
      param,
      message: `${param} must not contain the NUL character (U+0000)`,
    });
  });

  it('NUL in an object value', () => {
    expect(issueOf(leads, { website: 'a\u0000' }).param).toBe('website');
  });

  it.each(['\uD800', 'a\uDC00b', '\uDBFF'])('a lone surrogate: %j', (value) => {
    expect(issueOf(leads, { website: value })).toMatchObject({
      code: 'INVALID_FILTER',
      message: 'website must be valid Unicode text (it has a lone surrogate)',
    });
  });

  it('a pair of surrogates is fine', () => {
    expect(filterOf({ website: '😀' })).toEqual(comparison('website', 'eq', '😀'));
  });

  it("applies a resource's own value limit", () => {
    const short = defineResource({
      name: 'short',
      fields: { id: { type: 'string' }, tag: { type: 'string', filter: ['eq'] } },
      limits: { maxValueLength: 3 },
    });
    expect(safeParse('tag=abc', short).success).toBe(true);
    expect(issueOf(short, 'tag=abcd').message).toBe('tag must be at most 3 characters, got 4');
  });
});

function safeParse(input: Parameters<typeof safeParseListQuery>[1], resource: Resource = leads) {
  return safeParseListQuery(resource, input);
}
