/**
 * A server under test in a child process, so a crash shows as an exit and
 * not as a failed test runner: the demo (`src/demo/main.ts`) or a fixture
 * script, run with `node --import tsx` exactly as `npm run demo` does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A server running in a child process. */
export interface ChildServer {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:port`, read from what the server printed. */
  readonly url: string;
  /** Everything written so far, stdout and stderr. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<number | NodeJS.Signals>;
}

/**
 * Starts `script` (a path from the repository root) with `args` and waits
 * until it prints a line matching `ready`, whose first group is the URL.
 *
 * @example
 * const demo = await startChild('src/demo/main.ts', ['--backend', 'memory', '--port', '0']);
 */
export async function startChild(
  script: string,
  args: readonly string[],
  options: {
    readonly env?: NodeJS.ProcessEnv;
    readonly ready?: RegExp;
    readonly timeoutMs?: number;
  } = {},
): Promise<ChildServer> {
  const ready = options.ready ?? /List: +GET (http:\/\/[^ ]+)\/leads/;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start in time:\n${out}\n${err}`));
    }, options.timeoutMs ?? 30_000);
    const check = (): void => {
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${out}\n${err}`));
    });
  });
  return {
    child,
    url,
    stdout: () => out,
    stderr: () => err,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
  };
}

/**
 * Stops a child: SIGTERM, then SIGKILL if it is still there after
 * `graceMs`. Resolves with how it exited.
 *
 * @example
 * expect(await stopChild(server)).toBe(0);
 */
export async function stopChild(
  server: ChildServer,
  graceMs = 10_000,
): Promise<number | NodeJS.Signals> {
  if (!server.alive()) return server.exited;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}
