/**
 * Runs every ```ts block of docs/backends/memory.md and docs/backends/custom.md
 * against the source: imports from `listql`, `listql/memory`, `listql/testing`,
 * `fast-check` and `node:util` are bound to the modules here, and a statement line ending
 * in `// → <expression>` asserts that the statement's value deep-equals the
 * expression (the convention of test/docs). Every such line must run.
 */
import { readFileSync } from 'node:fs';
import * as nodeUtil from 'node:util';
import fc from 'fast-check';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import * as memory from '../../../../src/backends/memory/index.js';
import * as listql from '../../../../src/index.js';
import * as testing from '../../../../src/testing/index.js';
import { codeBlocks } from '../../../docs/markdown.js';

const DOCS = ['docs/backends/memory.md', 'docs/backends/custom.md'] as const;

const MODULES: Readonly<Record<string, unknown>> = {
  listql,
  'listql/memory': memory,
  'listql/testing': testing,
  'fast-check': { ...fc, default: fc },
  'node:util': nodeUtil,
};

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

const CHECK = /^(\s*)(.+?);\s*\/\/ → (.+)$/;
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']([\w/:-]+)["'];?/g;
const DEFAULT_IMPORT = /import\s+(\w+)\s+from\s*["']([\w/:-]+)["'];?/g;

function moduleRef(name: string): string {
  if (!(name in MODULES)) throw new Error(`a docs example may not import '${name}'`);
  return `__modules[${JSON.stringify(name)}]`;
}

async function runExample(source: string): Promise<void> {
  let checks = 0;
  const withChecks = source
    .split('\n')
    .map((line) => {
      const match = CHECK.exec(line);
      if (!match) return line;
      checks++;
      const [, indent, expression, expected] = match;
      return `${indent}__check((${expression}), (${expected}), ${JSON.stringify(line.trim())});`;
    })
    .join('\n');
  const js = (await transformWithOxc(withChecks, 'example.ts')).code
    .replace(NAMED_IMPORT, (_all, names: string, from: string) => {
      return `const {${names.replace(/\bas\b/g, ':')}} = ${moduleRef(from)};`;
    })
    .replace(DEFAULT_IMPORT, (_all, name: string, from: string) => {
      return `const ${name} = ${moduleRef(from)}.default;`;
    });
  if (/^\s*(import|export)\b/m.test(js)) {
    throw new Error(`an example may import only from ${Object.keys(MODULES).join(', ')}`);
  }
  let ran = 0;
  const check = (actual: unknown, expected: unknown, line: string): void => {
    ran++;
    expect(actual, line).toEqual(expected);
  };
  await new AsyncFunction('__modules', '__check', js)(MODULES, check);
  expect(ran, 'checks reached').toBe(checks);
}

describe.each(DOCS)('%s', (doc) => {
  const markdown = readFileSync(new URL(`../../../../${doc}`, import.meta.url), 'utf8');
  const blocks = codeBlocks(markdown).filter((block) => block.lang === 'ts');

  it('has examples, each with at least one checked result', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block.body, `line ${block.line}`).toMatch(/\/\/ → /);
  });

  it.each(blocks.map((block) => ({ block, name: `${doc}:${block.line}` })))(
    'runs the example at $name',
    async ({ block }) => {
      await runExample(block.body);
    },
  );
});
