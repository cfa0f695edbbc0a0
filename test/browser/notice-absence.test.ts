/**
 * Notice and absence, in a real browser, on the demo committee: the secretary sends the notice
 * (kallelse) of the coming demo meeting to every member and substitute, and sees the delivery
 * log; with no SMTP server each message is an .eml file in the outbox. The Kiruna member reads
 * the papers under "Mina möten" and reports absence; the call to the Kiruna substitute is queued
 * at once, the room shows it sent (reglemente 17 §), and the substitute finds the meeting in their
 * own room. axe (WCAG 2.1 AA) on every page.
 *
 * The app runs on a clock that says 2026-11-25 (the time of day still ticks), so that the notice
 * is in time (five days, reglemente 10 §) and the meeting of 2026-12-16 is coming whenever this
 * runs. Mail goes to a fresh outbox folder, and KANSLI_PUBLIC_URL is the app's own address.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { users } from '../../src/features/auth/auth.tables.js';
import { meetings } from '../../src/features/meetings/meetings.tables.js';
import { organisations } from '../../src/features/organisation/organisation.tables.js';
import { listMandatesOn } from '../../src/features/meetings/meetings.repository.js';
import { stockholmToInstant } from '../../src/features/meetings/calendar.js';
import { loadDemo } from '../../src/features/demo/demo.js';
import { DEMO_MUNICIPALITIES } from '../../src/features/demo/demo-data.js';
import { DEMO_COMING_MEETING, comingMeetingDate } from '../../src/features/demo/demo-meetings-data.js';
import { createTestApp } from '../support/app.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, expectAccessible, launchBrowser, runJourney, screenshotDesktopAndPhone, signIn, type RunningApp } from './support.js';

// The demo plans its coming meeting three weeks ahead, on a Wednesday: 2026-12-16.
const TODAY = '2026-11-25T10:00:00+01:00';
const BODY = 'Norrbottens e-nämnd';
const { startTime, place: PLACE } = DEMO_COMING_MEETING.time;
const DATE = comingMeetingDate(TODAY.slice(0, 10));
const END_TIME = DEMO_COMING_MEETING.time.endTime ?? '';
/** "kl. 13.00–16.00": the Language Council's clock style. */
const TIME_TEXT = `kl. ${startTime.replace(':', '.')}–${END_TIME.replace(':', '.')}`;
const LONG_DATE = 'onsdag 16 december 2026';
const ABSENCE_NOTE = 'Jag är på tjänsteresa i Stockholm den dagen.';

interface Person {
  id: string;
  name: string;
  email: string;
}

let browser: Browser;
let app: RunningApp;
const outbox = mkdtempSync(path.join(tmpdir(), 'kansli-notice-absence-'));
let meetingId = '';
/** Every member and substitute of the body on the meeting day (the notice goes to them). */
let called: (Person & { role: 'member' | 'substitute'; town: string })[] = [];
let member: Person & { town: string };
let substitute: Person & { town: string };

/** Like support's startApp, but on a clock set to TODAY and with the outbox in a folder of our own. */
async function startDemoApp(): Promise<RunningApp> {
  const offset = Date.parse(TODAY) - Date.now();
  const test = await createTestApp({ clock: () => new Date(Date.now() + offset), config: { outboxDir: outbox, smtpUrl: undefined } });
  await loadDemo(test.services);
  // The demo's own mail (the e-mails about its protocol waiting for justering) is out before the test looks at the outbox.
  await test.services.mailer.drain();
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = test.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  test.services.config.publicUrl = baseUrl;
  // As `npm start` does: queued mail is delivered in the background.
  test.services.mailer.start(500);
  return {
    baseUrl,
    test,
    close: async () => {
      await test.services.mailer.stop();
      await test.close();
    },
  };
}

