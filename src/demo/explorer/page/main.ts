/**
 * The explorer page: pick an endpoint, build a query with controls generated
 * from its resource definition, see the rows ("load more" follows the
 * cursor), the request, and what listql compiles it to. The page's own
 * address holds the query, so a reload or a shared link shows the same.
 */
import { buildResource, ListRequestError, type Resource } from '../../../client/index.js';
import type { ExplorerConfig, PublicEndpoint } from '../endpoint.js';
import type { IssueTarget } from './control.js';
import { h, select, uniqueId } from './dom.js';
import { type ExplainTexts, explainPanel } from './explain-panel.js';
import type { PageIssue } from './explorer-query.js';
import { issueSlot } from './filter-form.js';
import { clearIssues, showIssues } from './issues.js';
import {
  addressOf,
  failureIssues,
  type Page,
  type Params,
  readAddress,
  requestText,
  toParams,
  walkPages,
} from './list-request.js';
import { queryForm } from './query-form.js';
import { resultTable } from './results.js';

const config = JSON.parse(
  document.getElementById('explorer-config')!.textContent!,
) as ExplorerConfig;
const app = document.getElementById('app')!;
// The definitions come from the server, which checked them with defineResource: the page
// rebuilds them without the checks, so its bundle does not carry them.
const resources = new Map<string, Resource>(
  config.endpoints.map((e) => [e.path, buildResource(e.definition) as unknown as Resource]),
);

// Layout: the form, then the results and the explain panels.
const summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true, role: 'alert' });
const endpointId = uniqueId('endpoint');
const endpointSelect = select(
  { id: endpointId },
  config.endpoints.map((e): [string, string] => [e.path, `GET ${e.path}`]),
);
const keyId = uniqueId('api-key');
const keyInput = h('input', {
  id: keyId,
  type: 'text',
  autocomplete: 'off',
  spellcheck: 'false',
  'aria-describedby': `${keyId}-hint`,
});
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
    h('span', { class: 'hint', id: `${keyId}-hint` }, 'sent as X-API-KEY'),
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

/**
 * The walk behind the rows on screen: the client's pages iterator, and where
 * its next page starts (a cursor, or a page number when the server gives none).
 */
interface Walk {
  readonly walk: AsyncGenerator<Page, void, undefined>;
  readonly params: Params;
  more: boolean;
  cursor: string | null;
  page: number;
  total: number | null;
}
let shown: Walk | null = null;
let inFlight: AbortController | null = null;

function allTargets(targets: readonly IssueTarget[]): IssueTarget[] {
  return [...targets, { param: 'x-api-key', control: keyInput, slot: keySlot }];
}

function describeTotal(): string {
  if (!shown) return '';
  const of = shown.total === null ? '' : ` of ${shown.total.toLocaleString('en-US')}`;
  return `${table.count.toLocaleString('en-US')}${of} ${endpoint.name} shown`;
}

function showRequest(text: string): void {
  requestLine.textContent = `GET ${endpoint.path}${text === '' ? '' : `?${text}`}`;
}

/** Draws a page the walk yielded: the first replaces the rows, later ones add to them. */
function draw(state: Walk, page: Page, first: boolean): void {
  const { nextCursor, total, hasMore } = page.meta.pagination;
  // As the iterator decides: more while the server says so and the page was not empty.
  state.more = hasMore && page.data.length > 0;
  state.cursor = nextCursor;
  state.page = page.meta.pagination.page;
  state.total = total;
  if (first) table.reset(page.data);
  else table.append(page.data);
  loadMore.hidden = !state.more;
  status.textContent = describeTotal();
}

function fail(error: unknown, targets: readonly IssueTarget[]): void {
  showIssues(form, summary, failureIssues(error), allTargets(targets));
  const code = error instanceof ListRequestError ? `HTTP ${error.status}` : 'The request failed';
  status.textContent = `${code}: nothing shown.`;
  table.reset([]);
  loadMore.hidden = true;
  shown = null;
}

