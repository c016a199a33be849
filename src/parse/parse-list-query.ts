import {
  and,
  type CarriedTotal,
  COUNT_STRATEGIES,
  type CountStrategy,
  type FilterNode,
  type ListQuery,
  type SortKey,
  type SortPosition,
} from '../ast/index.js';
import { type Issue, issue, ListQueryError, mergeIssues } from '../errors/index.js';
import type {
  FieldDefinitions,
  RelationDefinitions,
  RelationPathOf,
  Resource,
} from '../resource/index.js';
import { canonicalOrder } from '../syntax/canonical-order.js';
import { parseFilter, takesList } from '../syntax/parse-filter.js';
import { parseSearch } from '../syntax/parse-search.js';
import { type CursorProblem, decodeCursor } from './cursor.js';
import { readGroupParam } from './group/read-group-param.js';
import { groupParams } from './group-params.js';
import { groupCode, groupParam, type ParamGroup, type PositionedIssue } from './param-group.js';
import { parseFields } from './parse-fields.js';
import { parseInteger } from './parse-integer.js';
import { parseSort, withTieBreaker } from './parse-sort.js';
import { type ListQueryInput, readInput } from './read-input.js';
import { relationLeaf } from './relation-leaf.js';
import { freezeSort, resourceTables } from './resource-tables.js';

/** The result of {@link safeParseListQuery}. */
export type SafeParseResult<F extends string> =
  | { readonly success: true; readonly query: ListQuery<F> }
  | { readonly success: false; readonly issues: readonly Issue[] };

/** A parameter sent more than once is refused, except equality on list fields (their values merge). */
function refuseRepeats(group: ParamGroup, issues: Issue[]): boolean {
  if (group.values.length < 2) return false;
  if (group.kind === 'filter' && takesList(group)) return false;
  const written = [...new Set(group.values.map((v) => v.param))];
  const as = written.length > 1 ? ` (as ${written.join(' and ')})` : '';
  // Name the parameter as the client wrote it; when it came under two names, the current one.
  const param = written.length === 1 ? written[0]! : groupParam(group);
  issues.push(
    issue(
      groupCode(group),
      param,
      group.values.map((v) => v.value).join(','),
      `${param} is given ${group.values.length} times${as}; give it once`,
    ),
  );
  return true;
}

const CURSOR_PROBLEMS: Record<CursorProblem, string> = {
  malformed: 'cursor is not a cursor this endpoint issued',
  tampered: 'cursor is invalid or was altered',
  mismatch:
    'cursor was issued for another filter or sort; keep the parameters of the request that returned it',
};

/** The position a cursor holds, or the issue that refuses it. */
function readCursor(
  resource: Resource,
  text: string,
  filter: FilterNode,
  sort: readonly SortKey[],
  withPage: boolean,
):
  | { readonly position: SortPosition; readonly carried: CarriedTotal | null }
  | { readonly issue: Issue } {
  if (withPage) {
    return {
      issue: issue(
        'VALIDATION_ERROR',
        'cursor',
        text,
        'cursor and page cannot be combined: a cursor already says where the page starts',
      ),
    };
  }
  const decoded = decodeCursor(resource, text, filter, sort);
  if ('problem' in decoded) {
    return { issue: issue('VALIDATION_ERROR', 'cursor', text, CURSOR_PROBLEMS[decoded.problem]) };
  }
  return decoded;
}

/**
 * Validates a list request against `resource` and returns its AST, or every
 * problem found. Never throws on user input.
 *
 * @example
 * const result = safeParseListQuery(leads, '?status=won&value[gte]=100');
 * if (!result.success) console.log(result.issues);
 */
export function safeParseListQuery<
  Own extends string,
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "no relations"
  Rels extends RelationDefinitions = {},
>(
  resource: Resource<Own, FieldDefinitions<Own>, Own, Rels>,
  input: ListQueryInput,
): SafeParseResult<Own | RelationPathOf<Rels>> {
  // The query's names are the resource's fields and, with relations, its paths.
  return safeParse(resource as unknown as Resource<Own | RelationPathOf<Rels>>, input);
}

