/**
 * The in-memory backend against a hand-written baseline, mingo and sift on
 * 100,000 synthetic leads. Every candidate does a full run: filter, count,
 * sort, take the first page. listql also parses the query string and
 * compiles it on every run. All candidates are checked to return the same ids
 * and total before anything is timed.
 *
 * Two datasets: the generator's leads (dates as ISO strings, the API form),
 * and the same leads with dates as `Date` objects (as database drivers return
 * them). A last table times listql again after the process has run 200 other
 * query shapes, as a server would have: V8's per-site property caches are
 * then megamorphic, which a one-shape benchmark never shows. Each of the
 * three parts runs in a fresh process, so that none inherits the type
 * feedback of another.
 *
 * Run: npm run bench:memory
 * Options: --rows=100000 --iterations=60 --warmup=15 --seed=42 --part=iso|dates|shapes
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import fc from 'fast-check';
import { Query } from 'mingo';
import siftModule from 'sift';
import { runInMemory } from '../src/backends/memory/index.js';
import { leads, parseListQuery } from '../src/index.js';
import { listQueryArbitrary } from '../src/testing/index.js';
import { generateLeads, type SyntheticLead } from './support/synthetic-leads.js';

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
}

const ROWS = option('rows', 100_000);
const ITERATIONS = option('iterations', 60);
const WARMUP = option('warmup', 15);
const SEED = option('seed', 42);
const LIMIT = 50;
// sift is CommonJS; under NodeNext its default export is the module object.
const sift = siftModule.default;

const QUERY =
  'status=won,lost&value[gte]=100&createdAt[gte]=2026-01-01&gclid[exists]=true&sort=createdAt:desc&limit=50';
const SEARCH_QUERY = `${QUERY}&search=john`;
const FROM_ISO = '2026-01-01T00:00:00.000Z';
const FROM_MS = Date.parse(FROM_ISO);

/** A lead whose dates are `Date` objects. */
type DatedLead = Omit<SyntheticLead, 'createdAt'> & { createdAt: Date };

interface RunResult {
  readonly ids: readonly string[];
  readonly total: number | null;
}

type Candidate<R> = (rows: R[]) => RunResult;

/** The first page of `matches` in `order`, and their count. */
function firstPage<R extends { id: string }>(matches: R[], order: (a: R, b: R) => number) {
  const page = matches.sort(order).slice(0, LIMIT);
  return { ids: page.map((row) => row.id), total: matches.length };
}

/** `createdAt` descending, then `id` descending: the query's sort, tie-breaker included. */
function isoOrder(a: SyntheticLead, b: SyntheticLead): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function dateOrder(a: DatedLead, b: DatedLead): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function hasJohn(r: { name: string | null; email: string | null; phone: string | null }): boolean {
  return (
    (r.name?.toLowerCase().includes('john') ?? false) ||
    (r.email?.toLowerCase().includes('john') ?? false) ||
    (r.phone?.toLowerCase().includes('john') ?? false)
  );
}

/** What a developer would write by hand for each query, with no library. */
const handWritten = {
  iso: (rows: SyntheticLead[]) =>
    firstPage(
      rows.filter(
        (r) =>
          (r.status === 'won' || r.status === 'lost') &&
          r.value !== null &&
          r.value >= 100 &&
          r.createdAt >= FROM_ISO &&
          r.gclid !== null,
      ),
      isoOrder,
    ),
  isoSearch: (rows: SyntheticLead[]) =>
    firstPage(
      rows.filter(
        (r) =>
          (r.status === 'won' || r.status === 'lost') &&
          r.value !== null &&
          r.value >= 100 &&
          r.createdAt >= FROM_ISO &&
          r.gclid !== null &&
          hasJohn(r),
      ),
      isoOrder,
    ),
  date: (rows: DatedLead[]) =>
    firstPage(
      rows.filter(
        (r) =>
          (r.status === 'won' || r.status === 'lost') &&
          r.value !== null &&
          r.value >= 100 &&
          r.createdAt.getTime() >= FROM_MS &&
          r.gclid !== null,
      ),
      dateOrder,
    ),
  dateSearch: (rows: DatedLead[]) =>
    firstPage(
      rows.filter(
        (r) =>
          (r.status === 'won' || r.status === 'lost') &&
          r.value !== null &&
          r.value >= 100 &&
          r.createdAt.getTime() >= FROM_MS &&
          r.gclid !== null &&
          hasJohn(r),
      ),
      dateOrder,
    ),
};

/** The query for mingo and sift. Canonical ISO strings order like the instants they name. */
function mongoQuery(from: string | Date, search: boolean): Record<string, unknown> {
  return {
    status: { $in: ['won', 'lost'] },
    value: { $gte: 100 },
    createdAt: { $gte: from },
    gclid: { $ne: null },
    ...(search && {
      $or: ['name', 'email', 'phone'].map((field) => ({
        [field]: { $regex: 'john', $options: 'i' },
      })),
    }),
  };
}

function listql(queryString: string): Candidate<object> {
  return (rows) => {
    const { data, total } = runInMemory(leads, parseListQuery(leads, queryString), rows);
    return { ids: data.map((row) => row['id'] as string), total };
  };
}

function mingo<R extends { id: string }>(
  query: Record<string, unknown>,
  order: (a: R, b: R) => number,
) {
  return (rows: R[]): RunResult => {
    const compiled = new Query(query);
    return firstPage(
      rows.filter((row) => compiled.test(row as unknown as Record<string, unknown>)),
      order,
    );
  };
}

