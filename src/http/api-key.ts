import { createHash, timingSafeEqual } from 'node:crypto';
import { readHeader } from './headers.js';
import type { Authenticate } from './types.js';

/** The header the spec names for API keys (lower case, as Node delivers it). @example readHeader(req.headers, API_KEY_HEADER); */
export const API_KEY_HEADER = 'x-api-key';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * API-key authentication on the `X-API-KEY` header. Keys are compared as
 * SHA-256 digests with `crypto.timingSafeEqual`: digests have a fixed length,
 * so neither the length nor the content of a key leaks through timing, and
 * every configured key is compared on every request (no early exit), so the
 * time does not depend on which key matched either.
 *
 * @example
 * const auth = apiKeyAuth([process.env.LEADS_API_KEY!]);
 * await handleListRequest({ resource: leads, backend, query, headers, auth });
 */
export function apiKeyAuth(keys: string | readonly string[]): Authenticate {
  const list = typeof keys === 'string' ? [keys] : keys;
  if (list.length === 0 || list.some((key) => typeof key !== 'string' || key === '')) {
    throw new Error('apiKeyAuth: give at least one non-empty key');
  }
  const digests = list.map(digest);
  return (headers) => {
    const presented = readHeader(headers, API_KEY_HEADER);
    if (presented === undefined || presented === '') return false;
    const candidate = digest(presented);
    let matched = false;
    for (const known of digests) {
      // The comparison is the left operand, so it runs for every key, even after a match.
      matched = timingSafeEqual(candidate, known) || matched;
    }
    return matched;
  };
}
