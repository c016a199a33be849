import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ListLogger, newRequestId } from '../../http/index.js';
import { explorerAssets } from './bundle.js';
import { docsHtml, swaggerAsset, swaggerInit } from './docs-page.js';
import { type ExplorerConfig, type ExplorerEndpoint, publicEndpoint } from './endpoint.js';
import { explainAll } from './explain-route.js';
import { explorerHtml } from './page-html.js';

/** Options of {@link explorerRoutes}. */
export interface ExplorerRoutesOptions {
  /** The list endpoints the page offers (the first is selected at start). */
  readonly endpoints: readonly ExplorerEndpoint[];
  /** Where the OpenAPI document is served, for `/docs`. */
  readonly openApiPath: string;
  /** A key the page and `/docs` may fill in for the user: only ever a public demo key. Default none. */
  readonly apiKey?: string;
  /** Receives the cause of a 500 (a failed bundle, say). Default `console`. */
  readonly logger?: ListLogger;
}

/** A route hook: answers the request and returns true, or returns false to let the server go on. */
export type RouteHook = (req: IncomingMessage, res: ServerResponse) => boolean;

const EXPLAIN = '/explain';
const ASSETS = '/explorer';
const DOCS = '/docs';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  // `no-cache`: the browser revalidates, so a restarted demo never serves a stale page.
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body, null, 2));

/** A client that asks for JSON (and not HTML) gets the server's JSON index at `/`, not the page. */
function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function failed(logger: ListLogger, res: ServerResponse, err: unknown): void {
  logger.error({ err, requestId: newRequestId() }, 'explorer route failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  send(res, 500, 'text/plain; charset=utf-8', 'The explorer could not answer; see the demo log.');
}

/**
 * The explorer's routes, as a hook for the demo server:
 *
 * | route | answer |
 * |---|---|
 * | `GET /` | the explorer page (a client asking only for JSON gets the server's index instead) |
 * | `GET /explorer/app.js`, `/explorer/app.css` | its script (bundled by esbuild on first request) and style |
 * | `GET /explain/<endpoint>?<query>` | `listql explain` of the query: AST, SQL per dialect, MongoDB |
 * | `GET /docs` | the OpenAPI document in Swagger UI, served from swagger-ui-dist |
 *
 * Every route is public (none reads data) and answers GET and HEAD only.
 *
 * @example
 * const explorer = explorerRoutes({ endpoints: [{ path: '/leads', resource: demoLeads }], openApiPath: '/openapi.json' });
 * createServer((req, res) => { if (explorer(req, res)) return; … });
 */
export function explorerRoutes(options: ExplorerRoutesOptions): RouteHook {
  const config: ExplorerConfig = {
    endpoints: options.endpoints.map(publicEndpoint),
    apiKey: options.apiKey ?? '',
    explainPrefix: EXPLAIN,
  };
  const page = explorerHtml(config, ASSETS);
  const byPath = new Map(options.endpoints.map((e) => [`${EXPLAIN}${e.path}`, e.resource]));

  const html = 'text/html; charset=utf-8';
  const js = 'text/javascript; charset=utf-8';
  const answer = async (res: ServerResponse, path: string, query: string): Promise<void> => {
    if (path === '/') return send(res, 200, html, page);
    if (path === `${ASSETS}/app.js`) return send(res, 200, js, (await explorerAssets()).script);
    if (path === `${ASSETS}/app.css`) {
      return send(res, 200, 'text/css; charset=utf-8', (await explorerAssets()).style);
    }
    const resource = byPath.get(path);
    if (resource) {
      const body = await explainAll(resource, query);
      return json(res, body.success ? 200 : 400, body);
    }
    if (path === DOCS) return send(res, 200, html, docsHtml(DOCS));
    if (path === `${DOCS}/init.js`) {
      return send(res, 200, js, swaggerInit(options.openApiPath, config.apiKey));
    }
    const asset = await swaggerAsset(path.slice(DOCS.length + 1));
    if (asset) return send(res, 200, asset.type, asset.body);
    json(res, 404, { success: false, error: { code: 'NOT_FOUND', message: `No file ${path}` } });
  };

  return (req, res) => {
    const url = req.url ?? '/';
    const [path = '/', query = ''] = url.split('#', 1)[0]!.split(/\?(.*)/s);
    const ours =
      (path === '/' && !wantsJson(req)) ||
      path.startsWith(`${ASSETS}/`) ||
      byPath.has(path) ||
      path === DOCS ||
      path.startsWith(`${DOCS}/`);
    if (!ours) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          success: false,
          error: { code: 'METHOD_NOT_ALLOWED', message: `Use GET on ${path}` },
        }),
      );
      return true;
    }
    answer(res, path, query).catch((err: unknown) => failed(options.logger ?? console, res, err));
    return true;
  };
}
