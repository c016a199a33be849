import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The page's script and style sheet, as served. */
export interface ExplorerAssets {
  readonly script: string;
  readonly style: string;
}

let assets: Promise<ExplorerAssets> | undefined;

const pageFile = (name: string): string =>
  fileURLToPath(new URL(`./page/${name}`, import.meta.url));

async function buildAssets(): Promise<ExplorerAssets> {
  // Loaded on first use: esbuild is a development tool, and a demo that is
  // never opened in a browser does not need it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [pageFile('main.ts')],
    tsconfig: pageFile('tsconfig.json'),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no output for the explorer page');
  return { script, style: await readFile(pageFile('explorer.css'), 'utf8') };
}

/**
 * The explorer page's script, bundled by esbuild from `page/main.ts` and the
 * library's own sources (listql/client, the resource definitions) on first
 * request, then kept in memory for the life of the process. Bundling at run
 * time keeps `npm run demo` a single command on a fresh clone (no build step,
 * no generated file to keep in sync) and costs well under a second, once.
 *
 * @example
 * const { script } = await explorerAssets();
 */
export function explorerAssets(): Promise<ExplorerAssets> {
  assets ??= buildAssets().catch((err: unknown) => {
    assets = undefined; // a failed build is retried by the next request
    throw err;
  });
  return assets;
}
