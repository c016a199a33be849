/**
 * `listql/http` must load with none of the optional packages installed: the
 * frameworks and the database drivers may be imported for their types only,
 * and `listql/kysely` (which needs kysely at run time) only lazily. This walks
 * the static runtime imports from src/http/index.ts and lists every package
 * they reach.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Static imports and re-exports that survive compilation (not `import type` / `export type`). */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function runtimePackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.'))
        visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(resolve(entry));
  return packages;
}

describe('listql/http runtime imports', () => {
  it('reach only Node built-ins', () => {
    const packages = [...runtimePackages('src/http/index.ts')];
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    expect(packages.filter((name) => !builtins.has(name))).toEqual([]);
    expect(packages).toContain('node:crypto');
  });

  it('the walker does see a runtime import when there is one', () => {
    expect(runtimePackages('src/backends/kysely/index.ts')).toContain('kysely');
    expect(runtimePackages('src/backends/mongo/index.ts').has('mongodb')).toBe(false);
  });
});