/** The coming meeting, who is called to it, and the people behind the member and substitute logins. */
async function readDemo(): Promise<void> {
  const db = app.test.services.database.db;
  const [meeting] = await db.select().from(meetings).where(and(eq(meetings.kind, 'meeting'), eq(meetings.startsAt, stockholmToInstant(DATE, startTime) ?? new Date(0))));
  assert.ok(meeting, 'the demo has its coming meeting');
  assert.equal(meeting.status, 'planned');
  assert.equal(meeting.noticeSentAt, null, 'the coming meeting has not been given notice yet');
  meetingId = meeting.id;
  const towns = new Map((await db.select().from(organisations)).map((o) => [o.id, o.name]));
  called = (await listMandatesOn(db, meeting.bodyId, DATE)).flatMap(({ mandate, person }) =>
    mandate.role === 'official' ? [] : [{ id: person.id, name: person.name, email: person.email ?? '', role: mandate.role, town: towns.get(mandate.municipalityId) ?? '' }],
  );
  assert.equal(called.length, 2 * DEMO_MUNICIPALITIES.length, 'one member and one substitute per municipality');
  const linked = async (email: string) => {
    const [user] = await db.select().from(users).where(eq(users.email, email));
    const found = called.find((c) => c.id === user?.personId);
    assert.ok(found, `${email} is linked to someone called to the meeting`);
    return found;
  };
  const m = await linked(DEMO_LOGIN_EMAILS.member);
  const s = await linked(DEMO_LOGIN_EMAILS.substitute);
  assert.equal(m.role, 'member');
  assert.equal(s.role, 'substitute');
  assert.equal(s.town, m.town, 'the substitute login serves the member login’s municipality');
  const ownSubstitutes = called.filter((c) => c.role === 'substitute' && c.town === m.town);
  assert.deepEqual(ownSubstitutes.map((c) => c.id), [s.id], 'the member has exactly one substitute of their own');
  member = m;
  substitute = s;
}

