/** The error codes a request can earn, as `docs/leads.md` assigns them. */
export const ISSUE_CODES = ['INVALID_FILTER', 'INVALID_DATE', 'VALIDATION_ERROR'] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * One problem with a request. A request with several problems yields one
 * issue each, in the order the parameters appeared.
 *
 * @example
 * { code: 'INVALID_FILTER', param: 'value[gte]', value: 'abc',
 *   message: "value[gte] must be a number, got 'abc'" }
 */
export interface Issue {
  readonly code: IssueCode;
  /**
   * The parameter as the client wrote it (`value[gte]`, `updated_after`), cut like `value`;
   * null for the request as a whole.
   */
  readonly param: string | null;
  /** The offending value as received (cut to 200 characters, that is code points, with `…`); null when there is none. */
  readonly value: string | null;
  /** A sentence the client can act on. */
  readonly message: string;
  /**
   * Where in `value` the problem is, as a 0-based offset in characters
   * (Unicode code points). Set only for the boolean group parameters `or` and
   * `and`, whose values have a grammar of their own.
   */
  readonly position?: number;
}

const SHOWN_VALUE_LENGTH = 200;

/**
 * Clips a value for messages and issues to 200 code points and `…`, so a 1 MB
 * value does not come back in the response. It cuts between code points, so
 * the clipped text never ends in half a surrogate pair (which JSON encoders
 * would write as a lone `\udXXX` escape).
 *
 * @example
 * clip('a'.repeat(300)).length; // 201: 200 a's, then …
 * clip('😀'.repeat(300)); // 200 emoji, then … (never half of one)
 */
export function clip(value: string): string {
  // The first 401 UTF-16 units hold at least 201 code points when the value has that many
  // (a pair the cut splits at the end lies past the first 200), so no more is split.
  const points = [...value.slice(0, 2 * SHOWN_VALUE_LENGTH + 1)];
  return points.length > SHOWN_VALUE_LENGTH
    ? `${points.slice(0, SHOWN_VALUE_LENGTH).join('')}…`
    : value;
}

/** Builds a frozen issue; `param` and `value` are clipped. */
export function issue(
  code: IssueCode,
  param: string | null,
  value: string | null,
  message: string,
  position?: number,
): Issue {
  const found = {
    code,
    param: param === null ? null : clip(param),
    value: value === null ? null : clip(value),
    message,
  };
  return Object.freeze(position === undefined ? found : { ...found, position });
}
