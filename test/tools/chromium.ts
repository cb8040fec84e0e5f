import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian, Ubuntu and Fedora put their Chromium or Chrome. */
const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium the end-to-end tests and the browser benchmark drive: `CHROMIUM_PATH` when set,
 * else the system's (Debian's package), else Playwright's own (`npx playwright install chromium`,
 * the way on macOS and Windows). Says what to do when there is none, instead of a launch error.
 */
export function chromiumPath(): string | undefined {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, and there is no browser there.`);
    return chosen;
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return system;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No Chromium for the end-to-end tests. Install one: on Debian or Ubuntu `sudo apt-get install chromium`; ' +
      'on macOS or Windows `npx playwright install chromium`; or set CHROMIUM_PATH to a Chromium or Chrome you have.',
  );
}

/** Chromium's switches for a test run on a machine without a network beyond its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
