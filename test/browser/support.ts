/**
 * Browser journeys: the real app in-process on 127.0.0.1, Debian's Chromium through
 * playwright-core, axe-core for WCAG 2.1 AA. No browser is ever downloaded.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createTestApp, type TestContext } from '../support/app.js';
import type { Config } from '../../src/platform/config/config.js';
import type { Clock } from '../../src/platform/clock.js';
import { loadDemo } from '../../src/features/demo/demo.js';
import { recordFormTimings } from './form-timings.js';

export { DEMO_PASSWORD, DEMO_LOGIN_EMAILS } from '../../src/features/demo/demo-data.js';

export const CHROMIUM = process.env.KANSLI_CHROMIUM ?? '/usr/bin/chromium';
export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 820, height: 1180 };
export const DESKTOP = { width: 1280, height: 800 };
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export interface RunningApp {
  baseUrl: string;
  test: TestContext;
  close(): Promise<void>;
}

/**
 * The real app on a fresh test database, listening on a local port (a free one unless given);
 * demo loaded on request; queued mail delivered in the background as `npm start` does, unless
 * the journey delivers it itself. Its form submissions are timed (form-timings.ts).
 */
export async function startApp(
  options: { demo?: boolean; config?: Partial<Config>; clock?: Clock; port?: number; deliverMail?: boolean } = {},
): Promise<RunningApp> {
  const test = await createTestApp({ ...(options.config ? { config: options.config } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  if (options.demo) await loadDemo(test.services);
  await test.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = test.app.server.address() as AddressInfo;
  const formTimings = recordFormTimings(test.app.server);
  const deliverMail = options.deliverMail ?? true;
  if (deliverMail) test.services.mailer.start(500);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    test,
    close: async () => {
      formTimings.flush();
      if (deliverMail) await test.services.mailer.stop();
      await test.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh browser context bound to the app. Any request to another host is aborted and
 * recorded, so a page that reaches out to the network fails its test.
 */
export async function newContext(
  browser: Browser,
  app: RunningApp,
  options: { viewport?: { width: number; height: number }; javaScript?: boolean; allowOrigins?: string[] } = {},
): Promise<{ context: BrowserContext; page: Page; outbound: string[] }> {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    viewport: options.viewport ?? DESKTOP,
    locale: 'sv-SE',
    javaScriptEnabled: options.javaScript ?? true,
  });
  // Fail fast: every page here is served locally and renders in well under a second.
  context.setDefaultTimeout(10_000);
  const outbound: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(app.baseUrl) || url.startsWith('data:') || options.allowOrigins?.some((o) => url.startsWith(o))) return route.continue();
    outbound.push(url);
    return route.abort();
  });
  return { context, page: await context.newPage(), outbound };
}

/** Sign in through the login form, as a person would. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/logga-in'), page.getByRole('button', { name: 'Logga in' }).click()]);
}

/** Run axe with the WCAG 2.1 A/AA rules and fail with every violation spelled out. */
export async function expectAccessible(page: Page, label = new URL(page.url()).pathname): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const lines = result.violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`,
    ...v.nodes.slice(0, 8).map((n) => `    at ${n.target.map(String).join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  ]);
  assert.equal(result.violations.length, 0, `axe found ${result.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
}

/** True when the page scrolls sideways (content wider than the viewport). */
export function hasHorizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; overflow: boolean }> {
  return page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    return { scrollWidth, innerWidth: window.innerWidth, overflow: scrollWidth > window.innerWidth };
  });
}

/** Save a full-page screenshot to test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Screenshot at the current (desktop) size and again at phone width, then restore the size. */
export async function screenshotDesktopAndPhone(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? DESKTOP;
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(size);
}

/** Run a journey in its own browser context; fails if any page tried to reach another host. */
export async function runJourney(browser: Browser, app: RunningApp, options: Parameters<typeof newContext>[2], run: (page: Page) => Promise<void>): Promise<void> {
  const { context, page, outbound } = await newContext(browser, app, options);
  try {
    await run(page);
    assert.deepEqual(outbound, [], 'pages must not reach outside the app');
  } finally {
    await context.close();
  }
}
