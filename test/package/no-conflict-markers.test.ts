import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Several branches merge into main every day; a conflict block committed by
// mistake (it happened once in docs/errors.md) must fail the suite, not ship.
const MARKER = /^(<{7}|={7}|>{7})( |$)/m;

describe('the repository', () => {
  it('has no merge-conflict markers in any tracked text file', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
      .split('\0')
      .filter((file) => /\.(ts|js|json|md|yml|yaml|html|css|sh)$|^\.ci\//.test(file));
    expect(files.length).toBeGreaterThan(100);
    const marked = files.filter((file) => MARKER.test(readFileSync(file, 'utf8')));
    expect(marked).toEqual([]);
  });
});
