/**
 * Debian's Chromium driven by playwright-core, for the browser tests and the build benchmark's first-search
 * measurement. Never downloads a browser: the path is /usr/bin/chromium (CHROMIUM_PATH overrides),
 * installed by .ci/run. The flags keep it off this machine's closed network.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
