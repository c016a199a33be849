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
  // `npm run demo &` gives the shell npm's PID; this one is the server's own.
  out(
    `Process ${process.pid}: \`kill ${process.pid}\` stops it, letting requests in flight finish.`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl+C: the user does not want to wait for the drain.
      console.error(`listql demo: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    out(`listql demo: ${signal}, finishing requests in flight…`);
    result.close().then(
      (report) => {
        const forced =
          report.forced > 0 ? `, ${report.forced} connection(s) cut at the timeout` : '';
        out(`listql demo: stopped (${report.inFlight} request(s) were in flight${forced})`);
        process.exit(0);
      },
      (err: unknown) => {
        console.error(`listql demo: stopping failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
