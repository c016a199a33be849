/**
 * The whole benchmark suite: parsing, the in-memory backend, Kysely query
 * building, and (unless --quick) the 1 M-row SQL runs, HTTP, relations and
 * sharded PostgreSQL. Each part's measurements are saved in
 * docs/benchmarks.json with the run that made them; the generated part of
 * docs/benchmarks.md and docs/benchmarks.svg are rendered from the latest run
 * of every part, so one part can be measured again alone.
 *
 *   npm run bench                      # everything; about 40 minutes at 1 M rows
 *   npm run bench -- --quick           # fewer rounds, no 1 M-row parts; a few minutes
 *   npm run bench -- --only=scale      # one part (or several: --only=build,http); the rest from benchmarks.json
 *   npm run bench -- --rows=200000     # the scale and relations parts on fewer rows
 *   npm run bench -- --dialects=sqlite # the database parts on SQLite only (default sqlite,postgres,mysql)
 *   npm run bench -- --no-write        # print the report instead of writing the docs
 *   npm run bench -- --http-rows=20000 --http-seconds=1 --http-rounds=1  # a smaller HTTP part
 *   npm run bench -- --shard-rows=510000  # the sharded PostgreSQL part on this many rows
 *
 * Parts: parse, memory, build, scale, http, relations, shard.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BUILD_QUERY, benchBuild } from './build.bench.js';
import { renderChart } from './chart.js';
import { benchHttp } from './http.bench.js';
import { runMemoryBench } from './memory-output.js';
import { benchParse, PARSE_QUERIES } from './parse.bench.js';
import { benchRelations } from './relations.bench.js';
import { chartBars, renderReport, spliceReport, suiteResults } from './report.js';
import { benchScale } from './scale.bench.js';
import { benchShard } from './shard.bench.js';
import { describeMachine } from './support/machine.js';
import {
  loadNow,
  missingParts,
  PARTS,
  type PartName,
  type PartRun,
  readResults,
  type SavedPart,
  writeResults,
} from './support/results-file.js';

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

const quick = process.argv.includes('--quick');
const write = !process.argv.includes('--no-write');
const rows = Number(flag('rows') ?? 1_000_000);
const dialects = (flag('dialects') ?? 'sqlite,postgres,mysql').split(',');
const log = (line: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** The HTTP part's options: smaller in quick mode. */
const httpOptions = {
  rows: Number(flag('http-rows') ?? (quick ? 20_000 : 100_000)),
  // The HTTP part has SQLite, PostgreSQL and MySQL/MariaDB servers.
  dialects: dialects.filter((d) => d === 'sqlite' || d === 'postgres' || d === 'mysql'),
  seconds: Number(flag('http-seconds') ?? (quick ? 1 : 3)),
  rounds: Number(flag('http-rounds') ?? (quick ? 1 : 3)),
  log,
};

/** Runs one part; its result and run are saved under its name. */
type PartRunner = () => Promise<unknown>;

const shardRows = Number(flag('shard-rows') ?? 510_000);
const runners: Record<PartName, PartRunner> = {
  parse: async () => ({ rows: benchParse(quick), queries: PARSE_QUERIES }),
  memory: async () => {
    log('in-memory backend (bench/memory.bench.ts, child processes)');
    const args = quick ? ['--rows=20000', '--iterations=15', '--warmup=5'] : [];
    return { result: runMemoryBench(args), args };
  },
  build: async () => ({ ...(await benchBuild(quick)), query: BUILD_QUERY }),
  scale: async () => {
    log(`scale: ${rows.toLocaleString('en')} leads on ${dialects.join(', ')}`);
    return { rows, engines: await benchScale({ rows, dialects, log }) };
  },
  http: async () => {
    log(
      `http: ${httpOptions.rows.toLocaleString('en')} leads on ${httpOptions.dialects.join(', ')}`,
    );
    return benchHttp(httpOptions);
  },
  relations: async () => {
    // The issue's relation targets are for SQLite and PostgreSQL.
    const relationDialects = dialects.filter((d) => d === 'sqlite' || d === 'postgres');
    log(`relations: ${rows.toLocaleString('en')} leads on ${relationDialects.join(', ')}`);
    return { rows, engines: await benchRelations({ rows, dialects: relationDialects, log }) };
  },
  shard: async () => {
    log(`shard: ${shardRows.toLocaleString('en')} leads on a sharded PostgreSQL (postgres_fdw)`);
    return benchShard({ rows: shardRows, log });
  },
};

