/**
 * Item 8 of issue 10, the demo's process and error bodies: `npm run demo &`
 * then `kill $!` (SIGTERM to npm) or Ctrl+C (SIGINT) stops the whole process
 * tree, the demo prints its own PID, and its 404 and 405 answers carry the
 * full error envelope (`details`, `meta`) like the list endpoint's. Also the
 * demo's liveness and readiness routes.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDemo, startDemo } from '../../src/demo/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The PIDs of every descendant of `pid`, read from /proc. */
async function descendants(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const children = text.split(/\s+/).filter(Boolean).map(Number);
  return [...children, ...(await Promise.all(children.map(descendants))).flat()];
}

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.each(['SIGTERM', 'SIGINT'] as const)('npm run demo, then %s to npm', (signal) => {
  it('stops the whole process tree, after printing the server PID', async () => {
    const npm = spawn(
      'npm',
      ['run', 'demo', '--', '--backend', 'memory', '--rows', '50', '--port', '0'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    npm.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    const npmExited = new Promise((resolve) => npm.once('exit', resolve));
    let serverPid: number | undefined;
    for (let i = 0; i < 300 && serverPid === undefined; i++) {
      serverPid = Number(/Process (\d+): `kill \1` stops it/.exec(out)?.[1]) || undefined;
      await sleep(100);
    }
    expect(serverPid, out).toBeDefined();
    const tree = await descendants(npm.pid!);
    expect(tree).toContain(serverPid);

    npm.kill(signal);
    await npmExited;
    for (let i = 0; i < 100 && tree.some(running); i++) await sleep(50);
    const survivors = tree.filter(running);
    // Leave nothing behind, even when the assertion below fails.
    for (const pid of survivors) process.kill(pid, 'SIGKILL');
    expect(survivors).toEqual([]);
    expect(out).toMatch(new RegExp(`listql demo: ${signal}, finishing requests in flight`));
    expect(out).toMatch(/listql demo: stopped \(0 request\(s\) were in flight\)/);
  });
});

describe('the demo’s own routes', () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo({ port: 0, backend: 'memory', rows: 10 });
  });
  afterAll(async () => {
    await demo.close();
  });

  const envelope = (code: string, message: string) => ({
    success: false,
    error: { code, message, details: {} },
    meta: { requestId: expect.stringMatching(/^req_[0-9a-f]{12}$/), timestamp: expect.any(String) },
  });

  it('a 404 and a 405 carry the whole error envelope, and echo the request id', async () => {
    const missing = await fetch(`${demo.url}/lead?status=won`);
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as { meta: { requestId: string; timestamp: string } };
    expect(body).toEqual(
      envelope(
        'NOT_FOUND',
        'No route /lead; try GET /leads, GET /openapi.json, GET /healthz, GET /readyz, GET /labeled-leads, GET /openapi/labeled-leads.json',
      ),
    );
    expect(missing.headers.get('x-request-id')).toBe(body.meta.requestId);
    expect(Number.isNaN(Date.parse(body.meta.timestamp))).toBe(false);

    const post = await fetch(`${demo.url}/leads`, {
      method: 'POST',
      headers: { 'x-request-id': 'trace-1' },
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await post.json()).toEqual({
      ...envelope('METHOD_NOT_ALLOWED', 'Use GET on /leads'),
      meta: { requestId: 'trace-1', timestamp: expect.any(String) },
    });
  });

  it('/healthz is live and /readyz ready', async () => {
    const health = await fetch(`${demo.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${demo.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });
});
