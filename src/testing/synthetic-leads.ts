/**
 * Deterministic synthetic leads for benchmarks, demos and large tests.
 *
 * Every field of the lead object in `docs/leads.md` is present,
 * keyed by field name (the `leads` preset stores fields under their own
 * names), with dates as ISO strings `YYYY-MM-DDTHH:mm:ss.sssZ`, exactly as the
 * API returns them. The same `(count, seed)` always yields the same leads, on
 * every machine: randomness comes from a seeded PRNG, never `Math.random`.
 */

/** The statuses of the leads resource, in declaration order. */
export const LEAD_STATUSES = ['open', 'qualified', 'won', 'lost'] as const;
/** The sources of the leads resource, in declaration order. */
export const LEAD_SOURCES = ['inbound', 'gtm', 'api', 'manual', 'wordpress', 'import'] as const;

/** A lead as the API returns it (and as the in-memory backend stores it for the `leads` preset). */
export interface SyntheticLead {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  status: (typeof LEAD_STATUSES)[number];
  value: number | null;
  currency: string | null;
  note: string | null;
  custom: string | null;
  lossReason: string | null;
  conversionName: string | null;
  source: (typeof LEAD_SOURCES)[number];
  website: string | null;
  path: string | null;
  labelId: string | null;
  selectedConversionEventId: string | null;
  gclid: string | null;
  dclid: string | null;
  wbraid: string | null;
  gbraid: string | null;
  ga4cid: string | null;
  ga4sid: string | null;
  fbc: string | null;
  fbp: string | null;
  msclkid: string | null;
  ttclid: string | null;
  twclid: string | null;
  rdt_cid: string | null;
  sccid: string | null;
  epik: string | null;
  li_fat_id: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  ad_storage: boolean | null;
  ad_user_data: boolean | null;
  analytics_storage: boolean | null;
  ad_personalization: boolean | null;
  googleAdsCampaignId: string | null;
  googleAdsCampaignName: string | null;
  googleAdsAdGroupId: string | null;
  googleAdsAdGroupName: string | null;
  googleAdsAdId: string | null;
  createdAt: string;
  updatedAt: string;
  qualifiedAt: string | null;
  expiresAt: string | null;
}

/** A seeded source of randomness: floats in [0, 1) and the helpers the generator needs. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One item of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

/**
 * A deterministic PRNG (mulberry32): small, fast, and good enough for test
 * data. The same seed gives the same sequence everywhere.
 *
 * @example
 * const random = seededRandom(42);
 * random.int(1, 6); // the same die roll on every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const weighted = <K extends string>(weights: Readonly<Record<K, number>>): K => {
    const entries = Object.entries(weights) as [K, number][];
    let left = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      left -= weight;
      if (left < 0) return key;
    }
    return entries.at(-1)![0];
  };
  return { next, int, chance: (p) => next() < p, pick, weighted };
}

const FIRST_NAMES = [
  'John',
  'Johnny',
  'Jonathan',
  'Mary',
  'Anna',
  'James',
  'Robert',
  'Linda',
  'Michael',
  'Sarah',
  'David',
  'Laura',
  'Maria',
  'José',
  'Zoë',
  'Chloé',
  'Ahmed',
  'Mei',
  'Olga',
  'Lukas',
] as const;
const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Martínez',
  'Müller',
  'Schmidt',
  'Dubois',
  'Rossi',
  'Kowalski',
  'Nakamura',
  'Okafor',
  'St. John',
  "O'Brien",
] as const;
const DOMAINS = ['example.com', 'mail.test', 'acme.io', 'corp.example'] as const;
const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
const LOSS_REASONS = ['price', 'timing', 'competitor', 'no response', 'not a fit'] as const;
const CONVERSIONS = ['Contact form', 'Demo request', 'Newsletter', 'Phone call'] as const;
const WEBSITES = ['https://example.com', 'https://shop.example.com', 'https://acme.io'] as const;
const PATHS = ['/', '/pricing', '/contact', '/blog/launch', '/signup?plan=pro'] as const;
const UTM_SOURCES = ['google', 'facebook', 'newsletter', 'linkedin', 'bing'] as const;
const UTM_MEDIUMS = ['cpc', 'email', 'social', 'organic'] as const;
const UTM_CAMPAIGNS = ['spring_sale', 'brand', 'retargeting', 'launch_2026'] as const;
const NOTES = ['Call back Monday', 'Asked for a quote', 'VIP', 'Wants 100% discount_'] as const;

const START_MS = Date.UTC(2025, 0, 1);
const SPAN_MS = Date.UTC(2027, 0, 1) - START_MS;
const DAY_MS = 86_400_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function token(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[random.int(0, ALPHABET.length - 1)];
  return out;
}

/** A click id: present with probability `p`, else null. */
function clickId(random: Random, p: number, prefix = ''): string | null {
  return random.chance(p) ? prefix + token(random, 22) : null;
}

