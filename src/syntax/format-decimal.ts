/**
 * Prints a finite number as a plain decimal that {@link parseDecimal} reads
 * back to the same number: `1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`.
 * It is the shortest such decimal (JavaScript's own number-to-text, unfolded).
 *
 * @example
 * formatDecimal(1e-7); // '0.0000001'
 */
export function formatDecimal(value: number): string {
  const [mantissa, exponent] = String(Math.abs(value)).split('e');
  if (exponent === undefined) return String(value);
  // The mantissa's digits, and where the point goes once the exponent is applied.
  const [whole, fraction = ''] = mantissa!.split('.');
  const digits = whole! + fraction;
  const at = whole!.length + Number(exponent);
  const plain =
    at <= 0
      ? `0.${'0'.repeat(-at)}${digits}`
      : at >= digits.length
        ? digits + '0'.repeat(at - digits.length)
        : `${digits.slice(0, at)}.${digits.slice(at)}`;
  return (value < 0 ? '-' : '') + plain;
}
