/**
 * E-mail reminders of pending decisions through a real SMTP server on 127.0.0.1: due a set number
 * of days before the deadline, sent once (reminder_log), only to the municipality's own registrars
 * and officials; and the status list of all initiatives as an information item on an agenda.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { reminderLog } from './cooperation.tables.js';
import { agendaItems, meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import type { Principal } from '../../platform/auth/policy.js';
import { startSmtp } from '../../../test/support/smtp.js';

describe('decision reminders and the status list', () => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let coordinator: Principal;
  let committeeId: string;
  let municipalityId: string;
  let registrarEmail: string;
  let initiativeId: string;

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ clock: () => new Date('2026-11-27T09:00:00Z'), config: { smtpUrl: smtp.url, publicUrl: 'https://kansli.example.se' } });
    const built = await buildCommittee(t.services);
    committeeId = built.committee.id;
    municipalityId = built.municipality.id;
    const db = t.services.database.db;
    // The municipality wants its reminders three days ahead.
    await db.update(organisations).set({ settings: { reminderDaysBefore: 3 } }).where(eq(organisations.id, municipalityId));
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['coordinator'] });
    coordinator = { userId: user.id, email: user.email, name: 'S', grants: [{ organisationId: committeeId, role: 'coordinator' }] };
    registrarEmail = (await buildUser(t.services, { organisationId: municipalityId, roles: ['registrar'] })).email;
    await buildUser(t.services, { organisationId: committeeId, roles: ['registrar'] });
    const created = await t.services.cooperation.createInitiative(coordinator, { name: 'Elevhälsosystem' });
    initiativeId = created.id;
    const { cooperation } = t.services;
    const detail = await cooperation.getInitiative(coordinator, initiativeId);
    const idea = detail.model.cells[0];
    await cooperation.recordDecision(coordinator, idea?.id ?? '', { status: 'yes', decidedOn: '2026-11-02' });
    await cooperation.closePhase(coordinator, initiativeId);
    await cooperation.planPhase(coordinator, initiativeId, { budget: '0', decisionDeadline: '2026-12-10' });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('nothing is due before the municipality’s reminder days', async () => {
    const result = await t.services.cooperation.sendDueReminders(new Date('2026-12-06T08:00:00Z'));
    await t.services.mailer.drain();
    assert.equal(result.mails, 0);
    assert.equal(smtp.received.length, 0);
  });

  test('three days before, the municipality’s registrar gets one mail naming the decision, its deadline and link; only once', async () => {
    const first = await t.services.cooperation.sendDueReminders(new Date('2026-12-07T08:00:00Z'));
    assert.deepEqual(first, { mails: 1, decisions: 1, withoutRecipient: 0 });
    const stateOf = async () => (await t.services.cooperation.getInitiative(coordinator, initiativeId)).reminders.map((r) => [r.dueOn, r.mails.map((m) => `${m.recipient} ${m.state}`)]);
    assert.deepEqual(await stateOf(), [['2026-12-10', [`${registrarEmail} queued`]]], 'the reminder shows its e-mail waiting in the queue');
    await t.services.mailer.drain();
    assert.deepEqual(await stateOf(), [['2026-12-10', [`${registrarEmail} sent`]]], 'then sent, from the mail log');
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0];
    assert.deepEqual(mail?.to, [registrarEmail]);
    const raw = (mail?.raw ?? '').replace(/=\r?\n/g, '');
    assert.match(raw, /2026-12-10/);
    assert.match(raw, /https:\/\/kansli\.example\.se\/samverkan\/beslut\/[0-9a-f-]{36}/);
    const again = await t.services.cooperation.sendDueReminders(new Date('2026-12-08T08:00:00Z'));
    assert.equal(again.mails, 0);
    await t.services.mailer.drain();
    assert.equal(smtp.received.length, 1);
    const logged = await t.services.database.db.select().from(reminderLog).where(eq(reminderLog.organisationId, municipalityId));
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.dueOn, '2026-12-10');
  });

  test('the initiative’s page shows each reminder with how its e-mail went: sent, retried, failed', async () => {
    const client = new TestClient(t.app);
    await client.signIn(coordinator.email);
    const page = await client.get(`/samverkan/${initiativeId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="paminnelser">Påminnelser till kommunerna<\/h2>/);
    assert.match(page.body, new RegExp(`<th scope="row">Testby kommun</th><td>[^<]+</td><td[^>]*>2026-12-10</td><td[^>]*>2026-12-07 09:00</td><td><ul[^>]*><li>${registrarEmail}: skickad</li>`));
    const db = t.services.database.db;
    const [reminder] = await db.select().from(reminderLog).where(eq(reminderLog.organisationId, municipalityId));
    const mailId = reminder?.mailIds[0] ?? '';
    await db.update(mailLog).set({ status: 'queued', error: '451 try later' }).where(eq(mailLog.id, mailId));
    assert.match((await client.get(`/samverkan/${initiativeId}`)).body, new RegExp(`<li class="warning">${registrarEmail}: misslyckades, försöker igen</li>`));
    await db.update(mailLog).set({ status: 'failed' }).where(eq(mailLog.id, mailId));
    assert.match((await client.get(`/samverkan/${initiativeId}`)).body, new RegExp(`<li class="warning">${registrarEmail}: kunde inte skickas</li>`));
    await db.update(mailLog).set({ status: 'sent', error: null }).where(eq(mailLog.id, mailId));
  });

  test('after the deadline nothing more is sent', async () => {
    assert.equal((await t.services.cooperation.sendDueReminders(new Date('2026-12-11T08:00:00Z'))).mails, 0);
  });

  test('the status list of all initiatives becomes an information item of a planned meeting', async () => {
    const db = t.services.database.db;
    const [meeting] = await db.insert(meetings).values({ bodyId: (await buildCommittee(t.services)).body.id, startsAt: new Date('2027-03-03T09:00:00Z'), place: 'Stadshuset' }).returning();
    await assert.rejects(t.services.cooperation.addStatusListToMeeting(coordinator, { meetingId: meeting?.id ?? '' }), /correct|rättas/, 'another committee’s meeting is refused');
    const [own] = await db.insert(meetings).values({ bodyId: (await db.select().from(bodies).where(eq(bodies.organisationId, committeeId)))[0]?.id ?? '', startsAt: new Date('2027-03-03T09:00:00Z'), place: 'Stadshuset' }).returning();
    const item = await t.services.cooperation.addStatusListToMeeting(coordinator, { meetingId: own?.id ?? '' });
    const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
    assert.equal(row?.kind, 'information');
    assert.equal(row?.heading, 'Information om aktuella och pågående aktiviteter');
    assert.match(row?.summary ?? '', /• Elevhälsosystem\n {2}Fas: Förstudie \(pågår\)/);
  });
});
