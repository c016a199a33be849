/**
 * The size budget of `listql/client` in a browser: a typical import
 * (`listUrl` and `fetchList` with the leads preset) bundled by esbuild for the
 * browser platform — which fails on any Node built-in — minified and gzipped.
 * The number is recorded in docs/client.md, with where the bytes go.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The budget: 5 kB was the target and is missed (see docs/client.md for the
 * measurement and where the bytes go: the leads preset with defineResource's
 * checks is a third of it). The bound stops the client from growing unseen
 * while the query language grows.
 */
const BUDGET = 12 * 1024;

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
  it(`listUrl + fetchList + leads stay under ${BUDGET} bytes minified and gzipped`, async () => {
    const { code, gzipped } = await bundle(
      `import { fetchList, leads, listUrl } from 'listql/client';
       export const url = listUrl(leads, { filter: { status: ['won'] } });
       export const load = () => fetchList('/leads', leads, { fields: ['name'] });`,
    );
    console.info(`listql/client typical import: ${code.length} B minified, ${gzipped} B gzipped`);
    expect(gzipped).toBeLessThan(BUDGET);
    // The bundle really holds the client (and no parser: it never names cursors' HMAC).
    expect(code).toContain('cannot be expressed in the query language');
    expect(code).not.toContain('createHmac');
  });

  it('the browser build fails on a Node built-in, so the budget test would see one', async () => {
    await expect(
      bundle(`import { createHash } from 'node:crypto'; export { createHash };`),
    ).rejects.toThrow(/node:crypto/);
  });
});
