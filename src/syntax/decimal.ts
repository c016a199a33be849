import { DECIMAL_PATTERN } from '../value-grammar.js';
import { formatDecimal } from './format-decimal.js';

// The printer has a module of its own, so a bundle that only prints numbers (a browser client) carries no reader.
export { formatDecimal } from './format-decimal.js';

/**
 * Plain decimal numbers: `100`, `-3`, `99.5`. No exponent, sign `+`, hex, or
 * bare dot. The OpenAPI document publishes the same grammar as the `pattern`
 * of number parameters, so the two cannot disagree.
 */
const DECIMAL = new RegExp(DECIMAL_PATTERN);

/** Why {@link readDecimal} refused a text. */
export type DecimalProblem =
  /** Not a plain decimal (`1e3`, `.5`, `+1`, `0x10`, …). */
  | { readonly problem: 'form' }
  /** Too large for a double (`1` and 400 zeros). */
  | { readonly problem: 'range' }
  /** A double does not hold it as written; `becomes` is what it would silently turn into. */
  | { readonly problem: 'inexact'; readonly becomes: string };

/**
 * The input as a canonical decimal: no leading zeros in the integer part, no
 * trailing zeros in the fraction, no empty fraction, no `-0`.
 */
function normalize(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  let whole = dot === -1 ? body : body.slice(0, dot);
  let fraction = dot === -1 ? '' : body.slice(dot + 1);
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++;
  whole = whole.slice(start);
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  const plain = fraction === '' ? whole : `${whole}.${fraction}`;
  return plain === '0' || !negative ? plain : `-${plain}`;
}

/**
 * Reads a plain decimal that survives the round trip to a double: the
 * double's shortest decimal ({@link formatDecimal}) must equal the text as
 * written, normalized (`100.10` → `100.1`, `007` → `7`, `-0` → `0`). So
 * `0.1` is fine (it reads back as `0.1`), while `9007199254740993` (which
 * would become …992), digits past what a double keeps and values that
 * underflow to 0 are refused instead of silently changed.
 *
 * @example
 * readDecimal('100.10'); // { value: 100.1 }
 * readDecimal('9007199254740993'); // { problem: 'inexact', becomes: '9007199254740992' }
 * readDecimal('1e3'); // { problem: 'form' }
 */
export function readDecimal(text: string): { readonly value: number } | DecimalProblem {
  if (!DECIMAL.test(text)) return { problem: 'form' };
  const parsed = Number(text);
  if (!Number.isFinite(parsed)) return { problem: 'range' };
  const value = parsed === 0 ? 0 : parsed; // no -0 in the AST
  // Fifteen digits or fewer (leading and trailing zeros included, so the
  // value is far from underflow) always survive: a double keeps 15
  // significant decimal digits (DBL_DIG). Most filters end here.
  const digits = text.length - (text.charCodeAt(0) === 45 ? 1 : 0) - (text.includes('.') ? 1 : 0);
  if (digits <= 15) return { value };
  const canonical = formatDecimal(value);
  if (canonical !== normalize(text)) return { problem: 'inexact', becomes: canonical };
  return { value };
}

/**
 * Parses a plain decimal that a double holds as written (see
 * {@link readDecimal}); null for anything else.
 *
 * @example
 * parseDecimal('99.5'); // 99.5
 * parseDecimal('9007199254740993'); // null
 */
export function parseDecimal(text: string): number | null {
  const read = readDecimal(text);
  return 'value' in read ? read.value : null;
}
