/**
 * The archive in a real browser: the administrator delivers the demo year 2022 to the e-archive
 * and follows the progress, reads the document management plan, disposal and the processing
 * register, and opens one person's data. axe (WCAG 2.1 AA) on every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, expectAccessible, hasHorizontalOverflow, launchBrowser, PHONE, screenshotDesktopAndPhone, signIn, startApp, runJourney, type RunningApp } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('archive and data protection', () => {
  let app: RunningApp;
  before(async () => {
    app = await startApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('delivers 2022 to the e-archive with a progress page, and shows the plan, disposal and the processing register', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.admin, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Arkiv' }).click();
      await page.getByRole('heading', { level: 1, name: 'Arkiv och dataskydd' }).waitFor();
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Dokumenthanteringsplan' }).click();
      await page.getByRole('cell', { name: 'Gallras efter 10 år' }).first().waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'archive-plan');

      await page.goto(`${app.baseUrl}/arkiv/leveranser`);
      await page.getByLabel(/^År/).fill('2022');
      await Promise.all([page.waitForURL('**/arkiv/leveranser/*'), page.getByRole('button', { name: 'Skapa arkivpaket' }).click()]);
      await page.getByText('Klar', { exact: true }).waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Ladda ned paketet (zip)' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'archive-delivery');

      await page.goto(`${app.baseUrl}/arkiv/gallring`);
      await page.getByRole('heading', { level: 2, name: 'Gallringsspärrar' }).waitFor();
      await page.getByLabel(/^Diarienummer eller handlings-id/).fill('2022/20');
      await page.getByLabel(/^Skäl/).fill('Begäran om granskning');
      await page.getByRole('button', { name: 'Lägg spärr' }).click();
      await page.getByRole('status').getByText('Spärren är lagd.').waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'archive-disposal');

      await page.goto(`${app.baseUrl}/dataskydd`);
      await page.getByRole('link', { name: 'Nämndadministration' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'privacy-register');

      await page.goto(`${app.baseUrl}/dataskydd/personer`);
      await page.locator('tbody a').first().click();
      await page.getByRole('heading', { level: 2, name: 'Registerutdrag' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'privacy-person');
    });
  });

  it('fits a phone', async () => {
    await runJourney(browser, app, { viewport: PHONE }, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.admin, DEMO_PASSWORD);
      for (const path of ['/arkiv/dokumenthanteringsplan', '/arkiv/gallring', '/dataskydd']) {
        await page.goto(`${app.baseUrl}${path}`);
        assert.equal((await hasHorizontalOverflow(page)).overflow, false, path);
      }
    });
  });
});
