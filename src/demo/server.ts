import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  type Authenticate,
  handleListRequest,
  type ListBackend,
  type ListLogger,
  queryStringOf,
  toOpenApi,
} from '../http/index.js';
import type { LeadField } from '../resource/index.js';
import { DEMO_API_KEY, demoLeads } from './demo-resource.js';
import { explorerRoutes } from './explorer/index.js';

/** What the demo's HTTP server serves. */
export interface DemoServerOptions {
  readonly backend: ListBackend<LeadField>;
  readonly auth: Authenticate;
  readonly logger: ListLogger;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  // Compact: pretty-printing cost 3–11 % of a request (issue 13); clients and `jq` indent it.
  res.end(JSON.stringify(body));
}

/** The demo's own routes answer outside the list envelope's codes, so they say so plainly. */
function notFound(res: ServerResponse, path: string): void {
  sendJson(res, 404, {
    success: false,
    error: { code: 'NOT_FOUND', message: `No route ${path}; try GET /leads or GET /openapi.json` },
  });
}

/**
 * A plain `node:http` server with three routes: `GET /leads` (the list
 * endpoint, through `handleListRequest`), `GET /openapi.json` (its document,
 * public) and `GET /` (an index).
 *
 * @example
 * const server = createDemoServer({ backend, auth: apiKeyAuth('k'), logger: console });
 * server.listen(3000);
 */
export function createDemoServer(options: DemoServerOptions): Server {
  let openApi: string | undefined;
  // The explorer page (`/`), `/explain/leads` and `/docs`: see src/demo/explorer/.
  const explorer = explorerRoutes({
    endpoints: [{ path: '/leads', resource: demoLeads }],
    openApiPath: '/openapi.json',
    apiKey: DEMO_API_KEY,
    logger: options.logger,
  });
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    if (explorer(req, res)) return;
    const url = req.url ?? '/';
    const path = url.split('?', 1)[0]!;
    const routes = ['/', '/leads', '/openapi.json'];
    if (!routes.includes(path)) return notFound(res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(
        res,
        405,
        { success: false, error: { code: 'METHOD_NOT_ALLOWED', message: `Use GET on ${path}` } },
        { allow: 'GET, HEAD' },
      );
    }
    if (path === '/') {
      return sendJson(res, 200, {
        name: 'listql demo',
        endpoints: { leads: '/leads', openapi: '/openapi.json', explorer: '/', docs: '/docs' },
        auth: 'send the API key in the X-API-KEY header',
      });
    }
    if (path === '/openapi.json') {
      openApi ??= JSON.stringify(
        toOpenApi(demoLeads, {
          path: '/leads',
          title: 'listql demo: leads',
          description: 'The `GET /leads` endpoint of docs/leads.md, served by the listql demo.',
          schemaName: 'Lead',
          // The host that serves this document, whatever its port.
          servers: [{ url: '/', description: 'This demo server' }],
          license: { name: 'MIT', identifier: 'MIT' },
        }),
        null,
        2,
      );
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(openApi);
      return;
    }
    void handleListRequest({
      resource: demoLeads,
      backend: options.backend,
      query: queryStringOf(url),
      headers: req.headers,
      auth: options.auth,
      logger: options.logger,
    }).then((response) => sendJson(res, response.status, response.body, response.headers));
  });
}
