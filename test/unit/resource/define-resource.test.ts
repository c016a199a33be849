/**
 * defineResource: defaults it fills in, what it derives, and every bad
 * definition it refuses with a message that names the fix.
 */
import { describe, expect, it } from 'vitest';
import {
  defineResource,
  type FieldDefinition,
  type ResourceDefinition,
} from '../../../src/index.js';

const id = { type: 'string' } as const;

/** Defines a resource with an `id` and the given extra fields/options. */
function define(
  fields: Record<string, FieldDefinition>,
  options: Omit<ResourceDefinition<Record<string, FieldDefinition>>, 'name' | 'fields'> = {},
) {
  return defineResource<Record<string, FieldDefinition>>({
    name: 't',
    fields: { id, ...fields },
    ...options,
  });
}

describe('defaults', () => {
  const resource = define({ a: { type: 'string' } });
  const a = resource.fields.get('a')!;

  it('fills in every field option', () => {
    expect(a).toEqual({
      name: 'a',
      type: 'string',
      values: [],
      nullable: false,
      operators: [],
      list: false,
      sortable: false,
      searchable: false,
      caseInsensitiveSort: false,
      selectable: true,
      column: 'a',
      index: 1,
    });
  });

  it('searches in substring mode', () => {
    expect(resource.search).toEqual({ mode: 'substring' });
  });

  it('fills in the resource defaults and limits', () => {
    expect(resource.idField).toBe('id');
    expect(resource.defaults).toEqual({ sort: [], limit: 50, count: 'exact' });
    expect(resource.limits).toEqual({
      maxLimit: 100,
      maxValueLength: 1000,
      maxSearchLength: 200,
      maxListItems: 100,
      maxParams: 100,
    });
    expect(resource.aliases.params.size).toBe(0);
    expect(resource.aliases.sortFields.size).toBe(0);
  });

  it('caps the default limit at a smaller maxLimit', () => {
    expect(define({}, { limits: { maxLimit: 10 } }).defaults.limit).toBe(10);
  });

  it('keeps operators in canonical order', () => {
    const r = define({ n: { type: 'number', filter: ['lte', 'exists', 'eq', 'gt'] } });
    expect(r.fields.get('n')!.operators).toEqual(['eq', 'gt', 'lte', 'exists']);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(resource)).toBe(true);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(resource.fieldList)).toBe(true);
    expect(Object.isFrozen(resource.limits)).toBe(true);
  });
});

describe('groups', () => {
  it('are off by default, on with the default limits for true, partly set by an object', () => {
    expect(define({}).groups).toBeNull();
    expect(define({}, { groups: false }).groups).toBeNull();
    expect(define({}, { groups: true }).groups).toEqual({
      maxDepth: 3,
      maxLeaves: 20,
      maxLength: 2000,
    });
    expect(define({}, { groups: { maxLeaves: 5 } }).groups).toEqual({
      maxDepth: 3,
      maxLeaves: 5,
      maxLength: 2000,
    });
    expect(Object.isFrozen(define({}, { groups: { maxDepth: 2 } }).groups)).toBe(true);
  });
});

describe('derived lists', () => {
  const r = defineResource({
    name: 'r',
    id: 'key',
    fields: {
      a: { type: 'string', searchable: true, filter: ['eq'] },
      key: { type: 'number', selectable: false, sortable: true },
      b: { type: 'datetime', sortable: true, selectable: false },
      c: { type: 'enum', values: ['x', 'y'], filter: ['eq'], list: true },
    },
    defaults: { sort: 'b:desc,key', limit: 7 },
    limits: { maxLimit: 8 },
    // b is sortable but not selectable: its cursors are encrypted with this.
    cursorSecret: 'a-secret-of-at-least-16-chars',
  });

  it.each([
    ['filterable', ['a', 'c']],
    ['sortable', ['key', 'b']],
    ['searchable', ['a']],
    // the id is always selectable
    ['selectable', ['a', 'key', 'c']],
  ] as const)('%s', (list, expected) => {
    expect(r[list]).toEqual(expected);
  });

  it('parses the default sort and limit', () => {
    expect(r.idField).toBe('key');
    expect(r.defaults).toEqual({
      sort: [
        { field: 'b', direction: 'desc' },
        { field: 'key', direction: 'asc' },
      ],
      limit: 7,
      count: 'exact',
    });
  });

  it('resolves aliases', () => {
    const aliased = define(
      { at: { type: 'datetime', filter: ['gte', 'exists'], sortable: true } },
      {
        aliases: { params: { since: 'at[gte]', has_at: 'at[exists]' }, sortFields: { when: 'at' } },
      },
    );
    expect([...aliased.aliases.params]).toEqual([
      ['since', { field: 'at', op: 'gte' }],
      ['has_at', { field: 'at', op: 'exists' }],
    ]);
    expect([...aliased.aliases.sortFields]).toEqual([['when', 'at']]);
  });

  it('keeps the definition for deriving resources', () => {
    expect(r.definition.name).toBe('r');
  });
});

