/**
 * buildResource is defineResource without the definition checks: for a
 * valid definition the two build equal resources, and the presets (built with
 * buildResource so a browser bundle does not carry the checks) pass them.
 */
import { describe, expect, it } from 'vitest';
import {
  buildResource,
  defineResource,
  type FieldDefinition,
  labeledLeads,
  labels,
  leads,
  notes,
  type Resource,
  type ResourceDefinition,
  tags,
} from '../../../src/index.js';
import { products } from '../../client/fixtures.js';

describe('buildResource', () => {
  it('builds the leads preset that defineResource builds (so the preset passes its checks)', () => {
    expect(defineResource(leads.definition)).toEqual(leads);
  });

  it.each<[string, Resource]>([
    ['labels', labels],
    ['tags', tags],
    ['notes', notes],
    ['labeledLeads (its relations checked too)', labeledLeads],
  ])('builds the %s preset that defineResource builds', (_name, preset) => {
    expect(defineResource(preset.definition)).toEqual(preset);
  });

  it.each<[string, ResourceDefinition<Record<string, FieldDefinition>>]>([
    ['products (number id, all-words search, groups, limits)', products.definition],
    ['groups: true', { ...leads.definition, groups: true }],
    ['no defaults, limits or aliases', { name: 'plain', fields: { id: { type: 'string' } } }],
    [
      'a column, a cursor secret, operators out of order',
      {
        name: 'tasks',
        fields: {
          id: { type: 'number', sortable: true },
          due: { type: 'datetime', filter: ['lt', 'eq', 'exists'], column: 'due_at' },
          secret: { type: 'string', sortable: true, selectable: false },
        },
        cursorSecret: 'a-long-enough-secret',
        defaults: { sort: 'secret,id:desc', count: 'none' },
        limits: { maxLimit: 10 },
        aliases: { params: { due_before: 'due[lt]', due_on: 'due' }, sortFields: { s: 'secret' } },
      },
    ],
  ])('%s: the same resource as defineResource', (_what, definition) => {
    expect(buildResource(definition)).toEqual(defineResource(definition));
  });

  it('checks nothing: a definition defineResource refuses still builds', () => {
    const bad = { name: 'bad', fields: { id: { type: 'string', filter: ['gt'] } } } as const;
    expect(() => defineResource(bad as never)).toThrow(/does not apply/);
    expect(buildResource(bad as never).fields.get('id')?.operators).toEqual(['gt']);
  });
});