function maybe<T>(random: Random, p: number, make: () => T): T | null {
  return random.chance(p) ? make() : null;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function oneLead(random: Random, index: number): SyntheticLead {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const status = random.weighted({ open: 40, qualified: 25, won: 20, lost: 15 });
  const createdMs = START_MS + Math.floor(random.next() * SPAN_MS);
  const updatedMs = createdMs + Math.floor(random.next() * 30 * DAY_MS);
  const gclid = clickId(random, 0.3, 'Cj0K');
  const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  return {
    // Sequential, zero-padded ids: unique, and they sort like their numbers.
    id: `lead_${String(index + 1).padStart(8, '0')}`,
    name: random.chance(0.95) ? `${first} ${last}` : null,
    email: maybe(random, 0.9, () => `${handle}${random.int(1, 999)}@${random.pick(DOMAINS)}`),
    phone: maybe(random, 0.8, () => `+1 555 ${random.int(100, 999)} ${random.int(1000, 9999)}`),
    status,
    // About 30% null; otherwise skewed towards small amounts, with cents.
    value: maybe(random, 0.7, () => Math.round(random.next() ** 3 * 1_000_000) / 100),
    currency: maybe(random, 0.9, () => random.pick(CURRENCIES)),
    note: maybe(random, 0.3, () => random.pick(NOTES)),
    custom: maybe(random, 0.2, () => JSON.stringify({ plan: random.pick(['free', 'pro']) })),
    lossReason: status === 'lost' ? random.pick(LOSS_REASONS) : null,
    conversionName: maybe(random, 0.6, () => random.pick(CONVERSIONS)),
    source: random.weighted({
      inbound: 30,
      gtm: 25,
      api: 15,
      manual: 10,
      wordpress: 15,
      import: 5,
    }),
    website: maybe(random, 0.7, () => random.pick(WEBSITES)),
    path: maybe(random, 0.7, () => random.pick(PATHS)),
    labelId: maybe(random, 0.6, () => `label_${random.int(1, 8)}`),
    selectedConversionEventId: maybe(random, 0.3, () => `conv_${token(random, 8)}`),
    gclid,
    dclid: clickId(random, 0.03),
    wbraid: clickId(random, 0.05),
    gbraid: clickId(random, 0.05),
    ga4cid: clickId(random, 0.4),
    ga4sid: clickId(random, 0.4),
    fbc: clickId(random, 0.15, 'fb.1.'),
    fbp: clickId(random, 0.2, 'fb.1.'),
    msclkid: clickId(random, 0.05),
    ttclid: clickId(random, 0.04),
    twclid: clickId(random, 0.02),
    rdt_cid: clickId(random, 0.02),
    sccid: clickId(random, 0.02),
    epik: clickId(random, 0.02),
    li_fat_id: clickId(random, 0.05),
    utm_source: maybe(random, 0.5, () => random.pick(UTM_SOURCES)),
    utm_medium: maybe(random, 0.5, () => random.pick(UTM_MEDIUMS)),
    utm_campaign: maybe(random, 0.4, () => random.pick(UTM_CAMPAIGNS)),
    ad_storage: maybe(random, 0.8, () => random.chance(0.7)),
    ad_user_data: maybe(random, 0.8, () => random.chance(0.6)),
    analytics_storage: maybe(random, 0.8, () => random.chance(0.8)),
    ad_personalization: maybe(random, 0.8, () => random.chance(0.5)),
    // Google Ads details come with a gclid, as they do in real traffic.
    googleAdsCampaignId: gclid ? String(random.int(10_000_000, 99_999_999)) : null,
    googleAdsCampaignName: gclid ? random.pick(UTM_CAMPAIGNS) : null,
    googleAdsAdGroupId: gclid ? String(random.int(10_000_000, 99_999_999)) : null,
    googleAdsAdGroupName: gclid ? `Ad group ${random.int(1, 20)}` : null,
    googleAdsAdId: gclid ? String(random.int(100_000_000, 999_999_999)) : null,
    createdAt: iso(createdMs),
    updatedAt: iso(updatedMs),
    qualifiedAt: status === 'open' ? null : iso(createdMs + random.int(1, 20) * DAY_MS),
    expiresAt: maybe(random, 0.5, () => iso(createdMs + 90 * DAY_MS)),
  };
}

/**
 * `count` synthetic leads, the same for the same `seed`. Ids are
 * `lead_00000001`, `lead_00000002`, …; `createdAt` spreads uniformly over
 * 2025–2026; about 30% of values are null; about 30% of leads have a `gclid`;
 * names look like "John Smith" (with some non-ASCII letters and punctuation).
 *
 * @example
 * const rows = generateLeads(100_000, 42);
 * rows[0].id; // 'lead_00000001'
 */
export function generateLeads(count: number, seed = 1): SyntheticLead[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new Error(`generateLeads: count must be a non-negative integer, got ${count}`);
  }
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => oneLead(random, index));
}
