/**
 * The cooperation process in a real browser: Luleå's registrar sees what Luleå has to decide and
 * records its own decision; the coordinator closes a phase whose decisions are in, with the
 * participants fixed. axe (WCAG 2.1 AA) on every page on the way, desktop and phone screenshots.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { initiativeDecisions, initiativePhases, initiatives, reminderLog } from '../../src/features/cooperation/cooperation.tables.js';
import { DEMO_LULEA_REGISTRAR } from '../../src/features/demo/demo-cooperation.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, expectAccessible, hasHorizontalOverflow, launchBrowser, PHONE, runJourney, screenshotDesktopAndPhone, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('the cooperation process', () => {
  let app: RunningApp;
  before(async () => {
    app = await startApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('lets a municipality’s registrar record its own decision, with the history kept', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LULEA_REGISTRAR, DEMO_PASSWORD);
      await page.goto('/samverkan/att-besluta');
      await page.getByRole('heading', { level: 1, name: 'Att besluta: Luleå kommun' }).waitFor();
      await expectAccessible(page, '/samverkan/kommun/lulea');
      await screenshotDesktopAndPhone(page, 'cooperation-att-besluta');
      await page.getByRole('row', { name: /Socialtjänsten/ }).getByRole('link', { name: 'Beslut om gemensamt införandeprojekt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Luleå kommun: Beslut om gemensamt införandeprojekt' }).waitFor();
      await expectAccessible(page, '/samverkan/beslut/<id>');
      await page.getByLabel(/^Beslut \(/).selectOption('yes');
      await page.getByLabel(/^Beslutande organ/).fill('Kommunstyrelsen');
      await page.getByLabel('Beslutsdatum').fill('2026-11-23');
      await page.getByLabel(/^Paragraf/).fill('§ 214');
      await Promise.all([page.waitForURL('**/samverkan/beslut/*'), page.getByRole('button', { name: 'Registrera beslut' }).click()]);
      await page.getByRole('status').getByText('Beslutet är registrerat.').waitFor();
      const history = page.getByRole('table', { name: 'Historik' });
      assert.equal(await history.getByRole('row').count(), 3, 'header, the recorded decision, the opening');
      await history.getByText('Kommunstyrelsen, 2026-11-23, § 214').waitFor();
      await expectAccessible(page, '/samverkan/beslut/<id> (recorded)');
      await screenshotDesktopAndPhone(page, 'cooperation-beslut');
      await page.getByRole('link', { name: 'Beslutsmatris' }).first().click();
      await page.getByRole('link', { name: 'Luleå kommun, Beslut om gemensamt införandeprojekt: Ja' }).waitFor();
      await expectAccessible(page, '/samverkan/<id>/matris');
      await screenshotDesktopAndPhone(page, 'cooperation-matris');
    });
  });

  it('lets the coordinator close a phase whose decisions are in; the participants are fixed', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.coordinator, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Samverkan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Gemensamma initiativ' }).waitFor();
      await expectAccessible(page, '/samverkan');
      await screenshotDesktopAndPhone(page, 'cooperation-initiativ');
      await page.getByRole('link', { name: 'Gemensamt lönesystem (f.d. HR)' }).click();
      await page.getByText('✔ Fasen kan stängas').waitFor();
      await expectAccessible(page, '/samverkan/<lönesystem>');
      await screenshotDesktopAndPhone(page, 'cooperation-initiativ-detalj');
      await page.getByRole('link', { name: 'Stäng fasen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Stäng fasen Förstudie' }).waitFor();
      await page.getByText(/Arvidsjaurs kommun, Bodens kommun, Haparanda kommun, Kiruna kommun, Luleå kommun, Piteå kommun/).waitFor();
      await expectAccessible(page, '/samverkan/<id>/stang-fas');
      await Promise.all([page.waitForURL(/\/samverkan\/[0-9a-f-]+$/), page.getByRole('button', { name: 'Stäng fasen' }).click()]);
      await page.getByRole('status').getByText('Fasen är stängd.').waitFor();
      await page.getByRole('heading', { level: 3, name: /^Utvecklingsprojekt – Pågår sedan/ }).waitFor();
      await page.getByRole('heading', { level: 3, name: /^Förstudie – Stängd/ }).waitFor();
      await expectAccessible(page, '/samverkan/<id> (next phase)');
      await page.setViewportSize(PHONE);
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'no sideways scrolling on a phone');
    });
  });

  it('shows the coordinator the reminders sent to the municipalities, with how each e-mail went', async () => {
    const { cooperation, database, mailer } = app.test.services;
    const db = database.db;
    // Remind on every deadline day of the demo's decisions; no SMTP server here, so each mail lands in the outbox.
    const days = [
      ...(await db.select({ d: initiativePhases.decisionDeadline }).from(initiativePhases).where(isNotNull(initiativePhases.decisionDeadline))).map((r) => r.d),
      ...(await db.select({ d: initiativeDecisions.deadline }).from(initiativeDecisions).where(isNotNull(initiativeDecisions.deadline))).map((r) => r.d),
    ];
    for (const day of new Set(days)) if (day) await cooperation.sendDueReminders(new Date(`${day}T08:00:00Z`));
    await mailer.drain();
    const [reminded] = await db
      .select({ id: initiatives.id, name: initiatives.name })
      .from(reminderLog)
      .innerJoin(initiativeDecisions, eq(initiativeDecisions.id, reminderLog.refId))
      .innerJoin(initiatives, eq(initiatives.id, initiativeDecisions.initiativeId))
      .where(inArray(reminderLog.kind, ['cooperation.decision']))
      .limit(1);
    assert.ok(reminded, 'the demo has a pending decision with a deadline and someone to remind');
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.coordinator, DEMO_PASSWORD);
      await page.goto(`/samverkan/${reminded.id}`);
      const section = page.getByRole('region', { name: 'Påminnelser till kommunerna' });
      await section.waitFor();
      const rows = section.locator('tbody tr');
      assert.ok((await rows.count()) > 0);
      assert.match(await rows.first().innerText(), /: i utkorgen \(ingen e-postserver\)/);
      await expectAccessible(page, '/samverkan/<id> (reminders)');
      await section.scrollIntoViewIfNeeded();
      await screenshotDesktopAndPhone(page, 'cooperation-reminders');
      await page.setViewportSize(PHONE);
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'no sideways scrolling on a phone');
    });
  });
});
