/**
 * The printer behind `formatListQuery` and `listql/client`'s `listUrl`: one
 * canonical text for a query. Pure (no Node built-ins, no parser), so a
 * browser bundle can carry it; the cursor arrives already encoded.
 */
import type { FilterNode, ListQuery, SearchNode, SortKey } from '../ast/index.js';
import { withTieBreaker } from '../ast/tie-breaker.js';
import type { Resource } from '../resource/index.js';
import { printGroup } from './print-group.js';
import { allowed, cannot, printLeaf, printSome } from './print-leaf.js';

/** `encodeURIComponent`, leaving the separators of the grammar readable. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%40/g, '@');
}

/**
 * A group's text for the URL: `(`, `)`, `;`, `=`, `[` and `]` stay readable,
 * except that `]=` is written `]%3D`: qs (Express's `req.query`) ends a key at
 * the first `]=` of a parameter, even inside its value, and it decodes
 * `%5D` before looking.
 */
function encodeGroup(text: string): string {
  return encode(text)
    .replace(/%3B/g, ';')
    .replace(/%3D/g, '=')
    .replace(/%5B/g, '[')
    .replace(/%5D/g, ']')
    .replace(/\]=/g, ']%3D');
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

function formatFilter(resource: Resource, node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      // The URL grammar's only nested nodes: the `and` and `or` group parameters.
      return `${node.kind}=${encodeGroup(printGroup(resource, node))}`;
    case 'some': {
      // Separate parameters are separate `some`s: one condition each.
      const leaves = printSome(resource, node);
      if (leaves.length > 1)
        cannot(`some('${node.relation}') of several conditions outside a group`);
      return `${leaves[0]!.key}=${encode(leaves[0]!.text)}`;
    }
    default: {
      const leaf = printLeaf(resource, node);
      // A `not` is one parameter only as an operator the field allows (`ne`, `nin`).
      if (leaf === null || (node.kind === 'not' && !allowed(resource, leaf))) {
        return cannot(`a nested '${node.kind}' node`);
      }
      return `${leaf.key}=${encode(leaf.text)}`;
    }
  }
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
 * left out. The top-level `and` and `or` children of the filter are the group
 * parameters of a resource with groups; `not(eq)` prints as `field[ne]=…`,
 * `not(in)` as `field[nin]=…` (see `printLeaf`); the `search` nodes as one
 * `search` parameter (the words of an `all-words` search joined by spaces). Throws for an AST the URL grammar
 * cannot express (a `not` outside a group, groups on a resource without them,
 * two top-level `or`s), which only servers build.
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
  const groups = new Set<string>();
  const searches: SearchNode[] = [];
  for (const child of query.filter.children) {
    // The search nodes come last (several: the words of an all-words search).
    if (child.kind === 'search') {
      searches.push(child);
      continue;
    }
    if (searches.length > 0) cannot('a filter after the search');
    // Each group parameter may be given once: two top-level `or`s have no URL.
    if (child.kind === 'and' || child.kind === 'or') {
      if (groups.has(child.kind)) cannot(`a second top-level '${child.kind}' group`);
      groups.add(child.kind);
    }
    parts.push(formatFilter(r, child));
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
