import fc from 'fast-check';
import {
  type AndNode,
  and,
  COUNT_STRATEGIES,
  comparison,
  exists,
  type FilterNode,
  type FilterOperator,
  type FilterValue,
  foldedComparison,
  inList,
  isTextOperator,
  type ListQuery,
  not,
  type OrNode,
  or,
  type SortKey,
  type SortPosition,
  search,
  text,
} from '../ast/index.js';
import { withTieBreaker } from '../ast/tie-breaker.js';
import { codePointLength } from '../code-points.js';
import { deepFreeze } from '../deep-freeze.js';
import { formatListQuery } from '../parse/format-query.js';
import type { Field, Resource } from '../resource/index.js';
import { canonicalOrder } from '../syntax/canonical-order.js';
import { printGroup } from '../syntax/print-group.js';
import { groupNodeArbitrary } from './group-arbitrary.js';
import { awkwardDay, awkwardInstant, awkwardNumber, awkwardString } from './value-pools.js';

/** The generators values are drawn from; replace any of them to aim at your own data. */
export interface ValueArbitraries {
  readonly string: fc.Arbitrary<string>;
  readonly number: fc.Arbitrary<number>;
  /** Calendar days `YYYY-MM-DD`. */
  readonly day: fc.Arbitrary<string>;
  /** UTC instants `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly instant: fc.Arbitrary<string>;
}

export interface QueryArbitraryOptions {
  readonly values?: Partial<ValueArbitraries>;
  /**
   * Per-field value generators, keyed by field name; they win over `values`.
   * Aim them at the values a dataset holds so that filters hit some rows.
   */
  readonly fieldValues?: Readonly<Record<string, fc.Arbitrary<FilterValue>>>;
  /**
   * Per-field generators of the values of `contains`, `startsWith` and
   * `endsWith`, keyed by field name; default: the field's values. Aim them at
   * pieces of the dataset's text, in either case.
   */
  readonly textValues?: Readonly<Record<string, fc.Arbitrary<string>>>;
  /** Generator of `search` terms. Default: `values.string`. */
  readonly searchTerms?: fc.Arbitrary<string>;
  /**
   * Only filters with these operators (top-level and in groups), to aim a
   * test at some of them; default: every operator the resource allows.
   */
  readonly operators?: readonly FilterOperator[];
  /** Most URL filters in one query. Default 4. */
  readonly maxFilters?: number;
  /** Largest page number generated. Default 5. */
  readonly maxPage?: number;
  /** Generate keyset cursors (`after`) in about half the queries. Default true. */
  readonly cursors?: boolean;
  /** Largest page size generated (at most the resource's `maxLimit`). Default: `maxLimit`. */
  readonly maxLimit?: number;
}

const DEFAULT_VALUES: ValueArbitraries = {
  string: awkwardString,
  number: awkwardNumber,
  day: awkwardDay,
  instant: awkwardInstant,
};

/** Where filter values come from: per-field generators first, then per-type ones. */
export interface ValueSource {
  readonly byType: ValueArbitraries;
  readonly byField: Readonly<Record<string, fc.Arbitrary<FilterValue>>>;
  readonly textByField: Readonly<Record<string, fc.Arbitrary<string>>>;
  readonly searchTerm: fc.Arbitrary<string>;
}

export function valuesOf(options: QueryArbitraryOptions | undefined): ValueSource {
  const byType = { ...DEFAULT_VALUES, ...options?.values };
  return {
    byType,
    byField: options?.fieldValues ?? {},
    textByField: options?.textValues ?? {},
    searchTerm: (options?.searchTerms ?? byType.string).filter((s) => s.length > 0),
  };
}

