/**
 * Replacing one marked section of docs/benchmarks.md, so that one part of the
 * suite can be run alone (`npm run bench -- --only=…`) and rewrite only its
 * own section.
 */

/**
 * `existing` with the text between `begin` and `end` (markers included)
 * replaced by `section`, or `section` inserted before `generatedEnd` when
 * the markers are missing; undefined when neither is there.
 *
 * @example
 * spliceSection(readFileSync(file, 'utf8'), section, RELATIONS_BEGIN, RELATIONS_END, END);
 */
export function spliceSection(
  existing: string,
  section: string,
  begin: string,
  end: string,
  generatedEnd: string,
): string | undefined {
  const from = existing.indexOf(begin);
  const to = existing.indexOf(end);
  if (from !== -1 && to > from) {
    return existing.slice(0, from) + section.trimEnd() + existing.slice(to + end.length);
  }
  const at = existing.indexOf(generatedEnd);
  if (at === -1) return undefined;
  return `${existing.slice(0, at)}${section.trimEnd()}\n${existing.slice(at)}`;
}
