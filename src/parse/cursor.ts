/**
 * Keyset cursors: opaque to clients, plain to us. A cursor is the base64url
 * of `[version, fingerprint, position]`, followed by `.` and an HMAC-SHA256
 * of that text when the resource has a `cursorSecret`.
 *
 * - `position` holds the last row's sort-key values (see `SortPosition`).
 *   When a sort key is a field the client may not select (`sortable` but
 *   not `selectable`), the position is sealed with AES-256-GCM under a key
 *   derived from the resource's secret (version 2), so `nextCursor` never
 *   reveals a value the endpoint would not return. Otherwise it is plain
 *   JSON (version 1): the values are the client's own to read anyway.
 * - `fingerprint` digests the filter and sort the cursor was issued for, so
 *   replaying it with another filter or sort is refused instead of silently
 *   seeking to a position that means something else.
 * - An optional fourth element, `[total, count, scope]`, carries the total
 *   the first page was counted with (see `CarriedTotal`). It is covered by
 *   the signature like the rest; it is never sealed, because the client saw
 *   that total in the response that gave it the cursor.
 *
 * Node's synchronous `node:crypto` keeps encoding inside the synchronous
 * parser and formatter; `src/parse` runs on servers only (browsers get
 * `listql/client`, which never touches cursors' insides).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { CarriedTotal, FilterNode, FilterValue, SortKey, SortPosition } from '../ast/index.js';
import type { Field, Resource } from '../resource/index.js';
import { resolveField } from '../resource/resolve-field.js';
import { parseDateValue } from '../syntax/dates.js';
import { valueIssue } from '../syntax/value-issue.js';

const PLAIN = 1;
const SEALED = 2;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function fingerprint(filter: FilterNode, sort: readonly SortKey[]): string {
  return createHash('sha256')
    .update(JSON.stringify([filter, sort]))
    .digest('base64url')
    .slice(0, 22);
}

function sign(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/** The AES-256 key of a secret: its own HMAC domain, so it is never the signing key. */
function sealingKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('listql cursor position encryption v1').digest();
}

/**
 * Whether a cursor for `sort` must hide its position: some key is a field
 * the client may not select. The id is always returned, so never hidden.
 *
 * @example
 * mustSealPosition(people, [{ field: 'ssn', direction: 'asc' }, { field: 'id', direction: 'asc' }]); // true
 */
export function mustSealPosition(resource: Resource, sort: readonly SortKey[]): boolean {
  return sort.some(({ field }) => {
    const found = resource.fields.get(field);
    if (found !== undefined) return !found.selectable && found.name !== resource.idField;
    // A to-one path the relation does not let `fields` embed is hidden too.
    const path = resource.paths.get(field);
    return path !== undefined && !path.relation.selectable.has(path.field.name);
  });
}

