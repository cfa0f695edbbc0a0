/**
 * Issue 18, Done-when: a registrar follows the e-mail link to record a posting. The protocol is
 * made final through the real justering service; each member municipality that posts its notice
 * by hand has a registrar, and the final protocol sends each of them an e-mail through the mail
 * queue to a real local SMTP server. The journey reads that e-mail, opens its link, signs in as
 * Alby's registrar, records the day the notice went up on the board, and sees the task done on the
 * start page's "Att göra". Bredby's registrar following Alby's link is refused with a page that
 * says whose notice it is. axe (WCAG 2.1 AA) on every page, desktop and phone screenshots.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { meetings, notices, people, protocolParagraphs, protocols, users } from '../../src/tables.js';
import { generateTotp } from '../../src/features/auth/totp.js';
import { swedishDate } from '../../src/platform/clock.js';
import { buildUser, giveTotp, TEST_PASSWORD } from '../support/app.js';
import { startSmtp, type SmtpTestServer } from '../support/smtp.js';
import { buildJointCommittee, buildRoleUser, principalOf } from '../support/publication-fixtures.js';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, runJourney, screenshotDesktopAndPhone, startApp, type RunningApp } from './support.js';

const PUBLIC_URL = 'https://kansli.example.se';

let browser: Browser;
let app: RunningApp;
let smtp: SmtpTestServer;
let alby: { registrar: string; noticeId: string };
let bredbyRegistrar = '';

/** The text of a received message, quoted-printable undone. */
function textOf(raw: string): string {
  const soft = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft[i] === '=' ? /^[0-9A-F]{2}/.exec(soft.slice(i + 1, i + 3))?.[0] : undefined;
    if (hex) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The path of the link in the registrar's e-mail (the public address is the production host's). */
function linkIn(raw: string): string {
  const url = new RegExp(`${PUBLIC_URL}(/anslag/[0-9a-f-]{36})`).exec(textOf(raw))?.[1];
  assert.ok(url, `the e-mail holds a link to the notice:\n${textOf(raw).slice(0, 2000)}`);
  return url;
}

async function signInHere(page: Page, email: string): Promise<void> {
  await page.waitForURL(/\/logga-in\?next=/);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/logga-in'), page.getByRole('button', { name: 'Logga in' }).click()]);
}

