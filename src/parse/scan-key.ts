/**
 * A hand-written scanner for parameter keys, equivalent to `parseParamKey` of
 * `src/grammar.ts` (`name`, `relation.field`, either with `[operator]`, nothing else) but without a
 * regex match and its capture arrays: it runs once per parameter of every
 * request, so it is the parser's hottest path.
 */

const MAX_NAME = 64;
const MAX_OPERATOR = 32;

/** `A-Z`, `a-z` or `_`; with `dollar`, `$` too. */
function isNameStart(code: number, dollar: boolean): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    code === 95 ||
    (dollar && code === 36)
  );
}

function isNamePart(code: number, dollar: boolean): boolean {
  return isNameStart(code, dollar) || (code >= 48 && code <= 57);
}

/** Sentinel of {@link scanKey}: the key is outside the grammar. */
export const MALFORMED_KEY = -2;
/** Sentinel of {@link scanKey}: the key is a bare name, without brackets. */
export const BARE_KEY = -1;

/**
 * Where the `[` of `name[operator]` is, {@link BARE_KEY} for a bare `name`,
 * or {@link MALFORMED_KEY}. The name is then `key.slice(0, at)` and the
 * operator `key.slice(at + 1, -1)`.
 *
 * @example
 * scanKey('value[gte]'); // 5
 * scanKey('label.name[ne]'); // 10
 * scanKey('status'); // BARE_KEY
 * scanKey('a[b][c]'); // MALFORMED_KEY
 */
export function scanKey(key: string): number {
  const length = key.length;
  if (length === 0 || !isNameStart(key.charCodeAt(0), false)) return MALFORMED_KEY;
  let i = 1;
  while (i < length && isNamePart(key.charCodeAt(i), false)) i++;
  if (i > MAX_NAME) return MALFORMED_KEY;
  // One `.field` may follow: a relation path (`label.name`).
  if (i < length && key.charCodeAt(i) === 46) {
    const start = i + 1;
    if (start >= length || !isNameStart(key.charCodeAt(start), false)) return MALFORMED_KEY;
    i = start + 1;
    while (i < length && isNamePart(key.charCodeAt(i), false)) i++;
    if (i - start > MAX_NAME) return MALFORMED_KEY;
  }
  if (i === length) return BARE_KEY;
  // After the name only `[operator]` may follow, ending the key.
  const bracket = i;
  if (key.charCodeAt(bracket) !== 91 || key.charCodeAt(length - 1) !== 93) return MALFORMED_KEY;
  const end = length - 1;
  const operatorLength = end - bracket - 1;
  if (operatorLength < 1 || operatorLength > MAX_OPERATOR) return MALFORMED_KEY;
  if (!isNameStart(key.charCodeAt(bracket + 1), true)) return MALFORMED_KEY;
  for (let j = bracket + 2; j < end; j++) {
    if (!isNamePart(key.charCodeAt(j), true)) return MALFORMED_KEY;
  }
  return bracket;
}
