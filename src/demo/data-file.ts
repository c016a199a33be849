import { readFile } from 'node:fs/promises';
import type { Resource } from '../resource/index.js';
import { type FieldRow, validateRow } from './validate-row.js';

/** A data file the demo refuses, naming the line at fault. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  constructor(
    readonly file: string,
    /** 1-based; 0 when the file as a whole is at fault (cannot be read). */
    readonly line: number,
    readonly problem: string,
  ) {
    super(line === 0 ? `${file}: ${problem}` : `${file} line ${line}: ${problem}`);
  }
}

/**
 * Reads newline-delimited JSON, one record per line, and validates every line
 * against `resource` before returning anything, so a bad line means nothing
 * is loaded. Every line must hold a record (a final newline is fine; empty
 * lines elsewhere are not), and ids must be unique.
 *
 * @example
 * const rows = await readDataFile('leads.ndjson', leads); // throws DataFileError('…', 12, 'unknown field …')
 */
export async function readDataFile<F extends string>(
  file: string,
  resource: Resource<F>,
): Promise<FieldRow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new DataFileError(
      file,
      0,
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  // A UTF-8 byte order mark, as some editors write, is not part of the first record.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const rows: FieldRow[] = [];
  const ids = new Map<string | number | boolean | null, number>();
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    if (line.trim() === '') throw new DataFileError(file, number, 'is empty');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DataFileError(file, number, 'is not valid JSON');
    }
    const checked = validateRow(resource, value);
    if ('problem' in checked) throw new DataFileError(file, number, checked.problem);
    const id = checked.row[resource.idField]!;
    const first = ids.get(id);
    if (first !== undefined) {
      throw new DataFileError(file, number, `id '${String(id)}' repeats line ${first}`);
    }
    ids.set(id, number);
    rows.push(checked.row);
  }
  return rows;
}
