import type { Issue } from './issue.js';

/**
 * Most issues one error body reports. A hostile request can earn hundreds
 * (100 unknown parameters); twenty say what is wrong, and the body says how
 * many more there were.
 */
export const MAX_REPORTED_ISSUES = 20;

/**
 * `issues` without repeats: an issue equal in code, parameter, value and
 * message to an earlier one is dropped (the earlier one says it already).
 *
 * @example
 * mergeIssues([a, a, b]); // [a, b]
 */
export function mergeIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  const merged: Issue[] = [];
  for (const found of issues) {
    const key = JSON.stringify([found.code, found.param, found.value, found.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(found);
  }
  return merged;
}

/** The issues an error body shows, and how many it leaves out. */
export interface ReportedIssues {
  readonly issues: readonly Issue[];
  /** Issues past {@link MAX_REPORTED_ISSUES}, not shown; 0 when all are. */
  readonly omitted: number;
}

/**
 * The first {@link MAX_REPORTED_ISSUES} distinct issues, and the count of the rest.
 *
 * @example
 * reportIssues(manyIssues); // { issues: [20 issues], omitted: 80 }
 */
export function reportIssues(issues: readonly Issue[]): ReportedIssues {
  const merged = mergeIssues(issues);
  if (merged.length <= MAX_REPORTED_ISSUES) return { issues: merged, omitted: 0 };
  return {
    issues: merged.slice(0, MAX_REPORTED_ISSUES),
    omitted: merged.length - MAX_REPORTED_ISSUES,
  };
}
