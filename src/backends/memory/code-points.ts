/**
 * JavaScript compares strings by UTF-16 code unit, which disagrees with
 * Unicode code point order (the order of PostgreSQL's `C` collation, MariaDB's
 * `utf8mb4_bin` and SQLite's `BINARY` on UTF-8) exactly when a surrogate pair
 * (U+10000 and up, e.g. '😀' = D83D DE00) meets a BMP character at
 * U+E000–U+FFFF: by code unit 'D83D' < 'FFFF', by code point U+1F600 > U+FFFF.
 */

/** Code units at or above the first surrogate: the only ones whose order must change. */
const HIGH_UNITS = /[\uD800-\uFFFF]/;
const HIGH_UNITS_ALL = /[\uD800-\uFFFF]/g;

/**
 * Moves surrogates (D800–DFFF) above the rest of the BMP (E000–FFFF), keeping
 * each group's internal order: D800–DFFF → F800–FFFF, E000–FFFF → D800–F7FF.
 */
function rank(unit: string): string {
  const code = unit.charCodeAt(0);
  return String.fromCharCode(code >= 0xe000 ? code - 0x800 : code + 0x2000);
}

/**
 * A string whose code unit order (`<`, `>`) is the code point order of
 * `text`. Most strings have no code unit at or above U+D800 and come back
 * unchanged; the others are remapped, so compute the key once per value, not
 * per comparison. Keys are for comparing only: never show them.
 *
 * @example
 * '\uFFFF' < '😀'; // false: code unit order
 * codePointKey('\uFFFF') < codePointKey('😀'); // true: code point order
 */
export function codePointKey(text: string): string {
  return HIGH_UNITS.test(text) ? text.replace(HIGH_UNITS_ALL, rank) : text;
}
