/** Plain decimal numbers: `100`, `-3`, `99.5`. No exponent, sign `+`, hex, or bare dot. */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * Parses a plain decimal; null for anything else, including values too large
 * to be finite (`1` followed by 400 zeros).
 */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value; // no -0 in the AST
}

/**
 * Prints a finite number as a plain decimal that {@link parseDecimal} reads
 * back to the same number: `1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`.
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
