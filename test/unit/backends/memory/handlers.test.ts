/**
 * The handler map: compiled once per query (never per row), replaceable per
 * node kind, complete by type, and strict about nodes it cannot run.
 */
import { describe, expect, it } from 'vitest';
import {
  compileFilter,
  compileMemory,
  type MemoryHandler,
  type MemoryHandlers,
  memoryHandlers,
  runInMemory,
} from '../../../../src/backends/memory/index.js';
import {
  and,
  comparison,
  eq,
  exists,
  type FilterNode,
  inList,
  not,
  or,
  parseListQuery,
  search,
} from '../../../../src/index.js';
import { idsMatching, thing, things } from './fixtures.js';

/** A copy of the default handlers that counts how often each kind is compiled. */
function countingHandlers(): { handlers: MemoryHandlers; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count =
    <K extends keyof MemoryHandlers>(kind: K): MemoryHandler<K> =>
    (node, visit, context) => {
      calls[kind] = (calls[kind] ?? 0) + 1;
      return (memoryHandlers[kind] as MemoryHandler<K>)(node, visit, context);
    };
  const handlers: MemoryHandlers = {
    comparison: count('comparison'),
    in: count('in'),
    exists: count('exists'),
    some: count('some'),
    text: count('text'),
    foldedComparison: count('foldedComparison'),
    search: count('search'),
    and: count('and'),
    or: count('or'),
    not: count('not'),
  };
  return { handlers, calls };
}

describe('compiling', () => {
  it('visits each node once, at compile time, and never again per row', () => {
    const { handlers, calls } = countingHandlers();
    const filter = and([
      or([eq('amount', 1), not(exists('label', true))]),
      inList('kind', ['alpha']),
      search(['label'], 'a'),
    ]);
    const predicate = compileFilter(things, filter, handlers);
    const compiled = { ...calls };
    expect(compiled).toEqual({ and: 1, or: 1, comparison: 1, not: 1, exists: 1, in: 1, search: 1 });
    const rows = Array.from({ length: 100 }, (_, i) => thing(`r${i}`, { amount: i % 3 }));
    rows.filter(predicate);
    expect(calls).toEqual(compiled);
  });

  it('a replaced handler changes how its kind runs, and only that kind', () => {
    // Search by exact prefix instead of substring.
    const prefixSearch: MemoryHandler<'search'> = (node, _visit, context) => {
      const readers = node.fields.map((name) => context.cell(context.field(name)));
      return (row) => readers.some((read) => String(read(row) ?? '').startsWith(node.term));
    };
    const handlers: MemoryHandlers = { ...memoryHandlers, search: prefixSearch };
    const rows = [
      thing('a', { label: 'abc', amount: 1 }),
      thing('b', { label: 'xabc', amount: 1 }),
    ];
    const query = parseListQuery(things, 'search=ab&amount=1');
    expect(runInMemory(things, query, rows, { handlers }).data.map((r) => r['id'])).toEqual(['a']);
    expect(runInMemory(things, query, rows).data.map((r) => r['id'])).toEqual(['a', 'b']);
  });

  it('a handler map must name every kind', () => {
    // @ts-expect-error: 'not' is missing, so this is not a MemoryHandlers
    const incomplete: MemoryHandlers = {
      comparison: memoryHandlers.comparison,
      in: memoryHandlers.in,
      exists: memoryHandlers.exists,
      search: memoryHandlers.search,
      and: memoryHandlers.and,
      or: memoryHandlers.or,
    };
    expect(Object.keys(incomplete)).not.toContain('not');
  });
});

describe('nodes the backend refuses, at compile time', () => {
  const compile = (filter: FilterNode) => () => compileFilter(things, filter);

  it('an unknown field', () => {
    expect(compile(eq('colour', 'red'))).toThrow(/'colour', which is not a field of 'things'/);
    expect(compile(exists('colour', true))).toThrow(/'colour'/);
    expect(compile(search(['label', 'colour'], 'x'))).toThrow(/'colour'/);
  });

  it.each([
    ['a number field with a string', comparison('amount', 'gte', '100')],
    ['a number field with NaN', comparison('amount', 'eq', Number.NaN)],
    ['a string field with a number', eq('label', 5)],
    ['a boolean field with a string', eq('flag', 'true')],
    ['a date field with a number', comparison('at', 'gt', 0)],
    ['a date field with an impossible day', eq('at', '2026-02-30')],
    ['a date field with a non-canonical instant', eq('at', '2026-01-01T00:00:00Z')],
    ['a list with one bad value', inList('amount', [1, '2'])],
  ])('%s', (_what, filter) => {
    expect(compile(filter)).toThrow(/listql\/memory: a filter on '\w+' \(\w+\) needs/);
  });

  it('a search over a non-string field', () => {
    expect(compile(search(['amount'], '1'))).toThrow(/cannot search 'amount' \(number\)/);
  });

  it('a sort or selection of an unknown field', () => {
    const query = parseListQuery(things, '');
    expect(() => compileMemory(things, { ...query, select: ['nope'] as never })).toThrow(/'nope'/);
  });

  it('accepts any declared field, filterable or not', () => {
    const rows = [thing('a', { note: 'n' }), thing('b')];
    expect(idsMatching(exists('note', true), rows)).toEqual(['a']);
  });
});