async function run(push: boolean): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const resource = resources.get(endpoint.path)!;
  const { query, targets } = current.read();
  clearIssues(form, summary);
  const { params, issues } = toParams(resource, query);
  const built = issues.length > 0 ? { ok: false as const, issues } : requestText(resource, params);
  if (!built.ok) {
    // Checked by listql/client before sending: the same issues the server would answer with.
    showIssues(form, summary, built.issues, allTargets(targets));
    status.textContent = 'Not sent: the query has problems.';
    explain.show(null);
    table.reset([]);
    loadMore.hidden = true;
    shown = null;
    return;
  }
  const text = built.query;
  if (push) {
    // The address holds the query (and the endpoint, when it is not the first), so a
    // reload or a shared link opens the same table.
    const hash = endpoint === config.endpoints[0] ? '' : `#${endpoint.path}`;
    const address = `${location.pathname}${addressOf(resource, params)}${hash}`;
    if (address !== `${location.pathname}${location.search}${location.hash}`) {
      history.pushState(null, '', address);
    }
  }
  showRequest(text);
  status.textContent = 'Loading…';
  loadMore.hidden = true;
  const explained = fetch(`${config.explainPrefix}${endpoint.path}?${text}`, {
    signal: controller.signal,
  })
    .then((r) => r.json() as Promise<{ success: boolean } & ExplainTexts>)
    .catch(() => null);
  const walk = walkPages(endpoint.path, resource, params, keyInput.value, controller.signal);
  const state: Walk = { walk, params, more: false, cursor: null, page: 1, total: null };
  shown = state;
  try {
    const first = await walk.next();
    if (first.done) table.reset([]);
    else draw(state, first.value, true);
    const texts = await explained;
    explain.show(texts?.success ? texts : null);
  } catch (error) {
    if (!controller.signal.aborted) fail(error, targets);
  }
}

async function more(): Promise<void> {
  const state = shown;
  if (!state?.more) return;
  const resource = resources.get(endpoint.path)!;
  const { page: _page, ...rest } = state.params;
  const position = state.cursor === null ? { page: state.page + 1 } : { after: state.cursor };
  const next = requestText(resource, { ...rest, ...position });
  if (next.ok) showRequest(next.query);
  loadMore.disabled = true;
  try {
    const page = await state.walk.next();
    // A new query may have started meanwhile: its rows are not this walk's.
    if (state === shown && !page.done) draw(state, page.value, false);
  } catch (error) {
    if (state === shown) fail(error, current.read().targets);
  } finally {
    loadMore.disabled = false;
  }
}

/** The endpoint and form from the address; a part of it the resource refuses is listed, not kept. */
function restore(): readonly PageIssue[] {
  const wanted =
    config.endpoints.find((e) => `#${e.path}` === location.hash) ?? config.endpoints[0]!;
  if (wanted !== endpoint) switchTo(wanted);
  const { query, issues } = readAddress(resources.get(endpoint.path)!, location.search);
  current.write(query);
  return issues;
}

function switchTo(next: PublicEndpoint): void {
  endpoint = next;
  endpointSelect.value = next.path;
  current = queryForm(resources.get(next.path)!);
  formSlot.replaceChildren(current.element);
}

/** Runs the query of the address; issues of the address itself are shown with the answer. */
async function load(): Promise<void> {
  const issues = restore();
  await run(false);
  if (issues.length > 0) {
    const prefix = 'Left out of the address: ';
    const listed = issues.map((i) => ({ param: null, message: `${prefix}${i.message}` }));
    showIssues(form, summary, listed, []);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run(true);
});
loadMore.addEventListener('click', () => void more());
endpointSelect.addEventListener('change', () => {
  switchTo(config.endpoints.find((e) => e.path === endpointSelect.value) ?? endpoint);
  void run(true);
});
// A link in the error summary moves focus to its control (a fragment alone would only scroll).
summary.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link) return;
  event.preventDefault();
  document.getElementById(link.getAttribute('href')!.slice(1))?.focus();
});
window.addEventListener('popstate', () => void load());

void load();
