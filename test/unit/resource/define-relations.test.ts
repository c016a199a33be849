import { describe, expect, it } from 'vitest';
import {
  defineResource,
  exists,
  labeledLeads,
  labels,
  notes,
  type PathOf,
  relationOf,
  resolveField,
  tags,
} from '../../../src/index.js';

const owners = defineResource({
  name: 'owners',
  fields: {
    id: { type: 'number', filter: ['eq'] },
    code: { type: 'string', filter: ['eq'], sortable: true },
    secret: { type: 'string', filter: ['eq'] },
  },
});

const base = {
  name: 'items',
  fields: {
    id: { type: 'string' },
    ownerId: { type: 'number', nullable: true },
    ownerCode: { type: 'string', nullable: true },
  },
} as const;

describe('relations in defineResource', () => {
  it('resolves the three kinds with their defaults', () => {
    const label = relationOf(labeledLeads, 'label');
    expect(label).toMatchObject({ type: 'toOne', table: 'labels', embedLimit: 1, through: null });
    expect(label.localKey.name).toBe('labelId');
    expect(label.targetKey.name).toBe('id');
    expect([...label.sortable.keys()]).toEqual(labels.sortable);

    const tagRelation = relationOf(labeledLeads, 'tags');
    expect(tagRelation.through).toEqual({
      table: 'lead_tags',
      sourceColumn: 'lead_id',
      targetColumn: 'tag_id',
    });
    expect(tagRelation.localKey.name).toBe('id');
    expect(tagRelation.targetKey).toBe(tags.fields.get('id'));
    expect(tagRelation.where).toEqual(exists('deletedAt', false));
    expect(tagRelation.sortable.size).toBe(0);
    expect(tagRelation.embedLimit).toBe(20);
    // The hidden deletedAt is not selectable on tags, so not through the relation either.
    expect(tagRelation.selectable.has('deletedAt')).toBe(false);

    const noteRelation = relationOf(labeledLeads, 'notes');
    expect(noteRelation.targetKey).toBe(notes.fields.get('leadId'));
    expect(noteRelation.embedLimit).toBe(5);
  });

  it('resolves paths and own fields alike', () => {
    expect(resolveField(labeledLeads, 'label.name')?.field).toBe(labels.fields.get('name'));
    expect(resolveField(labeledLeads, 'label.name')?.relation?.name).toBe('label');
    expect(resolveField(labeledLeads, 'status')?.relation).toBeNull();
    expect(resolveField(labeledLeads, 'label.nope')).toBeUndefined();
    expect(resolveField(labeledLeads, 'label')).toBeUndefined();
    expect(() => relationOf(labeledLeads, 'lable')).toThrow(
      "Resource 'labeled-leads' has no relation 'lable'. Relations: label, tags, notes",
    );
  });

  it('types the paths', () => {
    const path: PathOf<typeof labeledLeads> = 'tags.name';
    // @ts-expect-error not a field of labels
    const wrong: PathOf<typeof labeledLeads> = 'label.nmae';
    expect([path, wrong]).toHaveLength(2);
    const none: PathOf<typeof owners>[] = [];
    expect(none).toEqual([]);
  });

  it('narrows what a relation exposes, never widens it', () => {
    const narrowed = defineResource({
      ...base,
      relations: {
        owner: {
          type: 'toOne',
          resource: owners,
          localKey: 'ownerId',
          filterable: [],
          sortable: ['code'],
        },
      },
    });
    expect(relationOf(narrowed, 'owner').filterable.size).toBe(0);
    expect(() =>
      defineResource({
        ...base,
        relations: {
          owner: {
            type: 'toOne',
            resource: owners,
            localKey: 'ownerId',
            filterable: ['code', 'id2'],
          },
        },
      }),
    ).toThrow("filterable 'id2' is not a field of 'owners'");
    expect(() =>
      defineResource({
        ...base,
        relations: {
          owner: { type: 'toOne', resource: owners, localKey: 'ownerId', sortable: ['secret'] },
        },
      }),
    ).toThrow("relation 'owner': sortable: 'secret' is not sortable on 'owners' itself");
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unknown local key',
      { type: 'toOne', resource: owners, localKey: 'ownerID' },
      "localKey 'ownerID' is not a field of 'items'. Fields: id, ownerId, ownerCode",
    ],
    [
      'keys of two types',
      { type: 'toOne', resource: owners, localKey: 'ownerCode' },
      "the keys do not match: 'ownerCode' is string but 'id' is number",
    ],
    [
      'a to-one key that may not be unique',
      { type: 'toOne', resource: owners, localKey: 'ownerCode', targetKey: 'code' },
      'set unique: true',
    ],
    [
      'an unknown foreign key',
      { type: 'toMany', resource: owners, foreignKey: 'itemId' },
      "foreignKey 'itemId' is not a field of 'owners'",
    ],
    [
      'a sort on a to-many relation',
      { type: 'toMany', resource: notes, foreignKey: 'leadId', sortable: ['id'] },
      'only a to-one relation can be sorted by',
    ],
    [
      'a join table without columns',
      { type: 'manyToMany', resource: tags },
      'needs through: { table, sourceColumn, targetColumn }',
    ],
    [
      'a join table with one column twice',
      {
        type: 'manyToMany',
        resource: tags,
        through: { table: 'x', sourceColumn: 'a', targetColumn: 'a' },
      },
      'two different columns',
    ],
    [
      'a table name outside the grammar',
      { type: 'toMany', resource: notes, foreignKey: 'leadId', table: 'notes; drop table x' },
      "table 'notes; drop table x' must match",
    ],
    [
      'an unknown type',
      { type: 'oneToOne', resource: owners, localKey: 'ownerId' },
      "type must be one of toOne, toMany, manyToMany, got 'oneToOne'",
    ],
    [
      'a relation that is not a resource',
      { type: 'toOne', resource: { name: 'x' }, localKey: 'ownerId' },
      'resource must be a resource made by defineResource',
    ],
    [
      'an embed limit of 0',
      { type: 'toMany', resource: notes, foreignKey: 'leadId', embedLimit: 0 },
      'embedLimit must be an integer in 1..1000, got 0',
    ],
    [
      'a where on an unknown field',
      { type: 'toMany', resource: notes, foreignKey: 'leadId', where: exists('deleted', false) },
      "where: field 'deleted' is not a field of 'notes'",
    ],
    [
      'a column without embedded',
      { type: 'toMany', resource: notes, foreignKey: 'leadId', column: 'n' },
      "'column' is only for embedded relations",
    ],
  ])('refuses %s', (_what, relation, message) => {
    const fields = { ...base.fields, id: { type: 'string' } } as const;
    const keyed =
      relation.type === 'toMany' || relation.type === 'manyToMany' ? { ...fields } : fields;
    expect(() =>
      defineResource({ name: 'items', fields: keyed, relations: { owner: relation as never } }),
    ).toThrow(message);
  });

  it('refuses a relation named like a field, and a hidden related sort without a secret', () => {
    expect(() =>
      defineResource({
        ...base,
        relations: { ownerId: { type: 'toOne', resource: owners, localKey: 'ownerId' } },
      }),
    ).toThrow("'ownerId' is also a field");
    const hiddenSort = {
      ...base,
      relations: {
        owner: {
          type: 'toOne',
          resource: owners,
          localKey: 'ownerId',
          sortable: ['code'],
          selectable: ['id'],
        },
      },
    } as const;
    expect(() => defineResource(hiddenSort)).toThrow(
      "field 'owner.code' is sortable but not selectable",
    );
    expect(() =>
      defineResource({ ...hiddenSort, cursorSecret: 'a-long-enough-secret' }),
    ).not.toThrow();
  });
});
