/**
 * The economy in a real browser: the economist imports the outcome per 30 November (a small CSV
 * built here) through the import page, opens the outcome report and the other reports, and
 * comments a deviation. axe (WCAG 2.1 AA) on every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, expectAccessible, hasHorizontalOverflow, launchBrowser, PHONE, runJourney, screenshotDesktopAndPhone, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The year's ledger to 30 November 2022 per cost object (income and cost as positive amounts). */
const CSV = ['kostnadsobjekt;intäkter;kostnader', 'GF;1 950 000,00;1 760 000,40', 'ETJ;1 000 000;960 000', 'PHR;254 150;280 000', ''].join('\r\n');

describe('economy', () => {
  let app: RunningApp;
  before(async () => {
    app = await startApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('lets the economist import an outcome and open the reports; every page passes axe', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.economist, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ekonomi' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ekonomi' }).waitFor();
      await expectAccessible(page, '/ekonomi');

      await page.getByRole('link', { name: 'Ekonomi 2022' }).click();
      await page.getByRole('heading', { level: 1, name: /Ekonomi 2022/ }).waitFor();
      await page.getByRole('link', { name: 'GF.VU' }).waitFor();
      await expectAccessible(page, '/ekonomi/<nämnd>/2022');
      await screenshotDesktopAndPhone(page, 'economy-year');

      await page.getByRole('link', { name: 'Importera utfall (SIE 4 eller CSV)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Importera utfall' }).waitFor();
      await expectAccessible(page, '/ekonomi/utfall/importera');
      await page.getByLabel(/^År/).fill('2022');
      await page.getByLabel(/^Utfall till och med/).fill('2022-11-30');
      await page.getByLabel(/^Fil \(SIE 4 eller CSV\)/).setInputFiles({ name: 'huvudbok-2022-11.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
      await page.getByRole('button', { name: 'Läs filen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Granska importen' }).waitFor();
      await expectAccessible(page, '/ekonomi/utfall/importera/granska');
      await Promise.all([page.waitForURL('**/ekonomi/utfall/import/*'), page.getByRole('button', { name: 'Spara utfallet' }).click()]);
      await page.getByRole('status').getByText('Utfallet är sparat.').waitFor();
      await expectAccessible(page, '/ekonomi/utfall/import/<id>');

      await page.goto('/ekonomi/norrbottens-e-namnd/2022');
      await page.getByRole('link', { name: 'Utfall per datum med kommentarer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Utfall per 2022-11-30' }).waitFor();
      const table = page.locator('#outcome-table');
      // The new snapshot replaces October's: only what the November file holds.
      assert.equal(await table.getByRole('row', { name: /^Grundfinansiering 1 950 000 1 760 000 190 000/ }).count(), 1);
      assert.equal(await table.getByRole('row', { name: /^Projekt HR 254 150 280 000 -25 850/ }).count(), 1);
      assert.equal(await table.getByRole('row', { name: /^Summa 3 204 150 3 000 000 204 150/ }).count(), 1);
      assert.equal(await page.getByRole('img', { name: /Kostnader: budget helår och utfall per 2022-11-30/ }).count(), 1);
      await expectAccessible(page, '/ekonomi/<nämnd>/2022/utfall');
      await screenshotDesktopAndPhone(page, 'economy-outcome');

      await page.getByLabel('Kommentar till Projekt HR (-25 850 kr)').fill('Intäkten faktureras i december.');
      await Promise.all([page.waitForURL('**/utfall?datum=2022-11-30'), page.getByRole('button', { name: 'Spara kommentar' }).nth(2).click()]);
      await page.getByRole('status').getByText('Kommentaren är sparad.').waitFor();
      assert.equal(await table.getByRole('row', { name: /Projekt HR .*Intäkten faktureras i december\./ }).count(), 1);

      // October's report still shows the seed's figures.
      await page.goto('/ekonomi/norrbottens-e-namnd/2022/utfall?datum=2022-10-31');
      assert.equal(await page.locator('#outcome-table').getByRole('row', { name: /^Summa 5 471 584 5 527 542 -55 958/ }).count(), 1);

      for (const [path, heading, shot] of [
        ['/ekonomi/norrbottens-e-namnd/2022/budget-prognos', 'Budget och prognos helår 2022', 'economy-budget'],
        ['/ekonomi/norrbottens-e-namnd/2022/fordelning', 'Fördelning per kommun 2022', 'economy-distribution'],
        ['/ekonomi/norrbottens-e-namnd/2022/fakturaunderlag', 'Fakturaunderlag 2022', 'economy-invoice'],
        ['/ekonomi/norrbottens-e-namnd/2022/pkv', 'PKV-uppräkning 2022 → 2023', 'economy-pkv'],
        ['/ekonomi/norrbottens-e-namnd/2022/utfall/manuellt', 'Registrera utfall för hand 2022', 'economy-manual'],
        ['/ekonomi/norrbottens-e-namnd/2022/kostnadsobjekt/nytt', 'Nytt kostnadsobjekt 2022', 'economy-new-object'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectAccessible(page, path);
        await screenshotDesktopAndPhone(page, shot);
      }
      await page.setViewportSize(PHONE);
      await page.goto('/ekonomi/norrbottens-e-namnd/2022/fordelning');
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'the distribution page fits a phone (tables scroll on their own)');
    });
  });
});
