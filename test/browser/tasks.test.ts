/**
 * "Att göra" in a real browser on the demo committee (issue 18): a member reports absence for the
 * coming meeting; the secretary's start page lists it with the substitute to call (and the
 * secretary's other tasks, with their deadlines); the preparation-group official's start page lists
 * the municipality's decisions to take in cooperation, and the link opens the decision. axe
 * (WCAG 2.1 AA) on each start page, screenshots at desktop and phone width (390 px) with no
 * sideways scrolling.
 *
 * The app runs on a clock that says 2026-11-25 (the time of day still ticks), as the notice and
 * absence journey does, so the demo's coming meeting (2026-12-16) is ahead whenever this runs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { users } from '../../src/features/auth/auth.tables.js';
import { meetings } from '../../src/features/meetings/meetings.tables.js';
import { DEMO_COMING_MEETING, comingMeetingDate } from '../../src/features/demo/demo-meetings-data.js';
import { stockholmToInstant } from '../../src/features/meetings/calendar.js';
import { principalOf } from '../support/publication-fixtures.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, DESKTOP, expectAccessible, hasHorizontalOverflow, launchBrowser, PHONE, runJourney, screenshotDesktopAndPhone, signIn, startApp, type RunningApp } from './support.js';

const TODAY = '2026-11-25T10:00:00+01:00';
const DATE = comingMeetingDate(TODAY.slice(0, 10));

let browser: Browser;
let app: RunningApp;

async function startDemoApp(): Promise<RunningApp> {
  const offset = Date.parse(TODAY) - Date.now();
  return startApp({ demo: true, clock: () => new Date(Date.now() + offset), deliverMail: false });
}

describe('Att göra on the start page (browser, axe, phone and desktop)', () => {
  before(async () => {
    app = await startDemoApp();
    browser = await launchBrowser();
    const db = app.test.services.database.db;
    const [meeting] = await db.select().from(meetings).where(eq(meetings.startsAt, stockholmToInstant(DATE, DEMO_COMING_MEETING.time.startTime) ?? new Date(0)));
    assert.ok(meeting, 'the demo has its coming meeting');
    const [member] = await db.select().from(users).where(eq(users.email, DEMO_LOGIN_EMAILS.member));
    assert.ok(member);
    await app.test.services.memberRoom.reportAbsence(await principalOf(app.test.services, member.id), meeting.id, { note: 'Tjänsteresa' });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the secretary's start page: the reported absence with the substitute to call, and the other tasks with their deadlines", async () => {
    await runJourney(browser, app, { viewport: DESKTOP }, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.goto('/');
      const tasks = page.getByRole('region', { name: 'Att göra' });
      await tasks.waitFor();
      const absences = page.getByRole('region', { name: /anmäl(t|da) förhinder/ });
      assert.match(await absences.innerText(), /har förhinder: Norrbottens e-nämnd 2026-12-16/);
      assert.match(await absences.innerText(), /Ersättare att kalla in \(reglemente 17 §\): .+ \(e-post (skickad|väntar på att skickas)[^)]*\)\./, 'with how the e-mailed call goes');
      assert.match(await tasks.innerText(), /Ska skickas senast \d{4}-\d{2}-\d{2}/, 'the notice to send, with its deadline');
      await expectAccessible(page, 'start page (secretary)');
      await screenshotDesktopAndPhone(page, 'tasks-start-secretary');
      await page.setViewportSize(PHONE);
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'no sideways scrolling at 390 px');
      await expectAccessible(page, 'start page (secretary, phone)');
      await absences.getByRole('link').first().click();
      await page.waitForURL(/\/moten\/[0-9a-f-]{36}\/sammantrade#narvaro$/);
    });
  });

  it("the preparation-group official's start page: the municipality's decisions in cooperation, and the link opens one", async () => {
    await runJourney(browser, app, { viewport: DESKTOP }, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.preparation_official, DEMO_PASSWORD);
      await page.goto('/');
      await page.getByRole('region', { name: 'Att göra' }).waitFor();
      const decisions = page.getByRole('region', { name: /beslut att fatta i samverkan/ });
      assert.equal(await decisions.count(), 1, 'the demo has decisions for this municipality to take');
      await expectAccessible(page, 'start page (preparation official)');
      await screenshotDesktopAndPhone(page, 'tasks-start-cooperation');
      await page.setViewportSize(PHONE);
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'no sideways scrolling at 390 px');
      await decisions.getByRole('link').first().click();
      await page.waitForURL(/\/samverkan\/beslut\/[0-9a-f-]{36}$/);
    });
  });
});
