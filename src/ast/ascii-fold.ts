const ASCII_UPPER = /[A-Z]/g;

/**
 * `text` with the ASCII letters A–Z folded to a–z and every other character
 * left exactly as it is: the one case rule of listql (`search`, the text
 * operators, `caseInsensitiveSort`), because it is the fold every store can
 * do the same way (SQLite's `lower()` and `LIKE` fold nothing else).
 *
 * @example
 * foldAscii('ÉCLAIR Straße'); // 'Éclair straße'
 */
export function foldAscii(text: string): string {
  return text.replace(ASCII_UPPER, (letter) => String.fromCharCode(letter.charCodeAt(0) | 0x20));
}
