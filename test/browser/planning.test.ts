/**
 * Planning and follow-up in a real browser: the secretary reads the business plan and its
 * follow-up, answers the year's work-environment checklist (a "delvis" without an action is
 * refused) and adds a risk that lands on the matrix. axe (WCAG 2.1 AA) on every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, expectAccessible, launchBrowser, runJourney, screenshotDesktopAndPhone, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('planning and follow-up', () => {
  let app: RunningApp;
  before(async () => {
    app = await startApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('lets the secretary answer the checklist and add a risk; every page passes axe', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Planering' }).click();
      await page.getByRole('heading', { level: 1, name: /Planering och uppföljning \d{4}/ }).waitFor();
      await page.goto(`${app.baseUrl}/planering?ar=2023`);
      await page.getByRole('heading', { level: 1, name: 'Planering och uppföljning 2023' }).waitFor();
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Verksamhetsplan 2023' }).click();
      await page.getByRole('heading', { level: 1, name: 'Verksamhetsplan 2023' }).waitFor();
      await page.getByRole('cell', { name: /Tillägg under 3.2 Verksamhetsmål/ }).waitFor();
      await expectAccessible(page);

      // The year's checklist from the SAM template.
      await page.goto(`${app.baseUrl}/planering/checklistor?ar=2023`);
      await page.getByRole('heading', { level: 1, name: 'Checklistor' }).waitFor();
      await page.locator('#f-year').fill('2023');
      await Promise.all([page.waitForURL('**/planering/checklistor/*'), page.getByRole('button', { name: 'Starta årets checklista' }).click()]);
      await page.getByRole('heading', { level: 1, name: /SAM\) 2023/ }).waitFor();
      await page.getByLabel('Svar på påstående 1', { exact: true }).selectOption('yes');
      await page.getByLabel('Svar på påstående 11', { exact: true }).selectOption('partly');
      await page.getByRole('button', { name: 'Spara svaren' }).click();
      await page.getByRole('alert').getByText('Påstående 11 är besvarat ”delvis”: beskriv en åtgärd.').waitFor();
      await expectAccessible(page, '/planering/checklistor/<refused>');
      await screenshotDesktopAndPhone(page, 'planning-checklist-error');
      await page.getByLabel('Åtgärd', { exact: true }).nth(10).fill('Instruktioner för starkströmsutrymmen gås igenom');
      await page.getByLabel('Ansvarig för åtgärden').nth(10).fill('Avdelningschef');
      await page.getByLabel('Klar senast').nth(10).fill('2023-09-30');
      await page.getByRole('button', { name: 'Spara svaren' }).click();
      await page.getByRole('status').getByText('Svaren är sparade.').waitFor();
      assert.equal(await page.getByLabel('Svar på påstående 11', { exact: true }).inputValue(), 'partly');
      // A risk, scored and placed on the matrix.
      await page.goto(`${app.baseUrl}/planering/internkontroll?ar=2023`);
      await page.getByRole('heading', { level: 1, name: 'Intern kontroll 2023' }).waitFor();
      await page.getByRole('link', { name: 'Lägg till risk' }).click();
      await page.getByLabel('Risk', { exact: false }).first().fill('Leverantören av e-tjänsteplattformen byts');
      await page.getByLabel('Ansvarig').fill('Samordnare');
      await page.getByLabel('Sannolikhet').selectOption('3');
      await page.getByLabel('Konsekvens').selectOption('4');
      await page.getByLabel('Beslut').selectOption('internal_control');
      await expectAccessible(page, '/planering/risker/ny');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('status').getByText('Risken är tillagd.').waitFor();
      const row = page.getByRole('row', { name: /Leverantören av e-tjänsteplattformen byts/ });
      await row.getByRole('cell', { name: '12', exact: true }).waitFor();
      await page.getByRole('cell', { name: '12 (mycket hög): R8' }).waitFor();
      await expectAccessible(page, '/planering/internkontroll (after)');
      await screenshotDesktopAndPhone(page, 'planning-control');

    });
  });
});
