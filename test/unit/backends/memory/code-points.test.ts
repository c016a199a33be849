import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointKey } from '../../../../src/backends/memory/index.js';
import { propertyParams } from '../../../support/property.js';

/** The reference order: compare code point by code point. */
function compareByCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

const order = (a: string, b: string) => Math.sign(a < b ? -1 : a > b ? 1 : 0);

describe('codePointKey', () => {
  it('fixes the one place code unit order is wrong', () => {
    expect('\uFFFF' < '😀').toBe(false);
    expect(codePointKey('\uFFFF') < codePointKey('😀')).toBe(true);
    expect(codePointKey('\uE000') < codePointKey('\u{10000}')).toBe(true);
  });

  it('returns strings without high code units unchanged', () => {
    const text = 'plain ASCII, é and 中';
    expect(codePointKey(text)).toBe(text);
  });

  it('orders any two well-formed strings by code point', () => {
    // Mostly characters around the surrogate range, where the orders disagree.
    const char = fc.oneof(
      fc.constantFrom('a', 'z', '\uD7FF', '\uE000', '\uFFFF', '😀', '\u{10000}', '\u{10FFFF}'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    const text = fc.array(char, { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(order(codePointKey(a), codePointKey(b))).toBe(Math.sign(compareByCodePoint(a, b)));
      }),
      propertyParams(1000),
    );
  });

  it('keeps distinct strings distinct, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(codePointKey(a) === codePointKey(b)).toBe(a === b);
      }),
      propertyParams(500),
    );
  });
});
