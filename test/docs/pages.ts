/**
 * Every documentation page, and which test file runs its ```ts blocks. The
 * blocks of every page are type-checked by ./typecheck.test.ts; each page
 * with ts blocks must also be run by one runner (./every-page.test.ts holds
 * both rules). A block that cannot run here (it needs a live MongoDB, say)
 * says so with the info `fragment` (```ts fragment): it is type-checked,
 * never run. `continues` (```ts fragment continues) types a block after the
 * page's previous one, for an example told in several steps.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [relative('.', path)] : [];
  });
}

/** README.md and every page under docs/, sorted. */
export const DOC_PAGES: readonly string[] = ['README.md', ...markdownFiles('docs').sort()];

/** The runner of each page's ts blocks. */
export const RUNNERS: Readonly<Record<string, string>> = {
  'docs/query-language.md': 'test/docs/examples.test.ts',
  'docs/resources.md': 'test/docs/examples.test.ts',
  'docs/errors.md': 'test/docs/examples.test.ts',
  'docs/leads.md': 'test/docs/examples.test.ts',
  'docs/ast.md': 'test/docs/examples.test.ts',
  'docs/relations.md': 'test/docs/examples.test.ts',
  'docs/http.md': 'test/http/docs-examples.test.ts',
  'docs/openapi.md': 'test/http/docs-examples.test.ts',
  'docs/pagination.md': 'test/http/docs-examples.test.ts',
  'docs/client.md': 'test/http/docs-examples.test.ts',
  'docs/backends/memory.md': 'test/unit/backends/memory/docs.test.ts',
  'docs/backends/custom.md': 'test/unit/backends/memory/docs.test.ts',
  'README.md': 'test/docs/every-page.test.ts',
  'docs/backends/mongo.md': 'test/docs/every-page.test.ts',
  'docs/backends/sql.md': 'test/docs/every-page.test.ts',
};
