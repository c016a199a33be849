/**
 * Runs the examples of the user docs: every `GET` line of an ```http block
 * parses (or, in an ```http 400 block, is refused); a ```json block right
 * after a one-request http block is its result (the issues of a 400, or the
 * shown parts of the AST); "request | matches" tables are checked against
 * `instantBounds`; ```ts blocks run against the source, and ```ts throws
 * blocks must throw the error in their `// Error:` line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as http from '../../src/http/index.js';
import * as listql from '../../src/index.js';
import {
  type ComparisonOperator,
  defineResource,
  instantBounds,
  labeledLeads,
  leads,
  type Resource,
  safeParseListQuery,
} from '../../src/index.js';
import { type CodeBlock, codeBlocks, requests, tableRows } from './markdown.js';
import { runSnippet } from './run-snippet.js';

const DOCS = [
  'docs/query-language.md',
  'docs/resources.md',
  'docs/errors.md',
  'docs/leads.md',
  'docs/ast.md',
  'docs/relations.md',
] as const;

/** What the snippets may import: the package root and, for HTTP bodies, `listql/http`. */
import { openLeads } from '../support/open-leads.js';

const SNIPPET_MODULES = { listql, 'listql/http': http };
const RESOURCES: Readonly<Record<string, Resource>> = {
  '/leads': leads as Resource,
  // The derived resource of docs/resources.md#boolean-groups.
  '/grouped-leads': defineResource({ ...leads.definition, groups: true }) as Resource,
  // Leads with the opt-in operators, all-words search and case-insensitive order.
  '/open-leads': openLeads as Resource,
  // The worked example of docs/relations.md.
  '/labeled-leads': labeledLeads as Resource,
};

/** The examples of the spec's section 7; the docs must carry each of them. */
const SPEC_EXAMPLES = [
  'GET /leads?status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
  'GET /leads?createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
  'GET /leads?search=john&source=gtm,wordpress&limit=20&page=3',
  'GET /leads?updated_after=2024-01-15T10:00:00Z&sort=updated_at:asc',
];

const read = (path: string): string =>
  readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

function parse(path: string, query: string) {
  const resource = RESOURCES[path];
  if (!resource) throw new Error(`no resource for ${path} in the docs test`);
  return safeParseListQuery(resource, query);
}

const label = (doc: string, block: CodeBlock): string => `${doc}:${block.line}`;

describe.each(DOCS)('%s', (doc) => {
  const markdown = read(doc);
  const blocks = codeBlocks(markdown);
  const http = blocks.filter((b) => b.lang === 'http');
  const ts = blocks.filter((b) => b.lang === 'ts');

  it('has runnable examples', () => {
    expect(http.length + ts.length).toBeGreaterThan(0);
  });

  const httpCases = http.flatMap((block) =>
    requests(block).map((request) => ({
      block,
      request,
      name: `${label(doc, block)} ${request.line}`,
    })),
  );
  it.runIf(httpCases.length > 0).each(httpCases)('$name', ({ block, request }) => {
    const refused = block.info === '400';
    if (block.info !== '' && !refused)
      throw new Error(`${label(doc, block)}: unknown http info '${block.info}'`);
    const result = parse(request.path, request.query);
    expect(result.success, JSON.stringify(result)).toBe(!refused);

    const expected =
      block.next?.lang === 'json' ? (JSON.parse(block.next.body) as unknown) : undefined;
    if (expected === undefined) return;
    if (requests(block).length !== 1) {
      throw new Error(`${label(doc, block)}: a result block needs exactly one request before it`);
    }
    if (!result.success) {
      expect(result.issues).toEqual(expected);
      return;
    }
    for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
      expect(result.query[key as keyof typeof result.query], key).toEqual(value);
    }
  });

  const dayRows = tableRows(markdown, ['request', 'matches']);
  it.runIf(dayRows.length > 0).each(dayRows)('day semantics: %s', (request, matches) => {
    const query = request!.replaceAll('`', '');
    const result = parse('/leads', query);
    if (!result.success || result.query.filter.kind !== 'and') throw new Error(query);
    const node = result.query.filter.children[0];
    if (node?.kind !== 'comparison') throw new Error(`${query} is not a comparison`);
    const symbol: Record<ComparisonOperator, string> = {
      eq: '=',
      gt: '>',
      gte: '>=',
      lt: '<',
      lte: '<=',
    };
    const printed = instantBounds(node.op, String(node.value))
      .map((bound) => `${node.field} ${symbol[bound.op]} ${new Date(bound.ms).toISOString()}`)
      .join(' and ');
    expect(`\`${printed}\``).toBe(matches);
  });

  // "case | example | message" tables: an example cell made only of backticked
  // queries is parsed, and its first issue's message must match (`…` ends a prefix).
  const messageRows = tableRows(markdown, ['case', 'example', 'message']).filter(([, example]) =>
    /^`[^`]*=[^`]*`(, `[^`]*`)*$/.test(example ?? ''),
  );
  it.runIf(messageRows.length > 0).each(messageRows)('message of %s', (_case, example, message) => {
    const query = /^`([^`]*)`/.exec(example!)![1]!;
    const expected = /^`([^`]*)`/.exec(message!)?.[1];
    if (expected === undefined) throw new Error(`no backticked message for ${query}`);
    const result = parse('/leads', query);
    if (result.success) throw new Error(`${query} parses`);
    const actual = result.issues[0]!.message;
    if (expected.endsWith('…')) expect(actual.startsWith(expected.slice(0, -1)), actual).toBe(true);
    else expect(actual).toBe(expected);
  });

  it.runIf(ts.length > 0).each(ts.map((block) => ({ block, name: label(doc, block) })))(
    'ts example at $name',
    async ({ block }) => {
      if (block.info === 'throws') {
        const message = /^\/\/ Error: (.*)$/m.exec(block.body)?.[1];
        if (!message)
          throw new Error(`${label(doc, block)}: a throws block needs an '// Error:' line`);
        await expect(runSnippet(block.body, SNIPPET_MODULES)).rejects.toThrow(message);
      } else {
        if (block.info !== '')
          throw new Error(`${label(doc, block)}: unknown ts info '${block.info}'`);
        await runSnippet(block.body, SNIPPET_MODULES);
      }
    },
  );
});

describe('the examples of the spec (section 7)', () => {
  const lines = DOCS.flatMap((doc) =>
    codeBlocks(read(doc))
      .filter((b) => b.lang === 'http' && b.info === '')
      .flatMap((b) => requests(b).map((r) => r.line.trim())),
  );
  it.each(SPEC_EXAMPLES)('%s is shown and parses', (example) => {
    expect(lines).toContain(example);
  });
});
