import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  type Authenticate,
  handleListRequest,
  handleReadyRequest,
  type ListBackend,
  type ListLogger,
  queryStringOf,
  readHeader,
  requestIdFrom,
  toOpenApi,
} from '../http/index.js';
import type { LeadField, Resource } from '../resource/index.js';
import { DEMO_API_KEY, demoLabeledLeads, demoLeads } from './demo-resource.js';
import { explorerRoutes } from './explorer/index.js';

/** What the demo's HTTP server serves. */
export interface DemoServerOptions {
  readonly backend: ListBackend<LeadField>;
  /** Serves `GET /labeled-leads` (leads with labels, tags and notes) when given. */
  readonly labeledBackend?: ListBackend<LeadField>;
  readonly auth: Authenticate;
  readonly logger: ListLogger;
}

/** One route: answers a GET (or HEAD) of its path. `url` is the whole request target. */
export type DemoRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
) => void | Promise<void>;

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

/**
 * The demo's own errors (404, 405) in the spec's error envelope, with the
 * request id echoed like the list endpoint's; their codes are the demo's,
 * outside the list endpoint's vocabulary.
 */
function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const requestId = requestIdFrom(readHeader(req.headers, 'x-request-id'));
  sendJson(
    res,
    status,
    {
      success: false,
      error: { code, message, details: {} },
      meta: { requestId, timestamp: new Date().toISOString() },
    },
    { 'x-request-id': requestId, ...headers },
  );
}

/** A list endpoint: `handleListRequest` on `resource` and `backend`. */
function listRoute(
  resource: Resource<LeadField>,
  backend: ListBackend<LeadField>,
  options: DemoServerOptions,
): DemoRoute {
  return async (req, res, url) => {
    const response = await handleListRequest({
      resource,
      backend,
      query: queryStringOf(url),
      headers: req.headers,
      auth: options.auth,
      logger: options.logger,
    });
    sendJson(res, response.status, response.body, response.headers);
  };
}

/** A route serving an OpenAPI document, built on the first request and kept. */
function documentRoute(build: () => unknown): DemoRoute {
  let text: string | undefined;
  return (_req, res) => {
    text ??= JSON.stringify(build(), null, 2);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(text);
  };
}

const DEMO_DOCUMENT = {
  // The host that serves this document, whatever its port.
  servers: [{ url: '/', description: 'This demo server' }],
  license: { name: 'MIT', identifier: 'MIT' },
} as const;

/**
 * The demo's routes, by path; each answers GET and HEAD. Add a route by
 * adding an entry: the 404 and 405 answers follow from this table.
 */
function demoRoutes(options: DemoServerOptions): Map<string, DemoRoute> {
  const labeled = options.labeledBackend;
  const routes = new Map<string, DemoRoute>([
    [
      '/',
      (_req, res) =>
        sendJson(res, 200, {
          name: 'listql demo',
          endpoints: {
            leads: '/leads',
            ...(labeled === undefined ? {} : { labeledLeads: '/labeled-leads' }),
            openapi: '/openapi.json',
            ...(labeled === undefined ? {} : { labeledLeadsOpenapi: LABELED_OPENAPI_PATH }),
            explorer: '/',
            docs: '/docs',
            health: '/healthz',
            ready: '/readyz',
          },
          auth: 'send the API key in the X-API-KEY header',
        }),
    ],
    ['/leads', listRoute(demoLeads, options.backend, options)],
    [
      '/openapi.json',
      documentRoute(() =>
        toOpenApi(demoLeads, {
          path: '/leads',
          title: 'listql demo: leads',
          description: 'The `GET /leads` endpoint of docs/leads.md, served by the listql demo.',
          schemaName: 'Lead',
          ...DEMO_DOCUMENT,
        }),
      ),
    ],
    // Liveness: the process answers. No database check, or an outage would restart it.
    [
      '/healthz',
      (_req, res) => sendJson(res, 200, { status: 'ok' }, { 'cache-control': 'no-store' }),
    ],
    // Readiness: the store answers a trivial query; 503 while it does not.
    [
      '/readyz',
      async (_req, res) => {
        const response = await handleReadyRequest({
          backend: options.backend,
          logger: options.logger,
        });
        sendJson(res, response.status, response.body, response.headers);
      },
    ],
  ]);
  if (labeled !== undefined) {
    routes.set('/labeled-leads', listRoute(demoLabeledLeads, labeled, options));
    routes.set(
      LABELED_OPENAPI_PATH,
      documentRoute(() =>
        toOpenApi(demoLabeledLeads, {
          path: '/labeled-leads',
          title: 'listql demo: labeled leads',
          description:
            'The `GET /labeled-leads` endpoint of docs/relations.md: the leads with their labels, tags and notes, served by the listql demo.',
          schemaName: 'LabeledLead',
          ...DEMO_DOCUMENT,
        }),
      ),
    );
  }
  return routes;
}

/** Where the demo serves the OpenAPI document of `GET /labeled-leads`. */
const LABELED_OPENAPI_PATH = '/openapi/labeled-leads.json';

/**
 * A plain `node:http` server: `GET /leads` (the list endpoint, through
 * `handleListRequest`), `GET /openapi.json` (its document, public), the
 * explorer (`GET /`, `/explain/leads`, `/docs`; `/` is a JSON index for
 * clients that do not ask for HTML), `GET /healthz` (liveness) and `GET /readyz` (readiness: 503
 * while the store cannot be reached). Other paths are a 404 and other
 * methods a 405, both in the error envelope.
 *
 * @example
 * const server = createDemoServer({ backend, auth: apiKeyAuth('k'), logger: console });
 * server.listen(3000);
 */
export function createDemoServer(options: DemoServerOptions): Server {
  const routes = demoRoutes(options);
  const known = [...routes.keys()].filter((path) => path !== '/');
  // The explorer page (`/`, which keeps the JSON index for JSON clients), `/explain/leads`
  // and `/docs` (Swagger UI): see src/demo/explorer/.
  const explorer = explorerRoutes({
    endpoints: [{ path: '/leads', resource: demoLeads }],
    openApiPath: '/openapi.json',
    apiKey: DEMO_API_KEY,
    index: routes.get('/')!,
  });
  for (const [path, route] of explorer) routes.set(path, route);
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const path = url.split('?', 1)[0]!;
    const route = routes.get(path);
    if (!route) {
      return sendError(
        req,
        res,
        404,
        'NOT_FOUND',
        `No route ${path}; try GET ${known.join(', GET ')}`,
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(req, res, 405, 'METHOD_NOT_ALLOWED', `Use GET on ${path}`, {
        allow: 'GET, HEAD',
      });
    }
    void Promise.resolve(route(req, res, url)).catch((err: unknown) => {
      // handleListRequest never throws; this is for a route that does (a socket gone mid-write).
      options.logger.error({ err, requestId: 'demo' }, 'listql demo: route failed');
      if (!res.headersSent)
        sendError(req, res, 500, 'INTERNAL_ERROR', 'An unexpected error occurred');
      else res.destroy();
    });
  });
}
