import { randomBytes } from 'node:crypto';

/**
 * What a caller's own `X-Request-Id` may look like to be echoed back: short,
 * and made of characters that are safe in logs, headers and JSON (no spaces,
 * quotes or control characters that could forge a log line).
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * A fresh request id: `req_` and 12 random hex digits.
 *
 * @example
 * newRequestId(); // 'req_3f9a0c41b2e7'
 */
export function newRequestId(): string {
  return `req_${randomBytes(6).toString('hex')}`;
}

/**
 * The caller's request id when it is safe to echo (at most 64 characters of
 * `A-Z a-z 0-9 . _ : -`, starting with a letter or digit), else a fresh one.
 *
 * @example
 * requestIdFrom('trace-42'); // 'trace-42'
 * requestIdFrom('bad id\n'); // 'req_…' (fresh)
 */
export function requestIdFrom(incoming: string | undefined): string {
  return incoming !== undefined && SAFE_REQUEST_ID.test(incoming) ? incoming : newRequestId();
}
