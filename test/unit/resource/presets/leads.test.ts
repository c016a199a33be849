/** The leads preset carries every filter, sort field and selectable field of the spec. */
import { describe, expect, it } from 'vitest';
import { leads } from '../../../../src/index.js';

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
];

describe('leads', () => {
  it.each<[string, string, readonly string[], boolean, boolean]>([
    // field, type, operators, list, nullable (spec section 2)
    ['status', 'enum', ['eq'], true, false],
    ['source', 'enum', ['eq'], true, false],
    ['labelId', 'string', ['eq'], true, true],
    ['value', 'number', ['eq', 'gt', 'gte', 'lt', 'lte'], false, true],
    ['website', 'string', ['eq'], false, true],
    ['utm_source', 'string', ['eq'], false, true],
    ['utm_medium', 'string', ['eq'], false, true],
    ['utm_campaign', 'string', ['eq'], false, true],
    ['createdAt', 'datetime', ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'], false, false],
    ['updatedAt', 'datetime', ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'], false, false],
    ['qualifiedAt', 'datetime', ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'], false, true],
    ...CLICK_IDS.map((f): [string, string, string[], boolean, boolean] => [
      f,
      'string',
      ['eq', 'exists'],
      false,
      true,
    ]),
  ])('%s: %s %j list=%s nullable=%s', (name, type, operators, list, nullable) => {
    expect(leads.fields.get(name)).toMatchObject({ type, operators, list, nullable });
  });

  it('filters exactly the fields of the spec', () => {
    expect(leads.filterable).toHaveLength(11 + CLICK_IDS.length);
  });

  it('has the enum values of the spec', () => {
    expect(leads.fields.get('status')!.values).toEqual(['open', 'qualified', 'won', 'lost']);
    expect(leads.fields.get('source')!.values).toEqual([
      'inbound',
      'gtm',
      'api',
      'manual',
      'wordpress',
      'import',
    ]);
  });

  it('sorts by the fields of the spec (section 3)', () => {
    expect([...leads.sortable].sort()).toEqual(
      ['createdAt', 'updatedAt', 'qualifiedAt', 'value', 'name', 'email', 'status'].sort(),
    );
  });

  it('searches name, email and phone', () => {
    expect(leads.searchable).toEqual(['name', 'email', 'phone']);
  });

  it('selects every field of the full lead object (section 6)', () => {
    const groups = [
      [
        'id',
        'name',
        'email',
        'phone',
        'status',
        'value',
        'currency',
        'note',
        'custom',
        'lossReason',
        'conversionName',
        'source',
        'website',
        'path',
        'labelId',
        'selectedConversionEventId',
      ],
      CLICK_IDS,
      ['utm_source', 'utm_medium', 'utm_campaign'],
      ['ad_storage', 'ad_user_data', 'analytics_storage', 'ad_personalization'],
      [
        'googleAdsCampaignId',
        'googleAdsCampaignName',
        'googleAdsAdGroupId',
        'googleAdsAdGroupName',
        'googleAdsAdId',
      ],
      ['createdAt', 'updatedAt', 'qualifiedAt', 'expiresAt'],
    ];
    expect([...leads.selectable].sort()).toEqual(groups.flat().sort());
  });

  it.each([
    ['ad_storage', 'boolean'],
    ['expiresAt', 'datetime'],
    ['custom', 'string'],
  ])('%s is a %s', (name, type) => {
    expect(leads.fields.get(name)!.type).toBe(type);
  });

  it('defaults, limits and legacy aliases of the spec', () => {
    expect(leads.idField).toBe('id');
    expect(leads.defaults).toEqual({
      sort: [{ field: 'createdAt', direction: 'desc' }],
      limit: 50,
      count: 'exact',
    });
    expect(leads.limits).toEqual({
      maxLimit: 100,
      maxValueLength: 1000,
      maxSearchLength: 200,
      maxListItems: 100,
      maxParams: 100,
    });
    expect([...leads.aliases.params]).toEqual([
      ['updated_after', { field: 'updatedAt', op: 'gte' }],
    ]);
    expect([...leads.aliases.sortFields]).toEqual([['updated_at', 'updatedAt']]);
  });

  it('stores every field under its own name', () => {
    for (const field of leads.fieldList) expect(field.column).toBe(field.name);
  });
});
