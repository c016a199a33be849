/**
 * The demo's command line: flags, usage errors, the banner, and two real runs
 * of `src/demo/main.ts` in a child process (a bad data file; a good start
 * whose printed curl commands are run as printed).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import {
  bannerLines,
  curlCommand,
  DEMO_API_KEY,
  DEMO_USAGE,
  EXAMPLE_QUERIES,
  parseDemoArgs,
  type RunningDemo,
  runDemoCli,
  shellQuote,
} from '../../src/demo/index.js';

const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'listql-demo-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('parseDemoArgs', () => {
  it('reads every flag', () => {
    expect(
      parseDemoArgs([
        '--port',
        '0',
        '--host',
        '::1',
        '--api-key',
        'k',
        '--backend',
        'pglite',
        '--rows',
        '500',
        '--data-dir',
        '/tmp/d',
      ]),
    ).toEqual({
      port: 0,
      host: '::1',
      apiKey: 'k',
      backend: 'pglite',
      rows: 500,
      dataDir: '/tmp/d',
    });
    expect(parseDemoArgs(['--data', 'x.ndjson'])).toEqual({ dataFile: 'x.ndjson' });
    expect(parseDemoArgs([])).toEqual({});
    expect(parseDemoArgs(['--help'])).toBe('help');
  });

  const refused: [string[], RegExp][] = [
    [['--port', 'abc'], /--port must be an integer from 0 to 65535, got 'abc'/],
    [['--port', '70000'], /--port must be an integer/],
    [['--port=-1'], /--port must be an integer/],
    [['--backend', 'oracle'], /--backend must be one of sqlite, pglite, postgres, mysql, memory/],
    [['--api-key', ''], /--api-key must not be empty/],
    [['--rows', '1e3'], /--rows must be an integer/],
    [['--data', 'a.ndjson', '--rows', '5'], /does not go with --data/],
    [['--verbose'], /Unknown option '--verbose'/],
    [['extra'], /positional/i],
  ];
  for (const [argv, message] of refused) {
    it(`refuses ${argv.join(' ')}`, () => {
      expect(() => parseDemoArgs(argv)).toThrow(message);
    });
  }
});

describe('runDemoCli', () => {
  it('prints usage and returns 2 on a bad flag, 0 for --help', async () => {
    const bad = capture();
    expect(await runDemoCli(['--port', 'x'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toContain(DEMO_USAGE);
    const help = capture();
    expect(await runDemoCli(['--help'], help.io)).toBe(0);
    expect(help.out).toEqual([DEMO_USAGE]);
  });

  it('starts, prints the URL, the key and three curl commands', async () => {
    const { out, io } = capture();
    const demo = (await runDemoCli(
      ['--port', '0', '--backend', 'memory', '--rows', '300'],
      io,
    )) as RunningDemo;
    try {
      expect(typeof demo).toBe('object');
      const text = out.join('\n');
      expect(text).toContain(`${demo.url}/leads`);
      expect(text).toContain(`${demo.url}/openapi.json`);
      expect(text).toContain(DEMO_API_KEY);
      expect(out.filter((line) => line.trimStart().startsWith('curl '))).toHaveLength(3);
      expect(out).toEqual([...bannerLines(demo)]);
    } finally {
      await demo.close();
    }
  });

  it('reports seeding progress, then reuses the dataset on the next start', async () => {
    const dataDir = join(dir, 'reuse');
    const first = capture();
    const progress: string[] = [];
    const demo = (await runDemoCli(['--port', '0', '--rows', '25000', '--data-dir', dataDir], {
      ...first.io,
      progress: (line) => progress.push(line),
    })) as RunningDemo;
    await demo.close();
    expect(progress).toEqual([
      'Seeding synthetic leads (seed 1): 10,000 / 25,000',
      'Seeding synthetic leads (seed 1): 20,000 / 25,000',
      'Seeding synthetic leads (seed 1): 25,000 / 25,000',
      // The related rows of GET /labeled-leads, in the same transaction.
      'Seeding labels, tags and notes',
    ]);
    const second = capture();
    const again = (await runDemoCli(
      ['--port', '0', '--rows', '25000', '--data-dir', dataDir],
      second.io,
    )) as RunningDemo;
    await again.close();
    expect(second.out[0]).toBe(
      `Reusing 25,000 synthetic leads (seed 1) in ${join(dataDir, 'leads-25000-seed1.sqlite')}`,
    );
    expect(await readdir(dataDir)).toEqual(['leads-25000-seed1.sqlite']);
  });

  it('returns 1 when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { err, io } = capture();
      expect(
        await runDemoCli(['--port', String(port), '--backend', 'memory', '--rows', '10'], io),
      ).toBe(1);
      expect(err.join('\n')).toMatch(/could not start: .*EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });

  it('returns 2 for a bad data file, naming the line', async () => {
    const path = join(dir, 'bad.ndjson');
    await writeFile(path, `${JSON.stringify(generateLeads(1)[0])}\nnot json\n`);
    const { err, io } = capture();
    expect(await runDemoCli(['--data', path, '--port', '0'], io)).toBe(2);
    expect(err).toEqual([`listql demo: ${path} line 2: is not valid JSON. Nothing was loaded.`]);
  });
});

describe('banner helpers', () => {
  it('quotes for the shell, even a key with a quote in it', async () => {
    const key = `it's "a" $KEY`;
    const { stdout } = await run('sh', ['-c', `printf %s ${shellQuote(key)}`]);
    expect(stdout).toBe(key);
    expect(curlCommand('http://h:1', 'k', 'a=1')).toBe(
      `curl -sg -H 'X-API-KEY: k' 'http://h:1/leads?a=1'`,
    );
  });
});

describe('src/demo/main.ts in a child process', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

  it('exits 2 on a bad data file, naming the line, having loaded nothing', async () => {
    const path = join(dir, 'bad-child.ndjson');
    const lines = generateLeads(5).map((lead) => JSON.stringify(lead));
    lines[3] = JSON.stringify({ ...generateLeads(5)[3], value: 'lots' });
    await writeFile(path, lines.join('\n'));
    const dataDir = join(dir, 'child-data');
    const args = ['src/demo/main.ts', '--data', path, '--port', '0', '--data-dir', dataDir];
    const result = await run(tsx, args, {
      env: { ...process.env },
      cwd: process.cwd(),
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path} line 4: 'value' must be a finite number`);
    await expect(readdir(dataDir)).rejects.toThrow(/ENOENT/);
  });

  it('starts, prints curl commands that work as printed, and stops on SIGINT', async () => {
    const child: ChildProcess = spawn(
      tsx,
      [
        'src/demo/main.ts',
        '--backend',
        'memory',
        '--rows',
        '2000',
        '--port',
        '0',
        '--api-key',
        "o'key",
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner:\n${output}`)), 30_000);
        child.stdout!.on('data', () => {
          if (output.includes('Press Ctrl+C')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
      });
      const commands = output
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith('curl '));
      expect(commands).toHaveLength(EXAMPLE_QUERIES.length);
      for (const command of commands) {
        const { stdout } = await run('sh', ['-c', command]);
        const body = JSON.parse(stdout) as { success: boolean; data: unknown[] };
        expect(body.success, command).toBe(true);
        expect(body.data.length, command).toBeGreaterThan(0);
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
