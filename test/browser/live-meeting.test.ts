/**
 * The live meeting that flows (issue 18), in a real browser with JavaScript, as the demo
 * secretary: open the coming demo meeting, "alla närvarande" in one action, the focused view of
 * the current item, a typed motion (återremiss), an open vote and its undo — all without a full
 * page reload (a marker on `window` survives every action). axe (WCAG 2.1 AA) at each step;
 * screenshots at desktop and phone width. Runs on its own app and database: it changes the demo.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { agendaItems, meetings, motions, votes } from '../../src/features/meetings/meetings.tables.js';
import { listMandatesOn } from '../../src/features/meetings/meetings.repository.js';
import { stockholmToInstant } from '../../src/features/meetings/calendar.js';
import { swedishDate } from '../../src/platform/clock.js';
import { DEMO_COMING_MEETING, comingMeetingDate } from '../../src/features/demo/demo-meetings-data.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, expectAccessible, hasHorizontalOverflow, launchBrowser, newContext, PHONE, screenshotDesktopAndPhone, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;
let app: RunningApp;
let meetingId: string;
let members: { personId: string; name: string }[];

before(async () => {
  browser = await launchBrowser();
  app = await startApp({ demo: true });
  const db = app.test.services.database.db;
  const date = comingMeetingDate(swedishDate(app.test.services.clock()));
  const [meeting] = await db.select().from(meetings).where(and(eq(meetings.kind, 'meeting'), eq(meetings.startsAt, stockholmToInstant(date, DEMO_COMING_MEETING.time.startTime) ?? new Date(0))));
  assert.ok(meeting, 'the demo has its coming meeting');
  meetingId = meeting.id;
  members = (await listMandatesOn(db, meeting.bodyId, date)).filter((m) => m.mandate.role === 'member').map((m) => ({ personId: m.person.id, name: m.person.name }));
});

after(async () => {
  await app?.close();
  await browser?.close();
});

const MARKER = 'kansli-live-no-reload';

/** Put a marker on `window`: a full page load would wipe it. */
async function mark(page: Page): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as Record<string, string>).__kansliMarker = value;
  }, MARKER);
}

async function assertNoReload(page: Page, step: string): Promise<void> {
  assert.equal(await page.evaluate(() => (window as unknown as Record<string, string | undefined>).__kansliMarker), MARKER, `no full reload: ${step}`);
}

async function look(page: Page, name: string, label: string): Promise<void> {
  await expectAccessible(page, label);
  await screenshotDesktopAndPhone(page, `live-flow-${name}`);
}

