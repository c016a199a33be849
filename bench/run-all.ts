/**
 * The whole benchmark suite: parsing, the in-memory backend, Kysely query
 * building, and (unless --quick) the 1 M-row SQL runs; writes
 * docs/benchmarks.md (its generated part) and docs/benchmarks.svg.
 *
 *   npm run bench                      # everything; several minutes
 *   npm run bench -- --quick           # fewer rounds, no 1 M-row loads; about a minute
 *   npm run bench -- --rows=200000     # the scale part on fewer rows
 *   npm run bench -- --dialects=sqlite # the scale part on SQLite only (default sqlite,postgres,mysql)
 *   npm run bench -- --no-write        # print the report instead of writing the docs
 *   npm run bench -- --only=http       # only the HTTP part (bench/http.bench.ts), spliced into the docs
 *   npm run bench -- --http-rows=20000 --http-seconds=1 --http-rounds=1  # a smaller HTTP part
 *   npm run bench -- --shard-rows=510000  # the sharded PostgreSQL part on this many rows
 *   npm run bench -- --only=shard      # only the sharded PostgreSQL part, rewriting only its section
 *   npm run bench -- --only=relations  # only the relations part (SQLite, PostgreSQL), rewriting only its section
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BUILD_QUERY, benchBuild } from './build.bench.js';
import { renderChart } from './chart.js';
import { benchHttp } from './http.bench.js';
import { renderHttpSection, spliceHttpSection } from './http-report.js';
import { runMemoryBench } from './memory-output.js';
import { benchParse, PARSE_QUERIES } from './parse.bench.js';
import { benchRelations } from './relations.bench.js';
import { RELATIONS_BEGIN, RELATIONS_END, relationsSection } from './relations-report.js';
import { chartBars, END, renderReport, type SuiteResults, spliceReport } from './report.js';
import { benchScale } from './scale.bench.js';
import { benchShard } from './shard.bench.js';
import { shardSection, spliceShardSection } from './shard-report.js';
import { describeMachine } from './support/machine.js';
import { spliceSection } from './support/splice-section.js';

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

if (flag('only') === 'http') {
  log(`http: ${httpOptions.rows.toLocaleString('en')} leads on ${httpOptions.dialects.join(', ')}`);
  const http = await benchHttp(httpOptions);
  // The measurements themselves, to render the section again without rerunning.
  const saved = process.env['LISTQL_HTTP_RESULT'];
  if (saved) writeFileSync(saved, JSON.stringify(http));
  const section = renderHttpSection(http);
  if (write) {
    const file = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
    writeFileSync(file, spliceHttpSection(readFileSync(file, 'utf8'), section, END));
    log(`wrote the HTTP part of ${file}`);
  } else {
    console.log(section);
  }
  process.exit(0);
}

if (flag('only') === 'relations') {
  // One part alone: only its own section of docs/benchmarks.md is rewritten.
  const relationDialects = dialects.filter((d) => d === 'sqlite' || d === 'postgres');
  log(`relations: ${rows.toLocaleString('en')} leads on ${relationDialects.join(', ')}`);
  const engines = await benchRelations({ rows, dialects: relationDialects, log });
  const section = relationsSection({ rows, engines }).join('\n');
  const file = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  const spliced = write
    ? spliceSection(readFileSync(file, 'utf8'), section, RELATIONS_BEGIN, RELATIONS_END, END)
    : undefined;
  if (spliced === undefined) console.log(section);
  else {
    writeFileSync(file, spliced);
    log(`wrote the relations section of ${file}`);
  }
  process.exit(0);
}

const shardRows = Number(flag('shard-rows') ?? 510_000);
if (flag('only') === 'shard') {
  // One part alone: only its own section of docs/benchmarks.md is rewritten.
  const shard = await benchShard({ rows: shardRows, log });
  if (shard === null) {
    console.log('sharded PostgreSQL: skipped (see the warning above)');
    process.exit(0);
  }
  const section = shardSection(shard).join('\n');
  const file = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  const spliced = write ? spliceShardSection(readFileSync(file, 'utf8'), section, END) : undefined;
  if (spliced === undefined) console.log(section);
  else {
    writeFileSync(file, spliced);
    log(`wrote the sharded section of ${file}`);
  }
  process.exit(0);
}

const startedAt = new Date();
const started = performance.now();
log('parsing');
const parse = benchParse(quick);
log('in-memory backend (bench/memory.bench.ts, child processes)');
const memoryArgs = quick ? ['--rows=20000', '--iterations=15', '--warmup=5'] : [];
const memory = runMemoryBench(memoryArgs);
log('Kysely query building');
const build = await benchBuild(quick);
let scale: SuiteResults['scale'] = null;
if (!quick) {
  log(`scale: ${rows.toLocaleString('en')} leads on ${dialects.join(', ')}`);
  scale = { rows, engines: await benchScale({ rows, dialects, log }) };
}
log(`http: ${httpOptions.rows.toLocaleString('en')} leads on ${httpOptions.dialects.join(', ')}`);
const http = await benchHttp(httpOptions);
let relations: SuiteResults['relations'] = null;
if (!quick) {
  // The issue's relation targets are for SQLite and PostgreSQL.
  const relationDialects = dialects.filter((d) => d === 'sqlite' || d === 'postgres');
  log(`relations: ${rows.toLocaleString('en')} leads on ${relationDialects.join(', ')}`);
  relations = { rows, engines: await benchRelations({ rows, dialects: relationDialects, log }) };
}
let shard: SuiteResults['shard'] = null;
if (!quick) {
  log(`shard: ${shardRows.toLocaleString('en')} leads on a sharded PostgreSQL (postgres_fdw)`);
  shard = await benchShard({ rows: shardRows, log });
}

const args = process.argv.slice(2).filter((arg) => arg !== '--no-write');
const results: SuiteResults = {
  command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
  startedAt,
  durationSeconds: (performance.now() - started) / 1000,
  machine: describeMachine(),
  quick,
  parse,
  parseQueries: PARSE_QUERIES,
  memory,
  memoryArgs,
  build: { ...build, query: BUILD_QUERY },
  scale,
  http,
  relations,
  shard,
};
const report = renderReport(results);
const chart = renderChart('listql benchmarks: headline ratios', chartBars(results));
if (write) {
  const docs = fileURLToPath(new URL('../docs/', import.meta.url));
  const file = `${docs}benchmarks.md`;
  writeFileSync(file, spliceReport(readFileSync(file, 'utf8'), report));
  writeFileSync(`${docs}benchmarks.svg`, chart);
  log(`wrote ${file} and benchmarks.svg`);
} else {
  console.log(report);
}
