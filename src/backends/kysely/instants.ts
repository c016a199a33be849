/**
 * Instants as each driver binds them. The AST and the API speak
 * `YYYY-MM-DDTHH:mm:ss.sssZ`; databases disagree on what they accept.
 */

/** `YYYY-MM-DDTHH:mm:ss.sssZ` for an instant in years 0–9999. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A PostgreSQL timestamptz literal. PostgreSQL has no year 0: ISO year 0 is
 * 1 BC (and year -n is n+1 BC), so those instants get the `BC` suffix.
 *
 * @example
 * postgresInstant(Date.UTC(2026, 0, 31)); // '2026-01-31T00:00:00.000Z'
 */
export function postgresInstant(ms: number): string {
  const iso = isoInstant(ms);
  if (!iso.startsWith('0000-')) return iso;
  return `0001-${iso.slice(5, 23)}+00 BC`;
}

/**
 * A MySQL/MariaDB DATETIME literal, `YYYY-MM-DD HH:mm:ss.sss`: DATETIME has no
 * zone, and listql stores UTC in it.
 *
 * @example
 * mysqlInstant(Date.UTC(2026, 0, 31, 10)); // '2026-01-31 10:00:00.000'
 */
export function mysqlInstant(ms: number): string {
  const iso = isoInstant(ms);
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