describe('a registrar follows the e-mail link to record a posting (browser, axe, phone and desktop)', () => {
  before(async () => {
    smtp = await startSmtp();
    app = await startApp({ config: { smtpUrl: smtp.url, outboxDir: undefined, publicUrl: PUBLIC_URL }, deliverMail: false });
    const { test } = app;
    browser = await launchBrowser();

    const services = test.services;
    const db = services.database.db;
    // Two municipalities that post by hand (no official board confirmed in Kansli), each with a registrar.
    const jc = await buildJointCommittee(services, { municipalities: ['Alby kommun', 'Bredby kommun'], officialBoards: false });
    const [albyOrg, bredbyOrg] = jc.members;
    if (!albyOrg || !bredbyOrg) throw new Error('no municipalities');
    const albyRegistrar = await buildRoleUser(services, albyOrg.id, 'registrar');
    bredbyRegistrar = (await buildRoleUser(services, bredbyOrg.id, 'registrar')).email;
    const signers = [];
    for (const [name, role, town] of [['Ordförande Olsson', 'chair', albyOrg.id], ['Justerare Jansson', 'member', bredbyOrg.id]] as const) {
      const [person] = await db.insert(people).values({ name, organisationId: town }).returning();
      const user = await buildUser(services, { organisationId: jc.committee.id, roles: [role] });
      await db.update(users).set({ personId: person?.id ?? null }).where(eq(users.id, user.id));
      signers.push({ personId: person?.id ?? '', userId: user.id, secret: await giveTotp(services, user.id) });
    }
    const [chair, adjuster] = signers;
    if (!chair || !adjuster) throw new Error('no signers');
    const meetingAt = new Date(Date.now() - 3 * 86_400_000);
    const [meeting] = await db.insert(meetings).values({ bodyId: jc.body.id, startsAt: meetingAt, place: 'Stadshuset', status: 'closed', noticeSentAt: meetingAt, adjusterPersonId: adjuster.personId }).returning();
    const [protocol] = await db.insert(protocols).values({ meetingId: meeting?.id ?? '', status: 'draft', chairPersonId: chair.personId, secretaryName: 'Sekreterare Svensson', justeringPlace: 'Kansliet' }).returning();
    if (!protocol) throw new Error('no protocol');
    await db.insert(protocolParagraphs).values({ protocolId: protocol.id, position: 1, year: meetingAt.getFullYear(), heading: 'Verksamhetsplan', decision: 'Nämnden antar verksamhetsplanen.' });
    const secretary = await buildRoleUser(services, jc.committee.id, 'secretary');
    await services.protocols.lock(secretary.principal, protocol.id);
    const [locked] = await db.select().from(protocols).where(eq(protocols.id, protocol.id));
    for (const who of [chair, adjuster]) {
      await services.justering.sign(await principalOf(services, who.userId), protocol.id, { method: 'totp', code: generateTotp(who.secret, new Date()), sha256: locked?.canonicalSha256 ?? '' }, { rpID: 'localhost', origin: 'http://localhost' });
    }
    const rows = await db.select().from(notices).where(eq(notices.protocolId, protocol.id));
    alby = { registrar: albyRegistrar.email, noticeId: rows.find((n) => n.organisationId === albyOrg.id)?.id ?? '' };
    assert.ok(alby.noticeId, 'the final protocol has a notice for Alby');
    // The queue delivers in the background in production; here the test delivers what is due.
    await services.mailer.drain();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it("Alby's registrar reads the e-mail, follows the link, signs in, records the posting and sees it done", async () => {
    const mail = smtp.received.find((m) => m.to.includes(alby.registrar));
    assert.ok(mail, `an e-mail to Alby's registrar; received: ${smtp.received.map((m) => m.to.join(',')).join('; ')}`);
    assert.match(textOf(mail.raw), /Alby kommun anslår justeringen på sin egen anslagstavla/);
    const link = linkIn(mail.raw);
    assert.equal(link, `/anslag/${alby.noticeId}`);
    assert.ok(smtp.received.some((m) => m.to.includes(bredbyRegistrar)), "Bredby's registrar got their own e-mail");

    await runJourney(browser, app, { viewport: DESKTOP }, async (page) => {
      await page.goto(link);
      await expectAccessible(page, 'sign-in from the e-mail link');
      await signInHere(page, alby.registrar);
      await page.waitForURL(/\/anslag\?registrera=[0-9a-f-]{36}$/);
      assert.ok(page.url().endsWith(`?registrera=${alby.noticeId}`), 'the link lands on the notice itself');
      // The form for this notice is open and its date field has the focus: nothing to search or unfold.
      const dateField = page.getByLabel(/Anslagsdatum \(Alby kommun\)/);
      await dateField.waitFor();
      assert.equal(await dateField.evaluate((el) => el === document.activeElement), true, 'the posting date has the focus');
      await expectAccessible(page, 'notices to record, opened from the e-mail');
      await screenshotDesktopAndPhone(page, 'registrar-posting-form');

      await page.goto('/');
      const tasks = page.getByRole('region', { name: 'Att göra' });
      assert.match(await tasks.innerText(), /1 anslag att registrera/);
      // The start page's task leads to the same open form.
      await tasks.getByRole('link', { name: /Alby kommun/ }).click();
      await dateField.waitFor();
      assert.equal(await dateField.evaluate((el) => el === document.activeElement), true, 'the task link focuses the date too');

      const today = swedishDate(new Date());
      await dateField.fill(today);
      await Promise.all([page.waitForURL(/\/anslag$/), page.getByRole('button', { name: 'Registrera anslag Alby kommun' }).click()]);
      assert.match(await page.locator('main').innerText(), /Anslaget för Alby kommun är registrerat./);
      await expectAccessible(page, 'after recording');

      await page.goto('/');
      const after = page.getByRole('region', { name: 'Att göra' });
      assert.doesNotMatch(await after.innerText(), /anslag att registrera/, 'the posting is no longer to do');
      assert.match(await after.innerText(), /Du har inget att göra just nu\./);
      await expectAccessible(page, 'start page after recording');
      await screenshotDesktopAndPhone(page, 'registrar-posting-done');
    });
    const [row] = await app.test.services.database.db.select().from(notices).where(eq(notices.id, alby.noticeId));
    assert.equal(row?.postedOn, swedishDate(new Date()));
  });

  it("Bredby's registrar following Alby's link is refused with a page that says whose notice it is", async () => {
    const link = `/anslag/${alby.noticeId}`;
    await runJourney(browser, app, { viewport: PHONE }, async (page) => {
      await page.goto(link);
      await signInHere(page, bredbyRegistrar);
      const main = page.locator('main');
      await main.waitFor();
      const text = await main.innerText();
      assert.match(text, /Anslaget gäller Alby kommun/);
      assert.match(text, /Du registrerar anslag för Bredby kommun/);
      assert.doesNotMatch(text, /Något gick fel/);
      await expectAccessible(page, 'refused: another municipality');
      await screenshotDesktopAndPhone(page, 'registrar-posting-refused');
    });
    const [row] = await app.test.services.database.db.select().from(notices).where(eq(notices.id, alby.noticeId));
    assert.equal(row?.postedOn, swedishDate(new Date()), "Alby's recorded date stands");
  });
});