function siftCandidate<R extends { id: string }>(
  query: Record<string, unknown>,
  order: (a: R, b: R) => number,
) {
  return (rows: R[]): RunResult => firstPage(rows.filter(sift(query)), order);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function checkSameResults(name: string, runs: [string, RunResult][]): void {
  const [[referenceName, reference], ...others] = runs as [
    [string, RunResult],
    ...[string, RunResult][],
  ];
  for (const [candidate, result] of others) {
    const same =
      result.total === reference.total &&
      result.ids.length === reference.ids.length &&
      result.ids.every((id, i) => id === reference.ids[i]);
    if (!same)
      throw new Error(`${name}: ${candidate} disagrees with ${referenceName}; not timing it`);
  }
}

/** Times interleaved rounds of every contender; returns the median ms of each. */
function time<R>(contenders: [string, Candidate<R>][], rows: R[]): [string, number][] {
  const samples = contenders.map((): number[] => []);
  for (let round = 0; round < WARMUP + ITERATIONS; round++) {
    // Interleaved rounds: drift on a shared machine hits every candidate alike.
    contenders.forEach(([, run], i) => {
      const start = performance.now();
      run(rows);
      const elapsed = performance.now() - start;
      if (round >= WARMUP) samples[i]!.push(elapsed);
    });
  }
  return contenders.map(([name], i) => [name, median(samples[i]!)]);
}

/** Checks, times and prints one table; the first contender is the baseline, the second listql. */
function bench<R>(title: string, contenders: [string, Candidate<R>][], rows: R[]): void {
  const results = contenders.map(([name, run]): [string, RunResult] => [name, run(rows)]);
  checkSameResults(title, results);
  const medians = time(contenders, rows);
  const baseline = medians[0]![1];
  const ours = medians[1]![1];
  const { total, ids } = results[0]![1];
  console.log(`\n${title}\n${total} matches, first page of ${ids.length}\n`);
  console.log('| candidate | median ms | × hand-written | × listql |');
  console.log('|---|---:|---:|---:|');
  for (const [name, ms] of medians) {
    const cells = [ms.toFixed(2), (ms / baseline).toFixed(2), (ms / ours).toFixed(2)];
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

/** Runs many different query shapes over a few rows, as a long-running server would. */
function warmWithOtherShapes(rows: object[]): void {
  const shapes = fc.sample(listQueryArbitrary(leads), { numRuns: 200, seed: SEED });
  for (const query of shapes) runInMemory(leads, query, rows.slice(0, 2_000));
}

const PARTS = {
  /** The generator's leads, dates as ISO strings. */
  iso(): void {
    const rows = generateLeads(ROWS, SEED);
    bench(
      `${QUERY} (dates as ISO strings)`,
      [
        ['hand-written', handWritten.iso],
        ['listql runInMemory', listql(QUERY)],
        ['mingo', mingo(mongoQuery(FROM_ISO, false), isoOrder)],
        ['sift', siftCandidate(mongoQuery(FROM_ISO, false), isoOrder)],
      ],
      rows,
    );
    bench(
      `${SEARCH_QUERY} (dates as ISO strings)`,
      [
        ['hand-written', handWritten.isoSearch],
        ['listql runInMemory', listql(SEARCH_QUERY)],
        ['mingo', mingo(mongoQuery(FROM_ISO, true), isoOrder)],
        ['sift', siftCandidate(mongoQuery(FROM_ISO, true), isoOrder)],
      ],
      rows,
    );
  },
  /** The same leads with `createdAt` as a `Date`. */
  dates(): void {
    const rows: DatedLead[] = generateLeads(ROWS, SEED).map((lead) => ({
      ...lead,
      createdAt: new Date(lead.createdAt),
    }));
    const from = new Date(FROM_ISO);
    bench(
      `${QUERY} (dates as Date objects)`,
      [
        ['hand-written', handWritten.date],
        ['listql runInMemory', listql(QUERY)],
        ['mingo', mingo(mongoQuery(from, false), dateOrder)],
        ['sift', siftCandidate(mongoQuery(from, false), dateOrder)],
      ],
      rows,
    );
    bench(
      `${SEARCH_QUERY} (dates as Date objects)`,
      [
        ['hand-written', handWritten.dateSearch],
        ['listql runInMemory', listql(SEARCH_QUERY)],
        ['mingo', mingo(mongoQuery(from, true), dateOrder)],
        ['sift', siftCandidate(mongoQuery(from, true), dateOrder)],
      ],
      rows,
    );
  },
  /** ISO leads again, after listql has run 200 other query shapes in this process. */
  shapes(): void {
    const rows = generateLeads(ROWS, SEED);
    warmWithOtherShapes(rows);
    bench(
      `${QUERY} (dates as ISO strings), after 200 other query shapes`,
      [
        ['hand-written', handWritten.iso],
        ['listql runInMemory', listql(QUERY)],
      ],
      rows,
    );
  },
};

const part = process.argv.find((a) => a.startsWith('--part='))?.slice('--part='.length);
if (part === undefined) {
  console.log(
    `${ROWS.toLocaleString('en')} leads (seed ${SEED}); medians of ${ITERATIONS} interleaved runs ` +
      `after ${WARMUP} warm-up runs\n${cpus()[0]?.model ?? 'unknown CPU'}, ` +
      `${availableParallelism()} CPUs, node ${process.version}`,
  );
  // Each part in a fresh process with the same runtime flags (tsx's loader included).
  const args = process.argv.slice(2);
  for (const name of Object.keys(PARTS)) {
    execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, ...args, `--part=${name}`],
      { stdio: 'inherit' },
    );
  }
} else if (part in PARTS) {
  PARTS[part as keyof typeof PARTS]();
} else {
  throw new Error(`--part must be one of ${Object.keys(PARTS).join(', ')}`);
}
