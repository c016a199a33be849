/** ListQueryError: status 400, the first issue's code and message, every issue. */
import { describe, expect, it } from 'vitest';
import { issue, ListQueryError } from '../../../src/index.js';

const first = issue('INVALID_DATE', 'createdAt', 'x', "createdAt must be a date, got 'x'");
const second = issue('VALIDATION_ERROR', 'limit', '0', "limit must be an integer 1..100, got '0'");
const third = issue('INVALID_FILTER', 'foo', '1', "Unknown filter field 'foo'");

describe('ListQueryError', () => {
  it.each([
    [[first], "createdAt must be a date, got 'x'"],
    [[first, second], "createdAt must be a date, got 'x' (and 1 more)"],
    [[first, second, third], "createdAt must be a date, got 'x' (and 2 more)"],
  ])('%#', (issues, message) => {
    const error = new ListQueryError(issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ListQueryError');
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_DATE');
    expect(error.message).toBe(message);
    expect(error.issues).toEqual(issues);
    expect(error.stack).toContain('ListQueryError');
  });

  it('takes a frozen copy of the issues', () => {
    const issues = [first, second];
    const error = new ListQueryError(issues);
    issues.pop();
    expect(error.issues).toHaveLength(2);
    expect(Object.isFrozen(error.issues)).toBe(true);
  });

  it('needs at least one issue', () => {
    expect(() => new ListQueryError([])).toThrow('ListQueryError needs at least one issue');
  });
});
