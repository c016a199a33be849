/**
 * Every backend refuses the same hand-built values, with the same words:
 * one check (src/backends/check-filter-value.ts) runs before any store.
 */
import { describe, expect, it } from 'vitest';
import { applyListQuery, postgresDialect } from '../../../src/backends/kysely/index.js';
import { compileMemory } from '../../../src/backends/memory/index.js';
import { compileMongo } from '../../../src/backends/mongo/index.js';
import {
  comparison,
  type FilterNode,
  type FilterValue,
  inList,
  type LeadField,
  leads,
  parseListQuery,
  search,
} from '../../../src/index.js';
import { compileOnly } from '../../integration/kysely/compile-only.js';

const base = parseListQuery(leads, 'fields=id');
const backends: [string, (filter: FilterNode<LeadField>) => unknown][] = [
  ['listql/memory', (filter) => compileMemory(leads, { ...base, filter })],
  ['listql/mongo', (filter) => compileMongo(leads, { ...base, filter })],
  [
    'listql/kysely',
    (filter) =>
      applyListQuery(
        compileOnly('postgres').selectFrom('leads'),
        leads,
        { ...base, filter },
        { dialect: postgresDialect },
      ).compile(),
  ],
];

const bad: [string, FilterNode<LeadField>, RegExp][] = [
  [
    'a string on a number field',
    comparison('value', 'gte', '100'),
    /needs a finite number value, got '100'/,
  ],
  ['NaN', comparison('value', 'gt', Number.NaN), /needs a finite number value, got NaN/],
  [
    'an object',
    comparison('status', 'eq', { $ne: null } as unknown as FilterValue),
    /needs a string value, got object/,
  ],
  ['an array in a list', inList('labelId', ['a', ['b'] as unknown as FilterValue]), /got array/],
  ['an impossible day', comparison('createdAt', 'eq', '2026-02-30'), /needs a date value/],
  [
    'a date without a zone',
    comparison('createdAt', 'gte', '2026-01-31T10:00:00'),
    /needs a date value/,
  ],
  ['a lone surrogate', comparison('website', 'eq', 'a\uD800'), /needs well-formed text/],
  [
    'a lone surrogate in a search',
    search(['name', 'email'], '\uDE00x'),
    /search term has a lone surrogate/,
  ],
];

describe.each(backends)('%s', (name, compile) => {
  it.each(bad)('refuses %s with a TypeError naming the backend', (_what, filter, message) => {
    expect(() => compile(filter)).toThrow(TypeError);
    expect(() => compile(filter)).toThrow(message);
    expect(() => compile(filter)).toThrow(name);
  });

  it('accepts the values the parser produces', () => {
    const parsed = parseListQuery(
      leads,
      'value[gte]=100&createdAt=2026-01-31&website=a😀&search=x',
    );
    expect(() => compile(parsed.filter)).not.toThrow();
  });
});
