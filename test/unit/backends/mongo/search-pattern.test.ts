import { describe, expect, it } from 'vitest';
import { literalSubstringPattern } from '../../../../src/backends/mongo/search-pattern.js';

/** How mingo (and this test) compile a `$regex` string: plain `new RegExp`, no flags. */
const matches = (term: string, text: string) =>
  new RegExp(literalSubstringPattern(term)).test(text);

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
      const unicode = new RegExp(literalSubstringPattern(term), 'u');
      expect(unicode.test(`>${term}<`)).toBe(true);
    }
  });
});
