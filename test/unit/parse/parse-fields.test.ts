/** Field selection (spec section 4): id always first, duplicates collapse, unknown names refused. */
import { describe, expect, it } from 'vitest';
import { leads } from '../../../src/index.js';
import { issueOf, issuesOf, queryOf, tasks } from './fixtures.js';

const SELECTABLE = leads.selectable.join(', ');

describe('fields', () => {
  it.each([
    ['', 'all'],
    ['fields=id,name,email,status,value', ['id', 'name', 'email', 'status', 'value']],
    ['fields=name,email', ['id', 'name', 'email']],
    ['fields=value,id,name', ['id', 'value', 'name']],
    ['fields=id', ['id']],
    ['fields=name,name,email,name', ['id', 'name', 'email']],
    [
      'fields=custom,ad_storage,expiresAt,li_fat_id',
      ['id', 'custom', 'ad_storage', 'expiresAt', 'li_fat_id'],
    ],
  ])('%j', (input, select) => {
    expect(queryOf(leads, input).select).toEqual(select);
  });

  it('every field of the lead object can be selected', () => {
    expect(queryOf(leads, `fields=${leads.selectable.join(',')}`).select).toEqual(leads.selectable);
    expect(leads.selectable).toHaveLength(47);
  });

  it.each([
    ['fields=foo', "fields has unknown field 'foo'. Selectable fields: " + SELECTABLE],
    ['fields=Name', "fields has unknown field 'Name'. Selectable fields: " + SELECTABLE],
    ['fields=__proto__', "fields has unknown field '__proto__'. Selectable fields: " + SELECTABLE],
    ['fields=', 'fields has an empty field name. Selectable fields: ' + SELECTABLE],
    ['fields=name,', 'fields has an empty field name. Selectable fields: ' + SELECTABLE],
    ['fields=name,,email', 'fields has an empty field name. Selectable fields: ' + SELECTABLE],
    ['fields=name,%20email', "fields has unknown field ' email'. Selectable fields: " + SELECTABLE],
  ])('%j is VALIDATION_ERROR', (input, message) => {
    expect(issueOf(leads, input)).toEqual({
      code: 'VALIDATION_ERROR',
      param: 'fields',
      value: decodeURIComponent(input.slice('fields='.length)),
      message,
    });
  });

  it('reports each unknown name', () => {
    expect(issuesOf(leads, 'fields=a,name,b').map((i) => i.message.split('.')[0])).toEqual([
      "fields has unknown field 'a'",
      "fields has unknown field 'b'",
    ]);
  });

  it('a field declared selectable: false cannot be selected, the id always can', () => {
    expect(issueOf(tasks, 'fields=secret').message).toBe(
      "fields has unknown field 'secret'. Selectable fields: id, title, done, points, tag, due",
    );
    expect(queryOf(tasks, 'fields=title').select).toEqual(['id', 'title']);
  });
});
