/**
 * Publication in a real browser: a member of the public reaches a notice board and
 * the public protocol from the start page with the keyboard alone; the secretary sees the posting
 * status per municipality; a municipality's registrar records the municipality's own posting. axe (WCAG
 * 2.1 AA) on every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { organisations } from '../../src/features/organisation/organisation.tables.js';
import { notices } from '../../src/features/publication/publication.tables.js';
import { TEST_PASSWORD, buildUser } from '../support/app.js';
import { buildFinalProtocol, buildJointCommittee } from '../support/publication-fixtures.js';
import { expectAccessible, launchBrowser, runJourney, screenshotDesktopAndPhone, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;
let app: RunningApp;
let protocolId = '';
let meetingId = '';
let org: Awaited<ReturnType<typeof buildJointCommittee>>;
let secretary = { email: '' };
let registrar = { email: '' };

/** Press Tab until the link or button named `name` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    if (name.test(focused)) return;
  }
  assert.fail(`no focusable element named ${String(name)} within ${limit} tabs on ${page.url()}`);
}

describe('publication', () => {
  before(async () => {
    browser = await launchBrowser();
    app = await startApp();
    const { services } = app.test;
    const db = services.database.db;
    org = await buildJointCommittee(services, { municipalities: ['Alby kommun', 'Bredby kommun', 'Cedby kommun'] });
    const [, bredby] = org.members;
    // Bredby posts by hand on its own website; the others are posted by Kansli at once.
    await db.update(organisations).set({ settings: { publication: { noticePosting: 'immediate', manualMunicipalities: [bredby?.slug ?? ''] } } }).where(eq(organisations.id, org.committee.id));
    secretary = await buildUser(services, { organisationId: org.committee.id, roles: ['secretary'] });
    registrar = await buildUser(services, { organisationId: bredby?.id ?? '', roles: ['registrar'] });
    const today = new Date();
    ({ protocolId, meetingId } = await buildFinalProtocol(services, {
      committeeId: org.committee.id,
      bodyId: org.body.id,
      municipalityId: org.members[0]?.id ?? '',
      meetingAt: new Date(today.getTime() - 6 * 86_400_000),
      justerAt: today,
      paragraphs: [{ heading: 'Verksamhetsplan 2027', decision: 'Nämnden antar verksamhetsplanen för 2027.' }],
    }));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a member of the public reaches a board and the public protocol with the keyboard', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 2, name: 'Anslagstavlor' }).waitFor();
      await expectAccessible(page, 'portal start');
      await tabTo(page, /^Alby kommun$/);
      await Promise.all([page.waitForURL(`**/anslagstavla/${org.members[0]?.slug ?? ''}`), page.keyboard.press('Enter')]);
      await page.getByRole('heading', { level: 1, name: 'Anslagstavla – Alby kommun' }).waitFor();
      await page.getByRole('heading', { name: /Justering av protokoll – Provnämnden/ }).first().waitFor();
      await page.getByText('Överklagandetiden börjar när protokollet har anslagits hos alla medlemskommuner.').first().waitFor();
      await expectAccessible(page, 'notice board');
      await screenshotDesktopAndPhone(page, 'anslagstavla');
      await tabTo(page, /^Läs protokollet/);
      await Promise.all([page.waitForURL(`**/sammantraden/${meetingId}/protokoll`), page.keyboard.press('Enter')]);
      await page.getByRole('heading', { level: 2, name: /§ 1 Verksamhetsplan 2027/ }).waitFor();
      await expectAccessible(page, 'public protocol');
      for (const path of ['/anslagstavla', '/sammantraden', `/sammantraden/${meetingId}`, '/beslut?q=verksamhetsplan', '/tillganglighet']) {
        await page.goto(path);
        await expectAccessible(page, path);
      }
    });
  });

  it('the portal works without JavaScript', async () => {
    await runJourney(browser, app, { javaScript: false }, async (page) => {
      await page.goto('/');
      await page.getByLabel('Sök beslut').fill('verksamhetsplan');
      await Promise.all([page.waitForURL('**/beslut?q=verksamhetsplan'), page.getByRole('button', { name: 'Sök' }).first().click()]);
      await page.getByRole('link', { name: 'Verksamhetsplan 2027' }).waitFor();
    });
  });

  it('the secretary sees the posting status per municipality', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, secretary.email, TEST_PASSWORD);
      await page.goto(`/moten/${meetingId}/protokoll`);
      await Promise.all([page.waitForURL(`**/protokoll/${protocolId}/anslag`), page.getByRole('link', { name: 'Anslag på medlemskommunernas anslagstavlor' }).click()]);
      const rows = page.getByRole('table', { name: 'Anslag per medlemskommun' }).locator('tbody tr');
      assert.equal(await rows.count(), 3);
      await page.getByRole('row', { name: /Bredby kommun.*Inte anslaget/ }).waitFor();
      await page.getByText('Överklagandetiden börjar när protokollet har anslagits hos alla medlemskommuner.').first().waitFor();
      await expectAccessible(page, 'notice status');
    });
  });

  it('the registrar of Bredby records the municipality’s own posting', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, registrar.email, TEST_PASSWORD);
      await page.goto('/anslag');
      await page.getByRole('heading', { level: 2, name: /Bredby kommun: Provnämnden/ }).waitFor();
      await expectAccessible(page, 'registrar queue');
      await page.getByText('Registrera anslag').first().click();
      await page.getByLabel('Adress där anslaget finns').fill('https://www.bredby.se/anslagstavla');
      await expectAccessible(page, 'registrar form open');
      await Promise.all([page.waitForURL('**/anslag'), page.getByRole('button', { name: /Registrera anslag/ }).click()]);
      await page.getByText('Anslaget för Bredby kommun är registrerat.').waitFor();
    });
    const rows = await app.test.services.database.db.select().from(notices).where(eq(notices.protocolId, protocolId));
    assert.ok(rows.every((r) => r.postedOn !== null || r.postingMethod === 'automatic'));
    const board = await app.test.services.publication.board(org.members[1]?.slug ?? '');
    assert.ok(board.current.some((n) => n.protocolId === protocolId && n.lastDayToAppeal !== null), 'all posted: the appeal period is known');
  });
});