describe('bad definitions throw an Error that names the fix', () => {
  it.each<[string, () => unknown, string]>([
    [
      'no fields',
      () => defineResource({ name: 't', fields: {} }),
      'a resource needs at least one field',
    ],
    [
      'an unknown type',
      () => define({ a: { type: 'text' as 'string' } }),
      "field 'a': type must be one of string, number, boolean, datetime, enum, got 'text'",
    ],
    [
      'an enum without values',
      () => define({ a: { type: 'enum' } }),
      "field 'a': an enum needs a non-empty 'values' list",
    ],
    [
      'an enum with an empty list',
      () => define({ a: { type: 'enum', values: [] } }),
      "field 'a': an enum needs a non-empty 'values' list",
    ],
    [
      'repeated enum values',
      () => define({ a: { type: 'enum', values: ['x', 'x'] } }),
      "field 'a': enum values repeat",
    ],
    [
      'an empty enum value',
      () => define({ a: { type: 'enum', values: [''] } }),
      "field 'a': enum value '' must be non-empty and contain no comma",
    ],
    [
      'an enum value with a comma',
      () => define({ a: { type: 'enum', values: ['x,y'] } }),
      "field 'a': enum value 'x,y' must be non-empty and contain no comma",
    ],
    [
      'values on a non-enum',
      () => define({ a: { type: 'string', values: ['x'] } }),
      "field 'a': 'values' is only for type 'enum'",
    ],
    [
      'an unknown operator',
      () => define({ a: { type: 'string', filter: ['like' as 'eq'] } }),
      "field 'a': unknown operator 'like'; use eq, gt, gte, lt, lte, exists",
    ],
    [
      'a range operator on a string',
      () => define({ a: { type: 'string', filter: ['gt'] } }),
      "field 'a': operator 'gt' does not apply to type 'string'; allowed: eq, exists",
    ],
    [
      'a range operator on an enum',
      () => define({ a: { type: 'enum', values: ['x'], filter: ['lte'] } }),
      "field 'a': operator 'lte' does not apply to type 'enum'; allowed: eq, exists",
    ],
    [
      'a range operator on a boolean',
      () => define({ a: { type: 'boolean', filter: ['gte'] } }),
      "field 'a': operator 'gte' does not apply to type 'boolean'; allowed: eq, exists",
    ],
    [
      'a list on a boolean',
      () => define({ a: { type: 'boolean', filter: ['eq'], list: true } }),
      "field 'a': 'list' is only for types string, enum, number",
    ],
    [
      'a list on a date-time',
      () => define({ a: { type: 'datetime', filter: ['eq'], list: true } }),
      "field 'a': 'list' is only for types string, enum, number",
    ],
    [
      'a list without eq',
      () => define({ a: { type: 'string', list: true } }),
      "field 'a': 'list' needs the 'eq' operator in 'filter'",
    ],
    [
      'a searchable number',
      () => define({ a: { type: 'number', searchable: true } }),
      "field 'a': only 'string' fields can be searchable",
    ],
    [
      'a searchable enum',
      () => define({ a: { type: 'enum', values: ['x'], searchable: true } }),
      "field 'a': only 'string' fields can be searchable",
    ],
    [
      'a bad column name',
      () => define({ a: { type: 'string', column: 'created at' } }),
      "field 'a': column 'created at' must match",
    ],
    [
      'a quoted column name',
      () => define({ a: { type: 'string', column: 'a"; drop table x; --' } }),
      "field 'a': column 'a\"; drop table x; --' must match",
    ],
    [
      'a __proto__ column',
      () => define({ a: { type: 'string', column: '__proto__' } }),
      "field 'a': column '__proto__' must match",
    ],
    [
      'a bad field name',
      () => define({ 'a-b': { type: 'string' } }),
      "field 'a-b': a field name must match",
    ],
    [
      'a field named constructor',
      () => define({ constructor: { type: 'string' as const } }),
      "field 'constructor': a field name must match",
    ],
    [
      'a field named prototype',
      () => define({ prototype: { type: 'string' } }),
      "field 'prototype': a field name must match",
    ],
    [
      'a field name past 64 characters',
      () => define({ ['a'.repeat(65)]: { type: 'string' } }),
      `field '${'a'.repeat(65)}': a field name must match`,
    ],
    [
      'a filterable reserved name',
      () => define({ sort: { type: 'string', filter: ['eq'] } }),
      "field 'sort': 'sort' is a reserved parameter and cannot be filterable",
    ],
    [
      'a filterable field named page',
      () => define({ page: { type: 'number', filter: ['gt'] } }),
      "field 'page': 'page' is a reserved parameter and cannot be filterable",
    ],
    [
      'a filterable field named cursor (reserved for later)',
      () => define({ cursor: { type: 'string', filter: ['eq'] } }),
      "field 'cursor': 'cursor' is a reserved parameter and cannot be filterable",
    ],
    [
      'a missing id',
      () => defineResource({ name: 't', fields: { a: { type: 'string' } } }),
      "the id field 'id' is not declared; add it or set 'id'",
    ],
    [
      'a missing custom id',
      () => defineResource({ name: 't', id: 'key' as 'a', fields: { a: { type: 'string' } } }),
      "the id field 'key' is not declared; add it or set 'id'",
    ],
    [
      'a nullable id',
      () => defineResource({ name: 't', fields: { id: { type: 'string', nullable: true } } }),
      "the id field 'id' must be a non-nullable string or number",
    ],
    [
      'a date-time id',
      () => defineResource({ name: 't', fields: { id: { type: 'datetime' } } }),
      "the id field 'id' must be a non-nullable string or number",
    ],
    [
      'a bad limit',
      () => define({}, { limits: { maxListItems: 0 } }),
      'limits.maxListItems must be a positive integer, got 0',
    ],
    [
      'a misspelled limit',
      () => define({}, { limits: { maxLimits: 5 } as unknown as { maxLimit: number } }),
      'limits.maxLimits is not a limit; use maxLimit, maxValueLength, maxSearchLength, maxListItems, maxParams',
    ],
    [
      'a fractional limit',
      () => define({}, { limits: { maxParams: 1.5 } }),
      'limits.maxParams must be a positive integer, got 1.5',
    ],
    [
      'a group limit of 0',
      () => define({}, { groups: { maxLeaves: 0 } }),
      'groups.maxLeaves must be a positive integer, got 0',
    ],
    [
      'a misspelled group limit',
      () => define({}, { groups: { depth: 2 } as unknown as { maxDepth: number } }),
      'groups.depth is not a group limit; use maxDepth, maxLeaves, maxLength',
    ],
    [
      'groups nested too deep',
      () => define({}, { groups: { maxDepth: 33 } }),
      'groups.maxDepth must be at most 32, got 33',
    ],
    [
      'groups that are neither a flag nor limits',
      () => define({}, { groups: 'yes' as unknown as boolean }),
      'groups must be true, false or { maxDepth, maxLeaves, maxLength }',
    ],
    [
      'a filterable field named like a group parameter',
      () => define({ or: { type: 'string', filter: ['eq'] } }),
      "field 'or': 'or' is a reserved parameter and cannot be filterable",
    ],
    [
      'a default limit of 0',
      () => define({}, { defaults: { limit: 0 } }),
      'defaults.limit must be an integer in 1..100, got 0',
    ],
    [
      'a default limit past maxLimit',
      () => define({}, { defaults: { limit: 30 }, limits: { maxLimit: 20 } }),
      'defaults.limit must be an integer in 1..20, got 30',
    ],
    [
      'a default sort by an unknown field',
      () => define({}, { defaults: { sort: 'nope:desc' } }),
      "defaults.sort: 'nope' is not a sortable field",
    ],
    [
      'a default sort by a field that is not sortable',
      () => define({ a: { type: 'string' } }, { defaults: { sort: 'a' } }),
      "defaults.sort: 'a' is not a sortable field",
    ],
    [
      'a bad default sort direction',
      () => define({ a: { type: 'string', sortable: true } }, { defaults: { sort: 'a:down' } }),
      "defaults.sort: direction 'down' must be asc or desc",
    ],
    [
      'a repeated default sort key',
      () => define({ a: { type: 'string', sortable: true } }, { defaults: { sort: 'a,a:desc' } }),
      "defaults.sort: 'a' is given twice",
    ],
    [
      'an alias to an unknown field',
      () => define({}, { aliases: { params: { old: 'nope[gte]' } } }),
      "aliases.params.old: 'nope[gte]' is not a filter this resource allows",
    ],
    [
      'an alias to an operator the field does not allow',
      () =>
        define(
          { a: { type: 'number', filter: ['eq'] } },
          { aliases: { params: { old: 'a[gt]' } } },
        ),
      "aliases.params.old: 'a[gt]' is not a filter this resource allows",
    ],
    [
      'an alias to a malformed key',
      () =>
        define({ a: { type: 'number', filter: ['gt'] } }, { aliases: { params: { old: 'a[gt' } } }),
      "aliases.params.old: 'a[gt' is not a filter this resource allows",
    ],
    [
      'an alias whose legacy name is a field',
      () =>
        define(
          { a: { type: 'number', filter: ['eq'] }, b: { type: 'string' } },
          { aliases: { params: { b: 'a' } } },
        ),
      'aliases.params.b: the legacy name must be a free, valid parameter name',
    ],
    [
      'an alias whose legacy name is reserved',
      () =>
        define({ a: { type: 'number', filter: ['eq'] } }, { aliases: { params: { limit: 'a' } } }),
      'aliases.params.limit: the legacy name must be a free, valid parameter name',
    ],
    [
      'an alias whose legacy name is malformed',
      () =>
        define({ a: { type: 'number', filter: ['eq'] } }, { aliases: { params: { 'a[b]': 'a' } } }),
      'aliases.params.a[b]: the legacy name must be a free, valid parameter name',
    ],
    [
      'a sort alias to a field that is not sortable',
      () => define({ a: { type: 'string' } }, { aliases: { sortFields: { old: 'a' } } }),
      "aliases.sortFields.old: 'a' is not a sortable field",
    ],
    [
      'a sort alias whose legacy name is a field',
      () =>
        define(
          { a: { type: 'string', sortable: true }, b: { type: 'string', sortable: true } },
          { aliases: { sortFields: { a: 'b' } } },
        ),
      'aliases.sortFields.a: the legacy name must be a free, valid field name',
    ],
    [
      'a sort alias whose legacy name is malformed',
      () =>
        define(
          { a: { type: 'string', sortable: true } },
          { aliases: { sortFields: { 'x:y': 'a' } } },
        ),
      'aliases.sortFields.x:y: the legacy name must be a free, valid field name',
    ],
  ])('%s', (_name, build, message) => {
    expect(build).toThrow(Error);
    expect(build).toThrow(`defineResource('t'): ${message}`);
  });

  it('accepts a reserved name on a field that is not filterable', () => {
    expect(define({ page: { type: 'string', sortable: true } }).sortable).toEqual(['page']);
  });

  it('accepts a number id', () => {
    expect(defineResource({ name: 'n', fields: { id: { type: 'number' } } }).idField).toBe('id');
  });
});
