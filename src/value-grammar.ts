/**
 * Value grammars of the URL, part of `src/grammar.ts` (which re-exports
 * them), kept apart so that a bundle that never reads a number or a date by
 * these patterns (a browser client) does not carry them.
 */

/*
 * Value grammars, as regular-expression sources. The parser compiles them and
 * the OpenAPI document publishes them as `pattern`s, so the two cannot drift.
 * They keep to the subset JSON Schema recommends for interoperability: plain
 * groups, classes, alternation and anchors; no lookaround, no `\d` (which
 * some validators read as any Unicode digit), no non-capturing groups.
 */

/** Plain decimal numbers: `100`, `-3`, `99.5`. No exponent, `+`, hex, bare or trailing dot. */
export const DECIMAL_PATTERN = '^-?[0-9]+(\\.[0-9]+)?$';

/** Month and day of any year; 29 February is the leap-year alternative of `DAY`. */
const MONTH_DAY =
  '((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))';
/** Gregorian leap years among 0000–9999: divisible by 4 and not by 100, or by 400. */
const LEAP_YEAR = '([0-9][0-9](0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)';
const DAY = `([0-9]{4}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
/** Upper-case `T`, seconds required, no leap second, up to nine fraction digits. */
const TIME = 'T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?';
/** Upper-case `Z` or `±hh:mm`; none means UTC. */
const OFFSET = '(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?';

/** A calendar day that exists: `2026-01-15`, `2024-02-29`; not `2026-02-29`. */
export const DATE_PATTERN = `^${DAY}$`;

/** A date-time: `2026-01-15T10:30:00Z`, `…:00.5+02:00`, `…:00` (UTC). */
export const DATE_TIME_PATTERN = `^${DAY}${TIME}${OFFSET}$`;

/**
 * Date-times that match {@link DATE_TIME_PATTERN} and are still refused: on
 * the first day of year 0000 a positive offset, on the last day of 9999 a
 * negative one, since they can put the instant outside the four-digit years.
 */
export const DATE_TIME_EDGE_PATTERN =
  '^(0000-01-01T[^+]*\\+(0[1-9]|1[0-9]|2[0-3]|00:(0[1-9]|[1-5][0-9]))|9999-12-31T[^-]*-(0[1-9]|1[0-9]|2[0-3]|00:(0[1-9]|[1-5][0-9])))';
