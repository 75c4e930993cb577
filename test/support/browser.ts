/**
 * A real browser for tests: Debian's Chromium (/usr/bin/chromium) driven by playwright-core, with a
 * fresh profile and HOME in the system temp folder (Chromium writes crash reports and dconf there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function openBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'graduasi-chromium-'));
  const context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that lets only file: and data: requests through: every other URL it asks for is refused
 * and listed in `outside`; script errors are listed in `errors`. For pages that must work offline.
 */
export async function offlinePage(context: BrowserContext): Promise<{ page: Page; outside: string[]; errors: string[] }> {
  const page = await context.newPage();
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, outside, errors };
}
