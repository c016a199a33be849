/**
 * The in-memory backend against a hand-written baseline, mingo and sift on
 * 100,000 synthetic leads. Every candidate does a full run: filter, count,
 * sort, take the first page. listql also parses the query string and
 * compiles it on every run. Results are checked to be equal before timing.
 *
 * Run: npm run bench:memory  (options: --rows=100000 --iterations=60 --seed=42)
 */
import { Query } from 'mingo';
import siftModule from 'sift';
import { runInMemory } from '../src/backends/memory/index.js';
import { leads, parseListQuery } from '../src/index.js';
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

const BASE_QUERY =
  'status=won,lost&value[gte]=100&createdAt[gte]=2026-01-01&gclid[exists]=true&sort=createdAt:desc&limit=50';
const CREATED_FROM = '2026-01-01T00:00:00.000Z';

interface RunResult {
  readonly ids: readonly string[];
  readonly total: number;
}

/** `createdAt` descending, then `id` descending: the query's sort, tie-breaker included. */
function byCreatedAtDesc(a: SyntheticLead, b: SyntheticLead): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function firstPage(matches: SyntheticLead[]): RunResult {
  const page = matches.sort(byCreatedAtDesc).slice(0, LIMIT);
  return { ids: page.map((row) => row.id), total: matches.length };
}

function contains(text: string | null, term: string): boolean {
  return text?.toLowerCase().includes(term) ?? false;
}

type Candidate = (rows: SyntheticLead[]) => RunResult;

/** The four contenders for one query; `search` adds `search=<term>`. */
function candidates(search: string | undefined): Record<string, Candidate> {
  const queryString = search === undefined ? BASE_QUERY : `${BASE_QUERY}&search=${search}`;
  const term = search?.toLowerCase() ?? '';
  const mongoQuery = {
    status: { $in: ['won', 'lost'] },
    value: { $gte: 100 },
    // Canonical ISO strings order like the instants they name.
    createdAt: { $gte: CREATED_FROM },
    gclid: { $ne: null },
    ...(search === undefined
      ? {}
      : {
          $or: ['name', 'email', 'phone'].map((field) => ({
            [field]: { $regex: term, $options: 'i' },
          })),
        }),
  };
  return {
    'hand-written': (rows) =>
      firstPage(
        rows.filter(
          (r) =>
            (r.status === 'won' || r.status === 'lost') &&
            r.value !== null &&
            r.value >= 100 &&
            r.createdAt >= CREATED_FROM &&
            r.gclid !== null &&
            (search === undefined ||
              contains(r.name, term) ||
              contains(r.email, term) ||
              contains(r.phone, term)),
        ),
      ),
    'listql runInMemory': (rows) => {
      const query = parseListQuery(leads, queryString);
      const { data, total } = runInMemory(leads, query, rows);
      return { ids: data.map((row) => row.id as string), total };
    },
    mingo: (rows) => {
      const query = new Query(mongoQuery);
      return firstPage(rows.filter((row) => query.test(row as unknown as Record<string, unknown>)));
    },
    sift: (rows) => firstPage(rows.filter(sift(mongoQuery))),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function checkSameResults(name: string, runs: Record<string, RunResult>): void {
  const [reference, ...others] = Object.entries(runs);
  for (const [candidate, result] of others) {
    const same =
      result.total === reference![1].total &&
      result.ids.length === reference![1].ids.length &&
      result.ids.every((id, i) => id === reference![1].ids[i]);
    if (!same) {
      throw new Error(`${name}: ${candidate} disagrees with ${reference![0]}; not timing it`);
    }
  }
}

function bench(name: string, contenders: Record<string, Candidate>, rows: SyntheticLead[]): void {
  const first = Object.fromEntries(
    Object.entries(contenders).map(([candidate, run]) => [candidate, run(rows)]),
  );
  checkSameResults(name, first);
  const sample = Object.values(first)[0]!;
  const times: Record<string, number[]> = Object.fromEntries(
    Object.keys(contenders).map((candidate) => [candidate, []]),
  );
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    // Interleaved rounds: drift on a shared machine hits every candidate alike.
    for (const [candidate, run] of Object.entries(contenders)) {
      const start = performance.now();
      run(rows);
      const elapsed = performance.now() - start;
      if (i >= WARMUP) times[candidate]!.push(elapsed);
    }
  }
  const baseline = median(times['hand-written']!);
  console.log(`\n${name}: ${sample.total} matches, first page of ${sample.ids.length}`);
  console.log('| candidate | median ms | × hand-written |');
  console.log('|---|---:|---:|');
  for (const [candidate, samples] of Object.entries(times)) {
    const ms = median(samples);
    console.log(`| ${candidate} | ${ms.toFixed(2)} | ${(ms / baseline).toFixed(2)} |`);
  }
}

const rows = generateLeads(ROWS, SEED);
console.log(
  `${ROWS} leads (seed ${SEED}), ${ITERATIONS} timed runs after ${WARMUP} warm-up runs, node ${process.version}`,
);
bench(BASE_QUERY, candidates(undefined), rows);
bench(`${BASE_QUERY}&search=john`, candidates('john'), rows);
