/**
 * Search: a literal substring of any searchable field, case-insensitive for
 * the ASCII letters A–Z only (the folding every SQL backend shares), with
 * every other character, wildcard and regex syntax alike, matched as itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalSearchPattern } from '../../../../src/backends/memory/index.js';
import { not, parseListQuery, search } from '../../../../src/index.js';
import { propertyParams } from '../../../support/property.js';
import { idsMatching, idsOf, thing, things } from './fixtures.js';

const term = (t: string, rows: ReturnType<typeof thing>[]) =>
  idsMatching(search(['label', 'note'], t), rows);

describe('search matches a literal substring', () => {
  const rows = [
    thing('percent', { label: '100% sure' }),
    thing('underscore', { label: 'snake_case' }),
    thing('backslash', { label: 'C:\\temp' }),
    thing('dot', { label: 'v1.2' }),
    thing('star', { label: 'a*b' }),
    thing('regex', { note: '(a+)?[b]{2}^$|' }),
    thing('plain', { label: 'abc 1x2 snakeXcase CXtemp v102 aab' }),
  ];

  it.each([
    ['%', ['percent']],
    ['0%', ['percent']],
    ['_', ['underscore']],
    ['e_c', ['underscore']],
    ['\\', ['backslash']],
    [':\\t', ['backslash']],
    ['.', ['dot']],
    ['1.2', ['dot']],
    ['*', ['star']],
    ['a*b', ['star']],
    ['(a+)?', ['regex']],
    ['[b]{2}', ['regex']],
    ['^$|', ['regex']],
    ['$', ['regex']],
  ])('%j', (text, expected) => {
    expect(term(text, rows)).toEqual(expected);
  });
});

describe('case-insensitivity', () => {
  it('folds ASCII letters both ways', () => {
    const rows = [thing('a', { label: 'John Smith' }), thing('b', { note: 'JOHNNY' })];
    expect(term('john', rows)).toEqual(['a', 'b']);
    expect(term('JoHn', rows)).toEqual(['a', 'b']);
    expect(term('SMITH', rows)).toEqual(['a']);
  });

  it.each([
    ['É', 'é', 'Latin letters with accents'],
    ['Ä', 'ä', 'umlauts'],
    ['ß', 'SS', 'the sharp s and its upper case'],
    ['Σ', 'σ', 'Greek'],
    ['K', '\u212A', 'the Kelvin sign, which Unicode folds to k'],
    ['i', 'İ', 'the dotted capital I'],
  ])('does not fold %s and %s (%s)', (stored, searched) => {
    const rows = [thing('x', { label: `x${stored}x` })];
    expect(term(searched, rows)).toEqual([]);
    expect(term(stored, rows)).toEqual(['x']);
  });

  it('compares astral characters exactly', () => {
    const rows = [thing('emoji', { label: 'I 😀 it' }), thing('other', { label: 'I 😁 it' })];
    expect(term('😀', rows)).toEqual(['emoji']);
  });
});

describe('which rows and fields', () => {
  const rows = [
    thing('label', { label: 'needle', note: null }),
    thing('note', { note: 'needle' }),
    thing('neither', { label: 'hay', note: 'stack' }),
    thing('nulls', { label: null, note: null }),
    thing('not-a-string', { label: 42 }),
  ];

  it('matches any of the fields, never null or missing ones', () => {
    expect(term('needle', rows)).toEqual(['label', 'note']);
    expect(term('4', rows)).toEqual([]);
  });

  it('an empty term matches every row with a non-null searched field', () => {
    expect(term('', rows)).toEqual(['label', 'note', 'neither']);
  });

  it('not(search) keeps rows with only nulls', () => {
    expect(idsMatching(not(search(['label', 'note'], 'needle')), rows)).toEqual([
      'neither',
      'nulls',
      'not-a-string',
    ]);
  });

  it('searches the resource searchable fields from the URL, ANDed with filters', () => {
    const query = parseListQuery(things, 'search=NEEDLE&label[exists]=true');
    expect(idsOf(query, rows)).toEqual(['label']);
  });
});

describe('literalSearchPattern', () => {
  const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

  it('agrees with an ASCII-folded includes() on any text', () => {
    // Strings from a small alphabet, so that matches are frequent.
    const char = fc.constantFrom(...'aAbB%_\\.*()[]^$|?+{}éÉ😀\uFFFF\u212Ak'.split(''), '😀');
    const text = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (haystack, needle) => {
        expect(literalSearchPattern(needle).test(haystack)).toBe(
          asciiLower(haystack).includes(asciiLower(needle)),
        );
      }),
      propertyParams(500),
    );
  });

  it('never throws on arbitrary terms', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (t) => {
        expect(literalSearchPattern(t).test(t)).toBe(true);
      }),
      propertyParams(300),
    );
  });
});
