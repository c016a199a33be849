import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The files of swagger-ui-dist that `/docs` serves, with their types. A fixed
 * list, so no request path ever reaches the file system.
 */
const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
} as const;

/** The names of {@link ASSETS}. @example SWAGGER_FILES.includes('swagger-ui.css'); // true */
export const SWAGGER_FILES = Object.keys(ASSETS) as (keyof typeof ASSETS)[];

let packageDir: string | undefined;

/** The installed swagger-ui-dist, found the way Node resolves it (no CDN). */
function swaggerUiDir(): string {
  packageDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return packageDir;
}

/**
 * One file of swagger-ui-dist, read from the installed package.
 *
 * @example
 * await swaggerAsset('swagger-ui.css'); // { type: 'text/css; charset=utf-8', body: <Buffer …> }
 */
export async function swaggerAsset(
  name: (typeof SWAGGER_FILES)[number],
): Promise<{ readonly type: string; readonly body: Buffer }> {
  return { type: ASSETS[name], body: await readFile(join(swaggerUiDir(), name)) };
}

/**
 * The script that starts Swagger UI on `openApiPath`. `validatorUrl: null`
 * keeps it from calling swagger.io's validator: the page makes no request
 * outside the demo.
 */
export function swaggerInit(openApiPath: string, apiKey: string): string {
  const options = {
    url: openApiPath,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: true,
    defaultModelsExpandDepth: 0,
  };
  const preauthorize = apiKey
    ? `ui.preauthorizeApiKey('ApiKeyAuth', ${JSON.stringify(apiKey)});`
    : '';
  return `'use strict';
window.addEventListener('load', function () {
  var options = ${JSON.stringify(options)};
  options.presets = [SwaggerUIBundle.presets.apis];
  options.layout = 'BaseLayout';
  options.onComplete = function () { ${preauthorize} };
  var ui = SwaggerUIBundle(options);
  window.ui = ui;
});
`;
}

/**
 * The HTML of `GET /docs`: Swagger UI from the installed package, rendering
 * the demo's OpenAPI document.
 *
 * @example
 * docsHtml('/docs'); // '<!doctype html>…'
 */
export function docsHtml(prefix: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>listql demo: API reference</title>
<link rel="stylesheet" href="${prefix}/swagger-ui.css">
<link rel="icon" type="image/png" href="${prefix}/favicon-32x32.png" sizes="32x32">
<style>body { margin: 0; } .back { font: 14px sans-serif; padding: 8px 20px; display: block; }</style>
</head>
<body>
<a class="back" href="/">← listql explorer</a>
<main id="swagger-ui"></main>
<script src="${prefix}/swagger-ui-bundle.js" charset="utf-8"></script>
<script src="${prefix}/init.js" charset="utf-8"></script>
</body>
</html>
`;
}
