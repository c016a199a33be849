import type { Issue, IssueCode } from './issue.js';

/**
 * Thrown by `parseListQuery` when a request is invalid. Carries every issue;
 * `code` and the message are the first issue's, `status` is the HTTP status.
 *
 * @example
 * try { parseListQuery(leads, 'value[gte]=abc'); }
 * catch (e) { if (e instanceof ListQueryError) console.log(e.status, e.issues); }
 */
export class ListQueryError extends Error {
  override readonly name = 'ListQueryError';
  readonly status = 400;
  // Declared, not class fields: assigned in the constructor, so no field initializers are emitted.
  declare readonly code: IssueCode;
  declare readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const first = issues[0];
    if (!first) throw new Error('ListQueryError needs at least one issue');
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first.message + more);
    this.code = first.code;
    this.issues = Object.freeze([...issues]);
  }
}
