/**
 * End to end over HTTP: a server built the way docs/http.md says
 * (`handleListRequest` over `kyselyBackend`) against a hand-written one
 * (`bench/support/http-hand.ts`: node:http, the bare driver, the same
 * envelope), on the same table of synthetic leads, loaded by autocannon.
 *
 * - Each server runs in its own process (`bench/http-server.ts`); the load
 *   generator runs in this one.
 * - Before anything is timed, every shape's response bodies are checked
 *   equal (request id and timestamp aside; cursors by the position they carry).
 * - Rounds are interleaved: each round runs every shape and concurrency on
 *   both servers, alternating which goes first; medians are compared.
 * - Then a CPU profile of each server under load on the page shape, split
 *   into parse, build/compile, driver, row reading, envelope/JSON, node:http.
 *
 *   npx tsx bench/http.bench.ts [--rows=100000] [--dialects=sqlite,postgres,mysql] [--seconds=3] [--rounds=3]
 *        [--shapes=fields,cursor] [--no-stub] [--profile=fields]   # while developing
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { benchStubbed, type StubRow } from './http-stub.bench.js';
import { type CpuPart, type CpuProfile, cpuByPart } from './support/cpu-profile.js';
import { type LoadedLeads, loadMysql, loadPostgres, loadSqlite } from './support/load-leads.js';
import { generateLeads } from './support/synthetic-leads.js';
import { median } from './support/timing.js';

/** One request shape of the benchmark. */
export interface HttpShape {
  readonly name: string;
  /** The query string; a cursor shape gets `&cursor=` of the page before appended per server. */
  readonly query: string;
  readonly cursor?: boolean;
}

const FILTER = 'status=won,lost&value[gte]=100&sort=createdAt:desc';
/** The shapes of issue 13. */
export const HTTP_SHAPES: readonly HttpShape[] = [
  { name: 'page + exact count', query: FILTER },
  { name: 'page, `count=none`', query: `${FILTER}&count=none` },
  {
    name: '`fields=…`',
    query: `fields=id,name,email,status,value,createdAt&${FILTER}&count=none`,
  },
  { name: '`search=john` (+ exact count)', query: 'search=john' },
  { name: 'cursor page 2', query: `${FILTER}&count=none`, cursor: true },
  {
    name: '3-key sort, nullable key',
    query: 'sort=status:asc,value:desc,createdAt:desc&count=none',
  },
];
/** Fewer requests than this in a run and its req/s says nothing (a request of about the run's length). */
export const MIN_REQUESTS = 5;
/** The shape profiled: the page alone, where the JavaScript shows most. */
const PROFILED = HTTP_SHAPES[1]!;

export interface HttpRow {
  readonly engine: string;
  readonly shape: string;
  readonly query: string;
  readonly connections: number;
  /** Median requests per second over the rounds. */
  readonly handRps: number;
  readonly listqlRps: number;
  /** Median over the rounds of listql ÷ hand-written req/s in the same round (robust to drift between rounds). */
  readonly ratio: number;
  /** Median requests completed per run: below {@link MIN_REQUESTS} the row is not a measurement. */
  readonly handRequests: number;
  readonly listqlRequests: number;
  /** Median of the rounds' median latencies, ms. */
  readonly handP50: number;
  readonly listqlP50: number;
}

export interface HttpProfile {
  readonly engine: string;
  readonly requests: { readonly hand: number; readonly listql: number };
  /** CPU µs per request by part. */
  readonly hand: Readonly<Record<CpuPart, number>>;
  readonly listql: Readonly<Record<CpuPart, number>>;
}

export interface HttpBenchResult {
  readonly rows: number;
  readonly seconds: number;
  readonly rounds: number;
  readonly connections: readonly number[];
  readonly engines: readonly { readonly engine: string; readonly loadReport: string }[];
  readonly results: readonly HttpRow[];
  readonly profiles: readonly HttpProfile[];
  readonly profileSeconds: number;
  readonly profiledShape: string;
  /** The JavaScript of a request with the database stubbed out (`bench/http-stub.bench.ts`). */
  readonly stubbed: readonly StubRow[];
}

interface AutocannonResult {
  readonly requests: { readonly total: number };
  readonly latency: { readonly p50: number };
  readonly duration: number;
  readonly non2xx: number;
  readonly errors: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
}) => Promise<AutocannonResult>;
// autocannon ships no types: the few members used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

function startServer(args: readonly string[]): Promise<Server> {
  const script = new URL('./http-server.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, child });
    });
    child.once('exit', (code) =>
      reject(new Error(`bench server ${args.join(' ')} exited ${code}`)),
    );
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