/** AES-256-GCM of the position, bound to the fingerprint: iv, ciphertext, tag, in base64url. */
function seal(secret: string, print: string, position: SortPosition): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret), iv);
  cipher.setAAD(Buffer.from(print));
  const body = Buffer.concat([cipher.update(JSON.stringify(position), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The position a sealed cursor holds, or undefined when it does not open. */
function unseal(secret: string, print: string, sealed: unknown): unknown {
  if (typeof sealed !== 'string' || !BASE64URL.test(sealed)) return undefined;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      sealingKey(secret),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(print));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A short digest of a server scope (`undefined`: no scope), for
 * {@link CarriedTotal.scope}: a carried total is reused only under the scope
 * it was counted under. Keyed by the resource's `cursorSecret` when it has
 * one, so a client cannot test guesses about another tenant's scope.
 *
 * @example
 * scopeDigest(leads, eq('labelId', 'tenant_42')); // 'q8V0b3…' (11 characters)
 * scopeDigest(leads, undefined) === scopeDigest(leads, undefined); // true
 */
export function scopeDigest(resource: Resource, scope: FilterNode | undefined): string {
  const text = JSON.stringify(scope ?? null);
  const secret = resource.cursorSecret;
  const digest =
    secret === null
      ? createHash('sha256').update(text)
      : createHmac('sha256', secret).update('listql cursor scope v1').update(text);
  return digest.digest('base64url').slice(0, 11);
}

/**
 * The cursor for `position` (the sort-key values of the last row returned)
 * of a query with this filter and sort. Sealed (encrypted) when a sort key
 * is not selectable; that needs the resource's `cursorSecret`, which
 * `defineResource` requires of such resources. With `carried`, the cursor
 * also holds the total the pages are counted at, so later pages need not
 * count again.
 *
 * @example
 * encodeCursor(leads, query.filter, query.sort, ['2026-03-01T10:00:00.000Z', 'lead_42']);
 * encodeCursor(leads, query.filter, query.sort, position, { total: 234, count: 'exact', scope: scopeDigest(leads, undefined) });
 */
export function encodeCursor(
  resource: Resource,
  filter: FilterNode,
  sort: readonly SortKey[],
  position: SortPosition,
  carried?: CarriedTotal,
): string {
  const print = fingerprint(filter, sort);
  const secret = resource.cursorSecret;
  let payload: unknown[];
  if (mustSealPosition(resource, sort)) {
    if (secret === null) {
      throw new Error(
        `${resource.name}: a cursor sorted by a field that is not selectable needs a cursorSecret to encrypt it`,
      );
    }
    payload = [SEALED, print, seal(secret, print, position)];
  } else {
    payload = [PLAIN, print, position];
  }
  if (carried !== undefined) payload.push([carried.total, carried.count, carried.scope]);
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return secret === null ? body : `${body}.${sign(secret, body)}`;
}

/**
 * A position value of `field` as found in a cursor, checked like a URL value
 * of that field (a cursor without a secret can be forged): the field's type,
 * a string as `valueIssue` wants it (length, no NUL, no lone surrogate), a
 * finite number, an instant as the parser writes it, an enum's value; null
 * only where the field may be null. Undefined for anything else.
 */
function positionValue(
  field: Field,
  value: unknown,
  maxLength: number,
): FilterValue | null | undefined {
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
      return typeof value === 'string' &&
        valueIssue('VALIDATION_ERROR', 'cursor', value, maxLength) === null
        ? value
        : undefined;
  }
}

const SCOPE_DIGEST = /^[A-Za-z0-9_-]{11}$/;

/** The carried total of a decoded cursor, checked like its position (an unsigned one can be forged). */
function carriedTotal(value: unknown): CarriedTotal | null | undefined {
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [total, count, scope] = value as [unknown, unknown, unknown];
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) return undefined;
  if (count !== 'exact' && count !== 'estimated') return undefined;
  if (typeof scope !== 'string' || !SCOPE_DIGEST.test(scope)) return undefined;
  return Object.freeze({ total, count, scope });
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
):
  | { readonly position: SortPosition; readonly carried: CarriedTotal | null }
  | { readonly problem: CursorProblem } {
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
  if (!Array.isArray(decoded) || (decoded.length !== 3 && decoded.length !== 4)) {
    return { problem: 'malformed' };
  }
  const [version, print, inner, total] = decoded as [unknown, unknown, unknown, unknown];
  const carried = decoded.length === 4 ? carriedTotal(total) : null;
  if (carried === undefined) return { problem: 'malformed' };
  const sealed = mustSealPosition(resource, sort);
  // This sort's cursors have exactly one form: a plain position where a sealed one is due is forged.
  if (version !== (sealed ? SEALED : PLAIN)) return { problem: 'malformed' };
  if (print !== fingerprint(filter, sort)) return { problem: 'mismatch' };
  const values =
    sealed && resource.cursorSecret !== null ? unseal(resource.cursorSecret, print, inner) : inner;
  if (sealed && resource.cursorSecret === null) return { problem: 'malformed' };
  if (!Array.isArray(values) || values.length !== sort.length) return { problem: 'malformed' };
  const position: (FilterValue | null)[] = [];
  for (const [i, key] of sort.entries()) {
    const resolved = resolveField(resource, key.field);
    // A to-one path reads null for a row without a related row, whatever the related field allows.
    const nullable =
      resolved !== undefined && (resolved.relation !== null || resolved.field.nullable);
    const value =
      resolved === undefined
        ? undefined
        : values[i] === null
          ? nullable
            ? null
            : undefined
          : positionValue(resolved.field, values[i], resource.limits.maxValueLength);
    if (value === undefined) return { problem: 'malformed' };
    position.push(value);
  }
  return { position: Object.freeze(position), carried };
}

/** A row's value of a field, or of a to-one path from its embedded object (null without one). */
function cellOf(resource: Resource, row: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(row, name)) return row[name];
  const path = resource.paths.get(name);
  if (path === undefined || !Object.hasOwn(row, path.relation.name)) return null;
  const embedded = row[path.relation.name];
  if (typeof embedded !== 'object' || embedded === null) return null;
  const record = embedded as Readonly<Record<string, unknown>>;
  return Object.hasOwn(record, path.field.name) ? record[path.field.name] : null;
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
    const value = cellOf(resource, row, name);
    if (value instanceof Date) return value.toISOString();
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' && resolveField(resource, name)?.field.type === 'datetime') {
      return new Date(value).toISOString();
    }
    return value as FilterValue;
  });
}
