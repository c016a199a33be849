#!/usr/bin/env node
/** `npm run demo`: a thin wrapper over runDemoCli (see ./cli.ts), which the tests run in-process. */
import { runDemoCli } from './cli.js';

// On a terminal, seeding progress redraws a single line; the next line of output starts below it.
let redrawing = false;
const out = (line: string): void => {
  if (redrawing) process.stdout.write('\n');
  redrawing = false;
  console.log(line);
};
const progress = (line: string): void => {
  if (process.stdout.isTTY) {
    process.stdout.write(`\r\x1b[K${line}`);
    redrawing = true;
  } else {
    console.log(line);
  }
};

const result = await runDemoCli(process.argv.slice(2), {
  out,
  err: (line) => console.error(line),
  progress,
});
if (typeof result === 'number') {
  process.exit(result);
} else {
  const stop = (): void => {
    void result.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
