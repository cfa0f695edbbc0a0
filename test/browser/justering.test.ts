/**
 * Justering in a real browser: the chair registers a passkey (Chromium's virtual authenticator
 * through CDP, confirming with the password) and signs the locked protocol with it; the adjuster
 * signs with a one-time code from the authenticator app (TOTP) she turned on herself — the password
 * alone never signs; the protocol becomes final. axe (WCAG 2.1 AA) on the justering page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { buildCommittee, buildUser, giveTotp, TEST_PASSWORD } from '../support/app.js';
import { generateTotp } from '../../src/features/auth/totp.js';
import { users } from '../../src/features/auth/auth.tables.js';
import { meetings } from '../../src/features/meetings/meetings.tables.js';
import { people } from '../../src/features/organisation/organisation.tables.js';
import { protocolParagraphs, protocols, protocolSignatures } from '../../src/features/protocols/protocols.tables.js';
import { protocolDigest } from '../../src/features/protocols/protocol.model.js';
import { expectAccessible, launchBrowser, newContext, signIn, startApp, type RunningApp } from './support.js';

let browser: Browser;
let app: RunningApp;
/** WebAuthn needs a domain as relying party id, not an IP address: the browser uses localhost. */
let local: RunningApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'kansli-justering-browser-'));
const login = { chair: '', adjuster: '' };
let adjusterTotp = '';
let adjusterId = '';
let protocolId = '';

describe('justering with a passkey and with a one-time code', () => {
  before(async () => {
    app = await startApp({ config: { sealP12Path: path.join(dataDir, 'seal.p12') } });
    local = { ...app, baseUrl: app.baseUrl.replace('127.0.0.1', 'localhost') };
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
      personIds[who] = person?.id ?? '';
      login[who] = user.email;
      if (who === 'adjuster') adjusterId = user.id;
    }
    const meetingAt = new Date(Date.now() - 3 * 86_400_000);
    const [meeting] = await db.insert(meetings).values({ bodyId: org.body.id, startsAt: meetingAt, place: 'Stadshuset', status: 'closed' }).returning();
    const [protocol] = await db
      .insert(protocols)
      .values({ meetingId: meeting?.id ?? '', status: 'locked', chairPersonId: personIds.chair ?? null, adjusterPersonId: personIds.adjuster ?? null, secretaryName: 'Sara Sekreterare', justeringPlace: 'Kansliet' })
      .returning();
    protocolId = protocol?.id ?? '';
    await db.insert(protocolParagraphs).values({ protocolId, position: 1, number: 19, year: meetingAt.getUTCFullYear(), heading: 'Revidering reglemente', decision: '1. Nämnden antar förslaget.' });
    const digest = protocolDigest(await services.protocols.load(protocolId));
    await db.update(protocols).set({ canonicalSha256: digest, lockedAt: new Date() }).where(eq(protocols.id, protocolId));
  });
  after(async () => {
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the chair registers a passkey and signs with it', async () => {
    const { context, page, outbound } = await newContext(browser, local);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    await signIn(page, login.chair, TEST_PASSWORD);
    // Issue 18: the start page's "Att göra" leads the chair to the protocol waiting for justering.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Att göra' }).waitFor();
    await expectAccessible(page, 'start page with a protocol to adjust');
    await Promise.all([page.waitForURL(new RegExp(`/protokoll/${protocolId}/justera$`)), page.getByRole('link', { name: /^Justera protokollet från Testnämnden/ }).click()]);
    await expectAccessible(page, 'justering (no passkey)');
    await Promise.all([page.waitForURL(/\/konto\/passkey/), page.getByRole('link', { name: 'Registrera en passkey' }).click()]);
    await page.getByLabel('Namn på passkeyn').fill('Virtuell nyckel');
    await page.getByLabel('Ditt lösenord, för att bekräfta').fill(TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/justera')), page.getByRole('button', { name: 'Registrera passkey' }).click()]);
    await expectAccessible(page, 'justering (with passkey)');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Signera med passkey' }).click()]);
    await page.getByText('Din signatur är registrerad.').waitFor();
    const [signature] = await app.test.services.database.db.select().from(protocolSignatures).where(eq(protocolSignatures.protocolId, protocolId));
    assert.equal(signature?.method, 'passkey');
    assert.equal(signature?.role, 'chair');
    assert.deepEqual(outbound, []);
    await context.close();
  });

  it('the adjuster signs with a one-time code and the protocol becomes final', async () => {
    const { context, page } = await newContext(browser, local);
    await signIn(page, login.adjuster, TEST_PASSWORD);
    // She turns on the authenticator app after signing in (set up here directly in the database).
    adjusterTotp = await giveTotp(app.test.services, adjusterId);
    await page.goto(`/protokoll/${protocolId}/justera`);
    await expectAccessible(page, 'justering (one-time code)');
    await page.getByLabel('Kod från din autentiseringsapp').fill(generateTotp(adjusterTotp, new Date()));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Signera med kod' }).click()]);
    await page.getByText('Protokollet är nu justerat och slutligt.').waitFor();
    await page.getByText('Protokollet är justerat och kan inte längre ändras.').waitFor();
    await expectAccessible(page, 'justering (final)');
    const [row] = await app.test.services.database.db.select().from(protocols).where(eq(protocols.id, protocolId));
    assert.equal(row?.status, 'final');
    assert.ok(row?.sealedPdfSha256);
    await context.close();
  });
});
