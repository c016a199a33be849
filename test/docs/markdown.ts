/**
 * Extracts the runnable parts of a markdown document: fenced code blocks
 * (with the block that directly follows each one, for expected results) and
 * tables by header.
 */

/** A fenced code block: its language, the rest of the info string, its body and its line. */
export interface CodeBlock {
  readonly lang: string;
  readonly info: string;
  readonly body: string;
  readonly line: number;
  /** The block right after this one when only blank space separates them. */
  readonly next: CodeBlock | undefined;
}

const FENCE = /^```([\w-]*)[ \t]*([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;

/** Every fenced code block of `markdown`, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const found: {
    lang: string;
    info: string;
    body: string;
    line: number;
    start: number;
    end: number;
  }[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const start = match.index;
    found.push({
      lang: match[1] ?? '',
      info: (match[2] ?? '').trim(),
      body: match[3] ?? '',
      line: markdown.slice(0, start).split('\n').length,
      start,
      end: start + match[0].length,
    });
  }
  const blocks: CodeBlock[] = [];
  for (let i = found.length - 1; i >= 0; i--) {
    const block = found[i]!;
    const after = found[i + 1];
    const adjacent = after !== undefined && markdown.slice(block.end, after.start).trim() === '';
    const { start: _s, end: _e, ...rest } = block;
    blocks.unshift({ ...rest, next: adjacent ? blocks[0] : undefined });
  }
  return blocks;
}

/** The body rows of every table whose header cells are exactly `header`, as cell texts. */
export function tableRows(markdown: string, header: readonly string[]): string[][] {
  const rows: string[][] = [];
  const lines = markdown.split('\n');
  const cells = (line: string): string[] =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || cells(lines[i]!).join('|') !== header.join('|')) continue;
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++)
      rows.push(cells(lines[j]!));
  }
  return rows;
}

/** The `GET /path?query` lines of an http block, split into path and raw query. */
export function requests(block: CodeBlock): { path: string; query: string; line: string }[] {
  return block.body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^GET (\/[\w-]+)(?:\?(.*))?$/.exec(line.trim());
      if (!match) throw new Error(`line ${block.line}: not a 'GET /path?query' line: ${line}`);
      return { path: match[1]!, query: match[2] ?? '', line };
    });
}
