import { parseArgs } from 'node:util';
import { bannerLines } from './banner.js';
import { DataFileError } from './data-file.js';
import { DEFAULT_ROWS, type DemoOptions, type RunningDemo, startDemo } from './start-demo.js';
import { DEMO_BACKENDS, type DemoBackendName } from './stores/types.js';

/** Where the demo writes: `out` for the banner, `err` for problems. */
export interface DemoIo {
  out(line: string): void;
  err(line: string): void;
  /** Seeding progress; a terminal can redraw one line. Default: `out`. */
  progress?(line: string): void;
}

/** Exit status for a bad command line or a bad data file. @example process.exit(USAGE_ERROR); */
export const USAGE_ERROR = 2;
/** Exit status when the demo could not start for another reason (port taken, database down). @example process.exit(START_ERROR); */
export const START_ERROR = 1;

/** The help text of `npm run demo`. @example console.log(DEMO_USAGE); */
export const DEMO_USAGE = `Usage: npm run demo -- [options]

Serves GET /leads, GET /openapi.json, the explorer page (GET /) and the API
reference (GET /docs) on http://127.0.0.1:<port>.

Options:
  --port N          TCP port (default 3000; 0 = any free port)
  --host ADDRESS    interface to listen on (default 127.0.0.1)
  --api-key KEY     the accepted X-API-KEY (default: a fixed demo key, printed at start)
  --backend NAME    ${DEMO_BACKENDS.join(' | ')} (default sqlite)
  --data FILE       newline-delimited JSON, one lead per line, instead of synthetic leads
  --rows N          how many synthetic leads (default ${DEFAULT_ROWS.toLocaleString('en-US')})
  --data-dir DIR    where SQLite and PGlite keep the synthetic dataset (default .demo-data)
  --help            this text

postgres and mysql connect with PG_* / MYSQL_* (host, port, user, password,
database; see docs/http.md) and use a fresh table, dropped on exit.`;

class UsageError extends Error {}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got '${text}'`);
  }
  return value;
}

/**
 * Reads the demo's command line into {@link DemoOptions}; throws on anything
 * it does not understand.
 *
 * @example
 * parseDemoArgs(['--port', '0', '--backend', 'memory']); // { port: 0, backend: 'memory' }
 */
export function parseDemoArgs(argv: readonly string[]): DemoOptions | 'help' {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const options: { -readonly [K in keyof DemoOptions]: DemoOptions[K] } = {};
  if (values.port !== undefined) options.port = integer('port', values.port, 0, 65_535);
  if (values.host !== undefined) options.host = values.host;
  if (values['api-key'] !== undefined) {
    if (values['api-key'] === '') throw new UsageError('--api-key must not be empty');
    options.apiKey = values['api-key'];
  }
  if (values.backend !== undefined) {
    if (!(DEMO_BACKENDS as readonly string[]).includes(values.backend)) {
      throw new UsageError(
        `--backend must be one of ${DEMO_BACKENDS.join(', ')}, got '${values.backend}'`,
      );
    }
    options.backend = values.backend as DemoBackendName;
  }
  if (values.data !== undefined && values.rows !== undefined) {
    throw new UsageError('--rows sets the number of synthetic leads; it does not go with --data');
  }
  if (values.data !== undefined) options.dataFile = values.data;
  if (values['data-dir'] !== undefined) options.dataDir = values['data-dir'];
  if (values.rows !== undefined) options.rows = integer('rows', values.rows, 0, 10_000_000);
  return options;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      backend: { type: 'string' },
      data: { type: 'string' },
      rows: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
}

/**
 * The demo's command: parses `argv`, starts the demo and prints the banner.
 * Returns the running demo, or the exit status when it did not start (the
 * reason is written to `io.err`).
 *
 * @example
 * const result = await runDemoCli(['--port', '0'], { out: console.log, err: console.error });
 * if (typeof result !== 'number') await result.close();
 */
export async function runDemoCli(
  argv: readonly string[],
  io: DemoIo,
): Promise<RunningDemo | number> {
  let options: DemoOptions | 'help';
  try {
    options = parseDemoArgs(argv);
  } catch (err) {
    io.err(`listql demo: ${(err as Error).message}\n\n${DEMO_USAGE}`);
    return USAGE_ERROR;
  }
  if (options === 'help') {
    io.out(DEMO_USAGE);
    return 0;
  }
  try {
    const progress = io.progress ? (line: string) => io.progress?.(line) : io.out;
    const demo = await startDemo({ ...options, log: io.out, progress });
    for (const line of bannerLines(demo)) io.out(line);
    return demo;
  } catch (err) {
    if (err instanceof DataFileError) {
      io.err(`listql demo: ${err.message}. Nothing was loaded.`);
      return USAGE_ERROR;
    }
    io.err(`listql demo: could not start: ${(err as Error).message}`);
    return START_ERROR;
  }
}