/** A body as compared: no request id or timestamp, a cursor as the position it carries. */
function comparable(text: string): unknown {
  const body = JSON.parse(text) as {
    meta: { requestId?: string; timestamp?: string; pagination?: { nextCursor: string | null } };
  };
  delete body.meta.requestId;
  delete body.meta.timestamp;
  const pagination = body.meta.pagination;
  if (pagination?.nextCursor) {
    const payload = JSON.parse(
      Buffer.from(pagination.nextCursor.split('.')[0]!, 'base64url').toString(),
    );
    pagination.nextCursor = JSON.stringify((payload as unknown[])[2]);
  }
  return body;
}

async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

/** Each server's URL for `shape`: a cursor shape continues after that server's own page 1. */
async function urlsOf(shape: HttpShape, servers: readonly Server[]): Promise<string[]> {
  return Promise.all(
    servers.map(async (server) => {
      const url = `${server.url}/leads?${shape.query}`;
      if (!shape.cursor) return url;
      const first = JSON.parse((await get(url)).text) as {
        meta: { pagination: { nextCursor: string | null } };
      };
      const cursor = first.meta.pagination.nextCursor;
      if (cursor === null) throw new Error(`http bench: ${shape.name} has no second page`);
      return `${url}&cursor=${encodeURIComponent(cursor)}`;
    }),
  );
}

/** Throws unless both servers answer 200 with the same body. */
async function checkEqual(shape: HttpShape, urls: readonly string[]): Promise<void> {
  const [hand, listql] = await Promise.all(urls.map(get));
  if (hand!.status !== 200 || listql!.status !== 200) {
    throw new Error(
      `http bench: ${shape.name}: status ${hand!.status} (hand) vs ${listql!.status} (listql): ${hand!.text.slice(0, 300)} | ${listql!.text.slice(0, 300)}`,
    );
  }
  const a = comparable(hand!.text);
  const b = comparable(listql!.text);
  if (!isDeepStrictEqual(a, b)) {
    const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    throw new Error(
      `http bench: ${shape.name}: bodies differ at ${i}:\n  hand:   …${x.slice(Math.max(0, i - 80), i + 160)}\n  listql: …${y.slice(Math.max(0, i - 80), i + 160)}`,
    );
  }
  const data = (b as { data: unknown[] }).data;
  if (data.length === 0) throw new Error(`http bench: ${shape.name} returns no rows`);
}

async function load(url: string, connections: number, seconds: number): Promise<AutocannonResult> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `http bench: ${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`,
    );
  }
  return result;
}

async function profileServers(
  engine: string,
  servers: readonly Server[],
  urls: readonly string[],
  seconds: number,
): Promise<HttpProfile> {
  const parts: Record<CpuPart, number>[] = [];
  const requests: number[] = [];
  for (const [i, server] of servers.entries()) {
    await get(`${server.url}/__profile/start`);
    const result = await load(urls[i]!, 10, seconds);
    const text = (await get(`${server.url}/__profile/stop`)).text;
    const dir = process.env['LISTQL_HTTP_PROFILES'];
    if (dir)
      writeFileSync(
        `${dir}/${engine.split(' ')[0]}-${i === 0 ? 'hand' : 'listql'}.cpuprofile`,
        text,
      );
    const profile = JSON.parse(text) as CpuProfile;
    const total = result.requests.total;
    const perRequest = Object.fromEntries(
      [...cpuByPart(profile)].map(([part, us]) => [part, us / total]),
    ) as Record<CpuPart, number>;
    parts.push(perRequest);
    requests.push(total);
  }
  return {
    engine,
    requests: { hand: requests[0]!, listql: requests[1]! },
    hand: parts[0]!,
    listql: parts[1]!,
  };
}

