import { EXPLAIN_DIALECTS, type ExplainDialect } from '../../cli/dialects.js';
import { explain } from '../../cli/explain.js';
import type { ErrorEnvelope } from '../../http/index.js';
import type { Resource } from '../../resource/index.js';

/** The body of a successful `GET /explain/<endpoint>?query`: what `listql explain` prints, per target. */
export interface ExplainBody {
  readonly success: true;
  readonly ast: string;
  readonly sql: Readonly<Record<ExplainDialect, string>>;
  readonly mongo: string;
}

/**
 * `listql explain` for the page: the AST, the SQL of every dialect and the
 * MongoDB pipelines of one query, each the text the CLI prints with
 * `--target`; an invalid query gives the 400 envelope the list endpoint
 * would answer with. The SQL names the table after the resource.
 *
 * @example
 * const result = await explainAll(demoLeads, 'status=won');
 * if (result.success) console.log(result.sql.sqlite);
 */
export async function explainAll(
  resource: Resource,
  query: string,
): Promise<ExplainBody | ErrorEnvelope> {
  const run = (target: 'ast' | 'sql' | 'mongo', dialect: ExplainDialect = 'postgres') =>
    explain(resource, query, { target, dialect, table: resource.name });
  const ast = await run('ast');
  if (!ast.ok) return ast.envelope;
  const sql = {} as Record<ExplainDialect, string>;
  for (const dialect of EXPLAIN_DIALECTS) {
    const result = await run('sql', dialect);
    if (!result.ok) return result.envelope;
    sql[dialect] = result.text;
  }
  const mongo = await run('mongo');
  if (!mongo.ok) return mongo.envelope;
  return { success: true, ast: ast.text, sql, mongo: mongo.text };
}
