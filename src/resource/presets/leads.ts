import { COMPARISON_OPERATORS } from '../../ast/operators.js';
import { buildPlain, DEFAULT_LIMITS } from '../build-resource.js';
import type { FieldDefinition, FieldOf } from '../types.js';

const EQ_LIST = { filter: ['eq'], list: true } as const;
// Shared with modules a bundle carries anyway: the definition stays the spec's (a test pins it).
const DATE_OPS = [...COMPARISON_OPERATORS, 'exists'] as const;
const text = { type: 'string', nullable: true } as const satisfies FieldDefinition;
const clickId = { type: 'string', nullable: true, filter: ['eq', 'exists'] } as const;
const utm = { type: 'string', nullable: true, filter: ['eq'] } as const;
const consent = { type: 'boolean', nullable: true } as const;

/**
 * The `GET /leads` resource of `docs/leads.md`: every filter, sort
 * field and selectable field of the spec. Storage names equal field names;
 * derive other column names with `withColumns(leads, …)`.
 * Built without `defineResource`'s definition checks (a test runs them on
 * it) and without the relation code (it has no relations), so that a
 * browser bundle using the preset does not carry them.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won&value[gte]=100&sort=value:desc');
 */
export const leads = buildPlain({
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
      filter: COMPARISON_OPERATORS,
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
  // The spec's limits are listql's defaults, written out in the definition.
  limits: { ...DEFAULT_LIMITS },
  aliases: {
    params: { updated_after: 'updatedAt[gte]' },
    sortFields: { updated_at: 'updatedAt' },
  },
});

/** The field names of {@link leads}. */
export type LeadField = FieldOf<typeof leads>;
