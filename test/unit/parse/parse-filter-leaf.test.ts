/**
 * One filter read on its own (what a boolean group's leaf is): the same node,
 * codes and messages as the same `key=value` sent as a top-level parameter.
 */
import { describe, expect, it } from 'vitest';
import {
  comparison,
  inList,
  leads,
  type Resource,
  safeParseListQuery,
} from '../../../src/index.js';
import { parseFilterLeaf } from '../../../src/parse/parse-filter-leaf.js';
import { tasks } from './fixtures.js';

/** What the top-level parser makes of `key=value` (a flat object keeps lone surrogates). */
function topLevel(resource: Resource, key: string, value: string) {
  const result = safeParseListQuery(resource, { [key]: value });
  if (!result.success) return { issues: result.issues };
  if (result.query.filter.kind !== 'and') return expect.fail('expected a top-level and');
  return { node: result.query.filter.children[0] };
}

describe('parseFilterLeaf', () => {
  it('reads equality, lists, comparisons, exists and aliases', () => {
    expect(parseFilterLeaf(leads, 'status', 'won')).toEqual({
      node: comparison('status', 'eq', 'won'),
    });
    expect(parseFilterLeaf(leads, 'status', 'won,lost')).toEqual({
      node: inList('status', ['won', 'lost']),
    });
    expect(parseFilterLeaf(leads, 'value[gte]', '100')).toEqual({
      node: comparison('value', 'gte', 100),
    });
    expect(parseFilterLeaf(leads, 'updated_after', '2026-01-15')).toEqual({
      node: comparison('updatedAt', 'gte', '2026-01-15'),
    });
  });

  it.each<[Resource, string, string]>([
    [leads, 'status', 'won'],
    [leads, 'status', 'won,lost,won'],
    [leads, 'status', 'Won'],
    [leads, 'status', 'won,Bad,x'],
    [leads, 'status[gt]', 'won'],
    [leads, 'value[eq]', '1'],
    [leads, 'value[$gt]', '1'],
    [leads, 'value', 'abc'],
    [leads, 'createdAt[lt]', '2026-02-30'],
    [leads, 'createdAt', ''],
    [leads, 'gclid[exists]', 'yes'],
    [leads, 'website', ''],
    [leads, 'website', 'x'.repeat(1001)],
    [leads, 'website', 'a\u0000b'],
    [leads, 'website', 'a\ud800b'],
    [leads, 'labelId', Array.from({ length: 101 }, (_, i) => `l${i}`).join(',')],
    [leads, 'name', 'x'],
    [leads, 'foo', 'x'],
    [leads, 'a[b][c]', 'x'],
    [leads, 'updated_after', 'soon'],
    [tasks, 'points', '1,2,3'],
    [tasks, 'done', 'maybe'],
  ])('%s: %s=%s reads as it does at the top level', (resource, key, value) => {
    expect(parseFilterLeaf(resource, key, value)).toEqual(topLevel(resource, key, value));
  });

  it.each(['limit', 'sort', 'search', 'fields', 'page', 'cursor', 'count'])(
    'refuses the reserved parameter %s: it is not a filter',
    (key) => {
      const result = parseFilterLeaf(leads, key, '1');
      expect(result).toMatchObject({
        issues: [
          {
            code: 'INVALID_FILTER',
            param: key,
            message: `'${key}' is a parameter, not a filter: use field=value`,
          },
        ],
      });
    },
  );
});
