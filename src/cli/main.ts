#!/usr/bin/env node
/** The `listql` command: a thin wrapper over runCli (see ./run-cli.ts), which the tests run in-process. */
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
