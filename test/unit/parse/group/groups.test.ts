/**
 * Boolean groups (`or=(…)`, `and=(…)`): what each form means, every parse
 * error of the grammar with its code, parameter and position, the limits, and
 * the leaves validated exactly like top-level filters.
 */
import { describe, expect, it } from 'vitest';
import {
  and,
  comparison,
  defineResource,
  eq,
  exists,
  type FilterNode,
  inList,
  leads,
  not,
  or,
  safeParseListQuery,
} from '../../../../src/index.js';
import { filtersOf, issueOf, issuesOf, tasks } from '../fixtures.js';

const grouped = defineResource({ ...leads.definition, groups: true });
const tight = defineResource({
  ...leads.definition,
  groups: { maxDepth: 2, maxLeaves: 3, maxLength: 40 },
});

/** The parse of `key=value` with the value sent as is (no URL decoding to think about). */
const query = (key: string, value: string) => new URLSearchParams([[key, value]]);

describe('what a group means', () => {
  it.each<[string, string, FilterNode]>([
    [
      'or',
      '(status=won;value[gte]=100)',
      or([eq('status', 'won'), comparison('value', 'gte', 100)]),
    ],
    [
      'or',
      '(status=won,lost;and(value[gte]=100;gclid[exists]=true))',
      or([
        inList('status', ['won', 'lost']),
        and([comparison('value', 'gte', 100), exists('gclid', true)]),
      ]),
    ],
    [
      'and',
      '(not(source=import);or(website="a;b";utm_source=x))',
      and([not(eq('source', 'import')), or([eq('website', 'a;b'), eq('utm_source', 'x')])]),
    ],
    // one item is kept as written: a group of one
    ['or', '(status=won)', or([eq('status', 'won')])],
    // legacy aliases are filters like any other
    ['and', '(updated_after=2026-01-15)', and([comparison('updatedAt', 'gte', '2026-01-15')])],
    // spaces around tokens are ignored; a bare value is trimmed, inner spaces kept
    [
      'or',
      ' ( status = won ;\n\tor( website = a b ) ) ',
      or([eq('status', 'won'), or([eq('website', 'a b')])]),
    ],
    // quotes keep spaces and special characters; \" and \\ are the escapes
    [
      'or',
      '(website=" a;b() ";website="say \\"hi\\" \\\\ bye";website=a\\b)',
      or([eq('website', ' a;b() '), eq('website', 'say "hi" \\ bye'), eq('website', 'a\\b')]),
    ],
    // a quoted list value is split like a top-level one
    ['or', '(labelId="a;b,c")', or([inList('labelId', ['a;b', 'c'])])],
    // '=' and ',' are ordinary in a non-list value
    ['or', '(website=a=b,c)', or([eq('website', 'a=b,c')])],
    // repeats inside a group are simply more items
    ['or', '(value=1;value=2)', or([eq('value', 1), eq('value', 2)])],
  ])('%s=%s', (key, value, node) => {
    expect(filtersOf(query(key, value), grouped)).toEqual([node]);
  });

  it('ANDs the groups with the other filters: flat filters, then and, then or, then search', () => {
    const input =
      'search=jo&or=(status=won;status=lost)&value[gte]=1&and=(gclid[exists]=true)&source=api';
    expect(filtersOf(input, grouped)).toEqual([
      comparison('value', 'gte', 1),
      eq('source', 'api'),
      and([exists('gclid', true)]),
      or([eq('status', 'won'), eq('status', 'lost')]),
      { kind: 'search', fields: ['name', 'email', 'phone'], term: 'jo' },
    ]);
  });

  it('reads the same group from a percent-encoded query string', () => {
    const encoded = `or=${encodeURIComponent('(website="a;b c";status=won)')}`;
    expect(filtersOf(encoded, grouped)).toEqual([
      or([eq('website', 'a;b c'), eq('status', 'won')]),
    ]);
  });
});

describe('resources without groups', () => {
  it.each(['or', 'and'])('%s stays an unknown parameter on leads', (key) => {
    const found = issueOf(leads, query(key, '(status=won)'));
    expect(found).toEqual({
      code: 'INVALID_FILTER',
      param: key,
      value: '(status=won)',
      message: expect.stringMatching(
        new RegExp(`^Unknown filter field '${key}'\\. Filterable fields: status, `),
      ),
    });
    expect(found).not.toHaveProperty('position');
  });

  it('groups: false is the default', () => {
    const off = defineResource({ ...leads.definition, groups: false });
    expect(off.groups).toBeNull();
    expect(issueOf(off, 'or=(status=won)').message).toMatch(/^Unknown filter field 'or'/);
    expect(issueOf(tasks, 'and=(done=true)').message).toMatch(/^Unknown filter field 'and'/);
  });
});

