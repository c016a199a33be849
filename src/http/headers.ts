import type { RequestHeaders } from './types.js';

/**
 * One header's value, matched case-insensitively, from Node-style or Fetch
 * headers. A header sent several times arrives as an array in Node; it is
 * ambiguous, so it reads as absent.
 *
 * @example
 * readHeader(req.headers, 'X-API-KEY'); // 'sk_live_…' or undefined
 */
export function readHeader(headers: RequestHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return headers.get(lower) ?? undefined;
  }
  const plain = headers as { readonly [name: string]: string | readonly string[] | undefined };
  // Node lower-cases incoming names; hand-built objects may not, so look at every key.
  for (const key of Object.keys(plain)) {
    if (key.toLowerCase() !== lower) continue;
    const value = plain[key];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}
