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
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BUILD_QUERY, benchBuild } from './build.bench.js';
import { renderChart } from './chart.js';
import { runMemoryBench } from './memory-output.js';
import { benchParse, PARSE_QUERIES } from './parse.bench.js';
import { benchRelations } from './relations.bench.js';
import { chartBars, renderReport, type SuiteResults, spliceReport } from './report.js';
import { benchScale } from './scale.bench.js';
import { describeMachine } from './support/machine.js';

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
let relations: SuiteResults['relations'] = null;
if (!quick) {
  // The issue's relation targets are for SQLite and PostgreSQL.
  const relationDialects = dialects.filter((d) => d === 'sqlite' || d === 'postgres');
  log(`relations: ${rows.toLocaleString('en')} leads on ${relationDialects.join(', ')}`);
  relations = { rows, engines: await benchRelations({ rows, dialects: relationDialects, log }) };
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
  relations,
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
