/**
 * Text lengths in Unicode code points, the unit every "characters" limit of
 * listql uses: JSON Schema's `maxLength` counts code points, so the OpenAPI
 * document and the parser agree (150 emoji are 150 characters, not 300
 * UTF-16 units). A lone surrogate counts as one code point; the parser
 * refuses it anyway.
 */

/** Whether the UTF-16 units at `i` and `i + 1` (both before `end`) are a surrogate pair. */
function pairAt(text: string, i: number, end = text.length): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff || i + 1 >= end) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/**
 * The number of code points in `text` before the UTF-16 index `end` (all of
 * it by default); positions in messages count the same way.
 *
 * @example
 * codePointLength('abc'); // 3
 * codePointLength('😀😀'); // 2 (4 UTF-16 units)
 * codePointLength('a😀b', 3); // 2
 */
export function codePointLength(text: string, end = text.length): number {
  let count = 0;
  for (let i = 0; i < end; i++) {
    if (pairAt(text, i, end)) i++;
    count++;
  }
  return count;
}

/**
 * Whether `text` has more than `max` code points, without counting past
 * `max + 1` (a string is at least as long in UTF-16 units as in code points,
 * so most texts are answered by `text.length` alone).
 *
 * @example
 * exceedsCodePoints('😀'.repeat(150), 200); // false
 */
export function exceedsCodePoints(text: string, max: number): boolean {
  if (text.length <= max) return false;
  return codePointEnd(text, max) < text.length;
}

/**
 * The UTF-16 index just after the first `count` code points of `text` (its
 * length when it has fewer): the place to cut without splitting a pair.
 *
 * @example
 * '😀😀'.slice(0, codePointEnd('😀😀', 1)); // '😀'
 */
export function codePointEnd(text: string, count: number): number {
  let i = 0;
  // A code point above U+FFFF is a surrogate pair: two units.
  for (let seen = 0; seen < count && i < text.length; seen++)
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}
