/**
 * The examples of docs/http.md, docs/openapi.md, docs/pagination.md and docs/client.md: every ```ts block runs
 * (its `// →` checks must hold); ```ts fragment blocks (which need a server
 * or a driver the tests do not have) must at least be valid TypeScript.
 */
import { readFileSync } from 'node:fs';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../docs/markdown.js';
import { runDocExample, withChecks } from './doc-examples.js';

const DOCS = ['docs/http.md', 'docs/openapi.md', 'docs/pagination.md', 'docs/client.md'] as const;

describe.each(DOCS)('%s', (doc) => {
  const blocks = codeBlocks(readFileSync(doc, 'utf8')).filter((b) => b.lang === 'ts');

  it('has runnable examples with checks', () => {
    const runnable = blocks.filter((b) => b.info === '');
    expect(runnable.length).toBeGreaterThan(3);
    expect(runnable.reduce((sum, b) => sum + withChecks(b.body).checks, 0)).toBeGreaterThan(10);
  });

  for (const block of blocks) {
    const name = `${doc.replace(/\W/g, '-')}-${block.line}`;
    // `fragment` blocks (also `fragment continues`) are type-checked by test/docs/typecheck.test.ts.
    if (block.info.startsWith('fragment')) {
      it(`fragment at line ${block.line} is valid TypeScript`, async () => {
        const result = await transformWithOxc(block.body, 'fragment.ts');
        expect(result.code.length).toBeGreaterThan(0);
      });
    } else {
      it(`example at line ${block.line}`, async () => {
        expect(block.info).toBe('');
        await runDocExample(block.body, name);
      });
    }
  }
});

describe('the check syntax', () => {
  it('turns same-line and next-line checks into assertions', () => {
    const { code, checks } = withChecks('a; // → 1\nb;\n// → 2\n// a comment;\nc;');
    expect(checks).toBe(2);
    expect(code).toBe(
      '__check((a), (1), "a; // → 1");\n__check((b), (2), "b;");\n// a comment;\nc;',
    );
  });
});
