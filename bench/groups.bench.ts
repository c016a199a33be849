/**
 * Boolean groups (`or=(…)`): parse time against the length of the value,
 * for valid groups and for hostile ones built to make a careless parser
 * backtrack or recurse (deep nesting, an unclosed quote full of escapes,
 * separators without items). Time per character should stay flat as the
 * value grows: the tokenizer reads each character once and the parser
 * never backtracks.
 *
 *   npx tsx bench/groups.bench.ts [--quick]
 */
import { defineResource, leads, safeParseListQuery } from '../src/index.js';
import { type Contender, timeInterleaved } from './support/timing.js';

const grouped = defineResource({ ...leads.definition, groups: true });

/** Group values of about `length` characters, by kind; `valid` ones parse. */
function values(
  length: number,
): { readonly name: string; readonly value: string; readonly valid: boolean }[] {
  // 20 leaves (the default limit), their quoted values sharing the length.
  const each = Math.max(1, Math.floor((length - 40 * 20) / 20));
  const leaf = (i: number) => `website="${'a;b('.repeat(Math.ceil(each / 4)).slice(0, each)}${i}"`;
  const valid = `(${Array.from({ length: 10 }, (_, i) => leaf(i)).join(';')};and(${Array.from(
    { length: 10 },
    (_, i) => leaf(i + 10),
  ).join(';')}))`;
  return [
    { name: 'valid: 20 quoted leaves, one nested group', value: valid, valid: true },
    {
      name: 'hostile: nesting far past maxDepth',
      value: `${'(or'.repeat(length / 3)}`,
      valid: false,
    },
    {
      name: 'hostile: unclosed quote of escapes',
      value: `(website="${'\\"'.repeat(length / 2 - 6)}`,
      valid: false,
    },
    { name: 'hostile: only separators', value: `(${'a=1;'.repeat(length / 4 - 1)})`, valid: false },
  ];
}

export interface GroupBenchRow {
  readonly name: string;
  readonly length: number;
  /** Median microseconds per parse of the whole request. */
  readonly micros: number;
  /** Nanoseconds per character of the value. */
  readonly nanosPerChar: number;
}

/** Runs the group benchmark; `quick` takes fewer rounds. */
export function benchGroups(quick: boolean): GroupBenchRow[] {
  const rows: GroupBenchRow[] = [];
  for (const length of [250, 500, 1000, 2000]) {
    const cases = values(length);
    for (const c of cases) {
      // Before timing: each value is what it claims to be, and within the length limit.
      const result = safeParseListQuery(grouped, { or: c.value });
      if (result.success !== c.valid)
        throw new Error(`${c.name} (${length}): ${JSON.stringify(result)}`);
      if ([...c.value].length > 2000) throw new Error(`${c.name}: ${c.value.length} characters`);
    }
    const contenders: Contender[] = cases.map((c) => ({
      name: c.name,
      run: () => safeParseListQuery(grouped, { or: c.value }),
    }));
    const micros = timeInterleaved(contenders, {
      rounds: quick ? 9 : 31,
      warmup: quick ? 3 : 8,
      batch: 50,
    });
    cases.forEach((c, i) => {
      rows.push({
        name: c.name,
        length: [...c.value].length,
        micros: micros[i]!,
        nanosPerChar: (micros[i]! * 1000) / [...c.value].length,
      });
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of benchGroups(process.argv.includes('--quick'))) {
    console.log(
      `${row.name.padEnd(44)} ${String(row.length).padStart(5)} chars ${row.micros.toFixed(1).padStart(8)} µs ${row.nanosPerChar.toFixed(1).padStart(7)} ns/char`,
    );
  }
}
