import { readFileSync } from 'node:fs';

/**
 * Each public import specifier (`listql`, `listql/http`, …) mapped to its
 * source module, derived from package.json's `exports` (`./dist/x.js` is
 * built from `src/x.ts`), so the docs runners know every subpath the package
 * publishes without a list of their own to keep in step.
 */
export const ENTRY_POINTS: Readonly<Record<string, string>> = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    exports: Record<string, string | { default?: string }>;
  };
  const map: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const built = typeof target === 'string' ? undefined : target.default;
    if (built === undefined) continue; // ./package.json
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    map[specifier] = built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
  }
  return map;
})();
