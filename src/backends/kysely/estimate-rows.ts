import { type Compilable, CompiledQuery, type Kysely } from 'kysely';

/** The top plan node of `EXPLAIN (FORMAT JSON)`: drivers hand it over parsed or as text. */
function planRows(cell: unknown): number {
  const plans: unknown = typeof cell === 'string' ? JSON.parse(cell) : cell;
  const top = Array.isArray(plans) ? (plans[0] as { Plan?: { 'Plan Rows'?: unknown } }) : undefined;
  const rows = top?.Plan?.['Plan Rows'];
  if (typeof rows !== 'number' || !Number.isFinite(rows) || rows < 0) {
    throw new Error(`listql/kysely: EXPLAIN gave no row estimate: ${JSON.stringify(plans)}`);
  }
  return Math.round(rows);
}

/**
 * PostgreSQL's planner estimate of the rows a select returns: its
 * `EXPLAIN (FORMAT JSON)` → `Plan Rows`, planned but never run, so it costs a
 * plan (well under a millisecond) whatever the table's size. The estimate
 * comes from the statistics ANALYZE (or autovacuum) last gathered: without a
 * filter it is the table's row count scaled to its current size, with one it
 * can be far off for correlated or rare conditions.
 *
 * @example
 * const estimate = await estimateRows(db, db.selectFrom('leads').select('id').where('status', '=', 'won'));
 */
export async function estimateRows<DB>(db: Kysely<DB>, select: Compilable): Promise<number> {
  const compiled = select.compile();
  const result = await db.executeQuery(
    CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
  );
  const first = result.rows[0] as Record<string, unknown> | undefined;
  return planRows(first === undefined ? undefined : Object.values(first)[0]);
}

/**
 * The first number after `"name":` in an EXPLAIN text. MariaDB writes the
 * query's values into `attached_condition` without escaping them, so the
 * text is not always valid JSON and is read, not parsed; the plan's own
 * `rows` and `filtered` come before any condition in a table's entry.
 */
function firstNumber(text: string, name: string): number | undefined {
  const match = new RegExp(`"${name}":\\s*(\\d+(?:\\.\\d+)?)`).exec(text);
  return match === null ? undefined : Number(match[1]);
}

/**
 * MySQL's or MariaDB's optimizer estimate of the rows a single-table select
 * returns: `EXPLAIN FORMAT=JSON`, the table's `rows` (MariaDB) or
 * `rows_examined_per_scan` (MySQL 8) times its `filtered` percentage, planned
 * but never run. Statistics come from InnoDB's sampled index dives
 * (`ANALYZE TABLE` refreshes them); an estimate on an index range is close,
 * one on a filtered full scan can be far off. A where clause the optimizer
 * proves false ("Impossible WHERE") is 0.
 *
 * @example
 * const estimate = await estimateMysqlRows(db, db.selectFrom('leads').select('id').where('status', '=', 'won'));
 */
export async function estimateMysqlRows<DB>(db: Kysely<DB>, select: Compilable): Promise<number> {
  const compiled = select.compile();
  const result = await db.executeQuery(
    CompiledQuery.raw(`explain format=json ${compiled.sql}`, [...compiled.parameters]),
  );
  const first = result.rows[0] as Record<string, unknown> | undefined;
  const cell = first === undefined ? undefined : Object.values(first)[0];
  const text = typeof cell === 'string' ? cell : JSON.stringify(cell ?? null);
  const rows = firstNumber(text, 'rows') ?? firstNumber(text, 'rows_examined_per_scan');
  if (rows === undefined) {
    // No table was read: the optimizer proved the where clause false.
    if (text.includes('Impossible WHERE')) return 0;
    throw new Error(`listql/kysely: EXPLAIN gave no row estimate: ${text.slice(0, 500)}`);
  }
  const filtered = firstNumber(text, 'filtered') ?? 100;
  return Math.round((rows * filtered) / 100);
}
