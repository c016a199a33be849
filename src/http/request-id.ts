import { randomBytes } from 'node:crypto';

/**
 * What a caller's own `X-Request-Id` may look like to be echoed back: short,
 * and made of characters that are safe in logs, headers and JSON (no spaces,
 * quotes or control characters that could forge a log line).
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

const ID_BYTES = 6;
/**
 * Random bytes are drawn for this many ids at once: one call into the CSPRNG
 * costs about 3 µs whatever its size, which a list request paid every time.
 * Request ids are not secrets; each id still uses its own bytes once.
 */
const IDS_PER_DRAW = 512;
let pool: Buffer = Buffer.alloc(0);
let offset = 0;

/**
 * A fresh request id: `req_` and 12 random hex digits.
 *
 * @example
 * newRequestId(); // 'req_3f9a0c41b2e7'
 */
export function newRequestId(): string {
  if (offset === pool.length) {
    pool = randomBytes(ID_BYTES * IDS_PER_DRAW);
    offset = 0;
  }
  const id = pool.toString('hex', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return `req_${id}`;
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
