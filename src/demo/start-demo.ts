import type { AddressInfo } from 'node:net';
import {
  apiKeyAuth,
  gracefulShutdown,
  type ListLogger,
  type ShutdownReport,
} from '../http/index.js';
import { readDataFile } from './data-file.js';
import { DEMO_API_KEY, demoLeads } from './demo-resource.js';
import { createDemoServer } from './server.js';
import { openStore } from './stores/open-store.js';
import type { DemoBackendName, RowSource } from './stores/types.js';

/** Options of {@link startDemo}; every one has a default. */
export interface DemoOptions {
  /** TCP port; 0 picks any free port. Default 3000. */
  readonly port?: number;
  /** Interface to listen on. Default `127.0.0.1` (the demo key is public: stay local). */
  readonly host?: string;
  /** The accepted `X-API-KEY`. Default {@link DEMO_API_KEY}. */
  readonly apiKey?: string;
  /** Default `sqlite`. */
  readonly backend?: DemoBackendName;
  /** An NDJSON file of leads to serve instead of the synthetic ones. */
  readonly dataFile?: string;
  /** How many synthetic leads. Default 100,000. */
  readonly rows?: number;
  /** Seed of the synthetic leads. Default 1. */
  readonly seed?: number;
  /** Where embedded stores keep their files. Default `.demo-data`. */
  readonly dataDir?: string;
  /** Lines about the start (reusing or rebuilding a dataset). Default: none. */
  readonly log?: (line: string) => void;
  /** Seeding progress, one line per step. Default: `log`. */
  readonly progress?: (line: string) => void;
  /** Receives the cause of every 500 and 503. Default `console`. */
  readonly logger?: ListLogger;
  /** How long `close()` lets requests in flight finish. Default 10 s. */
  readonly shutdownTimeoutMs?: number;
}

/** A demo that is serving. */
export interface RunningDemo {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly apiKey: string;
  readonly backend: DemoBackendName;
  readonly rows: number;
  /** Where the rows live (a file, a table, memory). */
  readonly location: string;
  /**
   * Stops gracefully: stops accepting, lets requests in flight finish (up to
   * `shutdownTimeoutMs`), closes idle kept-alive connections, then closes
   * the store (a server table is dropped). Resolves to what the drain did.
   */
  close(): Promise<ShutdownReport>;
}

/** How many synthetic leads the demo serves by default. @example startDemo({ rows: DEFAULT_ROWS }); */
export const DEFAULT_ROWS = 100_000;

/**
 * Starts the demo: validates the data file if any (nothing is loaded when a
 * line is bad), opens and seeds the store, and serves `GET /leads` and
 * `GET /openapi.json`. Throws a `DataFileError` for a bad data file.
 *
 * @example
 * const demo = await startDemo({ port: 0, backend: 'memory', rows: 1000 });
 * const response = await fetch(`${demo.url}/leads?status=won`, { headers: { 'x-api-key': demo.apiKey } });
 * await demo.close();
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const log = options.log ?? (() => {});
  const apiKey = options.apiKey ?? DEMO_API_KEY;
  const backend = options.backend ?? 'sqlite';
  const source: RowSource = options.dataFile
    ? {
        kind: 'file',
        path: options.dataFile,
        rows: await readDataFile(options.dataFile, demoLeads),
      }
    : { kind: 'synthetic', count: options.rows ?? DEFAULT_ROWS, seed: options.seed ?? 1 };
  const store = await openStore(backend, {
    source,
    dataDir: options.dataDir ?? '.demo-data',
    log,
    progress: options.progress ?? log,
  });

  const server = createDemoServer({
    backend: store.backend,
    ...(store.labeledBackend === undefined ? {} : { labeledBackend: store.labeledBackend }),
    auth: apiKeyAuth(apiKey),
    logger: options.logger ?? console,
  });
  const shutdown = gracefulShutdown(server, {
    ...(options.shutdownTimeoutMs === undefined ? {} : { timeoutMs: options.shutdownTimeoutMs }),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    apiKey,
    backend,
    rows: store.rows,
    location: store.location,
    async close() {
      // The pools close last: the requests still in flight need them.
      const report = await shutdown();
      await store.close();
      return report;
    },
  };
}
