/**
 * Justering as a review (issue 18) in a real browser: the adjuster follows "Att göra" to the locked
 * protocol, reads it paragraph by paragraph and comments on one paragraph; the secretary sees the
 * comment on the start page and answers it on the protocol page; the adjuster reads the answer and
 * signs with a one-time code at the end of the page. A member reads a secret paper of the meeting
 * after a code. axe (WCAG 2.1 AA) on every page; screenshots at desktop and phone width.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { buildCommittee, buildUser, giveTotp, TEST_PASSWORD } from '../support/app.js';
import { generateTotp } from '../../src/features/auth/totp.js';
import { users } from '../../src/features/auth/auth.tables.js';
import { agendaItemDocuments, agendaItems, meetings } from '../../src/features/meetings/meetings.tables.js';
import { mandates, people } from '../../src/features/organisation/organisation.tables.js';
import { protocolParagraphs, protocolReviewComments, protocols, protocolSignatures } from '../../src/features/protocols/protocols.tables.js';
import type { Principal } from '../../src/platform/auth/policy.js';
import { expectAccessible, hasHorizontalOverflow, launchBrowser, PHONE, runJourney, screenshotDesktopAndPhone, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;
let app: RunningApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'kansli-review-browser-'));
const login = { chair: '', adjuster: '', secretary: '' };
let adjusterTotp = '';
let chairTotp = '';
let protocolId = '';
let meetingId = '';
let comingMeetingId = '';
let secretDocId = '';

let adjusterId = '';

/** The adjuster's next code; a code is accepted once per 30 s step, so the test forgets the step last used instead of waiting. */
async function freshCode(secret: string): Promise<string> {
  await app.test.services.database.db.update(users).set({ totpLastStep: null }).where(eq(users.id, adjusterId));
  return generateTotp(secret, new Date());
}

/** Sign in as the adjuster, whose account asks for the code from her authenticator app. */
async function signInAdjuster(page: Page): Promise<void> {
  await signIn(page, login.adjuster, TEST_PASSWORD);
  assert.match(page.url(), /\/logga-in\/tvastegs/);
  await page.locator('#f-code').fill(await freshCode(adjusterTotp));
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/logga-in')), page.locator('#f-code').press('Enter')]);
}

