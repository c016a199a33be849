/**
 * docs/leads.md is the `leads` contract in prose and tables: its field table,
 * its parameter defaults and its limits are those of the `leads` preset (its
 * `GET` lines are parsed by ./examples.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Field, leads } from '../../src/index.js';
import { tableRows } from './markdown.js';

const markdown = readFileSync(new URL('../../docs/leads.md', import.meta.url), 'utf8');

const code = (text: string): string => `\`${text}\``;
const yes = (flag: boolean): string => (flag ? 'yes' : 'no');

function typeCell(field: Field): string {
  if (field.type === 'enum') return `enum: ${field.values.map(code).join(' ')}`;
  return field.type === 'datetime' ? 'date-time' : field.type;
}

function filterCell(field: Field): string {
  if (field.operators.length === 0) return '—';
  return field.operators
    .map((op) => (op === 'eq' && field.list ? 'eq (comma list)' : op))
    .join(', ');
}

describe('docs/leads.md', () => {
  it('lists every field of the preset with its type, operators, sort and search', () => {
    const rows = tableRows(markdown, ['field', 'type', 'nullable', 'filter', 'sort', 'search']);
    expect(rows).toEqual(
      leads.fieldList.map((field) => [
        code(field.name),
        typeCell(field),
        yes(field.nullable),
        filterCell(field),
        yes(field.sortable),
        yes(field.searchable),
      ]),
    );
  });

  it('gives the defaults and limits of the preset', () => {
    const rows = new Map(
      tableRows(markdown, ['parameter', 'default', 'accepted']).map((row) => [row[0], row]),
    );
    expect(rows.get('`limit`')).toEqual([
      '`limit`',
      code(String(leads.defaults.limit)),
      `an integer from 1 to ${leads.limits.maxLimit}`,
    ]);
    const sort = leads.defaults.sort.map((key) => `${key.field}:${key.direction}`).join(',');
    expect(rows.get('`sort`')?.[1]).toBe(code(sort));
    expect(rows.get('`search`')?.[2]).toContain(
      `at most ${leads.limits.maxSearchLength} characters`,
    );
    expect(rows.get('`search`')?.[2]).toContain(
      leads.searchable
        .map(code)
        .join(', ')
        .replace(/, (?=[^,]*$)/, ' or '),
    );
    const prose = markdown.replace(/\s+/g, ' ');
    const most = leads.limits.maxValueLength.toLocaleString('en');
    expect(prose).toContain(`A value is at most ${most} characters`);
    expect(prose).toContain(`a list at most ${leads.limits.maxListItems} items`);
    expect(prose).toContain(`a request at most ${leads.limits.maxParams} parameters`);
  });

  it('lists the legacy names the preset maps', () => {
    const legacy = tableRows(markdown, ['legacy', 'read as']).map((row) => row[0]!);
    for (const name of leads.aliases.params.keys()) {
      expect(legacy.some((cell) => cell.startsWith(`\`${name}=`))).toBe(true);
    }
  });
});
