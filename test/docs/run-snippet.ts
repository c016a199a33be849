/**
 * Runs a TypeScript example from the docs against the library source.
 * Imports are bound to the modules given (by default `listql` → `src/index.ts`);
 * a statement line ending in `// → <expression>` asserts that the statement's
 * value deep-equals the expression; every such line must run exactly once.
 */

import { transformWithOxc } from 'vite';
import { expect } from 'vitest';
import * as listql from '../../src/index.js';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

const CHECK = /^(\s*)(.+?);\s*\/\/ → (.+)$/;
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']([\w/:-]+)["'];?/g;
const DEFAULT_IMPORT = /import\s+(\w+)\s+from\s*["']([\w/:-]+)["'];?/g;

/** Module name → module, for the imports a snippet may use. */
export type SnippetModules = Readonly<Record<string, unknown>>;

/** Turns `expr; // → value` lines into assertions. */
function withChecks(source: string): { code: string; checks: number } {
  let checks = 0;
  const code = source
    .split('\n')
    .map((line) => {
      const match = CHECK.exec(line);
      if (!match) return line;
      checks++;
      const [, indent, expression, expected] = match;
      return `${indent}__check((${expression}), (${expected}), ${JSON.stringify(line.trim())});`;
    })
    .join('\n');
  return { code, checks };
}

/**
 * Runs `source`; fails when a `// →` check fails, when a check line was never
 * reached (a `try` block that did not throw, say), or when it imports a
 * module not in `modules`.
 */
export async function runSnippet(
  source: string,
  modules: SnippetModules = { listql },
): Promise<void> {
  const moduleRef = (name: string): string => {
    if (!Object.hasOwn(modules, name)) {
      throw new Error(
        `a docs snippet may import only ${Object.keys(modules).join(', ')}, not '${name}'`,
      );
    }
    return `__modules[${JSON.stringify(name)}]`;
  };
  const { code, checks } = withChecks(source);
  let ran = 0;
  const check = (actual: unknown, expected: unknown, line: string): void => {
    ran++;
    expect(actual, line).toEqual(expected);
  };
  // Type-only imports have no value to bind (the type check sees them: typecheck.test.ts).
  const typeImports = /^import\s+type\s[^;]*;[^\n]*$/gm;
  const body = (await transformWithOxc(code.replace(typeImports, ''), 'snippet.ts')).code
    .replace(
      NAMED_IMPORT,
      (_all, names: string, from: string) =>
        `const {${names.replace(/\bas\b/g, ':')}} = ${moduleRef(from)};`,
    )
    .replace(
      DEFAULT_IMPORT,
      (_all, name: string, from: string) => `const ${name} = ${moduleRef(from)}.default;`,
    );
  if (/^\s*(import|export)\b/m.test(body)) {
    throw new Error('a docs snippet may not export, nor import in any other form');
  }
  await new AsyncFunction('__modules', '__check', body)(modules, check);
  expect(ran, 'checks reached').toBe(checks);
}