describe('parse errors of the grammar', () => {
  it.each<[string, string, number, RegExp]>([
    // unbalanced parentheses
    ['or', '(status=won', 11, /missing '\)'/],
    ['or', '(status=won;and(value=1)', 24, /missing '\)'/],
    ['or', '(status=won))', 12, /unexpected a \) without its \(/],
    ['or', '(status=won)x', 12, /unexpected 'x' after the closing \)/],
    ['or', 'status=won', 0, /expected '\(' at the start, got 'status'/],
    ['or', '', 0, /expected '\(' at the start, got the end/],
    ['and', '(', 1, /missing '\)'/],
    // empty group
    ['or', '()', 1, /empty group/],
    ['or', '(status=won;and())', 16, /empty group/],
    // empty item / empty leaf
    ['or', '(status=won;)', 12, /empty item before '\)'/],
    ['or', '(;status=won)', 1, /empty item before ';'/],
    ['or', '(status=won;;value=1)', 12, /empty item before ';'/],
    ['or', '(=won)', 1, /needs a field before '='/],
    ['or', '(status)', 7, /expected '=' after 'status', got '\)'/],
    ['or', '(status won)', 8, /expected '=' after 'status', got 'won'/],
    ['or', '((status=won))', 1, /a nested group starts with or, and or not/],
    ['or', '(foo(status=won))', 1, /'foo' is not a group/],
    ['or', '(OR(status=won))', 1, /'OR' is not a group/],
    ['or', '(not(status=won;status=lost))', 4, /not\(…\) takes exactly one item, got 2/],
    // bad quotes
    ['or', '(website="abc)', 9, /quoted value is not closed/],
    ['or', '(website="a\\nb")', 11, /backslash in a quoted value must be followed by " or \\/],
    ['or', '(website="a"b)', 12, /expected ';' or '\)', got 'b'/],
    ['or', '(website=a"b")', 10, /'"' in a value: write a value holding/],
    ['or', '(website=a(b))', 10, /'\(' in a value/],
    ['or', '("website"=a)', 1, /a quoted string can only be a value/],
  ])('%s=%s fails at %i', (key, value, position, message) => {
    const found = issueOf(grouped, query(key, value));
    expect(found).toEqual({
      code: 'INVALID_FILTER',
      param: key,
      value,
      message: expect.stringMatching(message),
      position,
    });
    expect(found.message).toMatch(new RegExp(`^${key}: .*\\(at offset ${position}\\)$`));
  });

  it('counts positions in characters (code points), not UTF-16 units', () => {
    expect(issueOf(grouped, query('or', '(website=😀😀;;)')).position).toBe(12);
    expect(issueOf(grouped, query('or', '(website="😀')).position).toBe(9);
  });
});

describe('leaves are validated exactly like top-level filters', () => {
  it.each<[string, string, string]>([
    ['(name=x)', 'name=x', "Field 'name' is not filterable"],
    ['(foo=x)', 'foo=x', "Unknown filter field 'foo'"],
    ['(status[gt]=won)', 'status[gt]=won', "Operator 'gt' is not allowed on 'status'"],
    ['(value[eq]=1)', 'value[eq]=1', "Unknown operator 'eq' in 'value[eq]'"],
    ['(value[gte]=abc)', 'value[gte]=abc', "value[gte] must be a number, got 'abc'"],
    [
      '(status=won,Bad)',
      'status=won,Bad',
      "status must be one of open, qualified, won, lost, got 'Bad'",
    ],
    ['(gclid[exists]=yes)', 'gclid[exists]=yes', 'gclid[exists] must be true or false'],
    ['(website=)', 'website=', 'website must be a non-empty value'],
    ['(website="")', 'website=""', 'website must be a non-empty value'],
    ['(a[b][c]=1)', 'a[b][c]=1', "Malformed parameter 'a[b][c]'"],
    ['(limit=5)', 'limit=5', "'limit' is a parameter, not a filter: use field=value"],
    ['(search=john)', 'search=john', "'search' is a parameter, not a filter"],
    ['(or=1)', 'or=1', "'or' is a parameter, not a filter"],
  ])('or=%s', (value, leaf, message) => {
    expect(issueOf(grouped, query('or', value))).toEqual({
      code: 'INVALID_FILTER',
      param: 'or',
      value: leaf,
      message: expect.stringContaining(message),
      position: 1,
    });
  });

  it('a bad date is INVALID_DATE, named after the group and the leaf', () => {
    expect(issueOf(grouped, query('and', '(status=won;not(createdAt[lt]=2026-02-30))'))).toEqual({
      code: 'INVALID_DATE',
      param: 'and',
      value: 'createdAt[lt]=2026-02-30',
      message: expect.stringMatching(
        /^createdAt\[lt\] must be a date .* \(in and, at offset 16\)$/,
      ),
      position: 16,
    });
  });

  it('reports every refused leaf, in the order written', () => {
    const found = issuesOf(grouped, query('or', '(value=x;status=won;and(status=Nope;website=))'));
    expect(found.map((i) => [i.value, i.position])).toEqual([
      ['value=x', 1],
      ['status=Nope', 24],
      ['website=', 36],
    ]);
  });

  it('applies the value limits to each leaf: 1,000 characters, 100 list items, no NUL', () => {
    expect(issueOf(grouped, query('or', `(website=${'x'.repeat(1001)})`)).message).toMatch(
      /^website must be at most 1000 characters, got 1001/,
    );
    const labels = Array.from({ length: 101 }, (_, i) => `l${i}`).join(',');
    expect(issueOf(grouped, query('or', `(labelId=${labels})`)).message).toMatch(
      /^labelId takes at most 100 values, got 101/,
    );
    const nul = safeParseListQuery(grouped, { or: '(website=a\u0000b)' });
    expect(nul.success).toBe(false);
  });

  it('refuses NUL and lone surrogates in the whole value, as INVALID_FILTER', () => {
    expect(issueOf(grouped, { or: '(website=a\u0000)' })).toMatchObject({
      code: 'INVALID_FILTER',
      param: 'or',
      message: 'or must not contain the NUL character (U+0000)',
    });
    expect(issueOf(grouped, { and: '(website=\ud800)' })).toMatchObject({
      code: 'INVALID_FILTER',
      message: expect.stringContaining('lone surrogate'),
    });
  });

  it('refuses a group parameter given twice', () => {
    expect(issueOf(grouped, 'or=(status=won)&or=(status=lost)')).toEqual({
      code: 'INVALID_FILTER',
      param: 'or',
      value: '(status=won),(status=lost)',
      message: 'or is given 2 times; give it once',
    });
  });

  it('reports group issues among the others, in parameter order', () => {
    const found = issuesOf(grouped, 'value=x&or=(status=Nope)&limit=0');
    expect(found.map((i) => i.param)).toEqual(['value', 'or', 'limit']);
  });
});

