/**
 * The number of Unicode code points in `text` before the UTF-16 index `end`
 * (all of it by default): what the group grammar calls characters, in
 * positions and in its length limit. A surrogate pair is one character.
 *
 * @example
 * codePointCount('a😀b'); // 3
 * codePointCount('a😀b', 3); // 2
 */
export function codePointCount(text: string, end = text.length): number {
  let count = 0;
  for (let i = 0; i < end; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate after a high one belongs to the character already counted.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    count++;
  }
  return count;
}
