/**
 * Every ```ts block of every page in docs/ (and the README) type-checks
 * against the library's source, with the repository's strict compiler
 * options: `listql` and its subpaths are mapped to `src/`, other packages
 * resolve as in the repository. Each block is a module of its own; a block
 * whose info says `continues` is checked after the page's previous ts block
 * (its imports hoisted, its body in a nested scope, so names may repeat).
 * Which blocks run, and how, is ./pages.ts's business; this only types them.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_POINTS } from '../support/entry-points.js';
import { type CodeBlock, codeBlocks } from './markdown.js';
import { DOC_PAGES } from './pages.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRATCH = join(ROOT, '.scratch-typecheck');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/**
 * Modules a docs page shows that the repository does not install (a client
 * generator's output, its fetch wrapper): declared here with the shapes the
 * pages use, so the rest of those blocks is still checked.
 */
const EXTERNAL_STUBS: Readonly<Record<string, string>> = {
  'openapi-fetch.d.ts': `declare module 'openapi-fetch' {
  export interface ClientOptions { baseUrl?: string; headers?: Record<string, string>; querySerializer?: unknown }
  export interface Client { GET(path: string, init?: { params?: { query?: Record<string, unknown> } }): Promise<{ data?: unknown; error?: unknown }> }
  export default function createClient<Paths>(options?: ClientOptions): Client;
}
`,
  'leads-api.d.ts': `/** What \`openapi-typescript\` writes for the demo's document (only its name matters here). */
export interface paths { '/leads': { get: unknown } }
`,
};

const IMPORT_LINE = /^import\s[^;]*;.*$/gm;
const NAMED_IMPORT = /^import\s+(type\s+)?\{([^}]*)\}\s*from\s*(['"][^'"]+['"]);/;

/** The import lines of a chain of blocks, with the named imports of one module merged. */
function mergedImports(lines: readonly string[]): string[] {
  const named = new Map<string, Set<string>>();
  const other = new Set<string>();
  for (const line of lines) {
    const match = NAMED_IMPORT.exec(line);
    if (!match) {
      other.add(line);
      continue;
    }
    const key = `${match[1] ?? ''}${match[3]}`;
    const names = named.get(key) ?? new Set<string>();
    for (const name of match[2]!.split(',')) if (name.trim() !== '') names.add(name.trim());
    named.set(key, names);
  }
  const merged = [...named].map(([key, names]) => {
    const typeOnly = key.startsWith('type ');
    const from = typeOnly ? key.slice(5) : key;
    return `import ${typeOnly ? 'type ' : ''}{ ${[...names].join(', ')} } from ${from};`;
  });
  return [...merged, ...other];
}

const continues = (block: CodeBlock): boolean => block.info.split(/\s+/).includes('continues');

/**
 * The module checked for the block at `index`: on its own, or nested after
 * the blocks it continues (imports hoisted, each later block one scope deeper).
 */
function moduleSource(blocks: readonly CodeBlock[], index: number): string {
  let first = index;
  while (continues(blocks[first]!)) {
    first--;
    if (first < 0)
      throw new Error(`line ${blocks[index]!.line}: 'continues' with no ts block before it`);
  }
  const chain = blocks.slice(first, index + 1);
  const imports = mergedImports(chain.flatMap((block) => block.body.match(IMPORT_LINE) ?? []));
  const bodies = chain.map((block) => block.body.replace(IMPORT_LINE, ''));
  const nested = bodies.reduceRight((inner, body) => `${body}\n{\n${inner}\n}`);
  return `${imports.join('\n')}\n${chain.length > 1 ? nested : bodies[0]}\nexport {};\n`;
}

interface CheckedBlock {
  readonly doc: string;
  readonly line: number;
  readonly file: string;
}

const checked: CheckedBlock[] = [];
let diagnostics = '';

beforeAll(async () => {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  for (const doc of DOC_PAGES) {
    const blocks = codeBlocks(readFileSync(join(ROOT, doc), 'utf8')).filter((b) => b.lang === 'ts');
    blocks.forEach((block, i) => {
      const file = join(SCRATCH, `${doc.replace(/\W/g, '_')}_${block.line}.ts`);
      writeFileSync(file, moduleSource(blocks, i));
      checked.push({ doc, line: block.line, file: relative(SCRATCH, file) });
    });
  }
  for (const [name, text] of Object.entries(EXTERNAL_STUBS))
    writeFileSync(join(SCRATCH, name), text);
  const paths = Object.fromEntries(
    Object.entries(ENTRY_POINTS).map(([name, target]) => [name, [join(ROOT, target)]]),
  );
  writeFileSync(
    join(SCRATCH, 'tsconfig.json'),
    JSON.stringify({
      extends: '../tsconfig.json',
      // Decorators as NestJS has them (docs/http.md's controller), as its users configure.
      compilerOptions: {
        rootDir: '..',
        noEmit: true,
        paths,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
      include: ['*.ts'],
    }),
  );
  try {
    await promisify(execFile)(process.execPath, [TSC, '-p', SCRATCH, '--pretty', 'false'], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    diagnostics = (err as { stdout?: string }).stdout ?? String(err);
  }
}, 120_000);

describe.each(DOC_PAGES)('the ts blocks of %s', (doc) => {
  it('type-check', () => {
    const mine = checked.filter((block) => block.doc === doc);
    const errors = diagnostics
      .split('\n')
      .filter((line) => mine.some((block) => line.includes(block.file)))
      .map((line) => {
        const block = mine.find((b) => line.includes(b.file))!;
        return `${doc}, block at line ${block.line}: ${line.slice(line.indexOf('error'))}`;
      });
    expect(errors).toEqual([]);
  });
});

it('the checker does report a type error in a block', async () => {
  // Guards the harness itself: a broken mapping or a tsc that checks nothing would pass every page.
  const file = join(SCRATCH, 'broken.check.ts');
  writeFileSync(
    file,
    "import { leads } from 'listql';\nconst n: number = leads.name;\nexport {};\n",
  );
  writeFileSync(
    join(SCRATCH, 'tsconfig.broken.json'),
    JSON.stringify({ extends: './tsconfig.json', include: ['broken.check.ts'] }),
  );
  const result = await promisify(execFile)(
    process.execPath,
    [TSC, '-p', join(SCRATCH, 'tsconfig.broken.json'), '--pretty', 'false'],
    { cwd: ROOT },
  ).then(
    () => '',
    (err: { stdout?: string }) => err.stdout ?? '',
  );
  expect(result).toMatch(/broken\.check\.ts.*TS2322/);
  expect(checked.length).toBeGreaterThan(50);
});
