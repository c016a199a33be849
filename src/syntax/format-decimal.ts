/**
 * Prints a finite number as a plain decimal that {@link parseDecimal} reads
 * back to the same number: `1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`.
 * It is the shortest such decimal (JavaScript's own number-to-text, unfolded).
 *
 * @example
 * formatDecimal(1e-7); // '0.0000001'
 */
export function formatDecimal(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const pointAt = (dot === -1 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (pointAt <= 0) plain = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) plain = digits + '0'.repeat(pointAt - digits.length);
  else plain = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return (negative ? '-' : '') + plain;
}
