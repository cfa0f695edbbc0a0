/**
 * The live meeting with members on their own devices, in real browsers: the chair, members and a
 * substitute serving for an absent member each in their own browser context (phone size), the
 * secretary confirming presence, the speakers' list, an electronic vote that ties and is decided
 * by the chair's casting vote, and the big screen following each step without a reload.
 * axe (WCAG 2.1 AA) on the member page, the chair's view and the big screen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { users } from '../../src/features/auth/auth.tables.js';
import { buildUser, TEST_PASSWORD } from '../support/app.js';
import { buildLiveMeeting, type LiveFixture } from '../support/live-meeting-fixtures.js';
import { DESKTOP, expectAccessible, launchBrowser, newContext, PHONE, screenshot, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;
let app: RunningApp;
let f: LiveFixture;
const contexts: BrowserContext[] = [];

async function open(email: string, viewport = PHONE): Promise<Page> {
  const { context, page } = await newContext(browser, app, { viewport });
  contexts.push(context);
  await signIn(page, email, TEST_PASSWORD);
  return page;
}

describe('the live meeting for members in the browser', () => {
  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    f = await buildLiveMeeting(app.test);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  it('presence by sign-in, the speakers\u2019 list and a tied vote decided by the chair, on every screen at once', async () => {
    const db = app.test.services.database.db;
    const committeeId = f.secretaryPrincipal.grants[0]?.organisationId ?? '';
    const id = f.meetingId;
    assert.equal((await f.secretary.post(`${f.base}/oppna`, { confirm: 'ja', reason: 'Testmötet hålls en annan dag än det planerade.' })).statusCode, 302);
    // Bergby's member has sent word of absence: the substitute serves.
    assert.equal((await f.secretary.post(`${f.base}/narvaro`, { personId: f.member.Bergby, type: 'absent' })).statusCode, 302);
    const people = [
      { key: 'chair', personId: f.member.Arvidsby, role: 'chair' as const },
      { key: 'bergby', personId: f.substitute.Bergby, role: 'substitute' as const },
      { key: 'dalby', personId: f.member.Dalby, role: 'member' as const },
      { key: 'ekby', personId: f.member.Ekby, role: 'member' as const },
      { key: 'testby', personId: f.member['Testby kommun'], role: 'member' as const },
    ];
    const pages = new Map<string, Page>();
    for (const p of people) {
      const user = await buildUser(app.test.services, { organisationId: committeeId, roles: [p.role] });
      await db.update(users).set({ personId: p.personId }).where(eq(users.id, user.id));
      const page = await open(user.email);
      await page.goto(`/mina-moten/${id}/live`);
      pages.set(p.key, page);
    }
    const page = (key: string) => {
      const found = pages.get(key);
      assert.ok(found);
      return found;
    };
    const secretary = await open(f.secretaryPrincipal.email, DESKTOP);
    const screen = await open(f.secretaryPrincipal.email, DESKTOP);
    await screen.goto(`/moten/${id}/storbild`);

    // Presence by sign-in: each reports, the secretary confirms.
    for (const p of people) {
      const member = page(p.key);
      await member.getByRole('button', { name: p.key === 'ekby' ? 'Jag deltar på distans' : 'Jag är på plats' }).click();
      await member.getByText('Sekreteraren bekräftar').first().waitFor();
    }
    await expectAccessible(page('dalby'), 'the member page');
    await screenshot(page('dalby'), 'live-member-checked-in-phone');
    await secretary.goto(`/moten/${id}/ordforande`);
    await expectAccessible(secretary, 'the chair view with check-ins');
    for (let i = 0; i < people.length; i += 1) {
      await secretary.getByRole('button', { name: /^Bekräfta närvaro för/ }).first().click();
      await secretary.waitForURL(/ordforande/);
    }
    await secretary.getByText('Ingen väntar på bekräftelse.').waitFor();
    // The member's page learns of the confirmation on its next load.
    await page('ekby').reload();
    await page('ekby').getByText('Sekreteraren har bekräftat att du är med på distans.').waitFor();

    // The speakers' list: the big screen follows without a reload.
    await page('dalby').getByRole('button', { name: 'Begär ordet' }).click();
    await page('bergby').getByRole('button', { name: 'Begär replik' }).click();
    await screen.locator('[data-live-part="speakers"]').getByText('Ersättare Bergby').waitFor();
    await screen.locator('[data-live-part="speakers"]').getByText('Ledamot Dalby').waitFor();
    // The chair runs the meeting in a second tab of the same browser, and votes in the first.
    const chairView = await page('chair').context().newPage();
    await chairView.goto(`/moten/${id}/ordforande`);
    await chairView.getByRole('button', { name: 'Nästa talare' }).click();
    await screen.locator('[data-live-part="speakers"]').getByText('Har ordet').waitFor();
    const order = await screen.locator('[data-live-part="speakers"] li').allInnerTexts();
    assert.match(order[0] ?? '', /Ersättare Bergby.*Replik.*Har ordet/s);
    await expectAccessible(screen, 'the big screen');

    // A motion (the secretary's screen), then the electronic vote.
    assert.equal((await f.secretary.post(`${f.base}/yrkande`, { itemId: f.items.economy, personId: f.member.Dalby, kind: 'reject', text: 'Avslag på förslaget.' })).statusCode, 302);
    await chairView.reload();
    const no = chairView.getByLabel('Nej står för');
    await no.selectOption((await no.locator('option', { hasText: 'Yrkande av Ledamot Dalby' }).getAttribute('value')) ?? '');
    await chairView.getByLabel('Tid att rösta (minuter)').fill('3');
    await chairView.getByRole('button', { name: 'Starta omröstningen' }).click();
    await chairView.getByRole('button', { name: 'Avsluta omröstningen' }).waitFor();
    await expectAccessible(chairView, 'the chair view during a vote');
    // Every member's page shows the ballot without a reload (the event changes the phase).
    const ballots: [string, string][] = [
      ['chair', 'Ja'],
      ['bergby', 'Nej'],
      ['dalby', 'Nej'],
      ['ekby', 'Ja'],
      ['testby', 'Avstår'],
    ];
    for (const [key] of ballots) await page(key).getByRole('button', { name: 'Ja', exact: true }).waitFor();
    // Before voting the member is told what silence means (DECISIONS.md: counted as avstår).
    await page('testby').getByText('Har du inte röstat när omröstningen avslutas räknas du som avstående.').waitFor();
    await expectAccessible(page('testby'), 'the member page with a ballot');
    await screenshot(page('testby'), 'live-member-ballot-phone');
    for (const [key, choice] of ballots) {
      await page(key).getByRole('button', { name: choice, exact: true }).click();
      await page(key).getByText('Din röst är registrerad.').waitFor();
    }
    const vote = screen.locator('[data-live-part="vote"]');
    await vote.getByText('Ja 2, nej 2, avstår 1.').waitFor();
    await vote.getByText(/ordförandens röst avgjorde/).waitFor();
    await screen.locator('[data-live-part="item"]').getByText(/Punkt 2:/).waitFor();
    await expectAccessible(screen, 'the big screen with the result');
    await screenshot(screen, 'live-screen-result-desktop');
    await page('dalby').locator('[data-live-part="vote"]').getByText('Ja 2, nej 2, avstår 1.').waitFor();
    await screenshot(page('dalby'), 'live-member-result-phone');
    await screenshot(chairView, 'live-chair-phone');
    // The record: the secretary's live screen shows the vote as it shows a manual one.
    await secretary.goto(`/moten/${id}/sammantrade`);
    await secretary.getByText('2 ja, 2 nej, 1 avstår').first().waitFor();

    // An election by closed ballot (KL 5:46) on the election item, once the items before it are decided.
    assert.equal((await f.secretary.post(`${f.base}/notera`, { itemId: f.items.info })).statusCode, 302);
    assert.equal((await f.secretary.post(`${f.base}/bifall`, { itemId: f.items.plan, alternative: 'proposal' })).statusCode, 302);
    // The chair types before the page's event stream has answered: the first event, and any after
    // it, must leave what she typed in place (held here so that the order is always this one).
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await chairView.route('**/live/handelser', async (route) => {
      await held;
      await route.continue();
    });
    await chairView.reload();
    await chairView.getByLabel('Kandidater, en per rad').fill('Kandidat Ada\nKandidat Bo');
    release();
    await chairView.locator('[data-live-fetched]').waitFor({ state: 'attached' });
    assert.equal(await chairView.getByLabel('Kandidater, en per rad').inputValue(), 'Kandidat Ada\nKandidat Bo');
    await chairView.unroute('**/live/handelser');
    await expectAccessible(chairView, 'the chair view with the election form');
    await screenshot(chairView, 'live-chair-election-form-phone');
    await chairView.getByRole('button', { name: 'Starta valet' }).click();
    await chairView.getByRole('button', { name: 'Avsluta valet och visa resultatet' }).waitFor();
    const choices: [string, string][] = [
      ['chair', 'Kandidat Ada'],
      ['bergby', 'Kandidat Bo'],
      ['dalby', 'Kandidat Ada'],
      ['ekby', 'Blank röst'],
      ['testby', 'Kandidat Ada'],
    ];
    // The ballot reaches every member's page without a reload.
    for (const [key] of choices) await page(key).getByRole('button', { name: 'Lägg valsedeln' }).waitFor();
    await page('dalby').getByText('En lagd valsedel kan inte ändras.').waitFor();
    await expectAccessible(page('dalby'), 'the member page with an election ballot');
    await screenshot(page('dalby'), 'live-member-election-ballot-phone');
    await screen.locator('[data-live-part="election"]').getByText(/0 av 5 har röstat/).waitFor();
    await screenshot(screen, 'live-screen-election-open-desktop');
    for (const [key, choice] of choices) {
      await page(key).getByLabel(choice).check();
      await page(key).getByRole('button', { name: 'Lägg valsedeln' }).click();
      await page(key).getByText('Din valsedel är lagd.').first().waitFor();
    }
    // The last ballot closes the election: the counts, never who voted for whom, on every screen.
    const election = screen.locator('[data-live-part="election"]');
    await election.getByText('Valda: Kandidat Ada').waitFor();
    await election.getByText('Blanka röster: 1').waitFor();
    await expectAccessible(screen, 'the big screen with the election result');
    await screenshot(screen, 'live-screen-election-result-desktop');
    await page('bergby').locator('[data-live-part="election"]').getByText('Valda: Kandidat Ada').waitFor();
    await screenshot(page('bergby'), 'live-member-election-result-phone');
    const rows = await election.locator('tbody tr').allInnerTexts();
    assert.deepEqual(rows.map((r) => r.replace(/\s+/g, ' ').trim()), ['Kandidat Ada 3', 'Kandidat Bo 1']);
  });
});
