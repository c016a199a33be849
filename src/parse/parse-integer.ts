import { type Issue, issue } from '../errors/index.js';

const DIGITS = /^\d{1,16}$/;

/** Parses a whole number in `min..max` for `param`, or pushes an issue and returns undefined. */
export function parseInteger(
  param: string,
  text: string,
  min: number,
  max: number,
  issues: Issue[],
): number | undefined {
  const value = DIGITS.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `${min}..${max}`;
  issues.push(
    issue('VALIDATION_ERROR', param, text, `${param} must be an integer ${range}, got '${text}'`),
  );
  return undefined;
}
