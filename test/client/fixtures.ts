/**
 * Shared by the client's tests: a resource richer than leads (a number id
 * named `sku`, a filterable boolean, a number list, a day-only window, an
 * unselectable field, no `eq` on a date) and the inverse of the client's
 * builder — a parsed query described as `ListParams` — so a property can
 * start from any AST the parser produces.
 */

import type { AnyResource, ListParams } from '../../src/client/index.js';
import {
  defineResource,
  encodeCursor,
  type FilterNode,
  type ListQuery,
  type Resource,
} from '../../src/index.js';

export const products = defineResource({
  name: 'products',
  id: 'sku',
  fields: {
    sku: { type: 'number', sortable: true },
    title: {
      type: 'string',
      sortable: true,
      caseInsensitiveSort: true,
      searchable: true,
      filter: ['eq', 'exists', 'ne', 'contains', 'startsWith', 'endsWith'],
      nullable: true,
    },
    active: { type: 'boolean', filter: ['eq', 'ne'], sortable: true },
    rating: {
      type: 'number',
      nullable: true,
      filter: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists', 'ne', 'nin'],
      list: true,
      sortable: true,
    },
    kind: {
      type: 'enum',
      values: ['book', 'game', 'tool'],
      filter: ['eq', 'exists', 'ne', 'nin'],
      list: true,
      nullable: true,
    },
    tag: { type: 'string', filter: ['eq', 'nin'], list: true },
    launched: {
      type: 'datetime',
      nullable: true,
      filter: ['gte', 'lt', 'exists', 'ne'],
      sortable: true,
    },
    cost: { type: 'number', selectable: false },
  },
  search: { mode: 'all-words' },
  defaults: { sort: 'launched:desc', limit: 25, count: 'none' },
  limits: { maxLimit: 60, maxListItems: 10 },
  groups: { maxDepth: 4, maxLeaves: 12 },
});

type Mutable = Record<string, unknown>;

/**
 * One item of a group as a condition: a leaf as a one-entry filter object,
 * groups nested; `not(in)` as `nin` and `not(eq)` as `ne` where the field
 * allows them (a one-value `nin` is the only way to write `not(in([v]))`).
 */
function conditionOf(resource: Resource, node: FilterNode): unknown {
  const nested = (child: FilterNode) => conditionOf(resource, child);
  switch (node.kind) {
    case 'and':
    case 'or':
      return { [node.kind]: node.children.map(nested) };
    case 'not': {
      const child = node.child;
      const allows = (op: 'ne' | 'nin', field: string) =>
        resource.fields.get(field)?.operators.includes(op) ?? false;
      if (child.kind === 'in' && allows('nin', child.field)) {
        return { [child.field]: { nin: [...child.values] } };
      }
      // `ne` where the field has it: it may lack `eq`, so `not(field=v)` could not be written.
      if (child.kind === 'comparison' && child.op === 'eq' && allows('ne', child.field)) {
        return { [child.field]: { ne: child.value } };
      }
      return { not: nested(child) };
    }
    case 'comparison':
      return { [node.field]: { [node.op]: node.value } };
    case 'in':
      return { [node.field]: [...node.values] };
    case 'exists':
      return { [node.field]: { exists: node.exists } };
    case 'text':
      return { [node.field]: { [node.op]: node.value } };
    default:
      throw new Error(`conditionOf: no group form for '${node.kind}'`);
  }
}

/**
 * `query` described as the params `listUrl` takes: equality as a bare value
 * or list (or `{ eq }` beside other operators), instants sometimes as
 * `Date`s, the sort as given, the cursor as the server would encode it.
 */
export function paramsOf<R extends AnyResource>(
  resource: R,
  query: ListQuery,
  variant = 0,
): ListParams<R> {
  const filter: Record<string, Mutable> = Object.create(null);
  const params: Mutable = {};
  const entry = (field: string): Mutable => {
    filter[field] ??= {};
    return filter[field];
  };
  const children = query.filter.kind === 'and' ? query.filter.children : [query.filter];
  for (const node of children as readonly FilterNode[]) {
    switch (node.kind) {
      // The group parameters: `and=(…)` and `or=(…)` at the top level.
      case 'and':
      case 'or':
        params[node.kind] = node.children.map((child) => conditionOf(resource as Resource, child));
        break;
      case 'comparison': {
        const instant =
          (resource as Resource).fields.get(node.field)?.type === 'datetime' &&
          typeof node.value === 'string' &&
          node.value.length > 10;
        const asDate =
          variant % 2 === 1 && instant && typeof node.value === 'string'
            ? new Date(node.value)
            : node.value;
        entry(node.field)[node.op] = asDate;
        break;
      }
      case 'in':
        entry(node.field)['eq'] = [...node.values];
        break;
      case 'exists':
        entry(node.field)['exists'] = node.exists;
        break;
      case 'search':
        // An all-words search is one node per word; the parameter joins them.
        params['search'] =
          params['search'] === undefined ? node.term : `${params['search']} ${node.term}`;
        break;
      case 'text':
        entry(node.field)[node.op] = node.value;
        break;
      case 'not':
        // At the top level only `ne` and `nin` are a `not`.
        if (node.child.kind === 'in') entry(node.child.field)['nin'] = [...node.child.values];
        else if (node.child.kind === 'comparison') entry(node.child.field)['ne'] = node.child.value;
        else throw new Error(`paramsOf: no URL form for not(${node.child.kind})`);
        break;
      default:
        throw new Error(`paramsOf: no URL form for '${node.kind}'`);
    }
  }
  const described: Mutable = {};
  for (const [field, ops] of Object.entries(filter)) {
    const names = Object.keys(ops);
    // Equality alone: the bare form (`status: ['won']`, `title: 'x'`), every other variant.
    described[field] =
      names.length === 1 && names[0] === 'eq' && variant % 3 !== 2 ? ops['eq'] : ops;
  }
  if (Object.keys(described).length > 0) params['filter'] = described;
  // The id the parser appended is left to the client to append again.
  const r = resource as Resource;
  const last = query.sort.at(-1);
  const previous = query.sort.at(-2);
  const appended =
    last?.field === r.idField &&
    (previous === undefined
      ? !r.fields.get(r.idField)?.sortable
      : previous.direction === last.direction);
  const sort = appended ? query.sort.slice(0, -1) : query.sort;
  params['sort'] = sort.map((key) =>
    key.direction === 'asc' && variant % 2 === 0 ? key.field : [key.field, key.direction],
  );
  if (query.select !== 'all') params['fields'] = [...query.select];
  params['limit'] = query.page.limit;
  params['page'] = query.page.page;
  params['count'] = query.count;
  if (query.after !== null) {
    params['after'] = encodeCursor(resource as Resource, query.filter, query.sort, query.after);
  }
  return params as ListParams<R>;
}
