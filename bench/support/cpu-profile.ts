/**
 * Where a server's CPU time went, from a V8 CPU profile (the format
 * `node --cpu-prof` writes and the inspector's `Profiler.stop` returns):
 * every sample is charged to the innermost frame on its stack that belongs
 * to a known part of the request (parse, build/compile, driver, row reading,
 * envelope/JSON, node:http), so time in a builtin (a regex, `JSON.stringify`
 * called by the envelope) goes to the part that called it; node's own
 * modules (buffers, sockets) called from inside a driver count as the driver.
 */

/** The subset of a `.cpuprofile` read here. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The parts of a request, in report order. */
export const CPU_PARTS = [
  'parse + validate (+ cursor)',
  'build + compile SQL',
  'driver',
  'row reading',
  'envelope + JSON',
  'hand-written handler',
  'node:http + sockets',
  'garbage collection',
  'other',
] as const;
export type CpuPart = (typeof CPU_PARTS)[number];

const DRIVERS = [
  '/node_modules/better-sqlite3/',
  '/node_modules/pg/',
  '/node_modules/pg-protocol/',
  '/node_modules/pg-pool/',
  '/node_modules/pg-types/',
  '/node_modules/postgres-date/',
  '/node_modules/postgres-array/',
  '/node_modules/mysql2/',
  '/node_modules/sql-escaper/',
  '/node_modules/named-placeholders/',
  '/node_modules/lru.min/',
  '/node_modules/iconv-lite/',
  '/node_modules/long/',
  '/node_modules/generate-function/',
  // mysql2 calls the typeCast for every column of every row while it parses them.
  '/src/backends/kysely/mysql-type-cast',
  '/src/backends/kysely/sqlite-statement-cache',
  '/bench/support/http-hand-stores',
];

/** The part a frame belongs to, or undefined to look further out. */
function partOf(functionName: string, url: string): CpuPart | undefined {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url === '') return functionName === 'stringify' ? 'envelope + JSON' : undefined;
  if (DRIVERS.some((path) => url.includes(path))) return 'driver';
  // Kysely's own drivers and connection pools run the statement, they build nothing.
  if (/\/node_modules\/kysely\/.*(driver|connection|mutex)/i.test(url)) return 'driver';
  if (url.includes('/src/backends/kysely/read-row')) return 'row reading';
  if (url.includes('/node_modules/kysely/') || url.includes('/src/backends/kysely/')) {
    return 'build + compile SQL';
  }
  if (/\/src\/(parse|syntax|ast|errors|resource)\//.test(url)) return 'parse + validate (+ cursor)';
  // The server's own listener: JSON.stringify of the body (a builtin has no frame of its own) and writeHead.
  if (url.includes('/src/http/') || url.includes('/bench/http-server')) return 'envelope + JSON';
  if (url.includes('/bench/support/http-hand')) return 'hand-written handler';
  if (url.startsWith('node:')) return 'node:http + sockets';
  return undefined;
}

/**
 * Microseconds of CPU per part over the whole profile, idle time left out.
 *
 * @example
 * const parts = cpuByPart(JSON.parse(readFileSync('server.cpuprofile', 'utf8')));
 * parts.get('driver'); // µs spent in the driver
 */
export function cpuByPart(profile: CpuProfile): Map<CpuPart, number> {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const ownPart = (id: number): CpuPart | undefined => {
    const { functionName, url } = byId.get(id)!.callFrame;
    return partOf(functionName, url);
  };
  // Whether a driver frame encloses `id`: node's buffers, sockets and events
  // called by a driver (pg-protocol's Buffer#toString, its socket writes) are the driver's work.
  const driverAbove = new Map<number, boolean>();
  const underDriver = (id: number): boolean => {
    const known = driverAbove.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const found = up !== undefined && (ownPart(up) === 'driver' || underDriver(up));
    driverAbove.set(id, found);
    return found;
  };
  const cache = new Map<number, CpuPart | null>();
  const resolve = (id: number): CpuPart | null => {
    const known = cache.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    let part: CpuPart | null;
    if (node.callFrame.functionName === '(idle)') part = null;
    else {
      const own = ownPart(id);
      const up = parent.get(id);
      part =
        own === 'node:http + sockets' && underDriver(id)
          ? 'driver'
          : (own ?? (up === undefined ? 'other' : resolve(up)));
    }
    cache.set(id, part);
    return part;
  };
  const totals = new Map<CpuPart, number>(CPU_PARTS.map((part) => [part, 0]));
  for (let i = 0; i < profile.samples.length; i++) {
    const part = resolve(profile.samples[i]!);
    // A sample's time is the delta to the next one.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (part !== null) totals.set(part, totals.get(part)! + delta);
  }
  return totals;
}
