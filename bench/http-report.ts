/**
 * The HTTP part of docs/benchmarks.md (from `bench/http.bench.ts`), between
 * markers of its own so `npm run bench -- --only=http` can replace just it.
 * Pure: no timing, no I/O.
 */

import type { ChartBar } from './chart.js';
import { type HttpBenchResult, type HttpRow, MIN_REQUESTS } from './http.bench.js';
import { CPU_PARTS, type CpuPart } from './support/cpu-profile.js';

export const HTTP_BEGIN = '<!-- begin: http part, `npm run bench -- --only=http` -->';
export const HTTP_END = '<!-- end: http part -->';
/** listql's throughput over the hand-written server's, per shape, concurrency and engine. */
export const HTTP_TARGET = 0.95;

const fmt = (n: number, digits = 2) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (row: HttpRow) => row.ratio;
/** Whether both servers completed enough requests per run for the row to mean anything. */
const measured = (row: HttpRow) =>
  row.handRequests >= MIN_REQUESTS &&
  row.listqlRequests >= MIN_REQUESTS &&
  Number.isFinite(row.ratio);

/** listql's JavaScript per request over the hand-written handler's, database stubbed out. */
export const STUB_TARGET = 1.5;

/** JavaScript of the request itself: everything but the driver, node:http and GC. */
const OWN_PARTS: readonly CpuPart[] = [
  'parse + validate (+ cursor)',
  'build + compile SQL',
  'row reading',
  'envelope + JSON',
  'hand-written handler',
];
const sum = (parts: Readonly<Record<CpuPart, number>>, which: readonly CpuPart[]) =>
  which.reduce((total, part) => total + parts[part], 0);

/**
 * Rows for the targets table: one per engine, the worst ratio of its shapes.
 *
 * @example
 * httpTargets(result).map((t) => t.what);
 */
export function httpTargets(
  http: HttpBenchResult,
): { what: string; measured: string; ok: boolean }[] {
  const engines = [...new Set(http.results.map((row) => row.engine))];
  const stubbed = http.stubbed.map((row) => ({
    what: `${row.dialect}: JavaScript per request (database stubbed out) ≤ ${STUB_TARGET}× the hand-written handler, \`${row.query}\``,
    measured: `${fmt(row.listql / row.hand)}× (${fmt(row.listql, 0)} µs vs ${fmt(row.hand, 0)} µs)`,
    ok: row.listql / row.hand <= STUB_TARGET,
  }));
  return stubbed.concat(
    engines.map((engine) => {
      const all = http.results.filter((row) => row.engine === engine);
      const rows = all.filter(measured);
      const what = `${engine.split(' ')[0]}: over HTTP, listql's throughput ≥ ${HTTP_TARGET}× the hand-written server on every shape at concurrency ${http.connections.join(' and ')}`;
      const unmeasured = all.length - rows.length;
      const note =
        unmeasured === 0 ? '' : `; ${unmeasured} of ${all.length} rows too slow to measure`;
      if (rows.length === 0) return { what, measured: `not measured${note}`, ok: false };
      const worst = rows.reduce((a, b) => (ratio(b) < ratio(a) ? b : a));
      const missed = rows.filter((row) => ratio(row) < HTTP_TARGET).length;
      return {
        what,
        measured: `worst ${fmt(ratio(worst))}× (${worst.shape}, ${worst.connections} connection${worst.connections === 1 ? '' : 's'}); ${missed} of ${rows.length} measured below${note}`,
        ok: missed === 0 && unmeasured === 0,
      };
    }),
  );
}

/**
 * Chart bars: the worst throughput ratio per engine.
 *
 * @example
 * httpBars(result)[0]?.label;
 */
export function httpBars(http: HttpBenchResult): ChartBar[] {
  const engines = [...new Set(http.results.map((row) => row.engine))];
  return engines.map((engine) => ({
    label: `${engine.split(' ')[0]}: HTTP, worst listql ÷ hand-written req/s`,
    value: Math.min(
      ...http.results.filter((row) => row.engine === engine && measured(row)).map(ratio),
    ),
    target: HTTP_TARGET,
    better: 'higher' as const,
  }));
}

/**
 * The markdown of the HTTP part, markers included.
 *
 * @example
 * const markdown = renderHttpSection(result);
 */
