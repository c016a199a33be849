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

/** The first `table` object of a MySQL/MariaDB `EXPLAIN FORMAT=JSON`, wherever the plan nests it. */
function firstTable(plan: unknown): Record<string, unknown> | undefined {
  if (typeof plan !== 'object' || plan === null) return undefined;
  const table = (plan as Record<string, unknown>)['table'];
  if (typeof table === 'object' && table !== null && !Array.isArray(table)) {
    return table as Record<string, unknown>;
  }
  for (const value of Object.values(plan)) {
    const found = firstTable(value);
    if (found !== undefined) return found;
  }
  return undefined;
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
  const plan: unknown = typeof cell === 'string' ? JSON.parse(cell) : cell;
  const table = firstTable(plan);
  if (table === undefined) {
    if (JSON.stringify(plan).includes('Impossible')) return 0;
    throw new Error(`listql/kysely: EXPLAIN gave no row estimate: ${JSON.stringify(plan)}`);
  }
  const rows = Number(table['rows'] ?? table['rows_examined_per_scan']);
  const filtered = Number(table['filtered'] ?? 100);
  if (!Number.isFinite(rows) || rows < 0 || !Number.isFinite(filtered)) {
    throw new Error(`listql/kysely: EXPLAIN gave no row estimate: ${JSON.stringify(plan)}`);
  }
  return Math.round((rows * filtered) / 100);
}
