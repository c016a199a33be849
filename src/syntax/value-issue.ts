import { codePointLength, exceedsCodePoints } from '../code-points.js';
import { type Issue, type IssueCode, issue } from '../errors/index.js';

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why a decoded value is refused whatever its parameter means (longer than
 * `max`, NUL, a lone surrogate), or null when it passes. The parser checks
 * every decoded value with it, and `listql/client` every value it prints.
 *
 * @example
 * valueIssue('INVALID_FILTER', 'name', 'a\\u0000b', 1000)?.message;
 * // 'name must not contain the NUL character (U+0000)'
 */
export function valueIssue(code: IssueCode, key: string, value: string, max: number): Issue | null {
  // Characters are code points, as JSON Schema's maxLength counts them.
  if (exceedsCodePoints(value, max)) {
    const length = codePointLength(value);
    return issue(code, key, value, `${key} must be at most ${max} characters, got ${length}`);
  }
  if (value.includes('\u0000')) {
    return issue(code, key, value, `${key} must not contain the NUL character (U+0000)`);
  }
  // A lone surrogate is not Unicode text: databases refuse it and encodeURIComponent throws on it.
  if (LONE_SURROGATE.test(value)) {
    return issue(code, key, value, `${key} must be valid Unicode text (it has a lone surrogate)`);
  }
  return null;
}
