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
