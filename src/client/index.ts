/**
 * `listql/client`: the front end's side of a list endpoint, for browsers and
 * Node alike (no Node built-ins, no runtime dependency, tree-shakable).
 * Requests are typed by the resource definition, printed in the server's
 * canonical form, sent with `fetch` and walked page by page; a data table's
 * state lives in the address bar with `toSearch` / `fromSearch`.
 *
 * @example
 * import { fetchList, leads, listUrl } from 'listql/client';
 *
 * listUrl(leads, { filter: { status: ['won', 'lost'] }, sort: [['value', 'desc']] });
 * // 'status=won,lost&sort=value:desc'
 * const page = await fetchList('/leads', leads, { fields: ['name'] });
 */
export type { Issue, IssueCode } from '../errors/index.js';
export { ListQueryError } from '../errors/index.js';
// Resources come with the client, so a browser bundle needs nothing from the root package
// (whose parser signs cursors with node:crypto).
export * from '../resource/index.js';
export type {
  ErrorCode,
  ErrorEnvelope,
  ListEnvelope,
  Pagination,
  ResponseMeta,
  SuccessEnvelope,
} from '../wire.js';
export { type BuildResult, type BuiltQuery, buildListQuery } from './build-query.js';
export {
  type FetchListOptions,
  type FetchParams,
  fetchList,
  type ListPage,
} from './fetch-list.js';
// The builders of resources with groups or relations also install the client's code for them.
export { buildResource, defineResource, labeledLeads } from './install.js';
export { ListRequestError } from './list-request-error.js';
export { listUrl, type SafeListUrlResult, safeListUrl } from './list-url.js';
export { pages } from './pages.js';
export { fromSearch, type SearchState, toSearch } from './table-state.js';
export type * from './types.js';