/** Loads each engine, starts both servers on it, checks, times and profiles them, and drops it. */
export async function benchHttp(options: {
  rows: number;
  dialects: readonly string[];
  seconds: number;
  rounds: number;
  connections?: readonly number[];
  /** Only the shapes whose names contain one of these (a development aid); default all. */
  shapes?: readonly string[];
  /** Whether to time the stubbed handlers first; default true. */
  stub?: boolean;
  /** The shape to profile, by a part of its name; default the page alone (`count=none`). */
  profile?: string;
  log: (line: string) => void;
}): Promise<HttpBenchResult> {
  const connections = options.connections ?? [1, 10];
  const only = options.shapes;
  const shapes = HTTP_SHAPES.filter(
    (shape) => only === undefined || only.some((part) => shape.name.includes(part)),
  );
  let stubbed: StubRow[] = [];
  if (options.stub ?? true) {
    options.log('http: the JavaScript per request with the database stubbed out');
    stubbed = await benchStubbed(options.rounds < 3);
  }
  const leads = generateLeads(options.rows, 42);
  const table = `bench_http_${process.pid}`;
  const engines: { engine: string; loadReport: string }[] = [];
  const results: HttpRow[] = [];
  const profiles: HttpProfile[] = [];
  const profileSeconds = Math.max(2, options.seconds * 2);
  const loaders = [
    ['sqlite', () => loadSqlite(leads, table)],
    ['postgres', () => loadPostgres(leads, table)],
    ['mysql', () => loadMysql(leads, table)],
  ] as const;
  for (const [dialect, loader] of loaders) {
    if (!options.dialects.includes(dialect)) continue;
    const loaded: LoadedLeads | undefined = await loader();
    if (loaded === undefined) continue;
    const servers: Server[] = [];
    try {
      // `PostgreSQL 15.20`, `MariaDB 10.11.19-MariaDB-0+deb12u1`: no build details, no address.
      const engine = loaded.engine.split(' (')[0]!.split(' at ')[0]!;
      options.log(`http: ${loaded.engine}: ${loaded.loadReport}`);
      engines.push({ engine: loaded.engine, loadReport: loaded.loadReport });
      const common = [`--dialect=${dialect}`, `--table=${table}`];
      if (loaded.file !== undefined) common.push(`--file=${loaded.file}`);
      servers.push(await startServer(['--impl=hand', ...common]));
      servers.push(await startServer(['--impl=listql', ...common]));
      const urls: string[][] = [];
      for (const shape of shapes) {
        const shapeUrls = await urlsOf(shape, servers);
        await checkEqual(shape, shapeUrls);
        urls.push(shapeUrls);
      }
      options.log(`http: ${engine}: every shape's bodies are equal`);
      // Warm both servers (JIT, statement caches, pools) before the first timed round.
      for (const shapeUrls of urls) {
        for (const url of shapeUrls) await load(url, 10, 1);
      }
      const samples = shapes.map(() =>
        connections.map(() => ({
          rps: [[], []] as number[][],
          p50: [[], []] as number[][],
          n: [[], []] as number[][],
        })),
      );
      for (let round = 0; round < options.rounds; round++) {
        for (const [s, shapeUrls] of urls.entries()) {
          for (const [c, count] of connections.entries()) {
            const order = (round + s + c) % 2 === 0 ? [0, 1] : [1, 0];
            for (const i of order) {
              const result = await load(shapeUrls[i]!, count, options.seconds);
              samples[s]![c]!.rps[i]!.push(result.requests.total / result.duration);
              samples[s]![c]!.p50[i]!.push(result.latency.p50);
              samples[s]![c]!.n[i]!.push(result.requests.total);
            }
          }
        }
        options.log(`http: ${engine}: round ${round + 1}/${options.rounds} done`);
      }
      for (const [s, shape] of shapes.entries()) {
        for (const [c, count] of connections.entries()) {
          const sample = samples[s]![c]!;
          results.push({
            engine,
            shape: shape.name,
            query: shape.query,
            connections: count,
            ratio: median(sample.rps[1]!.map((rps, round) => rps / sample.rps[0]![round]!)),
            handRps: median(sample.rps[0]!),
            listqlRps: median(sample.rps[1]!),
            handRequests: median(sample.n[0]!),
            listqlRequests: median(sample.n[1]!),
            handP50: median(sample.p50[0]!),
            listqlP50: median(sample.p50[1]!),
          });
        }
      }
      const chosen = options.profile;
      const profiled = shapes.findIndex((shape) =>
        chosen === undefined ? shape === PROFILED : shape.name.includes(chosen),
      );
      if (profiled !== -1) {
        profiles.push(await profileServers(engine, servers, urls[profiled]!, profileSeconds));
        options.log(`http: ${engine}: profiles done`);
      }
    } finally {
      await Promise.all(servers.map(stopServer));
      await loaded.close();
    }
  }
  return {
    rows: options.rows,
    seconds: options.seconds,
    rounds: options.rounds,
    connections,
    engines,
    results,
    profiles,
    profileSeconds,
    profiledShape: (
      HTTP_SHAPES.find(
        (shape) => options.profile !== undefined && shape.name.includes(options.profile),
      ) ?? PROFILED
    ).query,
    stubbed,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const result = await benchHttp({
    rows: Number(arg('rows') ?? 100_000),
    dialects: (arg('dialects') ?? 'sqlite,postgres,mysql').split(','),
    seconds: Number(arg('seconds') ?? 3),
    rounds: Number(arg('rounds') ?? 3),
    ...(arg('shapes') === undefined ? {} : { shapes: arg('shapes')!.split(',') }),
    stub: !process.argv.includes('--no-stub'),
    ...(arg('profile') === undefined ? {} : { profile: arg('profile')! }),
    log: (line) => console.error(line),
  });
  for (const row of result.results) {
    console.log(
      `${row.engine.padEnd(16)} ${row.shape.padEnd(34)} c=${String(row.connections).padEnd(3)} hand ${row.handRps.toFixed(0).padStart(6)}/s  listql ${row.listqlRps.toFixed(0).padStart(6)}/s  ×${row.ratio.toFixed(2)}`,
    );
  }
  for (const p of result.profiles) console.log(JSON.stringify(p));
  const out = process.env['LISTQL_HTTP_RESULT'];
  if (out) writeFileSync(out, JSON.stringify(result));
}