function safeParse<F extends string>(
  resource: Resource<F>,
  input: ListQueryInput,
): SafeParseResult<F> {
  const read = readInput(input, resource.limits.maxParams);
  if (read.issue) return { success: false, issues: [read.issue] };

  const positioned: PositionedIssue[] = [];
  const filters: FilterNode<F>[] = [];
  let sort: readonly SortKey<F>[] = resource.defaults.sort;
  let sortGiven = false;
  let select: 'all' | readonly F[] = 'all';
  let limit: number | undefined = resource.defaults.limit;
  let page: number | undefined = 1;
  let searchNodes: readonly FilterNode<F>[] = [];
  let count: CountStrategy = resource.defaults.count;
  let countGiven = false;
  let cursor: { readonly text: string; readonly at: number } | undefined;
  // The nodes of the `and` and `or` group parameters, in that order after the flat filters.
  let andGroup: FilterNode<F> | undefined;
  let orGroup: FilterNode<F> | undefined;

  const tables = resourceTables(resource as Resource);
  // One array for the issues of the group being read, emptied after each group.
  const issues: Issue[] = [];
  const groups = groupParams(resource as Resource, read.params, positioned);
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (group.values.length === 0 || refuseRepeats(group, issues)) {
      // nothing to read: every value was refused, or the parameter was repeated
    } else if (group.kind === 'filter') {
      const node = parseFilter(group, resource.limits, issues);
      if (node) filters.push(relationLeaf(node, group.relation) as FilterNode<F>);
    } else {
      const text = group.values[0]!.value;
      switch (group.name) {
        case 'limit':
          limit = parseInteger('limit', text, 1, resource.limits.maxLimit, issues);
          break;
        case 'page':
          // Capped so that the offset (page - 1) * limit stays a safe integer.
          page = parseInteger('page', text, 1, tables.maxPage, issues);
          break;
        case 'sort':
          sort = parseSort(resource, text, issues);
          sortGiven = true;
          break;
        case 'fields':
          select = parseFields(resource, text, issues);
          break;
        case 'search':
          searchNodes = parseSearch(resource, text, issues);
          break;
        case 'count':
          countGiven = true;
          if ((COUNT_STRATEGIES as readonly string[]).includes(text)) count = text as CountStrategy;
          else {
            issues.push(
              issue(
                'VALIDATION_ERROR',
                'count',
                text,
                `count must be one of ${COUNT_STRATEGIES.join(', ')}, got '${text}'`,
              ),
            );
          }
          break;
        case 'cursor':
          // Read once the filter and sort it must have been issued for are known.
          cursor = { text, at: group.at };
          break;
        case 'or':
        case 'and': {
          // Only resources with groups have these keys, so their limits are set.
          const read = readGroupParam(resource as Resource, group.name, text, resource.groups!);
          if ('issues' in read) issues.push(...read.issues);
          else if (group.name === 'or') orGroup = read.node as FilterNode<F>;
          else andGroup = read.node as FilterNode<F>;
          break;
        }
      }
    }
    if (issues.length > 0) {
      // Problems with a group's values sit at the position of its first parameter.
      for (const found of issues) positioned.push({ at: group.at, issue: found });
      issues.length = 0;
    }
  }
  if (positioned.length > 0) {
    // Array#sort is stable: the issues of one parameter keep the order they were found in.
    const sorted = positioned.sort((a, b) => a.at - b.at).map((entry) => entry.issue);
    // Identical issues (the same bad value sent twice, say) are reported once.
    return { success: false, issues: mergeIssues(sorted) };
  }

  const children = canonicalOrder(resource, filters);
  if (andGroup !== undefined) children.push(andGroup);
  if (orGroup !== undefined) children.push(orGroup);
  for (const node of searchNodes) children.push(node);
  const filter = and(children);
  // Most requests keep the default sort: its full, frozen form is computed once per resource.
  const fullSort = sortGiven
    ? freezeSort(withTieBreaker(resource.idField, sort))
    : (tables.defaultSort as readonly SortKey<F>[]);
  let after: SortPosition | null = null;
  let carried: CarriedTotal | null = null;
  if (cursor !== undefined) {
    const found = readCursor(resource as Resource, cursor.text, filter, fullSort, page !== 1);
    if ('issue' in found) return { success: false, issues: [found.issue] };
    after = found.position;
    // An explicit `count` asks for a fresh total (`exact` recounts, `none` drops it).
    if (!countGiven) carried = found.carried;
  }
  // Filter nodes come frozen from their factories; freeze the rest here
  // rather than walking the whole tree again.
  const query: ListQuery<F> = Object.freeze({
    filter,
    sort: fullSort,
    select: select === 'all' ? select : Object.freeze(select),
    page: Object.freeze({ limit: limit!, page: page! }),
    after,
    count,
    ...(carried === null ? {} : { carriedTotal: carried }),
  });
  return { success: true, query };
}

/**
 * Like {@link safeParseListQuery}, but throws a {@link ListQueryError} (status
 * 400, every issue attached) when the request is invalid.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won,lost&sort=value:desc&limit=20');
 */
export function parseListQuery<
  Own extends string,
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "no relations"
  Rels extends RelationDefinitions = {},
>(
  resource: Resource<Own, FieldDefinitions<Own>, Own, Rels>,
  input: ListQueryInput,
): ListQuery<Own | RelationPathOf<Rels>> {
  const result = safeParseListQuery(resource, input);
  if (!result.success) throw new ListQueryError(result.issues);
  return result.query;
}
