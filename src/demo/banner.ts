/**
 * Quotes a word for a POSIX shell: single quotes, with any `'` written as `'\''`.
 *
 * @example
 * shellQuote("it's"); // `'it'\''s'`
 */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Three requests worth trying first: the spec's examples. @example EXAMPLE_QUERIES.length; // 3 */
export const EXAMPLE_QUERIES = [
  'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
  'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true&limit=5',
  'search=john&source=gtm,wordpress&limit=20&page=3',
] as const;

/**
 * A curl command for one list request. `-g` stops curl from reading the
 * brackets of `value[gte]` as a URL glob.
 *
 * @example
 * curlCommand('http://127.0.0.1:3000', 'k', 'status=won');
 * // "curl -sg -H 'X-API-KEY: k' 'http://127.0.0.1:3000/leads?status=won'"
 */
export function curlCommand(url: string, apiKey: string, query: string): string {
  return `curl -sg -H ${shellQuote(`X-API-KEY: ${apiKey}`)} ${shellQuote(`${url}/leads?${query}`)}`;
}

/** What the demo prints once it listens. */
export interface BannerFacts {
  readonly url: string;
  readonly apiKey: string;
  readonly rows: number;
  readonly location: string;
}

/**
 * The lines printed at start: where it listens, the key, three curl commands.
 *
 * @example
 * bannerLines({ url, apiKey, rows: 100000, location: '.demo-data/leads-100000-seed1.sqlite' });
 */
export function bannerLines(facts: BannerFacts): string[] {
  return [
    '',
    `listql demo: ${facts.rows.toLocaleString('en-US')} leads in ${facts.location}`,
    '',
    `  Explorer: ${facts.url}/   (open it in a browser)`,
    `  API docs: ${facts.url}/docs`,
    `  List:     GET ${facts.url}/leads`,
    `  OpenAPI:  GET ${facts.url}/openapi.json`,
    `  API key:  ${facts.apiKey}   (send it in the X-API-KEY header)`,
    '',
    'Try:',
    ...EXAMPLE_QUERIES.map((query) => `  ${curlCommand(facts.url, facts.apiKey, query)}`),
    '',
    'Press Ctrl+C to stop.',
  ];
}
