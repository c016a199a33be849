/**
 * Runs the TypeScript examples of docs/http.md and docs/openapi.md as real
 * modules: `listql` and its subpaths are bound to the source, other imports
 * (express, kysely, …) resolve as in the repository. A statement ending in
 * `// → value`, or followed by a line `// → value`, asserts that the
 * statement's value deep-equals `value`; every such check must run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { ENTRY_POINTS } from '../support/entry-points.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRATCH = join(ROOT, '.scratch-docs');

const SAME_LINE = /^(\s*)(.+?);\s*\/\/ → (.+)$/;
const NEXT_LINE = /^\s*\/\/ → (.+)$/;

/** Turns check comments into `__check(actual, expected, label)` calls. */
export function withChecks(source: string): { code: string; checks: number } {
  const lines = source.split('\n');
  const out: string[] = [];
  let checks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const same = SAME_LINE.exec(line);
    const next = NEXT_LINE.exec(lines[i + 1] ?? '');
    if (same) {
      checks++;
      out.push(`${same[1]}__check((${same[2]}), (${same[3]}), ${JSON.stringify(line.trim())});`);
    } else if (next && line.trimEnd().endsWith(';') && !line.trim().startsWith('//')) {
      checks++;
      const expression = line.trimEnd().slice(0, -1);
      out.push(`__check((${expression}), (${next[1]}), ${JSON.stringify(line.trim())});`);
      i++;
    } else {
      out.push(line);
    }
  }
  return { code: out.join('\n'), checks };
}

function bindImports(code: string): string {
  return code.replace(
    /from\s+(['"])(listql(?:\/[a-z]+)?)\1/g,
    (_all, _quote, specifier: string) => {
      const target = ENTRY_POINTS[specifier];
      if (!target) throw new Error(`docs example imports unknown entry point '${specifier}'`);
      return `from ${JSON.stringify(pathToFileURL(join(ROOT, target)).href)}`;
    },
  );
}

/** Runs one example; `name` names its scratch file (unique per block). */
export async function runDocExample(source: string, name: string): Promise<void> {
  const { code, checks } = withChecks(source);
  let ran = 0;
  const check = (actual: unknown, expected: unknown, label: string): void => {
    ran++;
    expect(actual, label).toEqual(expected);
  };
  (globalThis as { __docCheck?: typeof check }).__docCheck = check;
  mkdirSync(SCRATCH, { recursive: true });
  const file = join(SCRATCH, `${name.replace(/[^\w.-]/g, '_')}.ts`);
  const header = 'const __check = (globalThis as any).__docCheck;\n';
  writeFileSync(file, header + bindImports(code));
  try {
    await import(`${pathToFileURL(file).href}?t=${Date.now()}`);
  } finally {
    delete (globalThis as { __docCheck?: unknown }).__docCheck;
  }
  expect(ran, `${name}: checks reached`).toBe(checks);
}
