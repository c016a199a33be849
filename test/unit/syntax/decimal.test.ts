/** Plain decimals: what the parser reads and what the formatter prints back. */
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from '../../../src/syntax/decimal.js';

describe('parseDecimal', () => {
  it.each([
    ['100', 100],
    ['-3', -3],
    ['99.5', 99.5],
    ['0', 0],
    ['00', 0],
    ['0.10', 0.1],
    ['1000000000000000000000', 1e21],
    ['0.0000001', 1e-7],
  ])('%s → %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it('turns -0 into 0 (the AST never holds -0)', () => {
    expect(Object.is(parseDecimal('-0'), 0)).toBe(true);
    expect(Object.is(parseDecimal('-0.000'), 0)).toBe(true);
  });

  it.each([
    '',
    'abc',
    '0x10',
    '1e999',
    '1e5',
    'Infinity',
    'NaN',
    '+1',
    '.5',
    '1.',
    ' 1',
    '1 ',
    `9${'9'.repeat(400)}`,
  ])('%j → null', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('formatDecimal prints a plain decimal that parses back to the same number', () => {
  it.each([
    [100, '100'],
    [-3, '-3'],
    [99.5, '99.5'],
    [0, '0'],
    [-0, '0'],
    [1e21, '1000000000000000000000'],
    [-1e21, '-1000000000000000000000'],
    [1.5e21, '1500000000000000000000'],
    [1.2345e25, '12345000000000000000000000'],
    [1e-7, '0.0000001'],
    [-1.5e-7, '-0.00000015'],
    [1.2345e-10, '0.00000000012345'],
    [123.456, '123.456'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('%d → %s', (value, text) => {
    expect(formatDecimal(value)).toBe(text);
    expect(parseDecimal(text)).toBe(value === 0 ? 0 : value);
  });

  it.each([
    5e-324,
    -5e-324,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** -1074,
    1.7976931348623157e308,
    4.35e-200,
    0.1 + 0.2,
  ])('round-trips %d', (value) => {
    const text = formatDecimal(value);
    expect(text).toMatch(/^-?\d+(\.\d+)?$/);
    expect(parseDecimal(text)).toBe(value);
  });

  it('prints 5e-324 with all its zeros', () => {
    expect(formatDecimal(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
  });
});
