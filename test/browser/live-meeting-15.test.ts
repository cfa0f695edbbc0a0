/**
 * Issue 23, done when: a meeting run with fifteen participants on their own devices, one browser
 * and a context each — the chair, thirteen members and a substitute serving for an absent member —
 * plus the secretary's laptop (the secretary's pages and the big screen). Attendance by sign-in
 * that the secretary confirms, a speakers' list, a typed motion from a member's device, an
 * electronic vote that ties and is decided by the chair's casting vote, a reservation written on a
 * member's device; the big screen follows each step without a reload; axe on each page kind; the
 * protocol draft holds it all. Every wait is for a state of the page, never for time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { users } from '../../src/features/auth/auth.tables.js';
import { buildUser, TEST_PASSWORD } from '../support/app.js';
import { buildLiveMeeting, TOWNS, type LiveFixture } from '../support/live-meeting-fixtures.js';
import { DESKTOP, expectAccessible, launchBrowser, newContext, PHONE, screenshot, signIn, startApp, TABLET, type RunningApp } from './support.js';

const EXTRA_TOWNS = ['Forsby', 'Gransby', 'Holmby', 'Idby', 'Jarby', 'Kallby', 'Lundby', 'Mossby', 'Norrby', 'Oxby'];

let browser: Browser;
let app: RunningApp;
let f: LiveFixture;
const contexts: BrowserContext[] = [];

interface Participant {
  name: string;
  personId: string;
  role: 'chair' | 'member' | 'substitute';
  page: Page;
}

/** KANSLI_TRACE=1 prints each step with its time, to see where a slow machine spends it. */
const step = (label: string) => {
  if (process.env.KANSLI_TRACE) process.stderr.write(`${new Date().toISOString()} ${label}\n`);
};

async function open(email: string, viewport: { width: number; height: number }): Promise<Page> {
  const { context, page } = await newContext(browser, app, { viewport });
  contexts.push(context);
  await signIn(page, email, TEST_PASSWORD);
  return page;
}