interface Eml {
  file: string;
  to: string;
  subject: string;
  /** Every text/plain part, decoded. */
  text: string;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes headers with å, ä, ö. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*(?==\?)?/gi, (_m, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

/** Just enough MIME to read the outbox: headers, nested multiparts, quoted-printable and base64 text. */
function parseMime(raw: string): { headers: Map<string, string>; texts: string[] } {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of text.slice(0, split).replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const body = text.slice(split + 2);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    return { headers, texts: body.split(`--${boundary}`).slice(1, -1).flatMap((part) => parseMime(part.replace(/^\n/, '')).texts) };
  }
  if (!type.startsWith('text/plain')) return { headers, texts: [] };
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
        : Buffer.from(body, 'utf8');
  return { headers, texts: [bytes.toString('utf8')] };
}

/** The .eml files in the outbox that are not in `seen`. */
function newMail(seen: Set<string>): Eml[] {
  return readdirSync(outbox)
    .filter((name) => name.endsWith('.eml') && !seen.has(name))
    .map((name) => {
      const { headers, texts } = parseMime(readFileSync(path.join(outbox, name), 'utf8'));
      return { file: name, to: (headers.get('to') ?? '').replace(/^.*<([^>]+)>.*$/, '$1').toLowerCase(), subject: headers.get('subject') ?? '', text: texts.join('\n') };
    });
}

const outboxFiles = () => new Set(readdirSync(outbox));

/** Submit a form and wait for the page it leads to. */
async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

before(async () => {
  browser = await launchBrowser();
  app = await startDemoApp();
  await readDemo();
});

after(async () => {
  await app?.close();
  await browser?.close();
  rmSync(outbox, { recursive: true, force: true });
});

describe('notice of the coming meeting and a member’s absence', () => {
  it('sends the notice, lets the member report absence and calls in the substitute; every page passes axe', async () => {
    const beforeNotice = outboxFiles();

    // 1. The secretary sends the notice to every member and substitute.
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.goto('/moten');
      await expectAccessible(page, '/moten');
      await page.getByRole('row').filter({ hasText: BODY }).getByRole('link', { name: DATE }).first().click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${BODY} ${DATE}`) }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/moten/${meetingId}`);
      await expectAccessible(page, '/moten/<id>');

      await page.getByRole('link', { name: 'Kallelse', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: `Kallelse – ${BODY} ${DATE}` }).waitFor();
      await page.getByText('Inte skickad ännu').waitFor();
      await page.getByText('Skickas kallelsen i dag är den i tid (senast 2026-12-11).').waitFor();
      await page.getByRole('heading', { name: `Mottagare (${called.length})` }).waitFor();
      await page.getByText('Ingen e-post har skickats för sammanträdet.').waitFor();
      await expectAccessible(page, '/moten/<id>/kallelse');

      await submit(page, page.getByRole('button', { name: 'Skicka kallelse' }));
      await page.getByRole('status').getByText(`Kallelsen till ${called.length} av ${called.length} mottagare sparades i utkorgen`).waitFor();
      assert.equal(await page.getByText('Inte skickad ännu').count(), 0, 'the notice is recorded as sent');
      await page.getByRole('heading', { name: 'Skicka kallelsen igen' }).waitFor();

      // The delivery log: one row per person called, every one in the outbox with the notice's subject.
      const log = page.getByRole('table', { name: 'E-postlogg för sammanträdet' });
      const rows = log.locator('tbody tr');
      assert.equal(await rows.count(), called.length);
      const logged = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({ to: tr.querySelector('th')?.textContent?.trim() ?? '', cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '') })),
      );
      assert.deepEqual(logged.map((r) => r.to.toLowerCase()).sort(), called.map((c) => c.email.toLowerCase()).sort());
      for (const row of logged) {
        // Cells after the recipient (th): time, kind, subject, status, error.
        assert.equal(row.cells[1], 'Kallelse', `kind for ${row.to}`);
        assert.equal(row.cells[2], `Kallelse till ${BODY} ${DATE}`, `subject for ${row.to}`);
        assert.equal(row.cells[3], 'I utkorgen', `status for ${row.to}`);
        assert.equal(row.cells[4], '', `no error for ${row.to}`);
      }
      await page.getByText('Meddelanden med status ”I utkorgen” har inte skickats').waitFor();
      await expectAccessible(page, '/moten/<id>/kallelse (sent)');
    });

    // The outbox holds one .eml per member and substitute, each the notice with the agenda.
    const notices = newMail(beforeNotice);
    assert.deepEqual(notices.map((m) => m.to).sort(), called.map((c) => c.email.toLowerCase()).sort(), 'one notice per member and substitute');
    for (const mail of notices) {
      assert.equal(mail.subject, `Kallelse till ${BODY} ${DATE}`);
      assert.match(mail.text, new RegExp(`Plats: ${PLACE}`));
      for (const item of DEMO_COMING_MEETING.items.filter((i) => !i.isSecret)) assert.ok(mail.text.includes(item.heading), `${mail.to}: notice lists “${item.heading}”`);
      assert.ok(mail.text.includes(`${app.baseUrl}/moten/${meetingId}`), 'the notice links to the meeting in Kansli');
    }
    const beforeAbsence = outboxFiles();

    // 2. The member reads the papers under "Mina möten" and reports absence.
    const cardLabel = `Läs handlingarna till ${BODY} ${LONG_DATE}`;
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.member, DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Mina möten' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Mina möten' }).waitFor();
      const card = page.locator('.room-card').filter({ has: page.getByRole('link', { name: cardLabel }) });
      await card.getByText(`Ledamot för ${member.town}`).waitFor();
      assert.equal(await card.getByText('Du har anmält frånvaro').count(), 0);
      await expectAccessible(page, '/mina-moten');

      await card.getByRole('link', { name: cardLabel }).click();
      await page.getByRole('heading', { level: 1, name: `${BODY}, ${LONG_DATE}` }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/mina-moten/${meetingId}`);
      await page.getByText(TIME_TEXT).waitFor();
      const toc = page.getByRole('navigation', { name: 'Föredragningslista' });
      assert.deepEqual(
        (await toc.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()),
        DEMO_COMING_MEETING.items.map((item, i) => `${i + 1}. ${item.heading}`),
      );
      // Read item 2 from the table of contents: its proposal and its decision basis.
      await toc.getByRole('link', { name: DEMO_COMING_MEETING.items[1]?.heading ?? '' }).click();
      const item2 = page.locator('#punkt-2');
      await item2.getByText(DEMO_COMING_MEETING.items[1]?.proposal ?? '').waitFor();
      await item2.getByRole('heading', { name: 'Beslutsunderlag' }).waitFor();
      assert.equal(await item2.locator('.room-doc').count(), DEMO_COMING_MEETING.items[1]?.hids.length);
      await expectAccessible(page, '/mina-moten/<id>');

      const absence = page.locator('section[aria-labelledby="absence-h"]');
      await absence.locator('summary').click();
      await absence.getByText(`Ersättaren för ${member.town} får e-post direkt`).waitFor();
      await absence.getByLabel('Meddelande till sekreteraren (frivilligt)').fill(ABSENCE_NOTE);
      await expectAccessible(page, '/mina-moten/<id> (absence form)');
      await submit(page, absence.locator('button[type="submit"]'));
      // The answer does not wait for the mail server: the call is queued, and the page shows when it has gone.
      await page.getByRole('status').getByText(`Frånvaron är anmäld. E-post till ersättaren ${substitute.name} skickas nu.`).waitFor();
      await absence.getByText('Du har anmält frånvaro').waitFor();
      await absence.getByText(`Ditt meddelande: ${ABSENCE_NOTE}`).waitFor();
      await absence.getByText(new RegExp(`^E-post till ersättaren ${substitute.name}: skickad `)).waitFor({ timeout: 10_000 });
      await expectAccessible(page, '/mina-moten/<id> (absent)');
      await screenshotDesktopAndPhone(page, 'room-absence-called');

      await page.getByRole('link', { name: 'Mina möten' }).first().click();
      await card.getByText('Du har anmält frånvaro').waitFor();
      await expectAccessible(page, '/mina-moten (absent)');
    });

    // 3. The substitute is told at once: one mail, to them, naming the meeting; the member's note stays out.
    // The secretary's task mail (issue 18) goes through the mail queue: delivered before the outbox is read.
    await app.test.services.mailer.drain();
    const afterAbsence = newMail(beforeAbsence);
    const toSecretary = afterAbsence.filter((m) => m.subject.startsWith('Förhinder: '));
    assert.ok(toSecretary.some((m) => m.to === DEMO_LOGIN_EMAILS.secretary), 'the secretary is told of the absence');
    assert.ok(toSecretary.every((m) => m.text.includes(ABSENCE_NOTE) && m.text.includes(substitute.name)), 'with the note and the substitute to call');
    const calls = afterAbsence.filter((m) => !toSecretary.includes(m));
    assert.equal(calls.length, 1, 'one mail to a substitute after the absence report');
    const [call] = calls;
    assert.ok(call);
    assert.equal(call.to, substitute.email.toLowerCase());
    assert.equal(call.subject, `Du kallas att tjänstgöra: ${BODY} ${DATE}`);
    for (const fact of [`Hej ${substitute.name}`, `${member.name}, ledamot för ${member.town}`, `Dag: ${LONG_DATE}`, `Tid: ${TIME_TEXT}`, `Plats: ${PLACE}`]) {
      assert.ok(call.text.includes(fact), `the call names “${fact}”:\n${call.text}`);
    }
    assert.ok(!call.text.includes(ABSENCE_NOTE), 'the note to the secretary is not sent to the substitute');
    const link = `${app.baseUrl}/mina-moten/${meetingId}`;
    assert.ok(call.text.includes(link), 'the call links to the meeting in the substitute’s room');

    // The substitute finds the meeting under "Mina möten" and opens it; the mail's link leads to the same room.
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.substitute, DEMO_PASSWORD);
      await page.goto('/mina-moten');
      const card = page.locator('.room-card').filter({ has: page.getByRole('link', { name: cardLabel }) });
      await card.getByText(`Ersättare för ${substitute.town}`).waitFor();
      await expectAccessible(page, '/mina-moten (substitute)');
      await card.getByRole('link', { name: cardLabel }).click();
      await page.getByRole('heading', { level: 1, name: `${BODY}, ${LONG_DATE}` }).waitFor();
      assert.equal(page.url(), link);
      await page.getByText(`Ersättare för ${substitute.town}`).waitFor();
      await page.getByRole('navigation', { name: 'Föredragningslista' }).getByRole('link', { name: DEMO_COMING_MEETING.items[0]?.heading ?? '' }).waitFor();
      // The member's absence and note are the member's own: the substitute's room shows neither.
      assert.equal(await page.getByText('Du har anmält frånvaro').count(), 0);
      assert.equal(await page.getByText(ABSENCE_NOTE).count(), 0);
      await expectAccessible(page, '/mina-moten/<id> (substitute)');
    });
  });
});
