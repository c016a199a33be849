/**
 * The relations part of docs/benchmarks.md: the targets (listql within 1.1×
 * of the hand-written query) and a table per engine. Pure: no timing, no I/O.
 */
import { LABELS, type RelationEngineResult, TAGS, TAGS_PER_LEAD } from './relations.bench.js';

/** What the suite measured for relations; null when skipped (quick mode). */
export type RelationsResults = {
  readonly rows: number;
  readonly engines: readonly RelationEngineResult[];
} | null;

const fmt = (n: number) =>
  n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Markers around the section, so `--only=relations` can replace it alone. */
export const RELATIONS_BEGIN = '<!-- begin: relations (bench/relations-report.ts) -->';
export const RELATIONS_END = '<!-- end: relations -->';

/** The section: the data, then a table per engine. */
export function relationsSection(relations: RelationsResults): string[] {
  if (relations === null) return [];
  const lines = [
    RELATIONS_BEGIN,
    '',
    `## Relations: ${relations.rows.toLocaleString('en')} leads, ${LABELS.toLocaleString('en')} labels, ${TAGS_PER_LEAD} tags a lead`,
    '',
    `\`bench/relations.bench.ts\`: the leads of the scale part (9 in 10 with a label; ten labels named VIP), ${TAGS} tags (three soft-deleted, hidden by the relation's \`where\`) linked through a join table indexed both ways, the \`labeledLeads\` preset's relations. Each shape runs through \`runListQuery\` (\`count=none\`, the page of 50 and, for embeds, the batched tag query) and as the same queries written by hand in Kysely (the join, the \`EXISTS\`, one tag query for the page), rows and embedded objects checked equal first; the plain page (\`sort=createdAt:desc\`, no relation) runs in the same rounds. Median ms. Target (issue 12): listql within 1.1× of the hand-written query.`,
    '',
  ];
  for (const engine of relations.engines) {
    lines.push(
      `### ${engine.engine}`,
      '',
      engine.loadReport,
      '',
      '| shape | rows | hand-written Kysely | listql | listql ÷ hand | ≤ 1.1× | plain page | listql ÷ plain |',
      '|---|---:|---:|---:|---:|---|---:|---:|',
      ...engine.rows.map((row) => {
        const ratio = row.listqlMs / row.handMs;
        return `| ${row.label} | ${row.rows} | ${fmt(row.handMs)} | ${fmt(row.listqlMs)} | ${fmt(ratio)} | ${ratio <= 1.1 ? '**met**' : '**missed**'} | ${fmt(row.plainMs)} | ${fmt(row.listqlMs / row.plainMs)} |`;
      }),
      '',
    );
  }
  lines.push(RELATIONS_END, '');
  return lines;
}
