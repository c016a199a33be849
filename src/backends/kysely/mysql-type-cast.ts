/**
 * A `typeCast` for mysql2 pools that makes values exact. mysql2 parses
 * DOUBLE text with a fast digit loop that is wrong in the last place for
 * 16–17 significant digits (987218057.6624821 arrives as 987218057.662482),
 * and turns DATETIME into Dates whose years 0–99 land in 1900–1999. This reads
 * DOUBLE with `Number()` and hands DATETIME/TIMESTAMP/DATE over as text,
 * which listql reads as UTC.
 */

/** The part of mysql2's typeCast field that is used here (kept structural: mysql2 is optional). */
export interface MysqlTypeCastField {
  readonly type: string;
  string(): string | null;
}

const AS_TEXT: ReadonlySet<string> = new Set(['DATETIME', 'TIMESTAMP', 'DATE']);

/**
 * Pass as `typeCast` to mysql2's `createPool` for exact doubles and dates.
 *
 * @example
 * const pool = createPool({ host, user, database, typeCast: mysqlTypeCast });
 * const db = new Kysely({ dialect: new MysqlDialect({ pool }) });
 */
export function mysqlTypeCast(field: MysqlTypeCastField, next: () => unknown): unknown {
  if (field.type === 'DOUBLE') {
    const text = field.string();
    return text === null ? null : Number(text);
  }
  if (AS_TEXT.has(field.type)) return field.string();
  return next();
}
