/**
 * The `listql` command line: `listql explain '<query string>'`.
 *
 * @example
 * import { explain } from './src/cli/index.js';
 * const result = await explain(leads, 'status=won', { dialect: 'sqlite', target: 'sql', table: 'leads' });
 */
export { compactJson } from './compact-json.js';
export {
  type CompiledListSql,
  type CompiledStatement,
  compileListSql,
  PAGE_KEYS,
} from './compile-sql.js';
export { EXPLAIN_DIALECTS, type ExplainDialect } from './dialects.js';
export {
  EXPLAIN_TARGETS,
  type ExplainOptions,
  type ExplainResult,
  type ExplainTarget,
  explain,
  MissingPeerError,
  queryTextOf,
} from './explain.js';
export { CLI_USAGE, type CliIo, INVALID_INPUT, runCli } from './run-cli.js';
