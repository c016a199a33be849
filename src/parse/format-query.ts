import type { ListQuery } from '../ast/index.js';
import type { Resource } from '../resource/index.js';
import { printListQuery } from '../syntax/print-list-query.js';
import { encodeCursor } from './cursor.js';

/**
 * Prints a query as its canonical query string (no leading `?`), such that
 * `parseListQuery(resource, formatListQuery(resource, q))` equals `q`.
 * Defaults are left out; a keyset position becomes the `cursor` this
 * resource issues. Throws for an AST the URL grammar cannot express (`or`,
 * `not`, nested `and`), which only servers build.
 *
 * @example
 * formatListQuery(leads, parseListQuery(leads, 'value[gte]=100&status=won'));
 * // 'status=won&value[gte]=100'
 */
export function formatListQuery<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
): string {
  const cursor =
    query.after === null
      ? null
      : encodeCursor(resource as Resource, query.filter, query.sort, query.after);
  return printListQuery(resource, query, cursor);
}
