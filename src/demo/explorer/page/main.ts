/**
 * The explorer page: pick an endpoint, build a query with controls generated
 * from its resource definition, see the rows ("load more" follows the
 * cursor), the request, and what listql compiles it to. The page's own
 * address holds the query, so a reload or a shared link shows the same.
 */
import { defineResource, type Resource } from '../../../resource/index.js';
import type { ExplorerConfig, PublicEndpoint } from '../endpoint.js';
import type { IssueTarget } from './control.js';
import { h, select, uniqueId } from './dom.js';
import { type ExplainTexts, explainPanel } from './explain-panel.js';
import { issueSlot } from './filter-form.js';
import { clearIssues, showIssues } from './issues.js';
import { fetchListPage, queryString, readQueryString } from './list-request.js';
import { queryForm } from './query-form.js';
import { resultTable } from './results.js';

const config = JSON.parse(
  document.getElementById('explorer-config')!.textContent!,
) as ExplorerConfig;
const app = document.getElementById('app')!;
const resources = new Map<string, Resource>(
  config.endpoints.map((e) => [e.path, defineResource(e.definition) as unknown as Resource]),
);

// Layout: the form, then the results and the explain panels.
const summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true, role: 'alert' });
const endpointId = uniqueId('endpoint');
const endpointSelect = select(
  { id: endpointId },
  config.endpoints.map((e): [string, string] => [e.path, `GET ${e.path}`]),
);
const keyId = uniqueId('api-key');
const keyInput = h('input', { id: keyId, type: 'text', autocomplete: 'off', spellcheck: 'false' });
keyInput.value = config.apiKey;
const keySlot = issueSlot();
const formSlot = h('div');
const form = h(
  'form',
  { class: 'panel', 'aria-labelledby': 'query-title', novalidate: true },
  h('h2', { id: 'query-title' }, 'Query'),
  summary,
  h('div', { class: 'single' }, h('label', { for: endpointId }, 'Endpoint'), endpointSelect),
  h(
    'div',
    { class: 'single' },
    h('label', { for: keyId }, 'API key'),
    keyInput,
    h('span', { class: 'hint' }, 'sent as X-API-KEY'),
    keySlot,
  ),
  formSlot,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Run query')),
);
const requestLine = h('code', { class: 'request-url' });
const status = h('p', { role: 'status', class: 'status' });
const loadMore = h('button', { type: 'button', class: 'primary', hidden: true }, 'Load more');
const table = resultTable('Rows');
const explain = explainPanel();
const results = h(
  'section',
  { class: 'panel', id: 'results', 'aria-labelledby': 'results-title', tabindex: '-1' },
  h('h2', { id: 'results-title' }, 'Results'),
  h('p', { class: 'request' }, h('span', { class: 'hint' }, 'Request '), requestLine),
  status,
  table.element,
  loadMore,
);
app.append(
  h('div', { class: 'layout' }, form, h('div', { class: 'output' }, results, explain.element)),
);

let endpoint: PublicEndpoint = config.endpoints[0]!;
let current = queryForm(resources.get(endpoint.path)!);
formSlot.append(current.element);

/** The query that produced the rows on screen, and where the next page starts. */
let shown: { query: string; next: string | null; total: number | null } | null = null;
let inFlight: AbortController | null = null;

function allTargets(targets: readonly IssueTarget[]): IssueTarget[] {
  return [...targets, { param: 'x-api-key', control: keyInput, slot: keySlot }];
}

function describeTotal(): string {
  if (!shown) return '';
  const of = shown.total === null ? '' : ` of ${shown.total.toLocaleString('en-US')}`;
  return `${table.count.toLocaleString('en-US')}${of} ${endpoint.name} shown`;
}

async function run(push: boolean): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const resource = resources.get(endpoint.path)!;
  const { query, targets } = current.read();
  clearIssues(form, summary);
  const built = queryString(resource, query);
  if (!built.ok) return showIssues(form, summary, built.issues, allTargets(targets));
  const text = built.query;
  if (push) {
    const page = `?${text}`;
    if (page !== location.search)
      history.pushState(null, '', text === '' ? location.pathname : page);
  }
  requestLine.textContent = `GET ${endpoint.path}${text === '' ? '' : `?${text}`}`;
  status.textContent = 'Loading…';
  loadMore.hidden = true;
  const explained = fetch(`${config.explainPrefix}${endpoint.path}?${text}`, {
    signal: controller.signal,
  })
    .then((r) => r.json() as Promise<{ success: boolean } & ExplainTexts>)
    .catch(() => null);
  try {
    const answer = await fetchListPage(endpoint.path, text, keyInput.value, controller.signal);
    if (!answer.ok) {
      const issues =
        answer.status === 401
          ? [
              {
                param: 'x-api-key',
                message: 'The API refused this key (401). Use the key the demo printed at start.',
              },
            ]
          : answer.issues;
      showIssues(form, summary, issues, allTargets(targets));
      table.reset([]);
      shown = null;
      status.textContent = `HTTP ${answer.status}: nothing shown.`;
    } else {
      shown = { query: text, next: answer.nextCursor, total: answer.total };
      table.reset(answer.rows);
      loadMore.hidden = answer.nextCursor === null;
      status.textContent = describeTotal();
    }
    const texts = await explained;
    explain.show(texts?.success ? texts : null);
  } catch (err) {
    if (controller.signal.aborted) return;
    status.textContent = `The request failed: ${(err as Error).message}`;
  }
}

async function more(): Promise<void> {
  if (!shown?.next) return;
  const controller = new AbortController();
  inFlight = controller;
  const resource = resources.get(endpoint.path)!;
  const built = queryString(resource, current.read().query, shown.next);
  if (!built.ok) return;
  requestLine.textContent = `GET ${endpoint.path}?${built.query}`;
  loadMore.disabled = true;
  try {
    const answer = await fetchListPage(
      endpoint.path,
      built.query,
      keyInput.value,
      controller.signal,
    );
    if (answer.ok) {
      shown.next = answer.nextCursor;
      table.append(answer.rows);
      loadMore.hidden = answer.nextCursor === null;
      status.textContent = describeTotal();
    } else {
      showIssues(form, summary, answer.issues, allTargets(current.read().targets));
    }
  } finally {
    loadMore.disabled = false;
  }
}

function restore(): void {
  current.write(readQueryString(resources.get(endpoint.path)!, location.search));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run(true);
});
loadMore.addEventListener('click', () => void more());
endpointSelect.addEventListener('change', () => {
  endpoint = config.endpoints.find((e) => e.path === endpointSelect.value) ?? endpoint;
  current = queryForm(resources.get(endpoint.path)!);
  formSlot.replaceChildren(current.element);
  void run(true);
});
// A link in the error summary moves focus to its control (a fragment alone would only scroll).
summary.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link) return;
  event.preventDefault();
  document.getElementById(link.getAttribute('href')!.slice(1))?.focus();
});
window.addEventListener('popstate', () => {
  restore();
  void run(false);
});

restore();
void run(false);
