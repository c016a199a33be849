/**
 * The worked example of docs/relations.md on the MongoDB backend, from the
 * URL: labeled leads (to-one label, many-to-many tags with soft-deleted tags
 * hidden, to-many notes) parsed by `parseListQuery` and run by mingo.
 */
import { describe, expect, it } from 'vitest';
import { labeledLeads, parseListQuery } from '../../../../src/index.js';
import { generateLeads } from '../../../../src/testing/index.js';
import type { StoredRow } from '../../../support/engine.js';
import { runRelated } from '../../../support/engines/mongo.js';

const labels: StoredRow[] = [
  { id: 'l1', name: 'VIP', color: 'gold', priority: 3 },
  { id: 'l2', name: 'cold', color: null, priority: null },
  { id: 'l3', name: 'Warm', color: 'red', priority: 1 },
];
const tags: StoredRow[] = [
  { id: 't1', name: 'vip', deleted_at: null },
  { id: 't2', name: 'hot', deleted_at: null },
  { id: 't3', name: 'vip', deleted_at: '2026-01-02T00:00:00.000Z' },
];
const labelOf = [null, 'l1', 'l2', 'l3', 'l1', 'lX', 'l3', 'l1'];
const leadRows: StoredRow[] = generateLeads(8, 7).map((lead, i) => ({
  ...lead,
  labelId: labelOf[i] ?? null,
}));
const id = (i: number) => leadRows[i]!['id'] as string;
const leadTags: StoredRow[] = [
  { lead_id: id(1), tag_id: 't1' },
  { lead_id: id(1), tag_id: 't2' },
  { lead_id: id(2), tag_id: 't3' }, // deleted: never matches
  { lead_id: id(3), tag_id: 't2' },
  { lead_id: id(3), tag_id: 't2' },
  { lead_id: id(4), tag_id: 't1' },
];
const notes: StoredRow[] = [1, 1, 1, 1, 1, 1, 3].map((lead, n) => ({
  id: `n${n}`,
  lead_id: id(lead),
  body: `note ${n}`,
  pinned: n === 6,
  created_at: `2026-02-0${n + 1}T00:00:00.000Z`,
}));
const related = { labels, tags, lead_tags: leadTags, notes };
const run = (search: string) =>
  runRelated(labeledLeads, parseListQuery(labeledLeads, search), leadRows, related);

describe('labeled leads on mongo, from the URL', () => {
  it('the docs example: label.name=VIP&tags.name=vip,hot&sort=label.priority:desc&fields=…', async () => {
    const result = await run(
      'label.name=VIP&tags.name=vip,hot&sort=label.priority:desc&fields=id,name,label.name,tags.name',
    );
    expect(result.data).toEqual(
      [1, 4]
        .map((i) => ({
          id: id(i),
          name: leadRows[i]!['name'],
          label: { name: 'VIP' },
          tags: i === 1 ? [{ name: 'vip' }, { name: 'hot' }] : [{ name: 'vip' }],
          'tags@more': false,
        }))
        .sort((a, b) => (a.id < b.id ? 1 : -1)),
    );
    expect(result.total).toBe(2);
  });

  it('to-one leaves read a missing label as null; groups and not(some) work', async () => {
    const ids = async (search: string) =>
      (await run(`${search}&fields=id`)).data.map((row) => row['id'] as string).sort();
    expect(await ids('label.color[exists]=false')).toEqual([0, 2, 5].map(id));
    expect(await ids('label.name[ne]=VIP')).toEqual([0, 2, 3, 5, 6].map(id));
    expect(await ids('and=(not(tags.name=vip))')).toEqual([0, 2, 3, 5, 6, 7].map(id));
    expect(await ids('or=(label.name=Warm;tags.name=vip)')).toEqual([1, 3, 4, 6].map(id));
    expect(await ids('notes.pinned=true')).toEqual([id(3)]);
  });

  it('sort=label.name (case-insensitive, nulls last) and notes embedded at most 5 with @more', async () => {
    const result = await run('sort=label.name&fields=id,label.name,notes.body&limit=8');
    expect(
      result.data.map((row) => (row['label'] as { name: string } | null)?.name ?? null),
    ).toEqual(['cold', 'VIP', 'VIP', 'VIP', 'Warm', 'Warm', null, null]);
    const first = result.data.find((row) => row['id'] === id(1))!;
    expect(first['notes']).toEqual([0, 1, 2, 3, 4].map((n) => ({ body: `note ${n}` })));
    expect(first['notes@more']).toBe(true);
  });
});
