/**
 * The page's one module between the form and listql/client (DOM-free, so it
 * runs here): form text → client parameters → canonical query string, and
 * the page's address → form state.
 */
import { describe, expect, it } from 'vitest';
import type { ExplorerQuery } from '../../../src/demo/explorer/page/explorer-query.js';
import {
  addressOf,
  readAddress,
  requestText,
  toParams,
} from '../../../src/demo/explorer/page/list-request.js';
import { defineResource, leads, type Resource } from '../../../src/resource/index.js';

const empty: ExplorerQuery = { conditions: [], search: '', sort: [], fields: [], limit: '' };
const resource = leads as unknown as Resource;

describe('toParams and requestText', () => {
  it('print the canonical query string of the form', () => {
    const { params, issues } = toParams(resource, {
      ...empty,
      conditions: [
        { field: 'value', op: 'gte', value: '100' },
        { field: 'status', op: 'eq', value: ['won', 'lost'] },
        { field: 'gclid', op: 'exists', value: 'true' },
        { field: 'labelId', op: 'eq', value: 'l1,l2' },
      ],
      sort: [['value', 'desc']],
      fields: ['name'],
      limit: '20',
    });
    expect(issues).toEqual([]);
    expect(requestText(resource, params)).toEqual({
      ok: true,
      query:
        'status=won,lost&value[gte]=100&labelId=l1,l2&gclid[exists]=true&sort=value:desc&fields=name&limit=20',
    });
  });

  it('leave bad text to the client, which answers as the server would', () => {
    const { params } = toParams(resource, {
      ...empty,
      conditions: [{ field: 'gclid', op: 'exists', value: 'maybe' }],
      limit: 'ten',
    });
    const result = requestText(resource, params);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.param, i.message])).toEqual([
        ['gclid[exists]', "gclid[exists] must be true or false, got 'maybe'"],
        ['limit', "limit must be an integer from 1 to 100, got 'ten'"],
      ]);
    }
  });

  it('report one operator set twice on a field, on its parameter', () => {
    const { issues } = toParams(resource, {
      ...empty,
      conditions: [
        { field: 'value', op: 'gte', value: '1' },
        { field: 'value', op: 'gte', value: '2' },
      ],
    });
    expect(issues).toEqual([
      { param: 'value[gte]', message: 'value[gte] is set twice; remove one of the two' },
    ]);
  });

  it('split nin into a list on any field', () => {
    const notes = defineResource({
      name: 'notes',
      fields: {
        id: { type: 'string' },
        tag: { type: 'enum', values: ['x', 'y', 'z'], filter: ['nin'] },
      },
    }) as unknown as Resource;
    const { params } = toParams(notes, {
      ...empty,
      conditions: [{ field: 'tag', op: 'nin', value: 'x,z' }],
    });
    expect(params.filter).toEqual({ tag: { nin: ['x', 'z'] } });
    expect(requestText(notes, params)).toEqual({ ok: true, query: 'tag[nin]=x,z' });
  });
});

describe('readAddress and addressOf', () => {
  it('read back what the form wrote', () => {
    const query: ExplorerQuery = {
      conditions: [
        { field: 'status', op: 'eq', value: ['won', 'lost'] },
        { field: 'value', op: 'gte', value: '100' },
        { field: 'createdAt', op: 'lt', value: '2026-02-01' },
      ],
      search: 'acme',
      sort: [
        ['value', 'desc'],
        ['name', 'asc'],
      ],
      fields: ['name', 'value'],
      limit: '8',
    };
    const address = addressOf(resource, toParams(resource, query).params);
    const read = readAddress(resource, address);
    expect(read.issues).toEqual([]);
    expect(addressOf(resource, toParams(resource, read.query).params)).toBe(address);
    expect(read.query.search).toBe('acme');
    expect(read.query.sort).toEqual(query.sort);
  });

  it('keep what is valid of a hand-edited address and list the rest', () => {
    const read = readAddress(resource, '?status=won&value[gte]=abc&nope=1');
    expect(read.query.conditions).toEqual([{ field: 'status', op: 'eq', value: ['won'] }]);
    expect(read.issues.map((i) => i.param)).toEqual(['nope', 'value[gte]']);
  });

  it('is empty for the defaults', () => {
    expect(addressOf(resource, toParams(resource, empty).params)).toBe('');
  });
});
