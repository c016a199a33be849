import { parseArgs } from 'node:util';
import { defineResource, labeledLeads, leads, type Resource } from '../resource/index.js';
import { EXPLAIN_DIALECTS, type ExplainDialect } from './dialects.js';
import { EXPLAIN_TARGETS, type ExplainTarget, explain, MissingPeerError } from './explain.js';

/** Where the CLI writes. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The leads preset with `groups: true`, for `--groups`. */
const groupedLeads = defineResource({ ...leads.definition, groups: true });

/** The resources `--resource` names, as the demo serves them. */
const RESOURCES: Readonly<Record<string, Resource>> = {
  leads: leads as unknown as Resource,
  'labeled-leads': labeledLeads as unknown as Resource,
};
const RESOURCE_NAMES = Object.keys(RESOURCES);

/** Exit status of an invalid query or command line. @example if (status === INVALID_INPUT) … */
export const INVALID_INPUT = 2;

/** The help text of `listql`. @example console.log(CLI_USAGE); */
export const CLI_USAGE = `Usage: listql explain '<query string>' [--dialect postgres|mysql|sqlite] [--target ast|sql|mongo|all] [--resource leads|labeled-leads] [--groups]

Shows what a GET /leads query string becomes: the validated AST, the SQL with
its parameters (compiled offline, no database needed) and the MongoDB filter
and pipelines. The query may be a bare query string, start with '?', or be a
URL or path with one ('/leads?status=won').

Options:
  --dialect NAME   SQL dialect: ${EXPLAIN_DIALECTS.join(', ')} (default postgres)
  --target NAME    what to print: ${EXPLAIN_TARGETS.join(', ')} (default all)
  --table NAME     table name in the SQL (default leads)
  --resource NAME  the resource: ${RESOURCE_NAMES.join(', ')} (default leads);
                   labeled-leads is the leads with relations (label, tags,
                   notes: label.name=VIP, tags.name=vip, sort=label.name,
                   fields=id,label.name,tags.name) and boolean groups
  --groups         leads with boolean groups (or=(…), and=(…)), which the
                   leads preset itself does not accept
  --help           this text

An invalid query prints the error envelope (as GET /leads would answer) on
stderr and exits with status 2. SQL output needs the kysely package (npm
install kysely): without it, --target sql says so and exits with status 2,
and --target all prints that note in place of the SQL.`;

function choice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`--${flag} must be one of ${allowed.join(', ')}, got '${value}'`);
  }
  return value as T;
}

/**
 * The `listql` command: `explain` with its flags, or help. Returns the exit
 * status: 0, or 2 for an invalid query or command line.
 *
 * @example
 * const status = await runCli(['explain', 'status=won', '--target', 'sql'], {
 *   out: (text) => process.stdout.write(`${text}\n`),
 *   err: (text) => process.stderr.write(`${text}\n`),
 * });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: string | undefined;
  let input: string | undefined;
  let dialect: ExplainDialect;
  let target: ExplainTarget;
  let table: string;
  let grouped: boolean;
  let resourceName: string;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        dialect: { type: 'string' },
        target: { type: 'string' },
        table: { type: 'string' },
        groups: { type: 'boolean' },
        resource: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    if (values.help || positionals[0] === 'help') {
      io.out(CLI_USAGE);
      return 0;
    }
    [command, input] = positionals;
    if (command !== 'explain') {
      throw new Error(command === undefined ? 'no command given' : `unknown command '${command}'`);
    }
    if (input === undefined || positionals.length > 2) {
      throw new Error('give exactly one query string, quoted');
    }
    dialect = choice('dialect', values.dialect, EXPLAIN_DIALECTS, 'postgres');
    target = choice('target', values.target, EXPLAIN_TARGETS, 'all');
    table = values.table ?? 'leads';
    grouped = values.groups ?? false;
    resourceName = choice('resource', values.resource, RESOURCE_NAMES, 'leads');
    if (grouped && resourceName !== 'leads') {
      throw new Error(`--groups is for the leads; ${resourceName} has boolean groups already`);
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/.test(table)) {
      throw new Error(`--table must be a plain name or schema.name, got '${table}'`);
    }
  } catch (err) {
    io.err(`listql: ${(err as Error).message}\n\n${CLI_USAGE}`);
    return INVALID_INPUT;
  }
  let result: Awaited<ReturnType<typeof explain>>;
  try {
    const options = { dialect, target, table };
    result = grouped
      ? await explain(groupedLeads, input, options)
      : await explain(RESOURCES[resourceName]!, input, options);
  } catch (err) {
    if (!(err instanceof MissingPeerError)) throw err;
    io.err(`listql: ${err.message}`);
    return INVALID_INPUT;
  }
  if (!result.ok) {
    io.err(JSON.stringify(result.envelope, null, 2));
    return INVALID_INPUT;
  }
  io.out(result.text);
  return 0;
}
