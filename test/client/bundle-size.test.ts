/**
 * The size budget of `listql/client` in a browser: a typical import
 * (`listUrl`, `fetchList`, `pages`, `toSearch` / `fromSearch` with the leads
 * preset) bundled by esbuild for the
 * browser platform — which fails on any Node built-in — minified and gzipped.
 * The number is recorded in docs/client.md, with where the bytes go.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The budget of the typical import, just above its measured size (see
 * docs/client.md "Size" for the measurement and where the bytes go), so that
 * the client cannot grow unseen while the query language grows. The issue's
 * target is 5 kB.
 */
const BUDGET = 5_700;

/** What a front end with a data table imports, as docs/client.md shows it. */
const TYPICAL = `import { fetchList, fromSearch, leads, listUrl, pages, toSearch } from 'listql/client';
  export const url = listUrl(leads, { filter: { status: ['won'] } });
  export const load = () => fetchList('/leads', leads, { fields: ['name'] });
  export const walk = () => pages('/leads', leads, { limit: 100 });
  export const save = (state) => toSearch(leads, state);
  export const restore = () => fromSearch(leads, location.search);`;

async function bundle(entry: string): Promise<{ code: string; gzipped: number }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    alias: { 'listql/client': resolve('src/client/index.ts') },
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzipped: gzipSync(code, { level: 9 }).length };
}

describe('listql/client in a browser bundle', () => {
  it(`listUrl + fetchList + pages + table state + leads stay under ${BUDGET} bytes minified and gzipped`, async () => {
    const { code, gzipped } = await bundle(TYPICAL);
    console.info(`listql/client typical import: ${code.length} B minified, ${gzipped} B gzipped`);
    expect(gzipped).toBeLessThan(BUDGET);
    // The bundle really holds the client (and no parser: it never names cursors' HMAC).
    expect(code).toContain('Unknown request key');
    expect(code).not.toContain('createHmac');
    // Leads has no groups and no relations: their code is not in its bundle.
    expect(code).not.toContain('a group needs a non-empty list');
    expect(code).not.toContain('relationList.flatMap');
  });

  it('a resource with groups and relations brings their code, installed by its builder', async () => {
    const { code } = await bundle(TYPICAL.replaceAll('leads', 'labeledLeads'));
    expect(code).toContain('a group needs a non-empty list');
    expect(code).toContain('relationList.flatMap');
  });

  it('the leads preset comes without defineResource’s definition checks', async () => {
    const { code } = await bundle(`import { leads } from 'listql/client'; export { leads };`);
    expect(code).toContain('lossReason');
    expect(code).not.toContain('defineResource(');
    // defineResource itself still carries them, for definitions written by hand.
    const define = await bundle(`export { defineResource } from 'listql/client';`);
    expect(define.code).toContain('is not a sortable field');
  });

  it('the browser build fails on a Node built-in, so the budget test would see one', async () => {
    await expect(
      bundle(`import { createHash } from 'node:crypto'; export { createHash };`),
    ).rejects.toThrow(/node:crypto/);
  });
});
