/**
 * Shared helpers for the parser's unit tests: a second resource with the
 * types the leads preset lacks (a filterable boolean, a list of numbers, a
 * number id), and unwrapping helpers that fail loudly on the wrong outcome.
 */
import { expect } from 'vitest';
import {
  defineResource,
  type FilterNode,
  type Issue,
  type ListQuery,
  type ListQueryInput,
  leads,
  type Resource,
  safeParseListQuery,
} from '../../../src/index.js';

/** A resource with a boolean filter, a number list, a number id and a day-only date window. */
export const tasks = defineResource({
  name: 'tasks',
  fields: {
    id: { type: 'number', sortable: true },
    title: { type: 'string', sortable: true, searchable: true },
    done: { type: 'boolean', nullable: true, filter: ['eq', 'exists'], sortable: true },
    points: { type: 'number', filter: ['eq', 'gt', 'lte'], list: true },
    tag: { type: 'string', filter: ['eq'], list: true },
    due: { type: 'datetime', nullable: true, filter: ['gte', 'lt', 'exists'], sortable: true },
    secret: { type: 'string', selectable: false },
  },
  defaults: { sort: 'due:asc', limit: 20 },
  limits: { maxLimit: 30 },
});

/** The successful parse of `input`; fails the test with the issues otherwise. */
export function queryOf<F extends string>(
  resource: Resource<F>,
  input: ListQueryInput,
): ListQuery<F> {
  const result = safeParseListQuery(resource, input);
  if (!result.success) {
    expect.fail(`expected ${JSON.stringify(input)} to parse, got ${JSON.stringify(result.issues)}`);
  }
  return result.query;
}

/** The issues of a failed parse of `input`; fails the test when it parses. */
export function issuesOf(resource: Resource, input: ListQueryInput): readonly Issue[] {
  const result = safeParseListQuery(resource, input);
  if (result.success) {
    expect.fail(`expected ${JSON.stringify(input)} to fail, got ${JSON.stringify(result.query)}`);
  }
  return result.issues;
}

/** The one issue of a failed parse of `input` (fails when there are more). */
export function issueOf(resource: Resource, input: ListQueryInput): Issue {
  const issues = issuesOf(resource, input);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  return issues[0]!;
}

/** The filter children of a leads query (the URL grammar yields a top-level `and`). */
export function filtersOf(
  input: ListQueryInput,
  resource: Resource = leads,
): readonly FilterNode[] {
  const { filter } = queryOf(resource, input);
  if (filter.kind !== 'and') expect.fail(`expected a top-level and, got ${filter.kind}`);
  return filter.children;
}

/** The single filter node of a leads query. */
export function filterOf(input: ListQueryInput, resource: Resource = leads): FilterNode {
  const children = filtersOf(input, resource);
  expect(children).toHaveLength(1);
  return children[0]!;
}

/** `n` comma-separated distinct items `prefix0,prefix1,…`. */
export function items(n: number, prefix = 'l'): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(',');
}