describe('a meeting of fifteen on their own devices (issue 23, done when)', () => {
  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    f = await buildLiveMeeting(app.test, { extraTowns: EXTRA_TOWNS });
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  it('attendance by sign-in, speakers, a typed motion, a tied vote, a reservation; the big screen follows; the protocol draft holds it', async () => {
    const db = app.test.services.database.db;
    const committeeId = f.secretaryPrincipal.grants[0]?.organisationId ?? '';
    const id = f.meetingId;
    assert.equal((await f.secretary.post(`${f.base}/oppna`, { confirm: 'ja', reason: 'Testmötet hålls en annan dag än det planerade.' })).statusCode, 302);
    // Bergby's member has sent word of absence: the substitute serves in the member's place.
    assert.equal((await f.secretary.post(`${f.base}/narvaro`, { personId: f.member.Bergby, type: 'absent' })).statusCode, 302);
    assert.equal((await f.secretary.post(`/moten/${id}/ordforande/publik`, { livePublic: 'on' })).statusCode, 302);

    const seats = [
      ...TOWNS.map((town) => ({ town, member: f.member[town], substitute: f.substitute[town] })),
      ...f.extra.map((e) => ({ town: e.town, member: e.member, substitute: e.substitute })),
    ];
    const roster = seats.map((s) =>
      s.town === 'Bergby'
        ? { name: `Ersättare ${s.town}`, personId: s.substitute, role: 'substitute' as const }
        : { name: `Ledamot ${s.town}`, personId: s.member, role: s.town === 'Arvidsby' ? ('chair' as const) : ('member' as const) },
    );
    assert.equal(roster.length, 15);
    const people: Participant[] = [];
    for (const [i, p] of roster.entries()) {
      const user = await buildUser(app.test.services, { organisationId: committeeId, roles: [p.role] });
      await db.update(users).set({ personId: p.personId }).where(eq(users.id, user.id));
      // Phones and tablets, as members bring them.
      const page = await open(user.email, i % 2 === 0 ? PHONE : TABLET);
      await page.goto(`/mina-moten/${id}/live`);
      people.push({ ...p, page });
    }
    assert.equal(contexts.length, 15, 'one browser context per participant');
    const who = (name: string): Page => {
      const found = people.find((p) => p.name === name);
      assert.ok(found, name);
      return found.page;
    };
    const chair = who('Ledamot Arvidsby');
    // The secretary's laptop: the secretary's pages, and the big screen on the room's projector.
    const secretary = await open(f.secretaryPrincipal.email, DESKTOP);
    const screen = await secretary.context().newPage();
    await screen.goto(`/moten/${id}/storbild`);
    const publicScreen = await secretary.context().newPage();
    await publicScreen.goto(`/sammantraden/${id}`);
    await publicScreen.getByRole('link', { name: /följ det direkt på storbilden/ }).click();
    await publicScreen.getByText('Sammanträdet sänds publikt.').waitFor();
    await expectAccessible(publicScreen, 'the public big screen');

    step('1. Attendance by sign-in: each reports f');
    // 1. Attendance by sign-in: each reports from the device, the secretary confirms.
    for (const p of people) {
      await p.page.getByRole('button', { name: 'Jag är på plats' }).click();
      await p.page.getByText('Sekreteraren bekräftar').first().waitFor();
    }
    await expectAccessible(who('Ledamot Dalby'), 'the member page');
    await secretary.goto(`/moten/${id}/ordforande`);
    await expectAccessible(secretary, 'the chair view with check-ins');
    const confirm = secretary.getByRole('button', { name: /^Bekräfta närvaro för/ });
    for (let left = people.length; left > 0; left -= 1) {
      assert.equal(await confirm.count(), left);
      await confirm.first().click();
      await secretary.waitForURL(/ordforande/);
      await secretary.locator('p.flash', { hasText: 'Närvaron är bekräftad.' }).waitFor();
    }
    await secretary.getByText('Ingen väntar på bekräftelse.').waitFor();
    await screen.locator('[data-live-part="item"]').getByText('15 tjänstgörande ledamöter.').waitFor();
    // Each member's page learns of the confirmation through the stream.
    for (const p of people) await p.page.getByText('Sekreteraren har bekräftat att du är på plats.').waitFor();

    step('2. The speakers list: the big screen fo');
    // 2. The speakers' list: the big screen follows; the chair gives the floor from the chair's view.
    await who('Ledamot Dalby').getByRole('button', { name: 'Begär ordet' }).click();
    await who('Ersättare Bergby').getByRole('button', { name: 'Begär replik' }).click();
    const speakers = screen.locator('[data-live-part="speakers"]');
    await speakers.getByText('Ersättare Bergby').waitFor();
    await speakers.getByText('Ledamot Dalby').waitFor();
    const chairView = await chair.context().newPage();
    await chairView.goto(`/moten/${id}/ordforande`);
    await chairView.getByRole('button', { name: 'Nästa talare' }).click();
    await speakers.getByText('Har ordet').waitFor();
    assert.match((await speakers.locator('li').first().innerText()) ?? '', /Ersättare Bergby.*Replik.*Har ordet.*Talartid/s);
    await expectAccessible(screen, 'the big screen with the speakers’ list');

    step('3. A typed motion from a members device');
    // 3. A typed motion from a member's device: avslag, into the proposition order.
    const ekby = who('Ledamot Ekby');
    await ekby.getByRole('radio', { name: 'Avslag' }).check();
    await ekby.getByRole('button', { name: 'Lämna yrkandet' }).click();
    await ekby.getByText(/Dina yrkanden i punkten: Avslag/).waitFor();
    await screen.locator('[data-live-part="motions"]').getByText('Ledamot Ekby – Avslag').waitFor();
    await chairView.locator('[data-live-part="motions"]').getByText('Ledamot Ekby – Avslag').waitFor();

    step('4. The electronic vote: proposal against');
    // 4. The electronic vote: proposal against the motion; 7 ja, 7 nej, 1 avstår; the chair voted ja.
    await chairView.reload();
    const no = chairView.getByLabel('Nej står för');
    await no.selectOption((await no.locator('option', { hasText: 'Yrkande av Ledamot Ekby' }).getAttribute('value')) ?? '');
    await chairView.getByRole('button', { name: 'Starta omröstningen' }).click();
    await chairView.getByRole('button', { name: 'Avsluta omröstningen' }).waitFor();
    await expectAccessible(chairView, 'the chair view during a vote');
    for (const p of people) await p.page.getByRole('button', { name: 'Ja', exact: true }).waitFor();
    await expectAccessible(who('Ledamot Testby kommun'), 'the member page with a ballot');
    const choiceOf = (i: number) => (i === 14 ? 'Avstår' : i % 2 === 0 ? 'Ja' : 'Nej');
    assert.equal(people[0]?.name, 'Ledamot Arvidsby', 'the chair votes ja');
    for (const [i, p] of people.entries()) {
      await p.page.getByRole('button', { name: choiceOf(i), exact: true }).click();
      await p.page.getByText('Din röst är registrerad.').waitFor();
    }
    const vote = screen.locator('[data-live-part="vote"]');
    await vote.getByText('Ja 7, nej 7, avstår 1.').waitFor();
    await vote.getByText(/ordförandens röst avgjorde/).waitFor();
    await screen.locator('[data-live-part="item"]').getByText(/Punkt 2:/).waitFor();
    await expectAccessible(screen, 'the big screen with the result');
    await screenshot(screen, 'live15-screen-result-desktop');

    step('5. A reservation written on a members d');
    // 5. A reservation written on a member's device, before the meeting closes.
    const noVoter = people.find((p, i) => choiceOf(i) === 'Nej' && p.name === 'Ersättare Bergby');
    assert.ok(noVoter, 'Bergby’s substitute voted nej');
    await noVoter.page.getByLabel('Motivering (frivilligt)').fill('Beslutet bygger på ett ofullständigt underlag.');
    await noVoter.page.getByRole('button', { name: 'Reservera mig mot beslutet' }).click();
    await noVoter.page.getByText('Du har reserverat dig mot beslutet i punkt 1.').waitFor();
    await expectAccessible(noVoter.page, 'the member page after a reservation');
    await screenshot(noVoter.page, 'live15-member-reserved');
    await vote.getByText('Reservationer: Ersättare Bergby').waitFor();

    step('protocol');
    // The protocol draft holds it all.
    assert.equal((await f.secretary.post(`${f.base}/avsluta`)).statusCode, 302);
    await secretary.goto(`/moten/${id}/protokoll`);
    await secretary.getByRole('button', { name: 'Skapa protokollsutkast' }).click();
    await secretary.getByText('Protokollsutkastet är skapat.').waitFor();
    const draft = (await secretary.locator('main').innerText()).replace(/\s+/g, ' ');
    assert.match(draft, /Ersättare Bergby \(Bergby\), tjänstgörande ersättare för Ledamot Bergby/);
    assert.match(draft, /Ledamot Ekby yrkar avslag på förslaget\./);
    assert.match(draft, /7 ja, 7 nej, 1 avstår/);
    assert.match(draft, /Avgjort med ordförandens utslagsröst/);
    assert.match(draft, /Ersättare Bergby reserverar sig mot beslutet.{1,3}Beslutet bygger på ett ofullständigt underlag/);
    await expectAccessible(secretary, 'the protocol draft');
  });
});
