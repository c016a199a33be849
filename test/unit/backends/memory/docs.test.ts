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
import { describe, expect, it } from 'vitest';
import * as memory from '../../../../src/backends/memory/index.js';
import * as listql from '../../../../src/index.js';
import * as testing from '../../../../src/testing/index.js';
import { codeBlocks } from '../../../docs/markdown.js';
import { runSnippet } from '../../../docs/run-snippet.js';

const DOCS = ['docs/backends/memory.md', 'docs/backends/custom.md'] as const;

const MODULES: Readonly<Record<string, unknown>> = {
  listql,
  'listql/memory': memory,
  'listql/testing': testing,
  'fast-check': { ...fc, default: fc },
  'node:util': nodeUtil,
};

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
      await runSnippet(block.body, MODULES);
    },
  );
});
