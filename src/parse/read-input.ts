/**
 * Reads the three input forms into one flat list of `key=value` pairs, in the
 * order the client sent them. Nothing here interprets keys; nothing is dropped
 * silently: every oddity becomes a {@link RawParam} flag or an issue.
 */
import { type Issue, issue } from '../errors/index.js';

/** What a framework hands over as `req.query`: qs-style nested (Express) or flat with arrays (Fastify, Hono). */
export type QueryObject = { readonly [key: string]: unknown };

/** A query string (with or without `?`), a `URLSearchParams`, or a framework's parsed query object. */
export type ListQueryInput = string | URLSearchParams | QueryObject;

/** One parameter as received. `value` is null when it could not be read (bad encoding, not a string). */
export interface RawParam {
  readonly key: string;
  readonly value: string | null;
  /** Why `value` is null, for the issue message. */
  readonly problem?: string;
}

export interface ReadResult {
  readonly params: readonly RawParam[];
  /** A request-wide problem (too many parameters); when set, `params` is empty. */
  readonly issue?: Issue;
}

function tooMany(count: number, maxParams: number): ReadResult {
  return {
    params: [],
    issue: issue(
      'VALIDATION_ERROR',
      null,
      null,
      `A request may have at most ${maxParams} parameters, got ${count}`,
    ),
  };
}

/** `+` is a space in form encoding; a malformed `%` escape is reported, not guessed at. */
function decode(text: string): string | null {
  if (text.indexOf('%') === -1 && text.indexOf('+') === -1) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const BAD_ENCODING = 'is not valid percent-encoding';
const ARRAY_INDEX = /^\d+$/;

function readString(text: string, maxParams: number): ReadResult {
  const query = text.startsWith('?') ? text.slice(1) : text;
  const params: RawParam[] = [];
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = query.length;
    if (end > start) {
      // Counting before decoding keeps a 10,000-parameter request cheap to refuse.
      if (params.length === maxParams) return tooMany(countSegments(query), maxParams);
      const segment = query.slice(start, end);
      const eq = segment.indexOf('=');
      const rawKey = eq === -1 ? segment : segment.slice(0, eq);
      const rawValue = eq === -1 ? '' : segment.slice(eq + 1);
      const key = decode(rawKey);
      const value = decode(rawValue);
      if (key === null) params.push({ key: rawKey, value: null, problem: `key ${BAD_ENCODING}` });
      else if (value === null) params.push({ key, value: null, problem: BAD_ENCODING });
      else params.push({ key, value });
    }
    start = end + 1;
  }
  return { params };
}

function countSegments(query: string): number {
  let count = 0;
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = query.length;
    if (end > start) count++;
    start = end + 1;
  }
  return count;
}

function readSearchParams(search: URLSearchParams, maxParams: number): ReadResult {
  const params: RawParam[] = [];
  let count = 0;
  for (const [key, value] of search) {
    count++;
    if (count <= maxParams) params.push({ key, value });
  }
  return count > maxParams ? tooMany(count, maxParams) : { params };
}

/**
 * Flattens `{ value: { gte: '100' }, status: ['won', 'lost'] }` into
 * `value[gte]=100`, `status=won`, `status=lost`. qs mixes forms when a key is
 * sent both bare and with an operator (`['a', { exists: 'false' }]`, or
 * `{ 0: 'a', exists: 'false' }`): array items and numeric keys are repeats of
 * the bare key. Only own enumerable keys are read, so an inherited or polluted
 * prototype contributes nothing.
 */
function readObject(object: QueryObject, maxParams: number): ReadResult {
  const params: RawParam[] = [];
  let count = 0;
  const push = (param: RawParam): void => {
    count++;
    if (count <= maxParams) params.push(param);
  };
  const visit = (key: string, value: unknown, depth: number): void => {
    if (typeof value === 'string') push({ key, value });
    else if (value === undefined) return;
    else if (typeof value === 'object' && value !== null && depth < 3) {
      // Arrays count towards the depth too: nesting has no meaning past
      // `field[op]` repeated, and unbounded recursion would overflow the stack.
      if (Array.isArray(value)) {
        for (const item of value) visit(key, item, depth + 1);
        return;
      }
      for (const sub of Object.keys(value)) {
        const child = (value as QueryObject)[sub];
        visit(ARRAY_INDEX.test(sub) ? key : `${key}[${sub}]`, child, depth + 1);
      }
    } else {
      push({ key, value: null, problem: 'must be a string' });
    }
  };
  for (const key of Object.keys(object)) visit(key, object[key], 0);
  return count > maxParams ? tooMany(count, maxParams) : { params };
}

/** Reads any accepted input form into raw parameters, refusing more than `maxParams`. */
export function readInput(input: ListQueryInput, maxParams: number): ReadResult {
  if (typeof input === 'string') return readString(input, maxParams);
  if (input instanceof URLSearchParams) return readSearchParams(input, maxParams);
  if (typeof input === 'object' && input !== null) return readObject(input, maxParams);
  return {
    params: [],
    issue: issue(
      'VALIDATION_ERROR',
      null,
      null,
      'The query must be a string, URLSearchParams or object',
    ),
  };
}