describe('the live meeting flows without reloads', () => {
  it('runs "alla närvarande", a typed motion, a vote and its undo with no full page reload; every state passes axe', async () => {
    const { context, page, outbound } = await newContext(browser, app);
    try {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      const live = `/moten/${meetingId}/sammantrade`;
      await page.goto(live);
      await mark(page);
      let loads = 0;
      page.on('load', () => (loads += 1));

      // The demo's meeting lies ahead: opening it away from its day is confirmed with a reason (issue 18).
      await page.getByRole('checkbox', { name: /^Jag bekräftar att sammanträdet öppnas/ }).check();
      await page.getByLabel('Skäl').fill('Genomgång av mötet före sammanträdesdagen.');
      await page.getByRole('button', { name: 'Öppna sammanträdet' }).click();
      await page.locator('p.flash', { hasText: 'Sammanträdet är öppnat.' }).waitFor();
      await assertNoReload(page, 'open');

      // "Alla närvarande": the page says what it does before it is done.
      const all = page.locator('#narvaro details.all-present');
      await all.getByText(`${members.length} ledamöter saknar registrerad närvaro`).waitFor();
      await look(page, 'all-present', '/moten/<id>/sammantrade (alla närvarande)');
      await all.getByRole('button', { name: `Markera ${members.length} ledamöter som närvarande` }).click();
      await page.locator('#narvaro').getByText(`${members.length} av ${members.length} tjänstgör – beslutför: ja`).first().waitFor();
      await page.locator('#live-announce').getByText('Ledamöterna är markerade som närvarande.').waitFor();
      assert.equal(await page.locator('#narvaro details.all-present').count(), 0, 'nothing left to mark');
      await assertNoReload(page, 'alla närvarande');

      // The focused view: the current item alone. Following the link loads it; from there on no reloads.
      await page.getByRole('link', { name: 'Visa bara aktuell punkt' }).click();
      await page.waitForURL(/vy=punkt/);
      await page.getByText(/^Punkt 1 av \d+$/).waitFor();
      assert.equal(await page.locator('#narvaro').count(), 0);
      await mark(page);
      loads = 0;
      await page.locator('#punkt-1').getByRole('button', { name: 'Informationen läggs till handlingarna' }).click();
      await page.getByText(/^Punkt 2 av \d+$/).waitFor();
      await assertNoReload(page, 'information noted');

      // A typed motion: återremiss, put first in the order of propositions.
      const item2 = page.locator('#punkt-2');
      const mover = members[1];
      assert.ok(mover);
      await item2.getByLabel('Yrkande av (tjänstgörande)').selectOption(mover.personId);
      await item2.getByRole('radio', { name: 'Återremiss' }).check();
      await item2.getByLabel('Yrkande', { exact: true }).fill('Beredningsgruppen ska utreda kostnaderna.');
      await item2.getByRole('button', { name: 'Lägg till yrkande' }).click();
      await item2.locator('ol').first().getByText(`${mover.name} – Återremiss: Beredningsgruppen ska utreda kostnaderna.`).waitFor();
      await item2.getByRole('heading', { name: 'Propositionsordning' }).waitFor();
      await assertNoReload(page, 'motion');
      await look(page, 'motion', '/moten/<id>/sammantrade?vy=punkt (typed motion)');

      // The vote: the proposal (ja) against the motion (nej); the mover votes no, the rest yes.
      await item2.getByText('Votering begärs').click();
      for (const m of members) await item2.locator(`input[name="ballot-${m.personId}"][value="${m === mover ? 'no' : 'yes'}"]`).check();
      await item2.getByRole('button', { name: 'Räkna rösterna och besluta' }).click();
      // After the decision the focused view moves on; the decided item stays shown below it.
      await item2.getByText(`${members.length - 1} ja, 1 nej, 0 avstår. Ja vann.`).waitFor();
      await assertNoReload(page, 'vote');
      const [plan] = await app.test.services.database.db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.position, 2)));
      assert.ok(plan);
      assert.equal((await app.test.services.database.db.select().from(votes).where(eq(votes.itemId, plan.id))).length, 1);
      await look(page, 'voted', '/moten/<id>/sammantrade?vy=punkt (voted)');

      // The undo: the vote leaves no trace; the item is current again, its motion still there.
      await item2.getByRole('button', { name: 'Återuppta punkten (ångra beslutet)' }).click();
      await page.locator('p.flash', { hasText: 'Punkten är återupptagen.' }).waitFor();
      assert.equal(await page.locator('#live-announce').textContent(), 'Punkten är återupptagen.');
      await page.getByText(/^Punkt 2 av \d+$/).waitFor();
      assert.equal(await item2.getByText('Ja vann.').count(), 0);
      assert.equal((await app.test.services.database.db.select().from(votes).where(eq(votes.itemId, plan.id))).length, 0);
      assert.equal((await app.test.services.database.db.select().from(motions).where(eq(motions.itemId, plan.id))).length, 1);
      await assertNoReload(page, 'undo');
      await look(page, 'undone', '/moten/<id>/sammantrade?vy=punkt (undone)');

      assert.equal(loads, 0, 'no page load event after the marker');
      await page.setViewportSize(PHONE);
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'no sideways scrolling at 390px');
      assert.deepEqual(outbound, [], 'pages must not reach outside the app');
    } finally {
      await context.close();
    }
  });

  it('without JavaScript the same forms post and redirect, and keep the focused view: a motion entered by mistake is removed', async () => {
    const { context, page } = await newContext(browser, app, { javaScript: false });
    try {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      // The meeting is open from the journey above, every member recorded, the motion on item 2 still there.
      await page.goto(`/moten/${meetingId}/sammantrade`);
      await page.locator('#narvaro').waitFor();
      assert.equal(await page.locator('#narvaro details.all-present').count(), 0);
      await page.getByRole('link', { name: 'Visa bara aktuell punkt' }).click();
      await page.locator('#punkt-2').getByText('Propositionsordning').waitFor();
      await Promise.all([page.waitForEvent('load'), page.locator('#punkt-2').getByRole('button', { name: /^Ta bort \(felregistrerat\)/ }).click()]);
      await page.getByRole('status').getByText('Yrkandet är borttaget.').waitFor();
      assert.match(page.url(), /vy=punkt#punkt-2$/);
    } finally {
      await context.close();
    }
  });
});
