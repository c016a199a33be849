/** Issues: their shape, the codes, and clipping of what the client sent. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, ISSUE_CODES, issue } from '../../../src/index.js';
import { propertyParams } from '../../support/property.js';

describe('ISSUE_CODES', () => {
  it('are the 400 codes of the spec', () => {
    expect(ISSUE_CODES).toEqual(['INVALID_FILTER', 'INVALID_DATE', 'VALIDATION_ERROR']);
  });
});

describe('clip', () => {
  it.each([
    ['', ''],
    ['abc', 'abc'],
    ['a'.repeat(200), 'a'.repeat(200)],
    ['a'.repeat(201), `${'a'.repeat(200)}…`],
    ['a'.repeat(1_000_000), `${'a'.repeat(200)}…`],
    ['😀'.repeat(200), '😀'.repeat(200)],
    ['😀'.repeat(201), `${'😀'.repeat(200)}…`],
    [`${'a'.repeat(199)}😀😀`, `${'a'.repeat(199)}😀…`],
    // A pair split at the 401st UTF-16 unit, where clip stops reading.
    [`${'😀'.repeat(200)}a`, `${'😀'.repeat(200)}…`],
    [`${'a'.repeat(399)}😀b`, `${'a'.repeat(200)}…`],
    [`${'a'.repeat(100)}${'😀'.repeat(150)}`, `${'a'.repeat(100)}${'😀'.repeat(100)}…`],
  ])('%#', (text, clipped) => {
    expect(clip(text)).toBe(clipped);
  });

  it('never ends in half a surrogate pair (cuts on code points)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const clipped = clip(text);
        expect(clipped).not.toMatch(/\p{Cs}/u);
        const kept = clipped.endsWith('…') && clipped !== text ? clipped.slice(0, -1) : clipped;
        expect(text.startsWith(kept)).toBe(true);
        expect([...kept].length).toBeLessThanOrEqual(200);
      }),
      propertyParams(300),
    );
  });
});

describe('issue', () => {
  it('builds a frozen { code, param, value, message }', () => {
    const built = issue(
      'INVALID_FILTER',
      'value[gte]',
      'abc',
      "value[gte] must be a number, got 'abc'",
    );
    expect(built).toEqual({
      code: 'INVALID_FILTER',
      param: 'value[gte]',
      value: 'abc',
      message: "value[gte] must be a number, got 'abc'",
    });
    expect(Object.keys(built)).toEqual(['code', 'param', 'value', 'message']);
    expect(Object.isFrozen(built)).toBe(true);
  });

  it('keeps nulls for a request-wide problem', () => {
    expect(issue('VALIDATION_ERROR', null, null, 'm')).toEqual({
      code: 'VALIDATION_ERROR',
      param: null,
      value: null,
      message: 'm',
    });
  });

  it('clips param and value, not the message', () => {
    const long = 'x'.repeat(500);
    const built = issue('INVALID_DATE', long, long, long);
    expect(built.param).toBe(clip(long));
    expect(built.value).toBe(clip(long));
    expect(built.message).toBe(long);
  });

  it('is JSON-safe', () => {
    const built = issue('INVALID_FILTER', 'a', 'b', 'c');
    expect(JSON.parse(JSON.stringify(built))).toEqual(built);
  });
});
