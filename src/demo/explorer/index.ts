/**
 * The demo's explorer page (`GET /`), its explain route and the API
 * reference (`GET /docs`), as one hook for the demo server.
 *
 * @example
 * import { explorerRoutes } from './explorer/index.js';
 * const explorer = explorerRoutes({ endpoints: [{ path: '/leads', resource: demoLeads }], openApiPath: '/openapi.json' });
 */
export { explorerAssets } from './bundle.js';
export type { ExplorerConfig, ExplorerEndpoint, PublicEndpoint } from './endpoint.js';
export { publicEndpoint } from './endpoint.js';
export { type ExplainBody, explainAll } from './explain-route.js';
export {
  type FieldFilters,
  type FilterControl,
  filterControls,
  filterParam,
} from './filter-controls.js';
export { type ExplorerRoute, type ExplorerRoutesOptions, explorerRoutes } from './routes.js';
