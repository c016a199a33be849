import { compileMongo } from '../backends/mongo/index.js';
import { type ErrorEnvelope, issuesEnvelope, newRequestId } from '../http/index.js';
import { safeParseListQuery } from '../parse/index.js';
import type { Resource } from '../resource/index.js';
import { compactJson } from './compact-json.js';
import type { ExplainDialect } from './dialects.js';

/** What `explain` prints. @example EXPLAIN_TARGETS.includes('sql'); // true */
export const EXPLAIN_TARGETS = ['ast', 'sql', 'mongo', 'all'] as const;
/** One of {@link EXPLAIN_TARGETS}. */
export type ExplainTarget = (typeof EXPLAIN_TARGETS)[number];

/** Options of {@link explain}. */
export interface ExplainOptions {
  readonly dialect: ExplainDialect;
  readonly target: ExplainTarget;
  /** The SQL table name. */
  readonly table: string;
}

/** The outcome of {@link explain}: the text to print, or the error envelope of an invalid query. */
export type ExplainResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly envelope: ErrorEnvelope };

/**
 * An optional peer package that a requested output needs is not installed:
 * `--target sql` compiles with kysely, which listql does not depend on.
 *
 * @example
 * try { await explain(leads, 'status=won', options); }
 * catch (err) { if (err instanceof MissingPeerError) console.error(err.message); }
 */
export class MissingPeerError extends Error {
  override readonly name = 'MissingPeerError';
  /** The missing package, as `npm install` takes it. */
  readonly peer: string;
  constructor(peer: string, needed: string, options?: ErrorOptions) {
    super(
      `${needed} needs the optional package '${peer}', which is not installed here. Install it with: npm install ${peer}`,
      options,
    );
    this.peer = peer;
  }
}

/** True when `err` is Node's "cannot find package `name`" from an import. */
function isMissingPackage(err: unknown, name: string): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    err.message.includes(`'${name}'`)
  );
}

/** compile-sql.js, which imports kysely: loaded only when SQL is asked for. */
async function loadCompileSql(): Promise<typeof import('./compile-sql.js')> {
  try {
    return await import('./compile-sql.js');
  } catch (err) {
    if (isMissingPackage(err, 'kysely'))
      throw new MissingPeerError('kysely', 'SQL output', { cause: err });
    throw err;
  }
}

/**
 * JSON with MongoDB values made visible: a `Date` prints as `{ "$date": … }`
 * (Extended JSON), so it is not mistaken for a string.
 */
function mongoJson(value: unknown): string {
  const extended = JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
  return compactJson(JSON.parse(extended));
}

/**
 * What the user typed, as a query string: `?a=1`, `a=1`, or a URL or path with a query.
 *
 * @example
 * queryTextOf('/leads?status=won#top'); // 'status=won'
 */
export function queryTextOf(input: string): string {
  if (/^(https?:\/\/|\/)/i.test(input)) {
    const start = input.indexOf('?');
    return start === -1 ? '' : input.slice(start + 1).split('#', 1)[0]!;
  }
  return input.startsWith('?') ? input.slice(1) : input;
}

function sqlSection(
  label: string,
  statement: { sql: string; parameters: readonly unknown[] },
): string {
  return `-- ${label}\n${statement.sql};\n-- parameters: ${JSON.stringify(statement.parameters)}`;
}

/**
 * Explains a list query: its AST, the SQL it runs (page and count, with
 * parameters) on a dialect, and the MongoDB filter and pipelines. An invalid
 * query yields the 400 envelope the HTTP layer would answer with. Without
 * kysely installed, `target: 'sql'` throws a {@link MissingPeerError} and
 * `target: 'all'` shows that error's message in place of the SQL.
 *
 * @example
 * const result = await explain(leads, 'status=won&sort=value:desc', {
 *   dialect: 'postgres', target: 'sql', table: 'leads',
 * });
 * if (result.ok) console.log(result.text);
 */
export async function explain<F extends string>(
  resource: Resource<F>,
  input: string,
  options: ExplainOptions,
): Promise<ExplainResult> {
  const parsed = safeParseListQuery(resource, queryTextOf(input));
  if (!parsed.success) {
    const meta = { requestId: newRequestId(), timestamp: new Date().toISOString() };
    return { ok: false, envelope: issuesEnvelope(parsed.issues, meta) };
  }
  const { query } = parsed;
  const { target } = options;
  const sections: string[] = [];
  const heading = (title: string, body: string): void => {
    sections.push(target === 'all' ? `# ${title}\n${body}` : body);
  };
  if (target === 'ast' || target === 'all') heading('AST', compactJson(query));
  if (target === 'sql' || target === 'all') {
    const title = `SQL (${options.dialect})`;
    try {
      // Loaded here: kysely is an optional peer, needed only for SQL.
      const { compileListSql } = await loadCompileSql();
      const sql = compileListSql(resource, query, options.dialect, options.table);
      const sections = [sqlSection('page', sql.page), sqlSection('count', sql.count)];
      for (const [name, statement] of Object.entries(sql.embeds)) {
        sections.push(sqlSection(`embed ${name} (one query for the whole page)`, statement));
      }
      heading(title, sections.join('\n\n'));
    } catch (err) {
      // Asked for everything, show what can be shown and say what is missing.
      if (!(err instanceof MissingPeerError) || target !== 'all') throw err;
      heading(title, `-- ${err.message}`);
    }
  }
  if (target === 'mongo' || target === 'all') {
    // `find` arguments exist too (compileMongo), but repeat the filter a fourth time.
    const { filter, pipeline, countPipeline, collation } = compileMongo(resource, query);
    heading('MongoDB', mongoJson({ filter, pipeline, countPipeline, collation }));
  }
  return { ok: true, text: sections.join('\n\n') };
}