/** The parts this run measures: `--only=a,b`, or all of them (quick mode: no 1 M-row loads). */
function partsToRun(): PartName[] {
  const only = flag('only');
  if (only === undefined) {
    return quick
      ? PARTS.filter((p) => p !== 'scale' && p !== 'relations' && p !== 'shard')
      : [...PARTS];
  }
  const names = only.split(',');
  for (const name of names) {
    if (!(PARTS as readonly string[]).includes(name)) {
      throw new Error(`--only=${only}: unknown part '${name}' (parts: ${PARTS.join(', ')})`);
    }
  }
  return PARTS.filter((p) => names.includes(p));
}

type ScalePart = { rows: number; engines: { engine: string }[] };

/**
 * The scale part measured on some dialects only (`--dialects=mysql`) keeps
 * the saved engines of the others, when they were measured on as many rows;
 * its command then names both runs.
 */
function mergeScale(previous: SavedPart | undefined, fresh: SavedPart): SavedPart {
  const old = previous?.result as ScalePart | undefined;
  const now = fresh.result as ScalePart;
  if (old === undefined || old.rows !== now.rows) return fresh;
  const product = (engine: { engine: string }) => engine.engine.split(' ')[0];
  const measured = new Set(now.engines.map(product));
  const kept = old.engines.filter((engine) => !measured.has(product(engine)));
  if (kept.length === 0) return fresh;
  const again = [...measured].join(', ');
  return {
    run: {
      ...fresh.run,
      command: `${previous!.run.command} (${previous!.run.startedAt.slice(0, 16)}); ${again} again: ${fresh.run.command}`,
      durationSeconds: previous!.run.durationSeconds + fresh.run.durationSeconds,
      load: [
        Math.max(previous!.run.load[0], fresh.run.load[0]),
        Math.max(previous!.run.load[1], fresh.run.load[1]),
      ],
    },
    // Report order: SQLite, PostgreSQL, MariaDB, as the runs load them.
    result: {
      rows: now.rows,
      engines: [...kept, ...now.engines].sort((a, b) => order(a) - order(b)),
    },
  };
}

const ENGINE_ORDER = ['SQLite', 'PostgreSQL', 'MariaDB', 'MySQL'];
function order(engine: { engine: string }): number {
  const at = ENGINE_ORDER.indexOf(engine.engine.split(' ')[0]!);
  return at === -1 ? ENGINE_ORDER.length : at;
}

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const resultsFile = `${docs}benchmarks.json`;
const saved = readResults(resultsFile);
const parts: Partial<Record<PartName, SavedPart>> = { ...saved.parts };
const args = process.argv.slice(2).filter((arg) => arg !== '--no-write');
const command = `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
for (const name of partsToRun()) {
  log(name);
  const startedAt = new Date().toISOString();
  const loadBefore = loadNow();
  const started = performance.now();
  const result = await runners[name]();
  const run: PartRun = {
    command,
    startedAt,
    durationSeconds: (performance.now() - started) / 1000,
    load: [loadBefore, loadNow()],
    quick,
    machine: describeMachine(),
  };
  parts[name] = name === 'scale' ? mergeScale(parts.scale, { run, result }) : { run, result };
  // Saved after each part, so a long run that stops keeps what it measured.
  if (write) writeResults(resultsFile, { version: 1, parts });
}

const missing = missingParts({ version: 1, parts });
if (missing.length > 0) {
  log(
    `not rendered: docs/benchmarks.json has no ${missing.join(', ')} part yet; run \`npm run bench -- --only=${missing.join(',')}\``,
  );
  process.exit(write ? 0 : 1);
}
const results = suiteResults(parts as Record<PartName, SavedPart>);
const report = renderReport(results);
const chart = renderChart('listql benchmarks: headline ratios', chartBars(results));
if (write) {
  const file = `${docs}benchmarks.md`;
  writeFileSync(file, spliceReport(readFileSync(file, 'utf8'), report));
  writeFileSync(`${docs}benchmarks.svg`, chart);
  log(`wrote ${file}, benchmarks.svg and benchmarks.json`);
} else {
  console.log(report);
}
