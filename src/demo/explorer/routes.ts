import type { IncomingMessage, ServerResponse } from 'node:http';
import { explorerAssets } from './bundle.js';
import { docsHtml, SWAGGER_FILES, swaggerAsset, swaggerInit } from './docs-page.js';
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
  /** What `/` answers a client that asks for JSON and not HTML (the server's index). Default: the page. */
  readonly index?: ExplorerRoute;
}

/** One route: answers a GET or HEAD of its path (`url` is the whole request target). */
export type ExplorerRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
) => void | Promise<void>;

const EXPLAIN = '/explain';
const ASSETS = '/explorer';
const DOCS = '/docs';
const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  // `no-cache`: the browser revalidates, so a restarted demo never serves a stale page.
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
  res.end(body);
}

/** A client that asks for JSON (and not HTML) gets the server's JSON index at `/`, not the page. */
function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** The text after `?`, without a fragment. */
const queryOf = (url: string): string => url.split('#', 1)[0]!.split(/\?(.*)/s)[1] ?? '';

/**
 * The explorer's routes, by exact path, for the demo server's route table
 * (which answers 404, 405 and 500 for them, as for its own):
 *
 * | route | answer |
 * |---|---|
 * | `GET /` | the explorer page (a client asking only for JSON gets `options.index`) |
 * | `GET /explorer/app.js`, `/explorer/app.css` | its script (bundled by esbuild on first request) and style |
 * | `GET /explain/<endpoint>?<query>` | `listql explain` of the query: AST, SQL per dialect, MongoDB |
 * | `GET /docs`, `/docs/init.js`, `/docs/<file>` | Swagger UI on the OpenAPI document, from swagger-ui-dist |
 *
 * Every route is public: none reads data.
 *
 * @example
 * const routes = new Map([...explorerRoutes({ endpoints: [{ path: '/leads', resource: demoLeads }], openApiPath: '/openapi.json' })]);
 * createServer((req, res) => routes.get(req.url ?? '/')?.(req, res, req.url ?? '/'));
 */
export function explorerRoutes(options: ExplorerRoutesOptions): Map<string, ExplorerRoute> {
  const config: ExplorerConfig = {
    endpoints: options.endpoints.map(publicEndpoint),
    apiKey: options.apiKey ?? '',
    explainPrefix: EXPLAIN,
  };
  const page = explorerHtml(config, ASSETS);
  const routes = new Map<string, ExplorerRoute>([
    [
      '/',
      (req, res, url) =>
        options.index && wantsJson(req) ? options.index(req, res, url) : send(res, 200, HTML, page),
    ],
    [`${ASSETS}/app.js`, async (_req, res) => send(res, 200, JS, (await explorerAssets()).script)],
    [
      `${ASSETS}/app.css`,
      async (_req, res) =>
        send(res, 200, 'text/css; charset=utf-8', (await explorerAssets()).style),
    ],
    [DOCS, (_req, res) => send(res, 200, HTML, docsHtml(DOCS))],
    [
      `${DOCS}/init.js`,
      (_req, res) => send(res, 200, JS, swaggerInit(options.openApiPath, config.apiKey)),
    ],
  ]);
  for (const { path, resource } of options.endpoints) {
    routes.set(`${EXPLAIN}${path}`, async (_req, res, url) => {
      const body = await explainAll(resource, queryOf(url));
      send(
        res,
        body.success ? 200 : 400,
        'application/json; charset=utf-8',
        JSON.stringify(body, null, 2),
      );
    });
  }
  for (const name of SWAGGER_FILES) {
    routes.set(`${DOCS}/${name}`, async (_req, res) => {
      const asset = await swaggerAsset(name);
      send(res, 200, asset.type, asset.body);
    });
  }
  return routes;
}
