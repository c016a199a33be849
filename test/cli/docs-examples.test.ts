/**
 * The examples of docs/cli.md: each ```console block's command runs through
 * runCli and prints exactly the output shown (request id and timestamp
 * aside); the banner, the flags, the data line and the connection variables
 * shown are the demo's own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import {
  bannerLines,
  DEFAULT_ROWS,
  DEMO_API_KEY,
  DEMO_USAGE,
  demoLeads,
  mysqlSettings,
  parseDemoArgs,
  postgresSettings,
  validateRow,
} from '../../src/demo/index.js';
import { leads } from '../../src/index.js';
import { codeBlocks, tableRows } from '../docs/markdown.js';

const markdown = readFileSync('docs/cli.md', 'utf8');
const blocks = codeBlocks(markdown);

/** Splits a shell command line into words: plain words and '…' quoted ones. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2]!);
  return words;
}

/** Request ids and timestamps differ on every run. */
const normalize = (text: string): string =>
  text
    .replace(/req_[0-9a-f]{12}/g, 'req_…')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z(?=")/g, '<now>');

describe('docs/cli.md console examples', () => {
  const consoles = blocks.filter((b) => b.lang === 'console');

  it('has examples for every target and for invalid input', () => {
    const commands = consoles.map((b) => b.body.split('\n')[0]!);
    for (const target of ['ast', 'sql', 'mongo']) {
      expect(commands.some((c) => c.includes(`--target ${target}`))).toBe(true);
    }
    expect(consoles.some((b) => b.info === 'exit=2')).toBe(true);
  });

  for (const block of consoles) {
    it(`line ${block.line}`, async () => {
      const [command, ...output] = block.body.trimEnd().split('\n');
      const words = shellWords(command!);
      expect(words.slice(0, 3)).toEqual(['$', 'npx', 'listql']);
      const out: string[] = [];
      const err: string[] = [];
      const status = await runCli(words.slice(3), {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
      });
      const expectedStatus = block.info === 'exit=2' ? 2 : 0;
      expect(status).toBe(expectedStatus);
      const printed = (expectedStatus === 0 ? out : err).join('\n');
      expect(normalize(printed)).toBe(normalize(output.join('\n')));
    });
  }
});

describe('docs/cli.md demo section', () => {
  it('shows the banner the demo prints with its defaults', () => {
    const banner = blocks.find((b) => b.lang === 'text' && b.info === 'banner');
    const lines = bannerLines({
      url: 'http://127.0.0.1:3000',
      apiKey: DEMO_API_KEY,
      rows: DEFAULT_ROWS,
      location: '.demo-data/leads-100000-seed1.sqlite',
    });
    expect(banner?.body.trimEnd()).toBe(lines.join('\n').trim());
  });

  it('lists every flag of the usage, and each parses', () => {
    const flags = tableRows(markdown, ['flag', 'meaning', 'default']).map((row) => row[0]!);
    const examples: Record<string, string[]> = {
      '`--port N`': ['--port', '0'],
      '`--host ADDRESS`': ['--host', '::1'],
      '`--api-key KEY`': ['--api-key', 'k'],
      '`--backend NAME`': ['--backend', 'pglite'],
      '`--data FILE`': ['--data', 'x.ndjson'],
      '`--rows N`': ['--rows', '10'],
      '`--data-dir DIR`': ['--data-dir', 'd'],
      '`--help`': ['--help'],
    };
    expect(flags).toEqual(Object.keys(examples));
    for (const flag of flags) {
      expect(DEMO_USAGE).toContain(flag.replaceAll('`', ''));
      expect(() => parseDemoArgs(examples[flag]!)).not.toThrow();
    }
  });

  it('shows a data line the demo accepts', () => {
    const line = blocks.find((b) => b.lang === 'json')!.body.trim();
    const checked = validateRow(demoLeads, JSON.parse(line));
    expect(checked).toHaveProperty('row');
    // The line has the non-nullable fields the text lists.
    const required = leads.fieldList.filter((f) => !f.nullable).map((f) => `\`${f.name}\``);
    for (const name of required) expect(markdown).toContain(name);
  });

  it('shows the connection variables and defaults the demo uses (on the SQL page it links to)', () => {
    expect(markdown).toContain('(backends/sql.md#the-test-databases)');
    const sqlPage = readFileSync('docs/backends/sql.md', 'utf8');
    expect(sqlPage).toContain('## The test databases');
    const rows = tableRows(sqlPage, ['variable', 'default', 'variable', 'default']);
    const pg = postgresSettings({});
    const my = mysqlSettings({});
    const shown = (value: string | number | undefined, empty: string) =>
      value === undefined ? '(none)' : value === '' ? empty : `\`${value}\``;
    expect(rows).toEqual([
      ['`PG_HOST`', shown(pg.host, ''), '`MYSQL_HOST`', shown(my.host, '')],
      ['`PG_PORT`', shown(pg.port, ''), '`MYSQL_PORT`', shown(my.port, '')],
      ['`PG_USER`', shown(pg.user, ''), '`MYSQL_USER`', shown(my.user, '')],
      ['`PG_PASSWORD`', shown(pg.password, ''), '`MYSQL_PASSWORD`', shown(my.password, '(empty)')],
      ['`PG_DATABASE`', shown(pg.database, ''), '`MYSQL_DATABASE`', shown(my.database, '')],
    ]);
  });
});
