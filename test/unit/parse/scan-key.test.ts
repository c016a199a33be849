import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseParamKey } from '../../../src/grammar.js';
import { BARE_KEY, MALFORMED_KEY, scanKey } from '../../../src/parse/scan-key.js';

/** What scanKey says, in parseParamKey's terms. */
function viaScan(key: string) {
  const at = scanKey(key);
  if (at === MALFORMED_KEY) return null;
  if (at === BARE_KEY) return { name: key, operator: undefined };
  return { name: key.slice(0, at), operator: key.slice(at + 1, -1) };
}

describe('scanKey', () => {
  it.each([
    'status',
    'value[gte]',
    '_a1[$x]',
    'a'.repeat(64),
    'a'.repeat(65),
    `a[${'b'.repeat(32)}]`,
    `a[${'b'.repeat(33)}]`,
    'a[]',
    'a[b][c]',
    'a[b',
    'a]',
    '1a',
    'a[1]',
    '',
    '[a]',
    'a[b]c',
    'é',
    'a-b',
    'label.name',
    'label.name[gte]',
    `a.${'b'.repeat(64)}`,
    `a.${'b'.repeat(65)}`,
    'a.b.c',
    'a.',
    '.a',
    'a.1',
    'a..b',
    'a.b[c].d',
  ])('agrees with the grammar regex on %j', (key) => {
    expect(viaScan(key)).toEqual(parseParamKey(key));
  });

  it('agrees with the grammar regex on generated keys', () => {
    const char = fc.constantFrom(...'aZ_09$[]-.é'.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 70 }), (chars) => {
        const key = chars.join('');
        expect(viaScan(key)).toEqual(parseParamKey(key));
      }),
      { numRuns: 5000 },
    );
  });
});
