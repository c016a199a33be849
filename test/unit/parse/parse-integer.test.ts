/** Pagination (spec section 1): limit 1..100 (default 50), page >= 1 (default 1). */
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/index.js';
import { leads } from '../../../src/index.js';
import { parseInteger } from '../../../src/parse/parse-integer.js';
import { issueOf, queryOf, tasks } from './fixtures.js';

/** The largest page: (page - 1) * limit must stay a safe integer. */
const MAX_PAGE = Math.floor(Number.MAX_SAFE_INTEGER / 100);

describe('limit and page', () => {
  it.each([
    ['', { limit: 50, page: 1 }],
    ['limit=1', { limit: 1, page: 1 }],
    ['limit=100', { limit: 100, page: 1 }],
    ['limit=20&page=3', { limit: 20, page: 3 }],
    ['limit=007', { limit: 7, page: 1 }],
    ['page=1', { limit: 50, page: 1 }],
    [`page=${MAX_PAGE}`, { limit: 50, page: MAX_PAGE }],
  ])('%j', (input, page) => {
    expect(queryOf(leads, input).page).toEqual(page);
  });

  it.each(['0', '101', 'abc', '1.5', '-1', '', ' 1', '1e2', '+5', '0x10', '99999999999999999999'])(
    'limit=%j is VALIDATION_ERROR',
    (value) => {
      expect(issueOf(leads, new URLSearchParams([['limit', value]]))).toEqual({
        code: 'VALIDATION_ERROR',
        param: 'limit',
        value,
        message: `limit must be an integer 1..100, got '${value}'`,
      });
    },
  );

  it.each(['0', '-1', 'abc', '1.0', '', String(MAX_PAGE + 1), '1'.repeat(17)])(
    'page=%j is VALIDATION_ERROR',
    (value) => {
      expect(issueOf(leads, new URLSearchParams([['page', value]]))).toEqual({
        code: 'VALIDATION_ERROR',
        param: 'page',
        value,
        message: `page must be an integer 1..${MAX_PAGE}, got '${value}'`,
      });
    },
  );

  it('follows the resource defaults and maximum', () => {
    expect(queryOf(tasks, '').page).toEqual({ limit: 20, page: 1 });
    expect(queryOf(tasks, 'limit=30').page.limit).toBe(30);
    expect(issueOf(tasks, 'limit=31').message).toBe("limit must be an integer 1..30, got '31'");
  });
});

describe('parseInteger', () => {
  it('says >= min when there is no real maximum', () => {
    const issues: Issue[] = [];
    expect(parseInteger('n', '0', 1, Number.MAX_SAFE_INTEGER, issues)).toBeUndefined();
    expect(issues[0]?.message).toBe("n must be an integer >= 1, got '0'");
  });

  it('returns the value and leaves issues alone when valid', () => {
    const issues: Issue[] = [];
    expect(parseInteger('n', '42', 1, 100, issues)).toBe(42);
    expect(issues).toEqual([]);
  });
});
