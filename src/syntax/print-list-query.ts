/**
 * The printer behind `formatListQuery` and `listql/client`'s `listUrl`: one
 * canonical text for a query. Pure (no Node built-ins, no parser), so a
 * browser bundle can carry it; the cursor arrives already encoded.
 */
import type {
  FilterNode,
  FilterValue,
  InNode,
  ListQuery,
  SearchNode,
  SortKey,
} from '../ast/index.js';
import { withTieBreaker } from '../ast/tie-breaker.js';
import type { Resource } from '../resource/index.js';
import { formatDecimal } from './decimal.js';

/** `encodeURIComponent`, leaving the separators of the grammar readable. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%40/g, '@');
}

function formatValue(value: FilterValue): string {
  return typeof value === 'number' ? formatDecimal(value) : String(value);
}

function cannot(what: string): never {
  throw new Error(`formatListQuery: ${what} cannot be expressed in the query language`);
}

function formatFilter(resource: Resource, node: FilterNode): string {
  switch (node.kind) {
    case 'comparison': {
      const key = node.op === 'eq' ? node.field : `${node.field}[${node.op}]`;
      const text = formatValue(node.value);
      // On a list field a comma splits the value, so it would come back as a list.
      if (node.op === 'eq' && resource.fields.get(node.field)?.list && text.includes(',')) {
        cannot(`the value ${JSON.stringify(text)} on list field '${node.field}'`);
      }
      return `${key}=${encode(text)}`;
    }
    case 'in':
      if (!resource.fields.get(node.field)?.list) cannot(`a list on '${node.field}'`);
      return `${node.field}=${formatList(node)}`;
    case 'exists':
      return `${node.field}[exists]=${node.exists}`;
    case 'text':
      return `${node.field}[${node.op}]=${encode(node.value)}`;
    case 'not': {
      // `ne` and `nin` parse to these two shapes; no other `not` has a flat form.
      const child = node.child;
      if (child.kind === 'comparison' && child.op === 'eq') {
        return `${child.field}[ne]=${encode(formatValue(child.value))}`;
      }
      if (child.kind === 'in') return `${child.field}[nin]=${formatList(child)}`;
      return cannot(`a 'not' of a '${child.kind}' node`);
    }
    default:
      return cannot(`a nested '${node.kind}' node`);
  }
}

/** The comma list of an `in` node; its items must not hold the comma that splits them. */
function formatList(node: InNode): string {
  const items = node.values.map(formatValue);
  if (items.length === 0 || items.some((item) => item.includes(','))) {
    cannot(`the list ${JSON.stringify(items)} on '${node.field}'`);
  }
  return items.map(encode).join(',');
}

/**
 * The `search` parameter of the query's search nodes (the last children):
 * the term in `substring` mode, the words joined by spaces in `all-words`
 * mode. Only what the parser gives back unchanged can be printed: a trimmed
 * term, words without whitespace, none repeated.
 */
function formatSearch(resource: Resource, nodes: readonly SearchNode[]): string {
  const terms = nodes.map((node) => node.term);
  const words = resource.search.mode === 'all-words';
  const printable = nodes.every(
    (node, i) =>
      node.fields.join(',') === resource.searchable.join(',') &&
      node.term !== '' &&
      (words
        ? !/\s/u.test(node.term) && terms.indexOf(node.term) === i
        : node.term.trim() === node.term),
  );
  if (!printable || (!words && terms.length > 1)) cannot(`the search ${JSON.stringify(terms)}`);
  return `search=${encode(terms.join(' '))}`;
}

const formatKeys = (keys: readonly SortKey[]): string =>
  keys.map((k) => `${k.field}:${k.direction}`).join(',');

/**
 * The sort as the client would write it: the tie-breaker the parser appends
 * after the last key is left out. A sort by the id alone is kept, since
 * `sort=` is not valid.
 */
function userSort(resource: Resource, sort: readonly SortKey[]): readonly SortKey[] {
  const last = sort.at(-1);
  const previous = sort.at(-2);
  const appended =
    previous !== undefined &&
    last?.field === resource.idField &&
    last.direction === previous.direction;
  return appended ? sort.slice(0, -1) : sort;
}

/** What {@link printListQuery} prints: a list query whose keyset position is an encoded cursor. */
export type PrintableQuery<F extends string = string> = Omit<ListQuery<F>, 'after'>;

/**
 * Prints a query as its canonical query string (no leading `?`), with
 * `cursor` (already encoded, or null) as the `cursor` parameter. Defaults are
 * left out. `not(eq)` prints as `field[ne]=…` and `not(in)` as
 * `field[nin]=…`, as the parser reads them. Throws for an AST the URL grammar
 * cannot express (`or`, other `not`s, nested `and`), which only servers build.
 *
 * @example
 * printListQuery(leads, parseListQuery(leads, 'value[gte]=100&status=won'), null);
 * // 'status=won&value[gte]=100'
 */
export function printListQuery<F extends string>(
  resource: Resource<F>,
  query: PrintableQuery<F>,
  cursor: string | null,
): string {
  const r = resource as Resource;
  const parts: string[] = [];
  if (query.filter.kind !== 'and') cannot(`a top-level '${query.filter.kind}' node`);
  const searches: SearchNode[] = [];
  for (const child of query.filter.children) {
    if (child.kind === 'search') searches.push(child);
    else if (searches.length > 0) cannot('a filter after the search');
    else parts.push(formatFilter(r, child));
  }
  if (searches.length > 0) parts.push(formatSearch(r, searches));

  // Compared with the tie-breaker in place: the default sort is left out, whatever its shape.
  if (formatKeys(query.sort) !== formatKeys(withTieBreaker(r.idField, r.defaults.sort))) {
    parts.push(`sort=${formatKeys(userSort(r, query.sort))}`);
  }
  if (query.select !== 'all') {
    const fields = query.select.filter((f) => f !== resource.idField);
    parts.push(`fields=${fields.length === 0 ? resource.idField : fields.join(',')}`);
  }
  if (query.page.limit !== resource.defaults.limit) parts.push(`limit=${query.page.limit}`);
  if (query.page.page !== 1) parts.push(`page=${query.page.page}`);
  if (query.count !== resource.defaults.count) parts.push(`count=${query.count}`);
  if (cursor !== null) {
    if (query.page.page !== 1) cannot('a cursor together with a page number');
    parts.push(`cursor=${encode(cursor)}`);
  }
  return parts.join('&');
}
