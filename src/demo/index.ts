/**
 * The listql demo server, for `npm run demo` and for tests that start it in
 * process.
 *
 * @example
 * import { startDemo } from './src/demo/index.js';
 * const demo = await startDemo({ port: 0, backend: 'memory', rows: 1000 });
 * await demo.close();
 */
export { bannerLines, curlCommand, EXAMPLE_QUERIES, shellQuote } from './banner.js';
export { DEMO_USAGE, type DemoIo, parseDemoArgs, runDemoCli } from './cli.js';
export { mysqlSettings, postgresSettings, type ServerSettings } from './connection-settings.js';
export { DataFileError, readDataFile } from './data-file.js';
export { DEMO_API_KEY, demoLeads } from './demo-resource.js';
export { DEFAULT_ROWS, type DemoOptions, type RunningDemo, startDemo } from './start-demo.js';
export { DEMO_BACKENDS, type DemoBackendName } from './stores/types.js';
export { type FieldRow, validateRow } from './validate-row.js';
