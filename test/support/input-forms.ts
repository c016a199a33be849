/**
 * One query string in every input form `parseListQuery` takes: the string
 * itself and with `?`, `URLSearchParams`, Express's qs object, Fastify's
 * node:querystring object and Hono's flat object of arrays.
 */
import querystring from 'node:querystring';
import qs from 'qs';
import type { ListQueryInput } from '../../src/index.js';

/** `text` in each input form, labelled for assertion messages. */
export function inputForms(text: string): readonly [string, ListQueryInput][] {
  const params = new URLSearchParams(text);
  const hono: Record<string, string[]> = {};
  for (const [key, value] of params) hono[key] = [...(hono[key] ?? []), value];
  return [
    ['string', text],
    ['string with ?', `?${text}`],
    ['URLSearchParams', params],
    ['qs (Express)', qs.parse(text)],
    ['node:querystring (Fastify)', { ...querystring.parse(text) }],
    ['Hono', hono],
  ];
}