describe('limits', () => {
  it('depth: the outer parentheses are level 1', () => {
    expect(filtersOf(query('or', '(and(status=won))'), tight)).toHaveLength(1);
    expect(issueOf(tight, query('or', '(and(not(status=won)))'))).toEqual({
      code: 'INVALID_FILTER',
      param: 'or',
      value: '(and(not(status=won)))',
      message:
        'or: groups nest at most 2 levels deep (counting the outer parentheses) (at offset 8)',
      position: 8,
    });
    // the default is 3 levels
    expect(filtersOf(query('or', '(and(not(status=won)))'), grouped)).toHaveLength(1);
    expect(issueOf(grouped, query('or', '(and(not(or(status=won))))')).position).toBe(11);
  });

  it('depth is checked before descending: 100,000 nested groups fail fast', () => {
    const deep = defineResource({ ...leads.definition, groups: { maxLength: 1_000_000 } });
    const value = `${'(or'.repeat(100_000)}(status=won${')'.repeat(100_001)}`;
    expect(issueOf(deep, { or: value }).message).toMatch(/nest at most 3 levels/);
  });

  it('leaves: at most maxLeaves filters in one parameter', () => {
    expect(filtersOf(query('or', '(value=1;value=2;value=3)'), tight)).toHaveLength(1);
    expect(issueOf(tight, query('or', '(value=1;value=2;value=3;value=4)'))).toEqual({
      code: 'INVALID_FILTER',
      param: 'or',
      value: '(value=1;value=2;value=3;value=4)',
      message: 'or: a group parameter holds at most 3 filters (at offset 25)',
      position: 25,
    });
    const twenty = Array.from({ length: 20 }, (_, i) => `value=${i}`).join(';');
    expect(filtersOf(query('or', `(${twenty})`), grouped)).toHaveLength(1);
    expect(issueOf(grouped, query('or', `(${twenty};value=20)`)).message).toMatch(
      /at most 20 filters/,
    );
  });

  it('length: at most maxLength characters, counted as code points, checked first', () => {
    const forty = `(website=${'x'.repeat(30)})`;
    expect(forty).toHaveLength(40);
    expect(filtersOf(query('or', forty), tight)).toHaveLength(1);
    // 40 code points in 70 UTF-16 units still fits
    const emoji = `(website=${'😀'.repeat(30)})`;
    expect(filtersOf(query('or', emoji), tight)).toHaveLength(1);
    // one more character is refused, before any syntax is read
    expect(issueOf(tight, query('or', `${forty}(`))).toEqual({
      code: 'INVALID_FILTER',
      param: 'or',
      value: `${forty}(`,
      message: 'or must be at most 40 characters, got 41',
    });
    // the default is 2,000 characters: more than a plain value's 1,000
    const long = `(website=${'x'.repeat(990)};website=${'y'.repeat(990)})`;
    expect(filtersOf(query('or', long), grouped)).toHaveLength(1);
    expect(issueOf(grouped, query('or', `(website=${'x'.repeat(1991)})`)).message).toBe(
      'or must be at most 2000 characters, got 2001',
    );
  });
});
