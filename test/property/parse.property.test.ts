/**
 * Properties of the parser: it never throws or pollutes prototypes whatever
 * it is given; every AST survives format → parse; every input form of a query
 * gives the same AST.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defineResource,
  formatListQuery,
  leads,
  parseListQuery,
  type Resource,
  safeParseListQuery,
} from '../../src/index.js';
import { listQueryArbitrary, queryStringArbitrary } from '../../src/testing/index.js';
import { inputForms } from '../support/input-forms.js';
import { openLeads } from '../support/open-leads.js';
import { propertyParams } from '../support/property.js';

/** A second resource with number ids, booleans and no search, to keep the library resource-agnostic. */
const tasks = defineResource({
  name: 'tasks',
  fields: {
    id: { type: 'number', sortable: true },
    title: { type: 'string', sortable: true, filter: ['eq'], list: true },
    done: { type: 'boolean', nullable: true, filter: ['eq', 'exists'], sortable: true },
    points: { type: 'number', filter: ['eq', 'gt', 'lte'], list: true },
    due: { type: 'datetime', nullable: true, filter: ['gte', 'lt', 'exists'], sortable: true },
  },
  defaults: { limit: 10 },
  limits: { maxLimit: 25 },
});

/** tasks with every new operator its types take, and a case-insensitive title order. */
const openTasks = defineResource({
  ...tasks.definition,
  name: 'open-tasks',
  fields: {
    ...tasks.definition.fields,
    title: {
      ...tasks.definition.fields.title,
      filter: ['eq', 'ne', 'nin', 'contains', 'startsWith', 'endsWith'],
      caseInsensitiveSort: true,
      searchable: true,
    },
    done: { ...tasks.definition.fields.done, filter: ['eq', 'ne', 'exists'] },
    points: { ...tasks.definition.fields.points, filter: ['eq', 'ne', 'nin', 'gt'] },
    due: { ...tasks.definition.fields.due, filter: ['ne', 'lt'] },
  },
});

/** Leads with boolean groups, two levels deep at most in tasks' flavour of limits. */
const groupedLeads = defineResource({ ...leads.definition, name: 'grouped-leads', groups: true });
const groupedTasks = defineResource({
  ...tasks.definition,
  name: 'grouped-tasks',
  groups: { maxDepth: 2, maxLeaves: 4, maxLength: 120 },
});

const resources: readonly [string, Resource][] = [
  ['leads', leads as Resource],
  ['tasks', tasks as Resource],
  ['open-tasks (ne, nin, text operators, substring search)', openTasks as Resource],
  ['open-leads (ne, nin, text operators, all-words search)', openLeads as Resource],
  ['leads with groups', groupedLeads as Resource],
  ['tasks with groups', groupedTasks as Resource],
  [
    'open-leads with groups (new operators as leaves, not(…) where ne is not allowed)',
    defineResource({ ...openLeads.definition, groups: true }) as Resource,
  ],
];

const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

/** Keys and key fragments that attack prototypes or the grammar. */
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  'value[__proto__]',
  'status[$ne]',
  'value[gte][x]',
  'a[b]c',
  'toString',
  'hasOwnProperty',
  'value[constructor]',
);

