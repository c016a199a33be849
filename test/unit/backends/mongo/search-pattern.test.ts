import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalSearchPattern } from '../../../../src/backends/memory/index.js';
import { literalSubstringPattern } from '../../../../src/backends/mongo/search-pattern.js';
import { propertyParams } from '../../../support/property.js';

/**
 * How mingo compiles a `$regex` string: `new RegExp` with no flags (code
 * units). With the `u` flag a JavaScript regex works on code points, like
 * MongoDB's PCRE in UTF mode; both must agree.
 */
const matchesWith = (flags: string) => (term: string, text: string) => {
  const pattern = literalSubstringPattern(term);
  return pattern !== null && new RegExp(pattern, flags).test(text);
};
const matches = matchesWith('');
const matchesByCodePoint = matchesWith('u');

describe('literalSubstringPattern', () => {
  it('pins the escaping of regex syntax', () => {
    expect(literalSubstringPattern('(a+)+$')).toBe('\\([Aa]\\+\\)\\+\\$');
    expect(literalSubstringPattern('.*')).toBe('\\.\\*');
    expect(literalSubstringPattern('\\')).toBe('\\\\');
    expect(literalSubstringPattern('[')).toBe('\\[');
    expect(literalSubstringPattern('^a|b?{2}]')).toBe('\\^[Aa]\\|[Bb]\\?\\{2\\}\\]');
    expect(literalSubstringPattern('%_ #-/')).toBe('%_ #-/');
    expect(literalSubstringPattern('\u0000')).toBe('\\x00');
  });

  it('matches regex syntax as literal text', () => {
    expect(matches('(a+)+$', 'x(A+)+$y')).toBe(true);
    expect(matches('(a+)+$', 'aaaa')).toBe(false);
    expect(matches('.*', 'anything')).toBe(false);
    expect(matches('.*', 'a.*b')).toBe(true);
    expect(matches('\\', 'back\\slash')).toBe(true);
    expect(matches('\\', 'slash')).toBe(false);
    expect(matches('[', '[x]')).toBe(true);
    expect(matches('a|b', 'b')).toBe(false);
  });

  it('folds ASCII letters only', () => {
    expect(matches('john', 'Mr JOHN Smith')).toBe(true);
    expect(matches('JOHN', 'johnny')).toBe(true);
    expect(matches('é', 'É')).toBe(false);
    expect(matches('É', 'Éclair')).toBe(true);
    expect(matches('straße', 'STRASSE')).toBe(false);
    expect(matches('i', 'İstanbul')).toBe(false);
    // K (U+212A KELVIN SIGN) folds to k under Unicode case folding; not here.
    expect(matches('k', '\u212A')).toBe(false);
  });

  it('matches astral characters and the empty term', () => {
    expect(matches('😀', 'a😀b')).toBe(true);
    expect(matches('a😀', 'A😀')).toBe(true);
    expect(matches('', '')).toBe(true);
  });

  it('is also a valid Unicode-mode pattern with the same meaning', () => {
    for (const term of ['(a+)+$', '.*', '\\', '[', '{}', 'a😀', '\u0000']) {
      expect(matchesByCodePoint(term, `>${term}<`)).toBe(true);
    }
  });

  it('refuses half a surrogate pair', () => {
    for (const term of ['\uD83D', 'a\uD83D', '\uDE00b', '\uDE00\uDE00']) {
      expect(() => literalSubstringPattern(term)).toThrow(/lone surrogate/);
    }
  });

  it('agrees with the memory backend on every term and well-formed text, by code unit and by code point', () => {
    const unit = fc.constantFrom('a', 'B', 'é', '.', '\\', '(', '😀', '😁', '𝐀', '\uFFFF');
    const term = fc.string({ unit, maxLength: 4 });
    const text = fc.string({ unit, maxLength: 8 });
    fc.assert(
      fc.property(term, text, (t, s) => {
        const expected = literalSearchPattern(t).test(s);
        expect(matches(t, s)).toBe(expected);
        expect(matchesByCodePoint(t, s)).toBe(expected);
      }),
      propertyParams(500),
    );
  });
});
