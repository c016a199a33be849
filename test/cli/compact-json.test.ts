/** compactJson: parses back to the same value; a line is over the width only when nothing can break it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactJson } from '../../src/cli/index.js';
import { propertyParams } from '../support/property.js';

describe('compactJson', () => {
  it('puts what fits on one line and spreads the rest', () => {
    expect(compactJson({ a: [1, 2], b: {}, c: [] })).toBe('{ "a": [1, 2], "b": {}, "c": [] }');
    expect(compactJson({ a: 'x'.repeat(40), b: 'y'.repeat(40) })).toBe(
      `{\n  "a": "${'x'.repeat(40)}",\n  "b": "${'y'.repeat(40)}"\n}`,
    );
    expect(compactJson([[1, 2, 3]], 8)).toBe('[\n  [\n    1,\n    2,\n    3\n  ]\n]');
    expect(compactJson('text')).toBe('"text"');
  });

  it('round-trips any JSON value and keeps breakable lines within the width', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 10, max: 120 }), (value, width) => {
        const text = compactJson(value, width);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        for (const line of text.split('\n')) {
          if (line.length <= width + 1) continue;
          // Longer only when nothing on it can break: a key, then a scalar, [] or {}, or an opening bracket.
          const rest = line
            .trim()
            .replace(/^"(?:[^"\\]|\\.)*": /, '')
            .replace(/,$/, '');
          const unbreakable = ['[', '{', '[]', '{}'].includes(rest) || !/^[[{]/.test(rest);
          expect(unbreakable, line).toBe(true);
        }
      }),
      propertyParams(200),
    );
  });
});
