/**
 * buildResource is defineResource without the definition checks: for a
 * valid definition the two build equal resources, and the presets (built with
 * buildResource so a browser bundle does not carry the checks) pass them.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  buildPlainResource,
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

/** A definition with every option a plain resource can have. */
const TASKS = {
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
} as const;

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
    ['a column, a cursor secret, operators out of order', TASKS],
  ])('%s: the same resource as defineResource', (_what, definition) => {
    expect(buildResource(definition)).toEqual(defineResource(definition));
  });

  it('checks nothing: a definition defineResource refuses still builds', () => {
    const bad = { name: 'bad', fields: { id: { type: 'string', filter: ['gt'] } } } as const;
    expect(() => defineResource(bad as never)).toThrow(/does not apply/);
    expect(buildResource(bad as never).fields.get('id')?.operators).toEqual(['gt']);
  });
});

describe('buildPlainResource', () => {
  const plain = [
    ['no defaults, limits or aliases', { name: 'plain', fields: { id: { type: 'string' } } }],
    ['leads', leads.definition],
    ['a column, a cursor secret, operators out of order', TASKS],
  ] as const;

  it.each(plain)(
    '%s: the same resource as defineResource and buildResource',
    (_what, definition) => {
      // (The table's union of definitions is wider than the builder's parameter.)
      const built = buildPlainResource(definition as never);
      expect(built).toEqual(
        defineResource(definition as ResourceDefinition<Record<string, FieldDefinition>>),
      );
      expect(built).toEqual(
        buildResource(definition as ResourceDefinition<Record<string, FieldDefinition>>),
      );
    },
  );

  it('refuses groups and relations, at compile time and, from JavaScript, with an Error', () => {
    // @ts-expect-error groups need buildResource
    expect(() => buildPlainResource({ ...leads.definition, groups: true })).toThrow(
      "buildPlainResource('leads'): groups and relations need buildResource",
    );
    // @ts-expect-error relations need buildResource
    expect(() => buildPlainResource(labeledLeads.definition)).toThrow(/need buildResource/);
  });

  it('keeps the literal types the client reads', () => {
    const tasks = buildPlainResource({
      name: 'tasks',
      fields: { id: { type: 'string' }, done: { type: 'boolean', filter: ['eq'] } },
    });
    expectTypeOf(tasks.idField).toEqualTypeOf<'id'>();
    expectTypeOf<(typeof tasks.definition.fields)['done']['type']>().toEqualTypeOf<'boolean'>();
  });
});