export function renderHttpSection(http: HttpBenchResult): string {
  const lines = [
    HTTP_BEGIN,
    '',
    `## End to end over HTTP: ${http.rows.toLocaleString('en')} leads`,
    '',
    "`bench/http.bench.ts`: a server built the way [docs/http.md](http.md) says (`handleListRequest` over `kyselyBackend`, `res.writeHead(…).end(JSON.stringify(body))`; on SQLite the database wrapped in `sqliteStatementCache`; on MySQL/MariaDB a mysql2 pool with `typeCast: mysqlTypeCast` and a UTC session, as [the SQL backend's setup](backends/sql.md) says, the dialect left to `detectSqlDialect`) against a hand-written one (`bench/support/http-hand.ts`: `node:http`, URLSearchParams, SQL text concatenated from the known parameters, better-sqlite3 prepared statements kept by SQL text, or a `pg` or `mysql2` pool of the same size (10), mysql2 with `pool.query` and `timezone: 'Z'`, rows fixed up in place, the same envelope and headers). Each server runs in its own process; autocannon runs in the bench's. Before anything is timed, every shape's bodies are checked equal (request id and timestamp aside; `nextCursor` by the position it carries, since each server signs its cursors with its own fingerprint). Then " +
      `${http.rounds} interleaved round${http.rounds === 1 ? '' : 's'}: each runs every shape at concurrency ${http.connections.join(' and ')} for ${http.seconds} s on both servers, alternating which goes first; the ratio is the median over the rounds of listql's req/s ÷ the hand-written server's in the same round.`,
    '',
    ...http.engines.map((e) => `- ${e.engine}: ${e.loadReport}`),
    '',
    ...httpTargets(http).map(
      (t) => `- Target, ${t.what}: ${t.measured} — **${t.ok ? 'met' : 'missed'}**.`,
    ),
    '',
    '| engine | shape | connections | hand-written req/s | listql req/s | listql ÷ hand-written | p50 ms hand-written / listql |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...http.results.map(
      (row) =>
        `| ${row.engine} | ${row.shape} | ${row.connections} | ${fmt(row.handRps, 1)} | ${fmt(row.listqlRps, 1)} | ${!measured(row) ? `— (${row.handRequests} / ${row.listqlRequests} requests a run: too few)` : ratio(row) >= HTTP_TARGET ? fmt(ratio(row)) : `**${fmt(ratio(row))}**`} | ${fmt(row.handP50, 0)} / ${fmt(row.listqlP50, 0)} |`,
    ),
    '',
    '<details><summary>The query strings</summary>',
    '',
    ...[...new Map(http.results.map((row) => [row.shape, row.query])).entries()].map(
      ([shape, query]) =>
        `- ${shape}: \`${query}\`${shape.startsWith('cursor') ? " and `&cursor=` the first page's `nextCursor`" : ''}`,
    ),
    '',
    '</details>',
    '',
  ];
  if (http.stubbed.length > 0) {
    lines.push(
      '### The JavaScript alone: the database stubbed out',
      '',
      "`bench/http-stub.bench.ts`, in one process: the same two handlers (listql's `handleListRequest` over `kyselyBackend` then `JSON.stringify`; the hand-written handler), each given the rows at once by a stub — a Kysely driver on one side, the handler's store on the other — that answers the page query with fresh copies of 51 rows shaped as each server's real driver returns them (SQLite: ISO text and 0/1 booleans; pg: `Date`s and booleans; mysql2: 0/1 booleans, with `Date`s for the hand-written pool and DATETIME text for listql's, whose `mysqlTypeCast` keeps dates as text) and the count with a total. No socket, no database: parse, build and compile, row reading, envelope and JSON. Bodies checked equal first; interleaved rounds of 100 requests, medians, µs per request:",
      '',
      '| dialect | query | hand-written | listql | listql ÷ hand-written |',
      '|---|---|---:|---:|---:|',
      ...http.stubbed.map(
        (row) =>
          `| ${row.dialect} | \`${row.query}\` | ${fmt(row.hand, 0)} | ${fmt(row.listql, 0)} | ${fmt(row.listql / row.hand)} |`,
      ),
      '',
    );
  }
  if (http.profiles.length > 0) {
    lines.push(
      '### Where the time goes',
      '',
      `A V8 CPU profile of each server (the inspector's \`Profiler\`, what \`--cpu-prof\` records, started and stopped around the load so start-up is left out; sampled every 250 µs) during ${http.profileSeconds} s of \`${http.profiledShape}\` at 10 connections. Each sample is charged to the innermost frame of a known part (a builtin such as \`JSON.stringify\` to the code that called it); CPU µs per request, idle time left out:`,
      '',
      `| part | ${http.profiles.map((p) => `${p.engine.split(' ')[0]} hand-written | ${p.engine.split(' ')[0]} listql`).join(' | ')} |`,
      `|---|${http.profiles.map(() => '---:|---:').join('|')}|`,
      ...CPU_PARTS.map(
        (part) =>
          `| ${part} | ${http.profiles.map((p) => `${fmt(p.hand[part], 0)} | ${fmt(p.listql[part], 0)}`).join(' | ')} |`,
      ),
      `| **the request's own JavaScript** (all but driver, node:http, GC, other) | ${http.profiles.map((p) => `${fmt(sum(p.hand, OWN_PARTS), 0)} | ${fmt(sum(p.listql, OWN_PARTS), 0)}`).join(' | ')} |`,
      `| **total CPU** | ${http.profiles.map((p) => `${fmt(sum(p.hand, CPU_PARTS), 0)} | ${fmt(sum(p.listql, CPU_PARTS), 0)}`).join(' | ')} |`,
      '',
      `The hand-written handler's parsing, SQL text, row fix-ups and \`JSON.stringify\` are one function, so they show as one line. Requests served while profiled: ${http.profiles.map((p) => `${p.engine.split(' ')[0]} ${p.requests.hand} hand-written, ${p.requests.listql} listql`).join('; ')}.`,
      '',
    );
  }
  lines.push(HTTP_END);
  return lines.join('\n');
}
