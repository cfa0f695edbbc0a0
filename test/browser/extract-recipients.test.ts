/**
 * The recipients of a protokollsutdrag in a real browser, on the demo's final protocol: the lists
 * of member municipalities and people are long, so a filter box narrows them as the secretary
 * types (list-filter.js); a chosen recipient stays in view, Enter in the box does not send the
 * form, and without JavaScript the box is not there and the whole list works. axe on each state,
 * screenshots at desktop and phone width.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { protocolParagraphs, protocols } from '../../src/features/protocols/protocols.tables.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, expectAccessible, hasHorizontalOverflow, launchBrowser, PHONE, runJourney, screenshotDesktopAndPhone, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;
let app: RunningApp;
let extractPath = '';

before(async () => {
  browser = await launchBrowser();
  app = await startApp({ demo: true });
  const [row] = await app.test.services.database.db
    .select({ meetingId: protocols.meetingId, paragraphId: protocolParagraphs.id })
    .from(protocolParagraphs)
    .innerJoin(protocols, eq(protocols.id, protocolParagraphs.protocolId))
    .where(and(eq(protocols.status, 'final'), isNotNull(protocolParagraphs.number)))
    .orderBy(asc(protocolParagraphs.position))
    .limit(1);
  assert.ok(row, 'the demo has a final protocol');
  extractPath = `/moten/${row.meetingId}/protokoll/paragraf/${row.paragraphId}/utdrag`;
});
after(async () => {
  await app?.close();
  await browser?.close();
});

const choices = (page: Page) => page.locator('#extract-recipients .field--checkbox');
const visibleLabels = (page: Page) => page.locator('#extract-recipients .field--checkbox:visible label').allInnerTexts();

describe('extract recipients', () => {
  it('the filter box narrows the municipalities and people as one types; a chosen one stays', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.goto(extractPath);
      const filter = page.getByLabel('Filtrera mottagarna');
      await filter.waitFor();
      const total = await choices(page).count();
      assert.ok(total > 20, `a long list: ${total}`);
      await expectAccessible(page, 'extract (filter)');

      await filter.fill('kiruna');
      const kiruna = await visibleLabels(page);
      assert.ok(kiruna.length > 0 && kiruna.length < total, `some, not all: ${kiruna.length} of ${total}`);
      assert.ok(kiruna.every((l) => /kiruna/i.test(l)), kiruna.join(' | '));
      await page.getByRole('status').getByText(`${kiruna.length} av ${total} visas`).waitFor();
      const emptyGroups = await page.locator('#extract-recipients fieldset:visible').evaluateAll((sets) => sets.filter((f) => !f.querySelector('.field--checkbox:not([hidden])')).length);
      assert.equal(emptyGroups, 0, 'a group with no match folds away');
      await screenshotDesktopAndPhone(page, 'extract-recipients-filtered');

      // Choose the first, filter for another town: the chosen one stays in view (and is sent).
      const chosen = page.locator('#extract-recipients .field--checkbox:visible').first();
      const chosenLabel = (await chosen.locator('label').innerText()).trim();
      await chosen.locator('input').check();
      await filter.fill('luleå');
      const lulea = await visibleLabels(page);
      assert.ok(lulea.some((l) => l.trim() === chosenLabel), 'the chosen recipient stays');
      assert.ok(lulea.filter((l) => l.trim() !== chosenLabel).every((l) => /luleå/i.test(l)), lulea.join(' | '));
      await filter.press('Enter');
      assert.equal(new URL(page.url()).pathname, extractPath, 'Enter filters; it does not send');
      await filter.fill('');
      assert.equal((await visibleLabels(page)).length, total, 'an empty box shows all');
      await expectAccessible(page, 'extract (filter used)');
      await page.setViewportSize(PHONE);
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'no sideways scrolling at 390 px');
    });
  });

  it('without JavaScript there is no filter box, and the whole list is there', async () => {
    await runJourney(browser, app, { javaScript: false }, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.goto(extractPath);
      await page.getByRole('heading', { name: 'Skicka utdrag' }).waitFor();
      assert.equal(await page.getByLabel('Filtrera mottagarna').isVisible(), false);
      const total = await choices(page).count();
      assert.equal((await visibleLabels(page)).length, total);
    });
  });
});
