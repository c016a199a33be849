/**
 * Runs `bench/memory.bench.ts` (which runs each of its parts in a fresh
 * process) as a child process and reads its tables back, so the suite reuses
 * that benchmark as it is instead of copying it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MemoryTable {
  readonly title: string;
  readonly matches: string;
  /** Candidate → median ms. */
  readonly medians: ReadonlyMap<string, number>;
  /** The table as printed. */
  readonly markdown: string;
}

export interface MemoryResult {
  readonly header: string;
  readonly tables: readonly MemoryTable[];
}

/**
 * Reads the tables `memory.bench.ts` prints: a title line, a matches line,
 * then a markdown table with a median-ms column.
 *
 * @example
 * parseMemoryOutput('x\n\nQ\n9 matches\n\n| candidate | median ms |\n|---|---:|\n| hand-written | 1.00 |\n');
 */
export function parseMemoryOutput(output: string): MemoryResult {
  const lines = output.split('\n');
  const tables: MemoryTable[] = [];
  const headerEnd = lines.indexOf('');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('| candidate')) continue;
    const rows: string[] = [lines[i]!, lines[i + 1]!];
    const medians = new Map<string, number>();
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) {
      rows.push(lines[j]!);
      const cells = lines[j]!.split('|').map((cell) => cell.trim());
      medians.set(cells[1]!, Number(cells[2]));
    }
    // Title and matches lines sit above the table, after a blank line.
    const above = lines.slice(0, i).filter((line) => line !== '');
    tables.push({
      title: above.at(-2) ?? '',
      matches: above.at(-1) ?? '',
      medians,
      markdown: rows.join('\n'),
    });
    i = j;
  }
  return { header: lines.slice(0, Math.max(headerEnd, 0)).join('\n'), tables };
}

/** Runs the memory benchmark with `args` and returns its parsed output. */
export function runMemoryBench(args: readonly string[]): MemoryResult {
  const script = fileURLToPath(new URL('./memory.bench.ts', import.meta.url));
  const output = execFileSync(process.execPath, [...process.execArgv, script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseMemoryOutput(output);
}