describe('justering as a review: comment, answer, sign', () => {
  before(async () => {
    app = await startApp({ config: { sealP12Path: path.join(dataDir, 'seal.p12') } });
    browser = await launchBrowser();
    const { services } = app.test;
    const db = services.database.db;
    const org = await buildCommittee(services);
    const personIds: Record<string, string> = {};
    for (const [who, name, role] of [
      ['chair', 'Ordf Örjan', 'chair'],
      ['adjuster', 'Justerare Jenny', 'member'],
    ] as const) {
      const [person] = await db.insert(people).values({ name, organisationId: org.municipality.id }).returning();
      const user = await buildUser(services, { organisationId: org.committee.id, roles: [role] });
      await db.update(users).set({ personId: person?.id ?? null, name }).where(eq(users.id, user.id));
      await db.insert(mandates).values({ personId: person?.id ?? '', bodyId: org.body.id, municipalityId: org.municipality.id, role: 'member', termFrom: '2020-01-01' });
      personIds[who] = person?.id ?? '';
      login[who] = user.email;
      if (who === 'adjuster') {
        adjusterTotp = await giveTotp(services, user.id);
        adjusterId = user.id;
      }
      else chairTotp = await giveTotp(services, user.id);
    }
    const secretaryUser = await buildUser(services, { organisationId: org.committee.id, roles: ['secretary'] });
    await db.update(users).set({ name: 'Sara Sekreterare' }).where(eq(users.id, secretaryUser.id));
    login.secretary = secretaryUser.email;
    const secretary: Principal = { userId: secretaryUser.id, email: secretaryUser.email, name: 'Sara Sekreterare', grants: [{ organisationId: org.committee.id, role: 'secretary' }] };

    const meetingAt = new Date(Date.now() - 3 * 86_400_000);
    const [meeting] = await db.insert(meetings).values({ bodyId: org.body.id, startsAt: meetingAt, place: 'Stadshuset', status: 'closed', adjusterPersonId: personIds.adjuster ?? null }).returning();
    meetingId = meeting?.id ?? '';
    const [protocol] = await db
      .insert(protocols)
      .values({ meetingId, status: 'draft', chairPersonId: personIds.chair ?? null, adjusterPersonId: personIds.adjuster ?? null, secretaryName: 'Sara Sekreterare', justeringPlace: 'Kansliet' })
      .returning();
    protocolId = protocol?.id ?? '';
    const year = meetingAt.getUTCFullYear();
    await db.insert(protocolParagraphs).values([
      { protocolId, position: 1, year, heading: 'Revidering av reglementet', decision: '1. Nämnden antar förslaget till reviderat reglemente.', summary: 'Reglementet ses över vart fjärde år.' },
      { protocolId, position: 2, year, heading: 'Information om ekonomin', decision: 'Informationen noteras.', summary: 'Samordnaren redovisar utfallet till och med oktober.' },
    ]);
    await services.protocols.lock(secretary, protocolId);

    // A coming meeting with a secret paper on its agenda, for the members' room.
    await services.registry.importCodes(secretary, org.committee.slug, 'kod;rubrik;gallring\n1.1;Säkerhet;Bevaras\n');
    const caseRow = await services.registry.createCase(secretary, org.committee.slug, { title: 'Informationssäkerhet', classificationCode: '1.1' });
    const doc = await services.registry.registerDocument(
      secretary,
      { caseId: caseRow.id, direction: 'drawn_up', documentDate: '2026-02-20', description: 'Sårbarhetsanalys', secrecy: 'secret', securityClass: 'Öppen', secrecyProvision: 'OSL 18 kap. 8 §', publicDescription: 'Säkerhetsbilaga' },
      { filename: 'analys.txt', bytes: Buffer.from('Brandväggens svaga punkter') },
    );
    secretDocId = doc.id;
    const [coming] = await db.insert(meetings).values({ bodyId: org.body.id, startsAt: new Date(Date.now() + 7 * 86_400_000), place: 'Stadshuset' }).returning();
    comingMeetingId = coming?.id ?? '';
    const [item] = await db.insert(agendaItems).values({ meetingId: comingMeetingId, position: 1, caseId: caseRow.id, heading: 'Informationssäkerhet' }).returning();
    await db.insert(agendaItemDocuments).values({ itemId: item?.id ?? '', documentId: doc.id, position: 1 });
  });
  after(async () => {
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the adjuster reads the protocol paragraph by paragraph and comments on one paragraph', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signInAdjuster(page);
      await page.goto('/');
      await Promise.all([page.waitForURL(new RegExp(`/protokoll/${protocolId}/justera$`)), page.getByRole('link', { name: /^Justera protokollet från Testnämnden/ }).click()]);
      await page.getByRole('heading', { name: 'Protokollet att granska' }).waitFor();
      await page.getByRole('heading', { name: 'Revidering av reglementet' }).waitFor();
      await page.getByRole('heading', { name: 'Information om ekonomin' }).waitFor();
      await expectAccessible(page, 'review page');
      await screenshotDesktopAndPhone(page, 'review-adjuster-reads');
      await page.getByLabel(/Din synpunkt på § \d+/).first().fill('Skriv ut datumet då reglementet börjar gälla.');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: /^Lämna synpunkt på §/ }).first().click()]);
      await page.getByText('Din synpunkt är lämnad. Sekreteraren har fått e-post.').waitFor();
      await page.getByText('Väntar på svar från sekreteraren.').waitFor();
      await expectAccessible(page, 'review page with a comment');
      await page.setViewportSize(PHONE);
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'no sideways scrolling at 390px');
    });
    const comments = await app.test.services.database.db.select().from(protocolReviewComments).where(eq(protocolReviewComments.protocolId, protocolId));
    assert.equal(comments.length, 1);
  });

  it('the secretary finds the comment in "Att göra" and answers it on the protocol page', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, login.secretary, TEST_PASSWORD);
      await page.goto('/');
      await page.getByRole('heading', { name: /synpunkt från justeringen att besvara/ }).waitFor();
      await expectAccessible(page, 'start page with a comment to answer');
      await Promise.all([page.waitForURL(new RegExp(`/moten/${meetingId}/protokoll`)), page.getByRole('link', { name: /^Besvara synpunkten på §/ }).click()]);
      await page.getByRole('heading', { name: 'Synpunkter från justeringen' }).waitFor();
      await page.getByText('Ingen har signerat protokollet ännu, så inga signaturer blir ogiltiga.').waitFor();
      await expectAccessible(page, 'protocol page with a comment');
      await screenshotDesktopAndPhone(page, 'review-secretary-comment');
      await page.getByLabel(/^Svar till Justerare Jenny/).fill('Reglementet gäller från den dag fullmäktige antar det; det står i förslaget.');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Svara utan att ändra protokollet' }).click()]);
      await page.getByText('Svaret är sparat och syns för ordföranden och justeraren.').waitFor();
      await expectAccessible(page, 'protocol page with an answered comment');
    });
  });

  it('the adjuster reads the answer and signs at the end of the page', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signInAdjuster(page);
      await page.goto(`/protokoll/${protocolId}/justera`);
      await page.getByText(/Reglementet gäller från den dag fullmäktige antar det/).waitFor();
      await screenshotDesktopAndPhone(page, 'review-adjuster-answer');
      await page.getByLabel('Kod från din autentiseringsapp').fill(await freshCode(adjusterTotp));
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Signera med kod' }).click()]);
      await page.getByText('Din signatur är registrerad.').waitFor();
      await expectAccessible(page, 'review page after signing');
    });
    const signatures = await app.test.services.database.db.select().from(protocolSignatures).where(eq(protocolSignatures.protocolId, protocolId));
    assert.deepEqual(signatures.map((s) => s.role), ['adjuster']);
    const [row] = await app.test.services.database.db.select().from(protocols).where(eq(protocols.id, protocolId));
    assert.equal(row?.status, 'locked', 'waiting for the chair');
    assert.ok(chairTotp);
  });

  it('a member opens a secret paper of the coming meeting with a code', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signInAdjuster(page);
      await page.goto(`/mina-moten/${comingMeetingId}`);
      await Promise.all([page.waitForURL(new RegExp(`/handling/${secretDocId}$`)), page.getByRole('link', { name: 'Läs handlingen (kräver passkey eller kod)' }).click()]);
      await page.getByText(/18 kap\. 8 § offentlighets- och sekretesslagen \(2009:400\)/).waitFor();
      await expectAccessible(page, 'secret paper');
      await screenshotDesktopAndPhone(page, 'room-secret-paper');
      await page.getByLabel('Kod från autentiseringsappen').fill(await freshCode(adjusterTotp));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Öppna analys.txt med koden' }).click()]);
      assert.equal(download.suggestedFilename(), 'analys.txt');
    });
  });
});