/** A filter value the URL grammar accepts for `field` (non-empty, within the length limit, no NUL). */
export function valueArbitrary(
  resource: Resource,
  field: Field,
  source: ValueSource,
  inList: boolean,
): fc.Arbitrary<FilterValue> {
  const max = resource.limits.maxValueLength;
  // What the URL grammar accepts as one value (a comma would split a list item).
  const sendable = (v: FilterValue): boolean =>
    typeof v !== 'string' ||
    (v.length > 0 && v.length <= max && !v.includes('\u0000') && !(inList && v.includes(',')));
  const values = source.byType;
  let byType: fc.Arbitrary<FilterValue>;
  switch (field.type) {
    case 'enum':
      byType = fc.constantFrom(...field.values);
      break;
    case 'boolean':
      byType = fc.boolean();
      break;
    case 'number':
      byType = values.number;
      break;
    case 'datetime':
      byType = fc.oneof(values.day, values.instant);
      break;
    case 'string':
      byType = values.string.filter(sendable);
      break;
  }
  const own = Object.hasOwn(source.byField, field.name) ? source.byField[field.name] : undefined;
  // A per-field generator may offer nothing sendable (every value has a comma):
  // fall back per draw instead of filtering, which would never end.
  return own ? own.chain((v) => (sendable(v) ? fc.constant(v) : byType)) : byType;
}

/** One URL-level filter on `field` with operator `op` (equality may become an `in`). */
export function urlFilterArbitrary(
  resource: Resource,
  field: Field,
  op: Field['operators'][number],
  values: ValueSource,
): fc.Arbitrary<FilterNode> {
  if (op === 'exists') return fc.boolean().map((b) => exists(field.name, b));
  if ((op === 'eq' && field.list) || op === 'nin') {
    const lists = fc.uniqueArray(valueArbitrary(resource, field, values, true), {
      minLength: 1,
      maxLength: Math.min(4, resource.limits.maxListItems),
    });
    // `nin` stays `not(in)` even for one value, as the parser builds it.
    if (op === 'nin') return lists.map((list) => not(inList(field.name, list)));
    return lists.map((list) =>
      list.length === 1 ? comparison(field.name, 'eq', list[0]!) : inList(field.name, list),
    );
  }
  const value = valueArbitrary(resource, field, values, false);
  if (op === 'ne') return value.map((v) => not(comparison(field.name, 'eq', v)));
  if (isTextOperator(op)) {
    const own = Object.hasOwn(values.textByField, field.name)
      ? values.textByField[field.name]
      : undefined;
    const max = resource.limits.maxValueLength;
    const pieces = own?.filter((v) => v.length > 0 && v.length <= max && !v.includes('\u0000'));
    return (pieces ? fc.oneof(pieces, value) : value).map((v) => text(field.name, op, v as string));
  }
  return value.map((v) => comparison(field.name, op, v));
}

/** Every (field, operator) pair the URL may use, for picking distinct filters. */
export function filterSlots(
  resource: Resource,
  only?: readonly FilterOperator[],
): readonly { field: Field; op: Field['operators'][number] }[] {
  return resource.fieldList.flatMap((field) =>
    field.operators.filter((op) => only?.includes(op) ?? true).map((op) => ({ field, op })),
  );
}

function sortArbitrary<F extends string>(
  resource: Resource<F>,
): fc.Arbitrary<readonly SortKey<F>[]> {
  if (resource.sortable.length === 0)
    return fc.constant(withTieBreaker(resource.idField, resource.defaults.sort));
  const keys = fc
    .shuffledSubarray([...resource.sortable], {
      minLength: 1,
      maxLength: Math.min(3, resource.sortable.length),
    })
    .chain((fields) =>
      fc.tuple(
        ...fields.map((field) =>
          fc.constantFrom('asc', 'desc').map((direction) => ({ field, direction })),
        ),
      ),
    );
  return fc
    .oneof(fc.constant(resource.defaults.sort), keys)
    .map((chosen) => withTieBreaker(resource.idField, chosen as readonly SortKey<F>[]));
}

function selectArbitrary<F extends string>(
  resource: Resource<F>,
): fc.Arbitrary<'all' | readonly F[]> {
  const others = resource.selectable.filter((f) => f !== resource.idField);
  return fc.oneof(
    fc.constant('all' as const),
    fc
      .subarray(others, { maxLength: Math.min(6, others.length) })
      .map((fields) => [resource.idField, ...fields]),
  );
}

