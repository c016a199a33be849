/** The leads preset carries every filter, sort field and selectable field of the spec. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineResource, leads } from '../../../../src/index.js';

// The definition as the preset was first written (before its data was shared with other
// modules to save bytes): the preset's definition, and so its resource, must stay exactly this.
const EQ_LIST = { filter: ['eq'], list: true } as const;
const DATE_OPS = ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'] as const;
const text = { type: 'string', nullable: true } as const;
const clickId = { type: 'string', nullable: true, filter: ['eq', 'exists'] } as const;
const utm = { type: 'string', nullable: true, filter: ['eq'] } as const;
const consent = { type: 'boolean', nullable: true } as const;
const SPEC_DEFINITION = {
  name: 'leads',
  id: 'id',
  fields: {
    id: { type: 'string' },
    name: { type: 'string', nullable: true, sortable: true, searchable: true },
    email: { type: 'string', nullable: true, sortable: true, searchable: true },
    phone: { type: 'string', nullable: true, searchable: true },
    status: {
      type: 'enum',
      values: ['open', 'qualified', 'won', 'lost'],
      sortable: true,
      ...EQ_LIST,
    },
    value: {
      type: 'number',
      nullable: true,
      sortable: true,
      filter: ['eq', 'gt', 'gte', 'lt', 'lte'],
    },
    currency: text,
    note: text,
    custom: text,
    lossReason: text,
    conversionName: text,
    source: {
      type: 'enum',
      values: ['inbound', 'gtm', 'api', 'manual', 'wordpress', 'import'],
      ...EQ_LIST,
    },
    website: { type: 'string', nullable: true, filter: ['eq'] },
    path: text,
    labelId: { type: 'string', nullable: true, ...EQ_LIST },
    selectedConversionEventId: text,
    gclid: clickId,
    dclid: clickId,
    wbraid: clickId,
    gbraid: clickId,
    ga4cid: clickId,
    ga4sid: clickId,
    fbc: clickId,
    fbp: clickId,
    msclkid: clickId,
    ttclid: clickId,
    twclid: clickId,
    rdt_cid: clickId,
    sccid: clickId,
    epik: clickId,
    li_fat_id: clickId,
    utm_source: utm,
    utm_medium: utm,
    utm_campaign: utm,
    ad_storage: consent,
    ad_user_data: consent,
    analytics_storage: consent,
    ad_personalization: consent,
    googleAdsCampaignId: text,
    googleAdsCampaignName: text,
    googleAdsAdGroupId: text,
    googleAdsAdGroupName: text,
    googleAdsAdId: text,
    createdAt: { type: 'datetime', sortable: true, filter: DATE_OPS },
    updatedAt: { type: 'datetime', sortable: true, filter: DATE_OPS },
    qualifiedAt: { type: 'datetime', nullable: true, sortable: true, filter: DATE_OPS },
    expiresAt: { type: 'datetime', nullable: true },
  },
  defaults: { sort: 'createdAt:desc', limit: 50 },
  limits: {
    maxLimit: 100,
    maxValueLength: 1_000,
    maxSearchLength: 200,
    maxListItems: 100,
    maxParams: 100,
  },
  aliases: {
    params: { updated_after: 'updatedAt[gte]' },
    sortFields: { updated_at: 'updatedAt' },
  },
} as const;

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

  it('is built from exactly the definition first written: equal data, key order, literal types', () => {
    expect(leads.definition).toStrictEqual(SPEC_DEFINITION);
    expect(JSON.stringify(leads.definition)).toBe(JSON.stringify(SPEC_DEFINITION));
    const fromSpec = defineResource(SPEC_DEFINITION);
    expect(leads).toEqual(fromSpec);
    // The client's types (operators, enum values, nullability) come from the literal types.
    expectTypeOf(leads).toEqualTypeOf<typeof fromSpec>();
  });
});
