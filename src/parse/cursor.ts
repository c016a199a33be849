/**
 * Keyset cursors: opaque to clients, plain to us. A cursor is the base64url
 * of `[1, fingerprint, position]`, followed by `.` and an HMAC-SHA256 of that
 * text when the resource has a `cursorSecret`.
 *
 * - `position` holds the last row's sort-key values (see `SortPosition`).
 * - `fingerprint` digests the filter and sort the cursor was issued for, so
 *   replaying it with another filter or sort is refused instead of silently
 *   seeking to a position that means something else.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FilterNode, FilterValue, SortKey, SortPosition } from '../ast/index.js';
import type { Field, Resource } from '../resource/index.js';
import { parseDateValue } from '../syntax/dates.js';

const VERSION = 1;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function fingerprint(filter: FilterNode, sort: readonly SortKey[]): string {
  return createHash('sha256')
    .update(JSON.stringify([filter, sort]))
    .digest('base64url')
    .slice(0, 22);
}

function sign(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/**
 * The cursor for `position` (the sort-key values of the last row returned)
 * of a query with this filter and sort.
 *
 * @example
 * encodeCursor(leads, query.filter, query.sort, ['2026-03-01T10:00:00.000Z', 'lead_42']);
 */
export function encodeCursor(
  resource: Resource,
  filter: FilterNode,
  sort: readonly SortKey[],
  position: SortPosition,
): string {
  const body = Buffer.from(JSON.stringify([VERSION, fingerprint(filter, sort), position])).toString(
    'base64url',
  );
  return resource.cursorSecret === null ? body : `${body}.${sign(resource.cursorSecret, body)}`;
}

/** A position value of `field` as found in a cursor: the field's type, or null where it may be null. */
function positionValue(field: Field, value: unknown): FilterValue | null | undefined {
  if (value === null) return field.nullable ? null : undefined;
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'datetime':
      return typeof value === 'string' && INSTANT.test(value) && parseDateValue(value) === value
        ? value
        : undefined;
    case 'enum':
      return typeof value === 'string' && field.values.includes(value) ? value : undefined;
    case 'string':
      return typeof value === 'string' && !/\p{Cs}/u.test(value) ? value : undefined;
  }
}

/** Why a cursor was refused, for the issue message. */
export type CursorProblem = 'malformed' | 'tampered' | 'mismatch';

/**
 * Reads a cursor issued for this filter and sort; a problem when it is not
 * one of ours, was altered (signed cursors), or was issued for another
 * filter or sort.
 */
export function decodeCursor(
  resource: Resource,
  text: string,
  filter: FilterNode,
  sort: readonly SortKey[],
): { readonly position: SortPosition } | { readonly problem: CursorProblem } {
  const dot = text.indexOf('.');
  const body = dot === -1 ? text : text.slice(0, dot);
  if (resource.cursorSecret !== null) {
    const mac = dot === -1 ? '' : text.slice(dot + 1);
    const expected = Buffer.from(sign(resource.cursorSecret, body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { problem: 'tampered' };
    }
  } else if (dot !== -1) {
    return { problem: 'malformed' };
  }
  if (!BASE64URL.test(body)) return { problem: 'malformed' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { problem: 'malformed' };
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || decoded[0] !== VERSION) {
    return { problem: 'malformed' };
  }
  const [, print, values] = decoded as [unknown, unknown, unknown];
  if (print !== fingerprint(filter, sort)) return { problem: 'mismatch' };
  if (!Array.isArray(values) || values.length !== sort.length) return { problem: 'malformed' };
  const position: (FilterValue | null)[] = [];
  for (const [i, key] of sort.entries()) {
    const field = resource.fields.get(key.field);
    const value = field ? positionValue(field, values[i]) : undefined;
    if (value === undefined) return { problem: 'malformed' };
    position.push(value);
  }
  return { position: Object.freeze(position) };
}

/**
 * The position of a row in a query's sort order: its sort-key values, read
 * from an API row (keyed by field names, dates as ISO strings or `Date`s).
 * The HTTP layer turns the last row of a page into the next cursor with it.
 *
 * @example
 * const next = encodeCursor(leads, q.filter, q.sort, positionOf(leads, q.sort, lastRow));
 */
export function positionOf(
  resource: Resource,
  sort: readonly SortKey[],
  row: Readonly<Record<string, unknown>>,
): SortPosition {
  return sort.map(({ field: name }) => {
    const value = Object.hasOwn(row, name) ? row[name] : null;
    if (value instanceof Date) return value.toISOString();
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' && resource.fields.get(name)?.type === 'datetime') {
      return new Date(value).toISOString();
    }
    return value as FilterValue;
  });
}
