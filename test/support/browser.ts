/**
 * Headless Chromium for the browser tests: Debian's `chromium` driven by
 * playwright-core, never a downloaded browser. Where no Chromium is found the
 * tests are skipped with a loud message, except under `CI=true`, where they
 * fail (`.ci/run` installs the package first).
 *
 * | variable          | meaning                                   |
 * |-------------------|-------------------------------------------|
 * | `CHROMIUM_PATH`   | the browser to use instead of `chromium` on `PATH` |
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Flags for a quiet, offline, container-friendly headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

/** Where the browser tests save their screenshots (gitignored). */
export const SCREENSHOT_DIR = '.screenshots';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `CHROMIUM_PATH`, else the first `chromium` on `PATH` (what `which chromium` prints), else null. */
function findChromium(): string | null {
  const given = process.env['CHROMIUM_PATH'];
  if (given) return given;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'chromium');
    if (dir !== '' && executable(candidate)) return candidate;
  }
  return null;
}

/**
 * The Chromium to test with, or null (after a loud warning) when there is
 * none; with `CI=true` a missing browser throws, failing the file.
 *
 * @example
 * const chromiumPath = chromiumFor('explorer');
 * describe.skipIf(!chromiumPath)('explorer', () => { … });
 */
export function chromiumFor(label: string): string | null {
  const path = findChromium();
  if (path) return path;
  if (process.env['CI'] === 'true') {
    throw new Error(
      `${label}: no chromium on PATH, and CI=true requires it (apt-get install -y chromium)`,
    );
  }
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! ${label}: no chromium on PATH: its browser tests are SKIPPED.\n` +
      `!! Install Debian's chromium package or set CHROMIUM_PATH (see test/support/browser.ts).\n${bar}\n`,
  );
  return null;
}

/**
 * Launches headless Chromium at `executablePath` with {@link CHROMIUM_ARGS}.
 *
 * @example
 * const browser = await launchChromium(chromiumPath);
 * await browser.close();
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}