/**
 * Valid `ListQuery` ASTs for `resource`, exactly as the parser produces them
 * (canonical filter order, id tie-breaker appended; on a resource with
 * groups, `and` / `or` group parameters with nested `or`, `and` and `not`
 * after the flat filters), so that
 * `parseListQuery(resource, formatListQuery(resource, q))` equals `q`.
 *
 * @example
 * fc.assert(fc.property(listQueryArbitrary(leads), (q) => {
 *   expect(parseListQuery(leads, formatListQuery(leads, q))).toEqual(q);
 * }));
 */
export function listQueryArbitrary<F extends string>(
  resource: Resource<F>,
  options?: QueryArbitraryOptions,
): fc.Arbitrary<ListQuery<F>> {
  const r = resource as Resource;
  const values = valuesOf(options);
  const slots = filterSlots(r, options?.operators);
  const filters = fc
    .subarray([...slots], {
      maxLength: Math.min(options?.maxFilters ?? 4, resource.limits.maxParams - 5),
    })
    .chain((chosen) =>
      fc.tuple(...chosen.map((slot) => urlFilterArbitrary(r, slot.field, slot.op, values))),
    );
  const groups = groupsArbitrary(r, slots, values);
  const searchTerms =
    resource.searchable.length === 0
      ? fc.constant(undefined)
      : fc.option(searchTermsArbitrary(resource, values.searchTerm), { freq: 3, nil: undefined });
  return fc
    .record({
      filters,
      groups,
      searchTerms,
      sort: sortArbitrary(resource),
      select: selectArbitrary(resource),
      limit: fc.integer({
        min: 1,
        max: Math.min(options?.maxLimit ?? Number.POSITIVE_INFINITY, resource.limits.maxLimit),
      }),
      page: fc.integer({ min: 1, max: options?.maxPage ?? 5 }),
      count: fc.constantFrom(...COUNT_STRATEGIES),
      withCursor: options?.cursors === false ? fc.constant(false) : fc.boolean(),
    })
    .chain(
      ({
        filters: nodes,
        groups: grouped,
        searchTerms: terms,
        sort,
        select,
        limit,
        page,
        count,
        withCursor,
      }) => {
        const children = canonicalOrder(resource, nodes as FilterNode<F>[]);
        // The group parameters come after the flat filters, `and` before `or`, as the parser puts them.
        children.push(...(grouped as FilterNode<F>[]));
        for (const term of terms ?? []) children.push(search(resource.searchable, term));
        const after = withCursor ? positionArbitrary(r, sort, values) : fc.constant(null);
        return after.map((position) =>
          deepFreeze({
            filter: and(children),
            sort,
            select,
            // A cursor says where the page starts, so it comes with page 1.
            page: { limit, page: position === null ? page : 1 },
            after: position,
            count,
          }),
        );
      },
    );
}

const WHITESPACE = /\s+/u;

/**
 * The terms of the `search` nodes of one query, as the parser makes them:
 * one trimmed term in `substring` mode; in `all-words` mode one to three
 * distinct words (no whitespace) whose text, joined by spaces, fits
 * `maxSearchLength`.
 */
function searchTermsArbitrary(
  resource: Resource,
  terms: fc.Arbitrary<string>,
): fc.Arbitrary<readonly string[]> {
  const max = resource.limits.maxSearchLength;
  if (resource.search.mode === 'substring') {
    return terms
      .map((term) => term.trim())
      .filter((term) => term !== '' && term.length <= max)
      .map((term) => [term]);
  }
  const words = terms.chain((term) => {
    const split = term.split(WHITESPACE).filter((word) => word !== '');
    return split.length === 0 ? fc.constant('a') : fc.constantFrom(...split);
  });
  return fc
    .uniqueArray(words, { minLength: 1, maxLength: 3 })
    .filter((list) => list.join(' ').length <= max);
}

/**
 * The `and` and `or` group parameters of a resource with groups (each present
 * in about a third of the queries), with leaves like the flat filters'; none
 * without groups.
 */
