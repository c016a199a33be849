/**
 * Parse + validate (`safeParseListQuery`) against bare query-string parsers
 * on a mix of ten realistic list requests: the spec's examples and typical
 * dashboard queries. The bare parsers only split the string; listql also
 * checks every field, operator and value and builds the frozen AST.
 *
 *   npx tsx bench/parse.bench.ts [--quick]
 */
import aqp from 'api-query-params';
import qs from 'qs';
import { leads, safeParseListQuery } from '../src/index.js';
import { type Contender, timeInterleaved } from './support/timing.js';

/** Ten requests a leads dashboard sends; each parses without issues. */
export const PARSE_QUERIES: readonly string[] = [
  'status=won,lost&value[gte]=100&sort=createdAt:desc',
  'status=won&status=lost&limit=20&page=2',
  'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&sort=value:desc',
  'gclid[exists]=true&source=gtm,api&fields=id,name,email,status,value',
  'search=john&limit=50',
  'sort=updatedAt:desc&limit=25&page=3',
  'status=open&value[gt]=0&value[lte]=5000&sort=value:desc,createdAt:desc&limit=100',
  'updatedAt[gte]=2026-01-31T12:00:00Z&fields=id,name,status,updatedAt&sort=updatedAt:desc',
  'source=inbound&utm_source=google&utm_medium=cpc&createdAt=2026-01-31&search=acme%20corp',
  'labelId=lbl_1,lbl_2&qualifiedAt[exists]=false&status=qualified&page=1&limit=10',
];

export interface ParseBenchRow {
  readonly name: string;
  /** Strings per second over the whole mix (median round). */
  readonly perSecond: number;
  /** listql's throughput divided by this row's: above 1, listql is faster. */
  readonly listqlSpeedup: number;
}

/**
 * The parsers compared; the first is listql. Each loop is written out: one
 * shared loop would make its call site polymorphic and slow every contender.
 */
function contenders(queries: readonly string[]): Contender[] {
  return [
    {
      name: 'listql safeParseListQuery (parse + validate)',
      run: () => {
        for (const s of queries) safeParseListQuery(leads, s);
      },
    },
    {
      name: 'qs.parse (split only)',
      run: () => {
        for (const s of queries) qs.parse(s);
      },
    },
    {
      name: 'api-query-params aqp (split + cast)',
      run: () => {
        for (const s of queries) aqp(s);
      },
    },
    {
      name: 'URLSearchParams (split only, native)',
      run: () => {
        for (const s of queries) new URLSearchParams(s);
      },
    },
  ];
}

/** Before timing: every string is a valid request, and the bare parsers see the same keys listql read. */
function check(queries: readonly string[]): void {
  for (const s of queries) {
    const result = safeParseListQuery(leads, s);
    if (!result.success) throw new Error(`${s}: ${JSON.stringify(result.issues)}`);
    const keys = [...new Set(new URLSearchParams(s).keys())].map((k) => k.replace(/\[.*$/, ''));
    const qsKeys = Object.keys(qs.parse(s));
    const aqpParsed = aqp(s) as { filter: Record<string, unknown> };
    if (keys.some((k) => !qsKeys.includes(k))) throw new Error(`${s}: qs misses a key`);
    if (aqpParsed.filter === undefined) throw new Error(`${s}: aqp returned no filter`);
  }
}

/** Runs the parse benchmark; `quick` takes fewer rounds. */
export function benchParse(quick: boolean): ParseBenchRow[] {
  check(PARSE_QUERIES);
  const list = contenders(PARSE_QUERIES);
  const perCall = timeInterleaved(list, {
    rounds: quick ? 15 : 41,
    warmup: quick ? 5 : 10,
    batch: 200,
  });
  const perSecond = perCall.map((us) => (PARSE_QUERIES.length * 1e6) / us);
  return list.map((c, i) => ({
    name: c.name,
    perSecond: perSecond[i]!,
    listqlSpeedup: perSecond[0]! / perSecond[i]!,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of benchParse(process.argv.includes('--quick'))) {
    console.log(
      `${row.name.padEnd(48)} ${Math.round(row.perSecond).toLocaleString('en').padStart(10)}/s  listql ×${row.listqlSpeedup.toFixed(2)}`,
    );
  }
}
