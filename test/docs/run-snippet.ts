/**
 * Runs a TypeScript example from the docs against the library source.
 * `import { … } from 'listql'` is bound to `src/index.ts`; a statement line
 * ending in `// → <expression>` asserts that the statement's value deep-equals
 * the expression; every such line must run exactly once.
 */

import { transformWithOxc } from 'vite';
import { expect } from 'vitest';
import * as listql from '../../src/index.js';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

const CHECK = /^(\s*)(.+?);\s*\/\/ → (.+)$/;
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']listql["'];?/g;

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
 * Runs `source`; fails when a `// →` check fails or when a check line was
 * never reached (a `try` block that did not throw, say).
 */
export async function runSnippet(source: string): Promise<void> {
  const { code, checks } = withChecks(source);
  let ran = 0;
  const check = (actual: unknown, expected: unknown, line: string): void => {
    ran++;
    expect(actual, line).toEqual(expected);
  };
  const js = (await transformWithOxc(code, 'snippet.ts')).code;
  const body = js.replace(
    IMPORT,
    (_all, names: string) => `const {${names.replace(/\bas\b/g, ':')}} = __listql;`,
  );
  if (/^\s*(import|export)\b/m.test(body)) {
    throw new Error('a docs snippet may import only from listql and export nothing');
  }
  await new AsyncFunction('__listql', '__check', body)(listql, check);
  expect(ran, 'checks reached').toBe(checks);
}
