/**
 * Sign-in through an identity provider in a real browser: the sign-in page offers the
 * municipality's provider, the provider's own login page (a real OpenID provider, oidc-provider,
 * on 127.0.0.1) takes the user name, and the browser comes back signed in. An identity Kansli does
 * not know gets a clear page. axe (WCAG 2.1 AA) on Kansli's pages.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildCommittee, buildUser } from '../support/app.js';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { expectAccessible, launchBrowser, newContext, startApp, type RunningApp } from './support.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let browser: Browser;
let app: RunningApp;
let op: TestProvider;
let email = '';

describe('signing in through the municipality identity provider', () => {
  before(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    op = await startTestProvider({ kansliBase: baseUrl });
    app = await startApp({ config: { publicUrl: baseUrl, oidc: { providers: [op.settings('staff'), op.settings('eid')], clockToleranceSeconds: 60 } }, port, deliverMail: false });
    const { test } = app;
    const org = await buildCommittee(test.services);
    email = (await buildUser(test.services, { organisationId: org.committee.id, roles: ['secretary'], email: `sekreterare-${process.pid}@testby.se` })).email;
    op.accounts.set('sara', { email, name: 'Sara Sekreterare' });
    op.accounts.set('okand', { email: 'okand@testby.se' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await op?.close();
  });

  async function throughProvider(user: string, options: { check: boolean }) {
    const { context, page, outbound } = await newContext(browser, app, { allowOrigins: [op.issuer] });
    try {
      await page.goto('/logga-in?next=/konto');
      if (options.check) await expectAccessible(page, '/logga-in with providers');
      await page.getByRole('link', { name: 'Logga in med Testby kommuns inloggning' }).click();
      await page.waitForURL((url) => url.href.startsWith(op.issuer));
      await page.getByLabel('Användare').fill(user);
      await Promise.all([page.waitForURL((url) => url.href.startsWith(app.baseUrl)), page.getByRole('button', { name: 'Logga in' }).click()]);
      await page.waitForLoadState('load');
      return { context, page, outbound };
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  it('the secretary signs in on the provider login page and lands on her account page', async () => {
    const { context, page, outbound } = await throughProvider('sara', { check: true });
    try {
      assert.equal(new URL(page.url()).pathname, '/konto');
      await page.getByRole('heading', { name: 'Mitt konto' }).waitFor();
      assert.ok((await page.content()).includes(email));
      await expectAccessible(page, '/konto after OpenID Connect sign-in');
      assert.deepEqual(outbound, [], 'pages reach only Kansli and the provider');
    } finally {
      await context.close();
    }
  });

  it('an identity Kansli does not know is told so, clearly, and stays signed out', async () => {
    const { context, page } = await throughProvider('okand', { check: false });
    try {
      await page.getByRole('heading', { name: 'Inloggningen gick inte igenom' }).waitFor();
      assert.match(await page.getByRole('alert').innerText(), /inget konto i Kansli/);
      await expectAccessible(page, 'the refusal page');
      await page.goto('/konto');
      assert.equal(new URL(page.url()).pathname, '/logga-in');
    } finally {
      await context.close();
    }
  });
});
