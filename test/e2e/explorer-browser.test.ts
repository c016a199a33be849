/**
 * The explorer page (`GET /`) and the API reference (`GET /docs`) in a real
 * headless Chromium, against the demo on the memory backend: a filter, a
 * sort, "load more", an invalid value shown next to its control, the table
 * compared with the API's JSON for the same URL, the explain panels compared
 * with `listql explain`, phone width, and /docs with no failed request.
 * Screenshots go to `.screenshots/` (gitignored).
 */
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/cli/explain.js';
import { explorerRoutes } from '../../src/demo/explorer/index.js';
import { DEMO_API_KEY, demoLeads, type RunningDemo, startDemo } from '../../src/demo/index.js';
import {
  handleListRequest,
  type ListEnvelope,
  memoryBackend,
  queryStringOf,
  type SuccessEnvelope,
} from '../../src/http/index.js';
import { defineResource, type Resource } from '../../src/resource/index.js';
import { chromiumFor, launchChromium, SCREENSHOT_DIR } from '../support/browser.js';

const chromiumPath = chromiumFor('explorer page');

/** What a cell shows for a JSON value: strings as they are, anything else as JSON (`null`, `42.5`). */
const cell = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

describe.skipIf(!chromiumPath)('the explorer page in Chromium', () => {
  let demo: RunningDemo;
  let browser: Browser;
  /** Requests that failed or answered ≥ 400, with their URLs, per page. */
  const problems = new Map<Page, string[]>();

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    [demo, browser] = await Promise.all([
      startDemo({ port: 0, backend: 'memory', rows: 300, logger: console }),
      launchChromium(chromiumPath!),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const seen: string[] = [];
    problems.set(page, seen);
    page.on('requestfailed', (r) => seen.push(`failed ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) seen.push(`${r.status()} ${r.url()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(demo.url) && !r.url().startsWith('data:'))
        seen.push(`external ${r.url()}`);
    });
    page.on('pageerror', (err) => seen.push(`page error ${err.message}`));
    await page.goto(`${demo.url}${path}`);
    return page;
  }

  /** The API's answer for the request the page says it made. */
  async function apiFor(page: Page): Promise<ListEnvelope> {
    const line = (await page.locator('.request-url').textContent()) ?? '';
    expect(line).toMatch(/^GET \/leads/);
    const response = await fetch(`${demo.url}${line.slice('GET '.length)}`, {
      headers: { 'x-api-key': DEMO_API_KEY },
    });
    return (await response.json()) as ListEnvelope;
  }

  async function table(page: Page): Promise<{ columns: string[]; rows: string[][] }> {
    const columns = await page.locator('table thead th').allTextContents();
    const cells = await page.locator('table tbody td').allTextContents();
    const rows: string[][] = [];
    for (let i = 0; i < cells.length; i += columns.length)
      rows.push(cells.slice(i, i + columns.length));
    return { columns, rows };
  }

  const asTable = (data: readonly Record<string, unknown>[]) => {
    const columns = Object.keys(data[0] ?? {});
    return { columns, rows: data.map((row) => columns.map((c) => cell(row[c]))) };
  };

  /** Waits until the page shows an answer (rows counted, or an HTTP status). */
  const settled = (page: Page) =>
    page
      .locator('.status')
      .filter({ hasText: /shown|HTTP/ })
      .waitFor();

  it('filters, sorts, loads more, and shows what the API answers', async () => {
    const page = await open('/');
    await settled(page);
    // The first screen: every lead, the resource's defaults.
    const first = await apiFor(page);
    expect(first.success).toBe(true);
    expect(await table(page)).toEqual(asTable((first as SuccessEnvelope).data));

    const status = page.getByRole('group', { name: /^status\b/ });
    await status.getByLabel('won').check();
    await status.getByLabel('lost').check();
    const value = page.getByRole('group', { name: /^value\b/ });
    await value.getByLabel('value: operator 1').selectOption('gte');
    await value.getByLabel('value: value 1').fill('100');
    await page.getByRole('button', { name: 'Add a sort key' }).click();
    await page.getByLabel('Sort key 1', { exact: true }).selectOption('value');
    await page.getByLabel('Sort key 1: direction').selectOption('desc');
    await page.getByText(/^Fields:/).click();
    for (const field of ['name', 'status', 'value']) {
      await page.getByRole('group', { name: 'Fields' }).getByLabel(field, { exact: true }).check();
    }
    await page.getByLabel('Page size').fill('8');
    // Keyboard operable: Enter in a field submits the form.
    await value.getByLabel('value: value 1').press('Enter');
    await page.locator('.request-url', { hasText: 'value[gte]=100' }).waitFor();
    await settled(page);

    expect(await page.locator('.request-url').textContent()).toBe(
      'GET /leads?status=won,lost&value[gte]=100&sort=value:desc&fields=name,status,value&limit=8',
    );
    const filtered = (await apiFor(page)) as SuccessEnvelope;
    expect(filtered.data).toHaveLength(8);
    expect(await table(page)).toEqual(asTable(filtered.data));
    const values = filtered.data.map((row) => row['value'] as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(filtered.data.every((row) => ['won', 'lost'].includes(row['status'] as string))).toBe(
      true,
    );
    // The page's own address holds the query, so a reload shows the same.
    expect(new URL(page.url()).search).toBe(
      '?status=won,lost&value[gte]=100&sort=value:desc&fields=name,status,value&limit=8',
    );

    // Load more follows nextCursor and appends the next page.
    const cursor = filtered.meta.pagination.nextCursor;
    expect(cursor).not.toBeNull();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.locator('table tbody tr').nth(8).waitFor();
    expect(await page.locator('.request-url').textContent()).toContain(`cursor=${cursor}`);
    const second = (await apiFor(page)) as SuccessEnvelope;
    expect(await table(page)).toEqual(asTable([...filtered.data, ...second.data]));
    const ids = [...filtered.data, ...second.data].map((row) => row['id']);
    expect(new Set(ids).size).toBe(ids.length);

    // The explain panels are the text of `listql explain` for the same query.
    const query = 'status=won,lost&value[gte]=100&sort=value:desc&fields=name,status,value&limit=8';
    const options = { table: 'leads' } as const;
    const ast = await explain(demoLeads, query, { ...options, target: 'ast', dialect: 'postgres' });
    const sqlite = await explain(demoLeads, query, {
      ...options,
      target: 'sql',
      dialect: 'sqlite',
    });
    expect(ast.ok && sqlite.ok).toBe(true);
    await page.getByText('AST', { exact: true }).click();
    expect(await page.locator('details.explain pre').first().textContent()).toBe(
      ast.ok && ast.text,
    );
    await page.getByLabel('Dialect').selectOption('sqlite');
    expect(await page.locator('details.explain pre').nth(1).textContent()).toBe(
      sqlite.ok && sqlite.text,
    );

    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer.png'), fullPage: true });
    expect(problems.get(page)).toEqual([]);

    // Reload: the form comes back from the address bar.
    await page.reload();
    await settled(page);
    expect(
      await page
        .getByRole('group', { name: /^status\b/ })
        .getByLabel('won')
        .isChecked(),
    ).toBe(true);
    expect(await page.getByLabel('value: value 1').inputValue()).toBe('100');
    expect(await table(page)).toEqual(asTable(filtered.data));
  });

  it('shows each issue next to its control, as the server states it', async () => {
    const page = await open('/?fields=id,name,value,createdAt');
    await settled(page);
    const value = page.getByLabel('value: value 1');
    await page.getByLabel('value: operator 1').selectOption('gte');
    await value.fill('abc');
    const created = page.getByLabel('createdAt: value 1');
    await page.getByLabel('createdAt: operator 1').selectOption('lt');
    await created.fill('2026-02-30');
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.locator('.status', { hasText: 'Not sent' }).waitFor();

    // listql/client refuses the query before sending it, with the issues the server answers
    // for the same query string.
    const raw = 'value[gte]=abc&createdAt[lt]=2026-02-30&fields=name,value,createdAt';
    const response = await fetch(`${demo.url}/leads?${raw}`, {
      headers: { 'x-api-key': DEMO_API_KEY },
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as ListEnvelope;
    expect(answer.success).toBe(false);
    const issues = answer.success
      ? []
      : 'issues' in answer.error.details
        ? answer.error.details.issues
        : [];
    expect(issues.map((i) => i.param)).toEqual(['value[gte]', 'createdAt[lt]']);
    for (const [control, issue] of [
      [value, issues[0]!],
      [created, issues[1]!],
    ] as const) {
      expect(await control.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
      const slot = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
      expect(await slot.textContent()).toBe(issue.message);
      // Next to its control: in the same row of the form.
      const row = control.locator('xpath=ancestor::li[1]');
      expect(await row.locator('.issue').textContent()).toBe(issue.message);
    }
    // The summary lists both and takes focus; its links lead to the controls.
    const summary = page.getByRole('alert');
    expect(await summary.locator('li').allTextContents()).toEqual(issues.map((i) => i.message));
    await summary.getByRole('link', { name: issues[1]!.message }).click();
    expect(await created.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await page.locator('table tbody tr').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-issues.png'), fullPage: true });

    // Fixing the values clears the marks.
    await value.fill('100');
    await created.fill('2026-02-28');
    await created.press('Enter');
    await page.locator('.status', { hasText: 'shown' }).waitFor();
    expect(await value.getAttribute('aria-invalid')).toBeNull();
    expect(await summary.count()).toBe(0);

    // A key the server refuses (401) is shown next to the key field.
    const key = page.getByLabel('API key');
    await key.fill('not-the-key');
    await key.press('Enter');
    await page.locator('.status', { hasText: 'HTTP 401' }).waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    const keyIssue = (await key.getAttribute('aria-describedby'))?.split(' ')[0];
    expect(await page.locator(`[id="${keyIssue}"]`).textContent()).toContain('401');
  });

  it('is readable at phone width (375 px) and keyboard operable', async () => {
    const page = await open(
      '/?status=won&sort=value:desc&fields=id,name,status,value&limit=5',
      375,
    );
    await settled(page);
    // Nothing wider than the screen: the table scrolls inside its own region.
    // (Browser-side code is passed as text: the tests are type-checked without the DOM library.)
    const widest = await page.evaluate('document.documentElement.scrollWidth');
    expect(widest).toBeLessThanOrEqual(375);
    expect(await page.getByRole('region', { name: 'Rows' }).getAttribute('tabindex')).toBe('0');
    // Landmarks: a banner with its navigation, the main area, the form and the results.
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Demo' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('form', { name: 'Query' }).count()).toBe(1);
    // The first Tab reaches the skip link, and focus is drawn.
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to results');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe(
      'solid',
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-phone.png'), fullPage: true });
    expect(problems.get(page)).toEqual([]);
  });

  it('every control has a label', async () => {
    const page = await open('/');
    await settled(page);
    await page.getByRole('button', { name: 'Add a sort key' }).click();
    // A control is named by a <label>, an aria-label, or (a button) its text.
    const unlabelled =
      await page.evaluate(`[...document.querySelectorAll('input, select, button, textarea')]
      .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute('aria-label') && !el.textContent.trim())
      .map((el) => el.outerHTML)`);
    expect(unlabelled).toEqual([]);
  });

  it('opens a hand-edited address with what is valid, and lists what was left out', async () => {
    const page = await open('/?status=won&value[gte]=abc&fields=id,name,status');
    await settled(page);
    expect(
      await page
        .getByRole('group', { name: /^status\b/ })
        .getByLabel('won')
        .isChecked(),
    ).toBe(true);
    expect(await page.getByLabel('value: value 1').inputValue()).toBe('');
    const summary = page.getByRole('alert');
    expect(await summary.locator('li').allTextContents()).toEqual([
      "Left out of the address: value[gte] must be a number, got 'abc'",
    ]);
    expect(await page.locator('.request-url').textContent()).toBe(
      'GET /leads?status=won&fields=name,status',
    );
    expect(await table(page)).toEqual(asTable(((await apiFor(page)) as SuccessEnvelope).data));
  });

  it('GET /docs renders the OpenAPI document with Swagger UI, with no failed request', async () => {
    const page = await open('/docs');
    const operation = page.locator('.opblock-summary-path', { hasText: '/leads' });
    await operation.waitFor();
    await operation.click();
    await page.locator('.parameters .parameter__name', { hasText: 'status' }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'docs.png') });
    expect(problems.get(page)).toEqual([]);
  });
});

describe.skipIf(!chromiumPath)('the explorer page with several endpoints', () => {
  // A second resource with other control kinds: a boolean, a single-value enum, a nullable date.
  const tasks = defineResource({
    name: 'tasks',
    fields: {
      id: { type: 'string' },
      title: { type: 'string', sortable: true, searchable: true, filter: ['contains'] },
      done: { type: 'boolean', filter: ['eq'] },
      priority: { type: 'enum', values: ['low', 'high'], filter: ['eq', 'nin'], sortable: true },
      due: { type: 'datetime', nullable: true, filter: ['gte', 'lt', 'exists'], sortable: true },
    },
    defaults: { sort: 'title:asc', limit: 5 },
  });
  const rows = Array.from({ length: 60 }, (_, i) => ({
    id: `task_${String(i).padStart(2, '0')}`,
    title: `Task ${String.fromCharCode(65 + (i % 26))}${i}`,
    done: i % 3 === 0,
    priority: i % 2 === 0 ? 'high' : 'low',
    due: i % 4 === 0 ? null : `2026-0${1 + (i % 9)}-1${i % 10}T09:00:00.000Z`,
  }));
  const endpoints = [
    {
      path: '/leads',
      resource: demoLeads as unknown as Resource,
      backend: memoryBackend(demoLeads, []),
    },
    { path: '/tasks', resource: tasks as unknown as Resource, backend: memoryBackend(tasks, rows) },
  ];
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const routes = explorerRoutes({ endpoints, openApiPath: '/openapi.json' });
    server = createServer((req, res) => {
      const target = req.url ?? '/';
      const path = target.split('?', 1)[0]!;
      const route = routes.get(path);
      if (route) return void route(req, res, target);
      const endpoint = endpoints.find((e) => path === e.path);
      if (!endpoint) return void res.writeHead(404).end();
      void handleListRequest({
        resource: endpoint.resource,
        backend: endpoint.backend as never,
        query: queryStringOf(target),
      }).then((answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('builds each endpoint form from its own definition, and keeps the endpoint in the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await page.getByLabel('Endpoint').selectOption('/tasks');
    await page.locator('.request-url', { hasText: 'GET /tasks' }).waitFor();
    // The tasks form: a select for the boolean and the single-value enum, no lead fields.
    expect(await page.getByRole('group', { name: /^status\b/ }).count()).toBe(0);
    await page
      .getByRole('group', { name: /^done\b/ })
      .getByLabel('equals')
      .selectOption('false');
    await page
      .getByRole('group', { name: /^priority\b/ })
      .getByLabel('equals')
      .selectOption('high');
    await page
      .getByRole('group', { name: /^due\b/ })
      .getByLabel('exists')
      .selectOption('true');
    // Free-text fields wait in the collapsed "More filters" group.
    await page.getByText('More filters (1)').click();
    expect(await page.getByLabel('title: operator 1').inputValue()).toBe('contains');
    await page.getByLabel('title: value 1').fill('TASK');
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.locator('.request-url', { hasText: 'done=false' }).waitFor();
    await page.locator('.status', { hasText: 'shown' }).waitFor();
    expect(await page.locator('.request-url').textContent()).toBe(
      'GET /tasks?title[contains]=TASK&done=false&priority=high&due[exists]=true',
    );
    expect(new URL(page.url()).hash).toBe('#/tasks');

    // Every page, by "load more", is the API's answer for the same walk.
    const expected: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `title[contains]=TASK&done=false&priority=high&due[exists]=true${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await (await fetch(`${url}/tasks?${query}`)).json()) as SuccessEnvelope;
      expected.push(...body.data);
      cursor = body.meta.pagination.nextCursor;
    } while (cursor !== null);
    expect(expected.length).toBeGreaterThan(5);
    const loadMore = page.getByRole('button', { name: 'Load more' });
    while (await loadMore.isVisible()) {
      const before = await page.locator('table tbody tr').count();
      await loadMore.click();
      await page.locator('table tbody tr').nth(before).waitFor();
    }
    const columns = await page.locator('table thead th').allTextContents();
    expect(columns).toEqual(Object.keys(expected[0]!));
    const cells = await page.locator('table tbody td').allTextContents();
    expect(cells).toEqual(expected.flatMap((row) => columns.map((c) => cell(row[c]))));

    // A reload comes back to the tasks endpoint, with its form filled in.
    await page.reload();
    await page.locator('.status', { hasText: 'shown' }).waitFor();
    expect(await page.getByLabel('Endpoint').inputValue()).toBe('/tasks');
    expect(
      await page
        .getByRole('group', { name: /^done\b/ })
        .getByLabel('equals')
        .inputValue(),
    ).toBe('false');
    await page.close();
  });
});
