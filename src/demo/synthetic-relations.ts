/**
 * The related rows of the demo's `GET /labeled-leads` (docs/relations.md's
 * worked example): labels, tags (two of them soft-deleted), the `lead_tags`
 * join rows and notes, derived from the leads themselves and a seed, so the
 * same leads always get the same relations on every store. The leads are
 * not touched: `GET /leads` serves exactly what it served before.
 */
import { seededRandom } from '../testing/synthetic-leads.js';
import type { FieldRow } from './validate-row.js';

/** One row of the `lead_tags` join table, keyed by its columns. */
export interface LeadTagRow {
  readonly lead_id: string;
  readonly tag_id: string;
}

/** Everything beside the leads. Labels, tags and notes are keyed by field name. */
export interface RelatedRows {
  readonly labels: readonly FieldRow[];
  readonly tags: readonly FieldRow[];
  readonly leadTags: readonly LeadTagRow[];
  readonly notes: readonly FieldRow[];
}

/**
 * The labels. The synthetic leads point at `label_1` … `label_8`; there is
 * no `label_8`, so those leads show a key with no row behind it (`label`
 * embeds null, `label.name` is null). `partner` is lower case to show the
 * labels' case-insensitive sort; some colors and priorities are null.
 */
const LABELS: readonly FieldRow[] = [
  { id: 'label_1', name: 'VIP', color: 'gold', priority: 10 },
  { id: 'label_2', name: 'Hot', color: 'red', priority: 8 },
  { id: 'label_3', name: 'Warm', color: 'orange', priority: 5 },
  { id: 'label_4', name: 'Cold', color: null, priority: 1 },
  { id: 'label_5', name: 'partner', color: 'blue', priority: null },
  { id: 'label_6', name: 'Newsletter', color: null, priority: null },
  { id: 'label_7', name: 'Churn risk', color: 'black', priority: 9 },
];

/** The tags; `spam` and `legacy` are soft-deleted, so they never match and never embed. */
const TAGS: readonly FieldRow[] = [
  { id: 'tag_1', name: 'vip', deletedAt: null },
  { id: 'tag_2', name: 'hot', deletedAt: null },
  { id: 'tag_3', name: 'b2b', deletedAt: null },
  { id: 'tag_4', name: 'enterprise', deletedAt: null },
  { id: 'tag_5', name: 'trial', deletedAt: null },
  { id: 'tag_6', name: 'referral', deletedAt: null },
  { id: 'tag_7', name: 'spam', deletedAt: '2026-01-10T09:00:00.000Z' },
  { id: 'tag_8', name: 'legacy', deletedAt: '2025-11-02T17:30:00.000Z' },
];

const NOTE_BODIES = [
  'Called, left a voicemail',
  'Asked for a quote',
  'Sent the pricing sheet',
  'Demo booked for next week',
  'Wants an invoice in EUR',
  'Follow up after the holidays',
  'Decision maker is the CFO',
  'Interested in the annual plan',
] as const;

const HOUR_MS = 3_600_000;

/**
 * The related rows of `leads` (rows with `id` and `createdAt`): every lead
 * gets 0 to 3 distinct tags and, one in three, 1 to 7 notes (more than the
 * notes' `embedLimit` of 5 for some, so `notes@more` is true), written in
 * the hours after the lead was created. Note ids grow with the lead order,
 * so the embed's id order is the order they were written.
 *
 * @example
 * const related = relatedRows(generateLeads(100, 1), 1);
 * related.labels.length; // 7
 */
export function relatedRows(leads: readonly FieldRow[], seed: number): RelatedRows {
  // Its own sequence: the leads' generator is not consumed, so the leads stay as they were.
  const random = seededRandom((seed * 2_654_435_761) ^ 0x5eed);
  const leadTags: LeadTagRow[] = [];
  const notes: FieldRow[] = [];
  for (const lead of leads) {
    const id = String(lead['id']);
    const count = random.weighted({ 0: 30, 1: 35, 2: 25, 3: 10 });
    const picked = new Set<string>();
    while (picked.size < Number(count))
      picked.add(TAGS[random.int(0, TAGS.length - 1)]!['id'] as string);
    for (const tag of [...picked].sort()) leadTags.push({ lead_id: id, tag_id: tag });
    if (!random.chance(1 / 3)) continue;
    const created = Date.parse(String(lead['createdAt']));
    const written = random.int(1, 7);
    for (let n = 1; n <= written; n += 1) {
      notes.push({
        id: `note_${String(notes.length + 1).padStart(8, '0')}`,
        leadId: id,
        body: random.pick(NOTE_BODIES),
        pinned: random.chance(0.2),
        createdAt: new Date(created + n * HOUR_MS).toISOString(),
      });
    }
  }
  return { labels: LABELS, tags: TAGS, leadTags, notes };
}
