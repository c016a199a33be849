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
const BUDGET = 5_320;

/** What a front end with a data table imports, as docs/client.md shows it. */
const TYPICAL = `import { fetchList, fromSearch, leads, listUrl, pages, toSearch } from 'listql/client';
  export const url = listUrl(leads, { filter: { status: ['won'] } });
  export const load = () => fetchList('/leads', leads, { fields: ['name'] });
  export const walk = () => pages('/leads', leads, { limit: 100 });
  export const save = (state) => toSearch(leads, state);
  export const restore = () => fromSearch(leads, location.search);`;

/** The budget of the typical import with a resource of the front end's own instead of leads. */
const OWN_BUDGET = 5_050;

/** A dozen fields of every type, as a front end's own resource might have. */
const OWN_DEFINITION = `{ name: 'tasks', fields: {
  id: { type: 'string' },
  title: { type: 'string', sortable: true, searchable: true },
  status: { type: 'enum', values: ['todo', 'doing', 'done'], filter: ['eq'], list: true, sortable: true },
  priority: { type: 'number', filter: ['eq', 'gt', 'gte', 'lt', 'lte'], sortable: true },
  owner: { type: 'string', nullable: true, filter: ['eq', 'exists'] },
  project: { type: 'string', filter: ['eq'], list: true },
  estimate: { type: 'number', nullable: true },
  done: { type: 'boolean', filter: ['eq'] },
  due: { type: 'datetime', nullable: true, filter: ['gte', 'lte', 'exists'], sortable: true },
  createdAt: { type: 'datetime', filter: ['gte', 'lte'], sortable: true },
  updatedAt: { type: 'datetime', sortable: true },
  tags: { type: 'string' },
}, defaults: { sort: 'createdAt:desc' } }`;
const OWN_FIELDS = 12;

/** The typical import's calls on that resource, built by `builder`. */
const ownResource = (builder: string) =>
  `import { ${builder}, fetchList, fromSearch, listUrl, pages, toSearch } from 'listql/client';
  const tasks = ${builder}(${OWN_DEFINITION});
  export const url = listUrl(tasks, { filter: { status: ['done'] } });
  export const load = () => fetchList('/tasks', tasks, { fields: ['title'] });
  export const walk = () => pages('/tasks', tasks, { limit: 100 });
  export const save = (state) => toSearch(tasks, state);
  export const restore = () => fromSearch(tasks, location.search);`;

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

  it(`a front end's own plain resource, built with buildPlainResource, stays under ${OWN_BUDGET} bytes without the group and relation code`, async () => {
    const plain = await bundle(ownResource('buildPlainResource'));
    const full = await bundle(ownResource('buildResource'));
    console.info(
      `listql/client with a ${OWN_FIELDS}-field resource of its own: ${plain.gzipped} B gzipped with buildPlainResource, ${full.gzipped} B with buildResource`,
    );
    expect(plain.gzipped).toBeLessThan(OWN_BUDGET);
    expect(plain.code).not.toContain('a group needs a non-empty list');
    expect(plain.code).not.toContain('relationList.flatMap');
    // buildResource brings both, whatever the definition holds.
    expect(full.code).toContain('a group needs a non-empty list');
    expect(full.gzipped - plain.gzipped).toBeGreaterThan(1_000);
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
