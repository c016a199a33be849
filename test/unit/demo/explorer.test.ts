import { describe, expect, it } from 'vitest';
import { demoLeads } from '../../../src/demo/demo-resource.js';
import { filterControls, filterParam, publicEndpoint } from '../../../src/demo/explorer/index.js';
import { defineResource, withCursorSecret } from '../../../src/resource/index.js';

describe('filterControls', () => {
  const byField = new Map(filterControls(demoLeads).map((f) => [f.field, f]));

  it('offers every filterable field, in declaration order', () => {
    expect([...byField.keys()]).toEqual(demoLeads.filterable);
  });

  it('gives list enums checkboxes, numbers and dates operator rows, nullable ones exists', () => {
    expect(byField.get('status')?.controls).toEqual([
      {
        kind: 'choices',
        param: 'status',
        values: ['open', 'qualified', 'won', 'lost'],
        multiple: true,
      },
    ]);
    expect(byField.get('value')?.controls).toEqual([
      { kind: 'conditions', operators: ['eq', 'gt', 'gte', 'lt', 'lte'], values: [] },
    ]);
    expect(byField.get('qualifiedAt')?.controls).toEqual([
      { kind: 'conditions', operators: ['eq', 'gt', 'gte', 'lt', 'lte'], values: [] },
      { kind: 'exists', param: 'qualifiedAt[exists]' },
    ]);
    expect(byField.get('gclid')?.controls).toEqual([
      { kind: 'text', param: 'gclid', list: false },
      { kind: 'exists', param: 'gclid[exists]' },
    ]);
    expect(byField.get('labelId')?.controls).toEqual([
      { kind: 'text', param: 'labelId', list: true },
    ]);
  });

  it('puts free-text fields behind "more filters"', () => {
    const primary = [...byField.values()].filter((f) => f.primary).map((f) => f.field);
    expect(primary).toEqual(['status', 'value', 'source', 'createdAt', 'updatedAt', 'qualifiedAt']);
  });

  it('gives single-value enums and booleans a select', () => {
    const resource = defineResource({
      name: 'tasks',
      fields: {
        id: { type: 'string' },
        kind: { type: 'enum', values: ['a', 'b'], filter: ['eq'] },
        done: { type: 'boolean', filter: ['eq', 'exists'], nullable: true },
      },
    });
    expect(filterControls(resource).map((f) => f.controls)).toEqual([
      [{ kind: 'choices', param: 'kind', values: ['a', 'b'], multiple: false }],
      [
        { kind: 'choices', param: 'done', values: ['true', 'false'], multiple: false },
        { kind: 'exists', param: 'done[exists]' },
      ],
    ]);
  });

  it("gives ne, nin and the text matches condition rows, with an enum's values as suggestions", () => {
    const resource = defineResource({
      name: 'notes',
      fields: {
        id: { type: 'string' },
        title: { type: 'string', filter: ['eq', 'ne', 'contains', 'startsWith'] },
        tag: { type: 'enum', values: ['x', 'y'], list: true, filter: ['eq', 'nin'] },
      },
    });
    expect(filterControls(resource).map((f) => f.controls)).toEqual([
      [{ kind: 'conditions', operators: ['eq', 'ne', 'contains', 'startsWith'], values: [] }],
      [
        { kind: 'choices', param: 'tag', values: ['x', 'y'], multiple: true },
        { kind: 'conditions', operators: ['nin'], values: ['x', 'y'] },
      ],
    ]);
  });

  it('names parameters as the URL grammar does', () => {
    expect(filterParam('value', 'gte')).toBe('value[gte]');
    expect(filterParam('status', 'eq')).toBe('status');
  });
});

describe('publicEndpoint', () => {
  it('drops the cursor secret and the storage columns, and rebuilds to the same API', () => {
    const signed = withCursorSecret(demoLeads, 'a-long-secret-for-cursors-0123');
    const described = publicEndpoint({ path: '/leads', resource: signed });
    const text = JSON.stringify(described);
    expect(text).not.toContain('a-long-secret-for-cursors-0123');
    expect(text).not.toContain('created_at');
    const rebuilt = defineResource(described.definition);
    expect(rebuilt.filterable).toEqual(signed.filterable);
    expect(rebuilt.sortable).toEqual(signed.sortable);
    expect(rebuilt.defaults).toEqual(signed.defaults);
    expect(rebuilt.cursorSecret).toBeNull();
  });
});
