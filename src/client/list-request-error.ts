import type { Issue } from '../errors/index.js';
import type { ErrorCode, ErrorEnvelope } from '../wire.js';

/**
 * A list request the server did not answer with a page: a 400 (then
 * `issues` holds every problem the server found), a 401, a 500, or a body
 * that is not listql's envelope (then `code` and `body` are null).
 *
 * @example
 * try {
 *   await fetchList('/leads', leads, { filter: { status: 'won' } });
 * } catch (error) {
 *   if (error instanceof ListRequestError && error.status === 400) showIssues(error.issues);
 * }
 */
export class ListRequestError extends Error {
  override readonly name = 'ListRequestError';
  /** The HTTP status. */
  declare readonly status: number;
  /** The envelope's `error.code`; null when the body was not an envelope. */
  declare readonly code: ErrorCode | null;
  /** Every issue of a 400 (`error.details.issues`); empty otherwise. */
  declare readonly issues: readonly Issue[];
  /** The error body as received; null when it was not an envelope. */
  declare readonly body: ErrorEnvelope | null;

  constructor(status: number, body: ErrorEnvelope | null) {
    super(
      body === null
        ? `HTTP ${status} without a listql envelope`
        : `${body.error.code}: ${body.error.message}`,
    );
    this.status = status;
    this.code = body?.error.code ?? null;
    // A 400's details hold its issues; other errors' details are empty.
    const details: { readonly issues?: readonly Issue[] } | undefined = body?.error.details;
    this.issues = details?.issues ?? [];
    this.body = body;
  }
}
