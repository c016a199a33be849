/**
 * The package as a user installs it: `npm pack` (which builds), then
 * `npm install <tarball>` into fresh projects outside the repository — one
 * with no optional peer at all, one with only kysely and fast-check — and:
 * the file list ships what a user needs and nothing that points nowhere; the
 * published types of every subpath type-check with `skipLibCheck: false`
 * where only that subpath's peers are installed; plain Node ESM imports and
 * runs it, CommonJS `require`s it; the `listql` command runs from
 * `node_modules/.bin`, its AST and Mongo targets without any peer.
 */
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
  engines: { node: string };
};

interface PackedFile {
  readonly path: string;
}

let scratch: string;
let tarball: string;
let packedFiles: string[];
let bare: string;
let withPeers: string;
let withNest: string;

/** What a child process printed and how it ended, failures included. */
async function outcome(
  file: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const node = (args: readonly string[], cwd: string) => outcome(process.execPath, args, cwd);

/** A fresh project with the tarball installed by npm, and `peers` linked from the repository. */
async function project(name: string, peers: readonly string[]): Promise<string> {
  const dir = join(scratch, name);
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }),
  );
  await run(
    'npm',
    ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    {
      cwd: dir,
    },
  );
  // Types for Node (Headers, Response): every server project has them; not a peer of listql.
  for (const pkg of ['@types/node', 'undici-types', ...peers]) {
    mkdirSync(join(dir, 'node_modules', pkg, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', pkg), join(dir, 'node_modules', pkg), 'dir');
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022'],
        types: ['node'],
        strict: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        noEmit: true,
      },
      include: ['*.ts', '*.cts'],
    }),
  );
  return dir;
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'listql-package-'));
  // `npm pack` runs the prepack script (the build), as a publish does.
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as [{ filename: string }];
  tarball = join(scratch, packed.filename);
  const dry = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [listed] = JSON.parse(dry.stdout) as [{ files: PackedFile[] }];
  packedFiles = listed.files.map((f) => f.path);
  bare = await project('bare', []);
  withPeers = await project('peers', ['kysely', 'fast-check', 'pure-rand']);
  // Nest's own packages resolve their dependencies from the repository (the links' real paths).
  withNest = await project('nest', ['@nestjs/common', '@nestjs/swagger']);
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm pack --dry-run file list', () => {
  it('ships LICENSE, README.md and package.json', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('ships no demo: it is not exported, and runs from a clone', () => {
    expect(packedFiles.filter((path) => path.startsWith('dist/demo'))).toEqual([]);
  });

  it('ships no source map or declaration map (their sources, src/, are not shipped)', () => {
    expect(packedFiles.filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(packedFiles.filter((path) => path.startsWith('src/'))).toEqual([]);
  });

  it('ships every target of exports and bin', () => {
    const targets = Object.values(manifest.exports).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : Object.values(entry),
    );
    targets.push(...Object.values(manifest.bin));
    expect(targets.length).toBeGreaterThan(12);
    for (const target of targets) expect(packedFiles).toContain(target.replace(/^\.\//, ''));
  });

  it('ships the docs the README links to', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\((docs\/[^)#]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(packedFiles).toContain(link);
  });
});

describe('the published types', () => {
  it('of listql, listql/http, listql/memory, listql/mongo and listql/client need no optional peer', async () => {
    writeFileSync(
      join(bare, 'consumer.ts'),
      [
        "import { leads, parseListQuery, type ListQuery } from 'listql';",
        "import { handleListRequest, memoryBackend, expressListHandler, fastifyListHandler, honoListHandler, kyselyBackend, mongoBackend, toOpenApi } from 'listql/http';",
        "import { runInMemory } from 'listql/memory';",
        "import { compileMongo, type MongoDocument } from 'listql/mongo';",
        "import { fetchList, fromSearch, listUrl, pages, type Row } from 'listql/client';",
        "const query: ListQuery<string> = parseListQuery(leads, 'status=won');",
        "const url: string = listUrl(leads, { filter: { status: ['won'] }, fields: ['name'] });",
        'export const client = [url, fetchList, fromSearch, pages] as const;',
        "export type Lead = Row<typeof leads, 'name'>;",
        'const filter: MongoDocument = compileMongo(leads, query).filter;',
        'const handlers = [expressListHandler, fastifyListHandler, honoListHandler, kyselyBackend, mongoBackend, toOpenApi, runInMemory, listUrl];',
        "const response = await handleListRequest({ resource: leads, backend: memoryBackend(leads, []), query: 'limit=1' });",
        'export const used = [filter, handlers, response.status];',
        '',
      ].join('\n'),
    );
    const checked = await node([TSC, '-p', '.'], bare);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  });

  it('of listql/kysely and listql/testing need only kysely and fast-check', async () => {
    writeFileSync(
      join(withPeers, 'consumer.ts'),
      [
        "import { leads, parseListQuery } from 'listql';",
        "import { kyselyBackend } from 'listql/http';",
        "import { applyListQuery, postgresDialect, type SqlDialect } from 'listql/kysely';",
        "import { listQueryArbitrary } from 'listql/testing';",
        "import { compileMongo } from 'listql/mongo';",
        "import { runInMemory } from 'listql/memory';",
        "import type { Kysely } from 'kysely';",
        'const dialect: SqlDialect = postgresDialect;',
        // The structural types of listql/http accept the real Kysely and SqlDialect.
        'declare const db: Kysely<{ leads: { id: string } }>;',
        "const backend = kyselyBackend(db, leads, { table: 'leads', dialect: postgresDialect });",
        "export const used = [applyListQuery, backend, listQueryArbitrary(leads), compileMongo, runInMemory, dialect, parseListQuery(leads, '')];",
        '',
      ].join('\n'),
    );
    const checked = await node([TSC, '-p', '.'], withPeers);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  });

  it('of listql/nestjs need only @nestjs/common and @nestjs/swagger', async () => {
    writeFileSync(
      join(withNest, 'consumer.ts'),
      [
        "import { leads } from 'listql';",
        "import { ListQueryPipe, listResponse, withListQueryDocs } from 'listql/nestjs';",
        'export const used = [ListQueryPipe, listResponse, withListQueryDocs, leads];',
        '',
      ].join('\n'),
    );
    const checked = await node([TSC, '-p', '.'], withNest);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  });

  it('the check is real: listql/kysely without kysely is a TS2307', async () => {
    const dir = join(bare, 'kysely-missing');
    mkdirSync(dir);
    writeFileSync(join(dir, 'uses-kysely.ts'), "export { applyListQuery } from 'listql/kysely';\n");
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../tsconfig.json', include: ['*.ts'] }),
    );
    const checked = await node([TSC, '-p', '.'], dir);
    expect(checked.code).not.toBe(0);
    expect(checked.stdout).toMatch(/TS2307: Cannot find module 'kysely'/);
  });
});

describe('at run time', () => {
  it('plain Node ESM imports every peer-free subpath and parses a query', async () => {
    const script = [
      "import { leads, parseListQuery } from 'listql';",
      "import { handleListRequest, memoryBackend } from 'listql/http';",
      "import { runInMemory } from 'listql/memory';",
      "import { compileMongo } from 'listql/mongo';",
      "import { buildPlainResource, listUrl } from 'listql/client';",
      "if (listUrl(leads, { filter: { status: 'won' } }) !== 'status=won') throw new Error('listql/client');",
      "const tasks = buildPlainResource({ name: 'tasks', fields: { id: { type: 'string' }, done: { type: 'boolean', filter: ['eq'] } } });",
      "if (listUrl(tasks, { filter: { done: true } }) !== 'done=true') throw new Error('buildPlainResource');",
      "const query = parseListQuery(leads, 'status=won&value[gte]=100&sort=value:desc');",
      "const rows = [{ id: 'a', status: 'won', value: 150, createdAt: '2026-01-01T00:00:00.000Z' }];",
      'const page = runInMemory(leads, query, rows);',
      "const response = await handleListRequest({ resource: leads, backend: memoryBackend(leads, []), query: 'limit=1' });",
      'console.log(JSON.stringify([query.filter, page.total, compileMongo(leads, query).filter, response.status]));',
    ].join('\n');
    writeFileSync(join(bare, 'esm.mjs'), script);
    const result = await node(['esm.mjs'], bare);
    expect(result.stderr).toBe('');
    const [filter, total, mongo, status] = JSON.parse(result.stdout) as unknown[];
    expect(filter).toEqual({
      kind: 'and',
      children: [
        { kind: 'comparison', field: 'status', op: 'eq', value: 'won' },
        { kind: 'comparison', field: 'value', op: 'gte', value: 100 },
      ],
    });
    expect(total).toBe(1);
    expect(mongo).toEqual({ $and: [{ status: { $eq: 'won' } }, { value: { $gte: 100 } }] });
    expect(status).toBe(200);
  });

  it('listql/kysely without kysely fails naming the missing package', async () => {
    const result = await node(['--input-type=module', '-e', "await import('listql/kysely')"], bare);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Cannot find package 'kysely'/);
  });

  it('CommonJS require() loads every subpath', async () => {
    const script = [
      "const { leads, parseListQuery } = require('listql');",
      "const http = require('listql/http');",
      "const kysely = require('listql/kysely');",
      "const testing = require('listql/testing');",
      "const memory = require('listql/memory');",
      "const mongo = require('listql/mongo');",
      "const client = require('listql/client');",
      "const query = parseListQuery(leads, 'status=won');",
      'console.log(JSON.stringify([query.filter.children[0], typeof http.handleListRequest, typeof kysely.applyListQuery, typeof testing.listQueryArbitrary, typeof memory.runInMemory, typeof mongo.compileMongo, typeof client.listUrl]));',
    ].join('\n');
    writeFileSync(join(withPeers, 'require.cjs'), script);
    // Node 22.12+ (every line package.json declares) require()s ES modules
    // unflagged; the machine's Node 20 needs the flag, so the test runs there too.
    const major = Number(process.versions.node.split('.')[0]);
    const flags = major < 22 ? ['--experimental-require-module', '--no-warnings'] : [];
    const result = await node([...flags, 'require.cjs'], withPeers);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      { kind: 'comparison', field: 'status', op: 'eq', value: 'won' },
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
    ]);
  });

  it('the listql command runs from node_modules/.bin: AST and Mongo need no peer', async () => {
    const bin = join(bare, 'node_modules/.bin/listql');
    const ast = await outcome(bin, ['explain', 'status=won', '--target', 'ast'], bare);
    expect(ast.stderr).toBe('');
    expect(ast.code).toBe(0);
    expect(JSON.parse(ast.stdout)).toMatchObject({ select: 'all', page: { limit: 50 } });
    const mongo = await outcome(bin, ['explain', 'status=won', '--target', 'mongo'], bare);
    expect(mongo.code).toBe(0);
    expect(JSON.parse(mongo.stdout)).toMatchObject({ filter: { status: { $eq: 'won' } } });
  });

  it('without kysely, --target sql says how to install it and exits 2; all shows the rest', async () => {
    const bin = join(bare, 'node_modules/.bin/listql');
    const sql = await outcome(bin, ['explain', 'status=won', '--target', 'sql'], bare);
    expect(sql.code).toBe(2);
    expect(sql.stdout).toBe('');
    expect(sql.stderr).toContain('npm install kysely');
    const all = await outcome(bin, ['explain', 'status=won'], bare);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('# AST');
    expect(all.stdout).toContain('# MongoDB');
    expect(all.stdout).toContain('npm install kysely');
  });

  it('in a clone, the built dist/cli/main.js is the executable `npx listql` runs', async () => {
    // `npm pack` above ran the build, as `npm run build` does.
    const main = join(ROOT, manifest.bin['listql']!);
    expect(readFileSync(main, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(main).mode & 0o111).toBe(0o111);
    const ast = await outcome(main, ['explain', 'limit=3', '--target', 'ast'], ROOT);
    expect(ast.code).toBe(0);
    expect(JSON.parse(ast.stdout)).toMatchObject({ page: { limit: 3 } });
  });

  it('with kysely installed, --target sql prints the statements', async () => {
    const bin = join(withPeers, 'node_modules/.bin/listql');
    const sql = await outcome(bin, ['explain', 'status=won', '--target', 'sql'], withPeers);
    expect(sql.stderr).toBe('');
    expect(sql.code).toBe(0);
    expect(sql.stdout).toMatch(/^-- page\nselect .* from "leads" where "status" = \$1/m);
  });
});

describe('package.json', () => {
  it('declares the Node lines in service, and CI tests exactly those', () => {
    expect(manifest.engines.node).toBe('^22.12.0 || ^24.0.0 || ^26.0.0');
    const majors = manifest.engines.node.split('||').map((range) => /\^(\d+)\./.exec(range)![1]);
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const lines = /LISTQL_CI_NODE_LINES:-([\d ]+)\}/.exec(ci)?.[1]?.split(' ');
    expect(lines).toEqual(majors);
  });

  it('declares a kysely range whose two ends CI runs the database tests on', () => {
    const peers = (manifest as unknown as { peerDependencies: Record<string, string> })
      .peerDependencies;
    expect(peers['kysely']).toBe('^0.28.17 || ^0.29.0');
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toContain('npm view "kysely@$range" version');
    expect(ci).toContain(
      'npm install --no-save --no-audit --no-fund --ignore-scripts "kysely@$version"',
    );
  });
});
