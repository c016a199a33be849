/**
 * Every docs page's ts blocks are run by some test: the pages listed for this
 * file in ./pages.ts run here, as real modules (test/http/doc-examples.ts:
 * `listql` bound to the source, `// → value` checks); a `fragment` block is
 * only type-checked (./typecheck.test.ts), because it needs a server or a
 * database the tests do not give it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDocExample } from '../http/doc-examples.js';
import { codeBlocks } from './markdown.js';
import { DOC_PAGES, RUNNERS } from './pages.js';

const tsBlocks = (doc: string) =>
  codeBlocks(readFileSync(doc, 'utf8')).filter((block) => block.lang === 'ts');

const THIS_FILE = 'test/docs/every-page.test.ts';
const ALLOWED_INFO = ['', 'fragment', 'fragment continues', 'throws'];

describe('docs pages', () => {
  it('every page with ts blocks has a runner, and every runner a page', () => {
    const withBlocks = DOC_PAGES.filter((doc) => tsBlocks(doc).length > 0);
    expect(withBlocks.filter((doc) => RUNNERS[doc] === undefined)).toEqual([]);
    expect(Object.keys(RUNNERS).filter((doc) => !DOC_PAGES.includes(doc))).toEqual([]);
    for (const [doc, runner] of Object.entries(RUNNERS)) {
      if (runner === THIS_FILE) continue; // reads its pages from RUNNERS
      // The runner names the page (its list of pages is where it reads them).
      expect(readFileSync(runner, 'utf8'), runner).toContain(`'${doc}'`);
    }
  });

  it('ts blocks use only the known infos', () => {
    const unknown = DOC_PAGES.flatMap((doc) =>
      tsBlocks(doc)
        .filter((block) => !ALLOWED_INFO.includes(block.info))
        .map((block) => `${doc}:${block.line} '${block.info}'`),
    );
    expect(unknown).toEqual([]);
  });
});

const MINE = Object.entries(RUNNERS)
  .filter(([, runner]) => runner === THIS_FILE)
  .map(([doc]) => doc);

describe.each(MINE)('%s', (doc) => {
  const blocks = tsBlocks(doc);
  it('has ts blocks', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });
  for (const block of blocks.filter((b) => !b.info.startsWith('fragment'))) {
    it(`runs the example at line ${block.line}`, async () => {
      expect(block.info).toBe('');
      await runDocExample(block.body, `${doc.replace(/\W/g, '-')}-${block.line}`);
    });
  }
});
