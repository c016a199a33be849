import type { ExplorerConfig } from './endpoint.js';

/** JSON that is safe inside a `<script>` element: no `</script>`, no `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The HTML shell of the explorer page. The form, the table and the explain
 * panels are built by the bundled script from `config`, which travels inline
 * (no second request before the page can draw). Without JavaScript the page
 * says so and links to the API reference.
 *
 * @example
 * explorerHtml({ endpoints: [publicEndpoint({ path: '/leads', resource: demoLeads })], apiKey: '', explainPrefix: '/explain' }, '/explorer');
 */
export function explorerHtml(config: ExplorerConfig, assetPrefix: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>listql explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetPrefix}/app.css">
<script type="application/json" id="explorer-config">${scriptJson(config)}</script>
<script type="module" src="${assetPrefix}/app.js"></script>
</head>
<body>
<a class="skip" href="#results">Skip to results</a>
<header class="top">
  <h1>listql explorer</h1>
  <nav aria-label="Demo">
    <ul>
      <li><a href="/docs">API reference</a></li>
      <li><a href="/openapi.json">OpenAPI document</a></li>
    </ul>
  </nav>
</header>
<main id="app">
  <noscript><p>The explorer needs JavaScript. The <a href="/docs">API reference</a> works without it.</p></noscript>
</main>
</body>
</html>
`;
}
