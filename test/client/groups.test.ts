/**
 * Boolean groups from the client: `or` / `and` conditions print as the
 * server's `or=(…)` / `and=(…)` and parse back to the nodes they describe;
 * mistakes inside a group are issues naming the group parameter, in the
 * server's words; the table state reads groups back.
 */
import { describe, expect, it, vi } from 'vitest';
import { fromSearch, type ListParams, listUrl, safeListUrl } from '../../src/client/index.js';
import type { Issue } from '../../src/errors/index.js';
import {
  and,
  comparison,
  defineResource,
  eq,
  exists,
  inList,
  leads,
  not,
  or,
  parseListQuery,
  safeParseListQuery,
} from '../../src/index.js';

const grouped = defineResource({ ...leads.definition, groups: { maxDepth: 3, maxLeaves: 4 } });
type Grouped = typeof grouped;

describe('groups in listUrl', () => {
  it('prints or / and conditions the parser reads back as the nodes described', () => {
    const params: ListParams<Grouped> = {
      filter: { source: 'api' },
      or: [{ status: 'won' }, { value: { gte: 100 }, gclid: { exists: true } }],
      and: [{ not: { status: ['lost', 'open'] } }],
      search: 'acme',
    };
    const url = listUrl(grouped, params);
    const query = parseListQuery(grouped, url);
    expect(query.filter).toEqual(
      and([
        eq('source', 'api'),
        and([not(inList('status', ['lost', 'open']))]),
        or([eq('status', 'won'), and([comparison('value', 'gte', 100), exists('gclid', true)])]),
        { kind: 'search', fields: ['name', 'email', 'phone'], term: 'acme' },
      ]),
    );
    expect(decodeURIComponent(url)).toBe(
      'source=api&and=(not(status=lost,open))&or=(status=won;and(value[gte]=100;gclid[exists]=true))&search=acme',
    );
  });

  it('reports a bad leaf with the group parameter, in the server’s words', () => {
    const result = safeListUrl(grouped, {
      or: [{ status: 'won' }, { value: { gte: 'abc' } }],
    } as never);
    const server = safeParseListQuery(grouped, 'or=(status=won;value[gte]=abc)');
    expect([result.success, server.success]).toEqual([false, false]);
    if (result.success || server.success) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'INVALID_FILTER', param: 'or', value: 'abc' });
    // The server's message, without the offset the client cannot know before printing.
    expect(server.issues[0]!.message).toContain(result.issues[0]!.message.replace(' (in or)', ''));
  });

  it.each<[string, unknown, RegExp]>([
    ['an empty group', { or: [] }, /non-empty list/],
    ['an empty condition', { or: [{}] }, /at least one filter/],
    ['a condition that is not an object', { and: ['status=won'] }, /object of filters/],
    [
      'nesting past maxDepth',
      { or: [{ and: [{ or: [{ and: [{ status: 'won' }] }] }] }] },
      /at most 3 deep/,
    ],
    [
      'a condition of two filters past maxDepth',
      { or: [{ and: [{ or: [{ status: 'won', value: 1 }] }] }] },
      /at most 3 deep/,
    ],
    [
      'more leaves than maxLeaves',
      {
        or: [
          { status: 'won', value: 1, source: 'api' },
          { labelId: 'a', website: 'b' },
        ],
      },
      /at most 4 filters/,
    ],
    ['an unknown field inside', { or: [{ colour: 'red' }] }, /Unknown filter field 'colour'/],
  ])('refuses %s', (_what, params, message) => {
    const result = safeListUrl(grouped, params as never);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues[0]).toMatchObject({
        param: Object.keys(params as object)[0],
        message: expect.stringMatching(message),
      });
  });

  it('limits depth where the server does', () => {
    expect(safeParseListQuery(grouped, 'or=(and(or(status=won)))').success).toBe(true);
    expect(safeListUrl(grouped, { or: [{ and: [{ or: [{ status: 'won' }] }] }] }).success).toBe(
      true,
    );
    expect(safeParseListQuery(grouped, 'or=(and(or(and(status=won))))').success).toBe(false);
  });

  it('prints groups for a resource from any exported builder; the resource layer’s alone installs nothing', async () => {
    const { buildResource } = await import('../../src/client/index.js');
    expect(listUrl(buildResource(grouped.definition), { or: [{ status: 'won' }] })).toBe(
      'or=(status=won)',
    );
    // Fresh modules, as in a bundle where no exported builder ran (see capabilities.ts): a
    // resource the resource layer built with groups gets an issue (its group parameters are
    // unknown filter fields to this client), never a wrong URL.
    vi.resetModules();
    const fresh = await import('../../src/client/list-url.js');
    const layer = await import('../../src/resource/build-resource.js');
    const bare = layer.buildResource(grouped.definition);
    expect(fresh.safeListUrl(bare, { or: [{ status: 'won' }] })).toMatchObject({
      success: false,
      issues: [
        {
          code: 'INVALID_FILTER',
          param: 'or',
          message: expect.stringMatching(/^Unknown filter field 'or'\. Filterable fields: status/),
        },
      ],
    });
    vi.resetModules();
  });

  it('refuses groups on a resource without them', () => {
    const result = safeListUrl(leads, { or: [{ status: 'won' }] });
    const server = safeParseListQuery(leads, 'or=(status=won)');
    expect([result.success, server.success]).toEqual([false, false]);
    // The server's words: without groups, `or` is an unknown filter field.
    const words = (issues: readonly Issue[]) =>
      issues.map(({ code, param, message }) => ({ code, param, message }));
    if (!result.success && !server.success)
      expect(words(result.issues)).toEqual(words(server.issues));
  });
});

describe('groups in the table state', () => {
  it('reads or / and back to the same query', () => {
    const params: ListParams<Grouped> = {
      or: [{ status: 'won' }, { not: { value: { lt: 10 } } }],
      and: [{ or: [{ labelId: ['a', 'b'] }, { website: 'x;y' }] }],
    };
    const url = listUrl(grouped, params);
    const read = fromSearch(grouped, `?${url}`);
    expect(read.issues).toEqual([]);
    expect(listUrl(grouped, read.state)).toBe(url);
  });

  it('reports a malformed group at its offset and keeps the rest', () => {
    const read = fromSearch(grouped, 'status=won&or=(status=won;value[gte]=1');
    expect(read.state).toEqual({ filter: { status: { eq: ['won'] } } });
    // The client's small reader says where it stopped; the server's message says why.
    expect(read.issues).toEqual([
      {
        code: 'INVALID_FILTER',
        param: 'or',
        value: '(status=won;value[gte]=1',
        message: 'or: not a boolean group: (filter;…), or(…), and(…), not(…) (at offset 12)',
        position: 12,
      },
    ]);
    expect(safeParseListQuery(grouped, 'or=(status=won;value[gte]=1').success).toBe(false);
  });
});
