/** withColumns / snakeCase: other storage names, same API. */
import { describe, expect, it } from 'vitest';
import { leads, parseListQuery, snakeCase, withColumns } from '../../../src/index.js';

describe('snakeCase', () => {
  it.each([
    ['createdAt', 'created_at'],
    ['id', 'id'],
    ['utm_source', 'utm_source'],
    ['googleAdsAdGroupId', 'google_ads_ad_group_id'],
    ['selectedConversionEventId', 'selected_conversion_event_id'],
  ])('%s → %s', (name, column) => {
    expect(snakeCase(name)).toBe(column);
  });
});

describe('withColumns', () => {
  it('maps listed fields and keeps the others', () => {
    const mapped = withColumns(leads, { createdAt: 'created_at', updatedAt: 'updated_at' });
    expect(mapped.fields.get('createdAt')!.column).toBe('created_at');
    expect(mapped.fields.get('updatedAt')!.column).toBe('updated_at');
    expect(mapped.fields.get('status')!.column).toBe('status');
  });

  it('maps every field with a function', () => {
    const mapped = withColumns(leads, snakeCase);
    for (const field of mapped.fieldList) expect(field.column).toBe(snakeCase(field.name));
  });

  it('keeps the API: field names, options, defaults, limits, aliases and parsed queries', () => {
    const mapped = withColumns(leads, snakeCase);
    const strip = (r: typeof leads) => r.fieldList.map(({ column: _, ...rest }) => rest);
    expect(strip(mapped)).toEqual(strip(leads));
    expect(mapped.defaults).toEqual(leads.defaults);
    expect(mapped.limits).toEqual(leads.limits);
    expect([...mapped.aliases.params]).toEqual([...leads.aliases.params]);
    const input = 'updated_after=2026-01-01&status=won,lost&sort=updated_at&fields=name';
    expect(parseListQuery(mapped, input)).toEqual(parseListQuery(leads, input));
  });

  it('does not change the original', () => {
    withColumns(leads, snakeCase);
    expect(leads.fields.get('createdAt')!.column).toBe('createdAt');
  });

  it.each([
    ['an invalid column', { createdAt: 'created at' }],
    ['a prototype column', { createdAt: '__proto__' }],
  ])('validates like defineResource: %s', (_name, mapping) => {
    expect(() => withColumns(leads, mapping)).toThrow(/column .* must match/);
  });
});