const hostileString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc
    .array(
      fc.tuple(fc.oneof(hostileKey, fc.string({ maxLength: 10 })), fc.string({ maxLength: 20 })),
      { maxLength: 8 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.string({ maxLength: 20 }),
    fc.anything({ maxDepth: 1 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const hostileObject = fc.dictionary(
  fc.oneof(hostileKey, fc.string({ maxLength: 10 })),
  hostileValue,
  {
    maxKeys: 8,
  },
);

describe.each(resources)('parser properties on %s', (_name, resource) => {
  it('never throws and never touches Object.prototype, for any string or object', () => {
    const before = prototypeKeys();
    fc.assert(
      fc.property(fc.oneof(hostileString, hostileObject), (input) => {
        const result = safeParseListQuery(resource, input as string);
        expect(typeof result.success).toBe('boolean');
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      propertyParams(500),
    );
    expect(prototypeKeys()).toEqual(before);
  });

  it('parses every formatted AST back to the same AST', () => {
    fc.assert(
      fc.property(listQueryArbitrary(resource), (query) => {
        expect(parseListQuery(resource, formatListQuery(resource, query))).toEqual(query);
      }),
      propertyParams(500),
    );
  });

  it('gives the same AST for a string, URLSearchParams, and Express, Fastify and Hono objects', () => {
    fc.assert(
      fc.property(queryStringArbitrary(resource), (text) => {
        const expected = parseListQuery(resource, text);
        for (const [form, input] of inputForms(text)) {
          expect(parseListQuery(resource, input), form).toEqual(expected);
        }
      }),
      propertyParams(300),
    );
  });
});

describe('hostile group values', () => {
  /** Text made of the grammar's own characters, keys and keywords. */
  const pieces = fc
    .array(
      fc.constantFrom(
        '(',
        ')',
        ';',
        '=',
        '"',
        '\\',
        ',',
        ' ',
        'or(',
        'and(',
        'not(',
        'status',
        'value[gte]',
        'won',
        '1',
        'x',
        '😀',
        '\ud800',
        '\u0000',
        '[',
        ']',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''));
  /** A valid group value with up to three characters deleted or inserted. */
  const valid = queryStringArbitrary(groupedLeads)
    .map((text) => new URLSearchParams(text).get('or'))
    .filter((value): value is string => value !== null);
  const mutated = fc
    .tuple(
      valid,
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '(', ')', ';', '"', '\\', '=', ' ')), {
        maxLength: 3,
      }),
    )
    .map(([value, edits]) =>
      edits.reduce((text, [at, insert]) => {
        const i = at % (text.length + 1);
        return insert === ''
          ? text.slice(0, i) + text.slice(i + 1)
          : text.slice(0, i) + insert + text.slice(i);
      }, value),
    );
  const groupish = fc.oneof(pieces, mutated);

  it('never throws; a refused group names its parameter and a position inside the value', () => {
    fc.assert(
      fc.property(fc.constantFrom('or', 'and'), groupish, (param, value) => {
        const result = safeParseListQuery(groupedLeads, { [param]: value });
        if (result.success) return;
        for (const found of result.issues) {
          expect(found.code === 'INVALID_FILTER' || found.code === 'INVALID_DATE').toBe(true);
          expect(found.param).toBe(param);
          if (found.position !== undefined) {
            expect(found.position).toBeGreaterThanOrEqual(0);
            expect(found.position).toBeLessThanOrEqual([...value].length);
            expect(found.message).toContain(`at offset ${found.position}`);
          }
        }
      }),
      propertyParams(1000),
    );
  });

  it('a group that parses formats back to itself', () => {
    fc.assert(
      fc.property(groupish, (value) => {
        const result = safeParseListQuery(groupedLeads, { or: value });
        if (!result.success) return;
        const printed = formatListQuery(groupedLeads, result.query);
        expect(parseListQuery(groupedLeads, printed)).toEqual(result.query);
      }),
      propertyParams(1000),
    );
  });
});

describe('bounded work on hostile sizes', () => {
  it('refuses 10,000 parameters with one issue', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `status=won&x${i}=1`).join('&');
    const result = safeParseListQuery(leads, text);
    expect(result).toEqual({
      success: false,
      issues: [expect.objectContaining({ code: 'VALIDATION_ERROR', param: null })],
    });
    const object = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'v']));
    expect(safeParseListQuery(leads, object).success).toBe(false);
    expect(safeParseListQuery(leads, new URLSearchParams(object)).success).toBe(false);
  });

  it('refuses a 1 MB value, naming the parameter and clipping the echoed value', () => {
    const result = safeParseListQuery(leads, `website=${'a'.repeat(1_000_000)}`);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]).toMatchObject({ code: 'INVALID_FILTER', param: 'website' });
    expect(result.issues[0]!.value!.length).toBeLessThanOrEqual(201);
  });
});