function groupsArbitrary(
  resource: Resource,
  slots: ReturnType<typeof filterSlots>,
  values: ValueSource,
): fc.Arbitrary<readonly FilterNode[]> {
  const limits = resource.groups;
  if (limits === null || slots.length === 0) return fc.constant([]);
  const leaf = fc
    .constantFrom(...slots)
    .chain((slot) => urlFilterArbitrary(resource, slot.field, slot.op, values));
  // Long generated values may pass the length limit: such a group is not sent.
  const fits = (node: AndNode | OrNode): boolean =>
    codePointLength(printGroup(resource, node)) <= limits.maxLength;
  const group = (kind: 'and' | 'or') =>
    fc.option(groupNodeArbitrary(kind, limits, leaf).filter(fits), { freq: 3, nil: null });
  return fc
    .tuple(group('and'), group('or'))
    .map((nodes) => nodes.filter((node): node is AndNode | OrNode => node !== null));
}

/** A keyset position for `sort`: a value of each key's field, or null where it may be null. */
function positionArbitrary(
  resource: Resource,
  sort: readonly SortKey[],
  values: ValueSource,
): fc.Arbitrary<SortPosition> {
  return fc.tuple(
    ...sort.map(({ field: name }) => {
      const field = resource.fields.get(name)!;
      // Positions come from rows, which hold instants, never whole days.
      const value =
        field.type === 'datetime'
          ? values.byType.instant
          : valueArbitrary(resource, field, values, false);
      return field.nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
    }),
  );
}

/**
 * Valid query strings for `resource`: formatted from {@link listQueryArbitrary}.
 *
 * @example
 * fc.assert(fc.property(queryStringArbitrary(leads), (qs) => {
 *   expect(safeParseListQuery(leads, qs).success).toBe(true);
 * }));
 */
export function queryStringArbitrary<F extends string>(
  resource: Resource<F>,
  options?: QueryArbitraryOptions,
): fc.Arbitrary<string> {
  return listQueryArbitrary(resource, options).map((q) => formatListQuery(resource, q));
}

/**
 * Filter trees beyond what the URL can say: nested `and` / `or` / `not`, empty
 * `and` and `or`, `in` lists (also empty) on any filterable field, folded
 * comparisons on `caseInsensitiveSort` fields — the shapes servers (and
 * keyset pages) build. Every backend must compile them.
 *
 * @example
 * fc.assert(fc.property(filterTreeArbitrary(leads), (filter) => { … }));
 */
export function filterTreeArbitrary<F extends string>(
  resource: Resource<F>,
  options?: QueryArbitraryOptions & { readonly maxDepth?: number },
): fc.Arbitrary<FilterNode<F>> {
  const r = resource as Resource;
  const values = valuesOf(options);
  const slots = filterSlots(r);
  const filterable = r.fieldList.filter((f) => f.operators.length > 0);
  const leaves: fc.Arbitrary<FilterNode>[] = [
    fc.constantFrom(...slots).chain((slot) => urlFilterArbitrary(r, slot.field, slot.op, values)),
    fc
      .constantFrom(...filterable)
      .chain((field) =>
        fc
          .array(valueArbitrary(r, field, values, false), { maxLength: 3 })
          .map((list) => inList(field.name, list)),
      ),
  ];
  if (r.searchable.length > 0) {
    leaves.push(values.searchTerm.map((term) => search(r.searchable, term)));
  }
  // Folded comparisons, as keyset pages on `caseInsensitiveSort` fields build them.
  const folding = r.fieldList.filter((f) => f.caseInsensitiveSort);
  if (folding.length > 0) {
    leaves.push(
      fc
        .constantFrom(...folding)
        .chain((field) =>
          fc
            .tuple(
              fc.constantFrom('eq', 'gt', 'gte', 'lt', 'lte'),
              valueArbitrary(r, field, values, false),
            )
            .map(([op, value]) => foldedComparison(field.name, op, value as string)),
        ),
    );
  }
  const leaf = fc.oneof(...leaves);
  const tree = fc.letrec<{ node: FilterNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: options?.maxDepth ?? 3, withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { maxLength: 3 }).map((children) => and(children)),
      fc.array(tie('node'), { maxLength: 3 }).map((children) => or(children)),
      tie('node').map((child) => not(child)),
    ),
  }));
  return tree.node as fc.Arbitrary<FilterNode<F>>;
}
