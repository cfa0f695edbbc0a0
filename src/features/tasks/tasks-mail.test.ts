/**
 * Issue 18, the second round of "Att göra" and its e-mail, against a real database (PGlite, and
 * PostgreSQL with TEST_DATABASE_URL): a municipality's pending cooperation decision is the task of
 * that municipality's registrar only; an absence reported in the members' room mails the
 * secretary once and shows the substitutes to call; the reminder scan sends the justering,
 * posting and cooperation reminders not before their day, then once, even when two servers scan
 * at the same moment.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { buildUser, createTestApp, giveTotp, TestClient, type TestContext } from '../../../test/support/app.js';
import { buildJointCommittee, buildRoleUser, principalOf } from '../../../test/support/publication-fixtures.js';
import { users } from '../auth/auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { mandates, people } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from '../protocols/protocols.tables.js';
import { notices } from '../publication/publication.tables.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { generateTotp } from '../auth/totp.js';
import { addDays, justeringDeadline, noticePostingDeadline, reminderFrom } from '../../domain/index.js';
import { swedishDate } from '../../platform/clock.js';
import { JUSTERING_REMINDER_DAYS, POSTING_REMINDER_DAYS } from './task-notifier.js';

const NOW = new Date('2026-03-11T10:00:00+01:00');
const MEETING_AT = new Date('2026-03-10T13:00:00+01:00');
const PUBLIC_URL = 'https://kansli.example.se';

let now = NOW;
/** Noon Swedish time on a date. */
const noonOn = (date: string) => new Date(`${date}T12:00:00+01:00`);

describe('cooperation decisions, absences and reminders: tasks and their e-mail', () => {
  let t: TestContext;
  /** A second server on the same database: its own services, mailer and clock. */
  let second: TestContext;
  let outbox: string;
  before(async () => {
    outbox = mkdtempSync(path.join(tmpdir(), 'kansli-tasks-mail-'));
    t = await createTestApp({ clock: () => now, config: { outboxDir: outbox, publicUrl: PUBLIC_URL } });
    second = await createTestApp({ clock: () => now, database: t.database, config: { outboxDir: outbox, publicUrl: PUBLIC_URL } });
  });
  after(async () => {
    await second.close();
    await t.close();
    rmSync(outbox, { recursive: true, force: true });
  });
  const db = () => t.services.database.db;
  const mailsOf = (kind: string, recipients: string[]) => db().select().from(mailLog).where(and(eq(mailLog.kind, kind), inArray(mailLog.recipient, recipients)));
  const textOf = (file: string | null) => readFileSync(file ?? '', 'utf8').replace(/=\r?\n/g, '');

  async function signedIn(email: string) {
    const client = new TestClient(t.app);
    await client.signIn(email);
    return client;
  }

  /** A person with a linked account holding `role` in `organisationId`. */
  async function personWithAccount(organisationId: string, municipalityId: string, name: string, role: 'chair' | 'member' | 'substitute') {
    const [person] = await db().insert(people).values({ name, organisationId: municipalityId }).returning();
    if (!person) throw new Error('no person');
    const user = await buildUser(t.services, { organisationId, roles: [role] });
    await db().update(users).set({ personId: person.id }).where(eq(users.id, user.id));
    return { personId: person.id, ...user };
  }

  /** Both servers scan at the same moment; the result is what was queued in total. */
  async function scanTwice(at: Date) {
    const [a, b] = await Promise.all([t.services.reminders.scan(at), second.services.reminders.scan(at)]);
    await t.services.mailer.drain();
    return { justering: a.justering + b.justering, posting: a.posting + b.posting, cooperation: a.cooperation + b.cooperation };
  }

  test("a municipality's pending cooperation decision is its registrar's task, with its deadline; another municipality's registrar does not see it", async () => {
    const jc = await buildJointCommittee(t.services, { municipalities: ['Alby kommun', 'Bredby kommun'] });
    const [alby, bredby] = jc.members;
    if (!alby || !bredby) throw new Error('no municipalities');
    const coordinator = await buildRoleUser(t.services, jc.committee.id, 'coordinator');
    const { cooperation } = t.services;
    const initiative = await cooperation.createInitiative(coordinator.principal, { name: 'Gemensam e-arkivtjänst' }, jc.committee.slug);
    const idea = (await cooperation.getInitiative(coordinator.principal, initiative.id)).model.cells[0];
    await cooperation.recordDecision(coordinator.principal, idea?.id ?? '', { status: 'yes', decidedOn: '2026-03-02' });
    await cooperation.closePhase(coordinator.principal, initiative.id);
    const deadline = '2026-03-20';
    await cooperation.planPhase(coordinator.principal, initiative.id, { budget: '0', decisionDeadline: deadline });
    const cells = (await cooperation.getInitiative(coordinator.principal, initiative.id)).model.cells.filter((c) => c.status === 'pending');
    const albyCell = cells.find((c) => c.organisationId === alby.id);
    const bredbyCell = cells.find((c) => c.organisationId === bredby.id);
    assert.ok(albyCell && bredbyCell, 'each municipality has a decision to take');

    const albyRegistrar = await buildRoleUser(t.services, alby.id, 'registrar');
    const bredbyOfficial = await buildRoleUser(t.services, bredby.id, 'preparation_official');
    const albyMember = await buildRoleUser(t.services, alby.id, 'member');
    const other = await buildJointCommittee(t.services);
    const otherRegistrar = await buildRoleUser(t.services, other.members[0]?.id ?? '', 'registrar');

    const albyPage = await (await signedIn(albyRegistrar.email)).get('/');
    assert.equal(albyPage.statusCode, 200);
    assert.match(albyPage.body, />1 beslut att fatta i samverkan</);
    assert.ok(albyPage.body.includes(`href="/samverkan/beslut/${albyCell.id}"`));
    assert.ok(!albyPage.body.includes(bredbyCell.id), "Alby's registrar does not see Bredby's decision");
    assert.match(albyPage.body, new RegExp(`Gemensam e-arkivtjänst\\. Kommunen ska besluta senast ${deadline}`));
    assert.equal((await (await signedIn(albyRegistrar.email)).get(`/samverkan/beslut/${albyCell.id}`)).statusCode, 200, 'the link opens the decision');

    const bredbyPage = await (await signedIn(bredbyOfficial.email)).get('/');
    assert.ok(bredbyPage.body.includes(`href="/samverkan/beslut/${bredbyCell.id}"`), "the preparation-group official decides for Bredby");
    assert.ok(!bredbyPage.body.includes(albyCell.id));
    for (const email of [albyMember.email, otherRegistrar.email, coordinator.email]) {
      const page = await (await signedIn(email)).get('/');
      assert.ok(!page.body.includes(albyCell.id) && !page.body.includes(bredbyCell.id), `${email} has no cooperation task`);
    }

    // Late: the start page says by how many days.
    try {
      now = noonOn(addDays(deadline, 2));
      assert.match((await (await signedIn(albyRegistrar.email)).get('/')).body, /2 dagar för sent/);
    } finally {
      now = NOW;
    }

    // The reminder (7 days before by default) goes through the mail queue once, to the municipality's own recipients.
    const recipients = [albyRegistrar.email, bredbyOfficial.email, otherRegistrar.email];
    assert.equal((await scanTwice(noonOn(addDays(reminderFrom({ deadline, daysBefore: 7 }), -1)))).cooperation, 0, 'not before its day');
    assert.equal((await mailsOf('cooperation.reminder', recipients)).length, 0);
    assert.equal((await scanTwice(noonOn(reminderFrom({ deadline, daysBefore: 7 })))).cooperation, 2, 'one mail to each municipality');
    await scanTwice(noonOn(addDays(deadline, -1)));
    const reminders = await mailsOf('cooperation.reminder', recipients);
    assert.deepEqual(reminders.map((m) => m.recipient).sort(), [albyRegistrar.email, bredbyOfficial.email].sort());
    assert.ok(reminders.every((m) => m.status === 'outbox'), 'delivered by the queue');
    assert.ok(textOf(reminders.find((m) => m.recipient === albyRegistrar.email)?.outboxFile ?? null).includes(`${PUBLIC_URL}/samverkan/beslut/${albyCell.id}`));
  });

  test('an absence reported in the members\' room mails the secretaries once, with the link; the start page lists it with the substitute to call', async () => {
    const jc = await buildJointCommittee(t.services, { municipalities: ['Alby kommun', 'Bredby kommun'] });
    const [alby, bredby] = jc.members;
    if (!alby || !bredby) throw new Error('no municipalities');
    const secretary = await buildRoleUser(t.services, jc.committee.id, 'secretary');
    const otherSecretary = await buildRoleUser(t.services, (await buildJointCommittee(t.services)).committee.id, 'secretary');
    const anna = await personWithAccount(jc.committee.id, alby.id, 'Anna Ledamot', 'member');
    const axel = await personWithAccount(jc.committee.id, alby.id, 'Axel Ersättare', 'substitute');
    const berit = await personWithAccount(jc.committee.id, bredby.id, 'Berit Ersättare', 'substitute');
    const term = { termFrom: '2023-01-01', termTo: '2026-12-31', bodyId: jc.body.id };
    await db().insert(mandates).values([
      { ...term, personId: anna.personId, municipalityId: alby.id, role: 'member' },
      { ...term, personId: axel.personId, municipalityId: alby.id, role: 'substitute' },
      { ...term, personId: berit.personId, municipalityId: bredby.id, role: 'substitute' },
    ]);
    const [meeting] = await db().insert(meetings).values({ bodyId: jc.body.id, startsAt: new Date('2026-03-19T13:00:00+01:00'), place: 'Stadshuset', noticeSentAt: NOW }).returning();
    if (!meeting) throw new Error('no meeting');

    const annaClient = await signedIn(anna.email);
    const reported = await annaClient.post(`/mina-moten/${meeting.id}/franvaro`, { note: 'Sjuk' });
    assert.ok(reported.statusCode < 400, `reported: ${reported.statusCode}`);
    await annaClient.post(`/mina-moten/${meeting.id}/franvaro`, { note: 'Sjuk' });
    await t.services.mailer.drain();
    const mails = await mailsOf('task.absence', [secretary.email, otherSecretary.email]);
    assert.deepEqual(mails.map((m) => m.recipient), [secretary.email], 'the secretary once; not another committee\'s');
    const text = textOf(mails[0]?.outboxFile ?? null);
    assert.ok(text.includes(`${PUBLIC_URL}/moten/${meeting.id}/sammantrade#narvaro`), 'the mail links to the attendance');
    assert.match(text, /Axel Ers=C3=A4ttare|Axel Ersättare/);
    assert.doesNotMatch(text, /Berit/, 'only a substitute of the same municipality (reglemente 17 §)');

    const page = await (await signedIn(secretary.email)).get('/');
    assert.match(page.body, />1 anmält förhinder</);
    assert.match(page.body, /Anna Ledamot har förhinder/);
    // The test person has no e-mail address: the secretary is told to call the substitute (member-room.test.ts shows the sent state).
    assert.match(page.body, /Ersättare att kalla in \(reglemente 17 §\): Axel Ersättare \(saknar e-postadress – kontakta ersättaren\)\./);
    assert.ok(page.body.includes(`href="/moten/${meeting.id}/sammantrade#narvaro"`));
    assert.ok(!(await (await signedIn(otherSecretary.email)).get('/')).body.includes(meeting.id), "another committee's secretary does not see it");

    // Withdrawn: no longer a task.
    await annaClient.post(`/mina-moten/${meeting.id}/franvaro/aterkalla`);
    assert.doesNotMatch((await (await signedIn(secretary.email)).get('/')).body, /Anna Ledamot har förhinder/);
  });

  test('justering and posting reminders: not before their day, then once to each who still has to act, even with two servers scanning', async () => {
    const jc = await buildJointCommittee(t.services, { municipalities: ['Alby kommun', 'Bredby kommun'], officialBoards: false });
    const [alby, bredby] = jc.members;
    if (!alby || !bredby) throw new Error('no municipalities');
    const chair = await personWithAccount(jc.committee.id, alby.id, 'Ordförande Olsson', 'chair');
    const adjuster = await personWithAccount(jc.committee.id, bredby.id, 'Justerare Jansson', 'member');
    const secretary = await buildRoleUser(t.services, jc.committee.id, 'secretary');
    const albyRegistrar = await buildRoleUser(t.services, alby.id, 'registrar');
    const bredbyRegistrar = await buildRoleUser(t.services, bredby.id, 'registrar');
    const [meeting] = await db()
      .insert(meetings)
      .values({ bodyId: jc.body.id, startsAt: MEETING_AT, place: 'Stadshuset', status: 'closed', noticeSentAt: MEETING_AT, adjusterPersonId: adjuster.personId })
      .returning();
    if (!meeting) throw new Error('no meeting');
    const [protocol] = await db().insert(protocols).values({ meetingId: meeting.id, status: 'draft', chairPersonId: chair.personId, secretaryName: 'Sekreterare Svensson', justeringPlace: 'Kansliet' }).returning();
    if (!protocol) throw new Error('no protocol');
    await db().insert(protocolParagraphs).values({ protocolId: protocol.id, position: 1, year: 2026, heading: 'Verksamhetsplan', decision: 'Nämnden antar verksamhetsplanen.' });
    await t.services.protocols.lock(secretary.principal, protocol.id);

    const deadline = justeringDeadline({ meetingDate: swedishDate(MEETING_AT) });
    const from = reminderFrom({ deadline, daysBefore: JUSTERING_REMINDER_DAYS });
    const signers = [chair.email, adjuster.email];
    assert.equal((await scanTwice(noonOn(addDays(from, -1)))).justering, 0, 'not the day before the reminder day');
    assert.equal((await mailsOf('task.justering.reminder', signers)).length, 0);

    // The chair signs before the reminder day: only the adjuster is reminded.
    const [locked] = await db().select().from(protocols).where(eq(protocols.id, protocol.id));
    const rp = { rpID: 'localhost', origin: 'http://localhost' };
    const sign = async (who: typeof chair) => {
      const secret = await giveTotp(t.services, who.id);
      await t.services.justering.sign(await principalOf(t.services, who.id), protocol.id, { method: 'totp', code: generateTotp(secret, now), sha256: locked?.canonicalSha256 ?? '' }, rp);
    };
    await sign(chair);
    assert.equal((await scanTwice(noonOn(from))).justering, 1, 'two servers, one mail');
    await scanTwice(noonOn(addDays(from, 1)));
    const reminded = await mailsOf('task.justering.reminder', signers);
    assert.deepEqual(reminded.map((m) => m.recipient), [adjuster.email]);
    assert.equal(reminded[0]?.status, 'outbox');
    const text = textOf(reminded[0]?.outboxFile ?? null);
    assert.ok(text.includes(`${PUBLIC_URL}/protokoll/${protocol.id}/justera`));
    assert.ok(text.includes(deadline));

    // Final at `now`; Alby and Bredby post by hand. The posting reminder comes the day before the posting deadline.
    now = noonOn(addDays(from, 1));
    try {
      await sign(adjuster);
      const justeredOn = swedishDate(now);
      const postingDeadline = noticePostingDeadline({ justeredOn });
      const postingFrom = reminderFrom({ deadline: postingDeadline, daysBefore: POSTING_REMINDER_DAYS });
      const registrars = [albyRegistrar.email, bredbyRegistrar.email];
      if (postingFrom > justeredOn) assert.equal((await scanTwice(noonOn(addDays(postingFrom, -1)))).posting, 0, 'not before its day');
      assert.equal((await mailsOf('task.posting.reminder', registrars)).length, 0);
      const rows = await db().select().from(notices).where(eq(notices.protocolId, protocol.id));
      const bredbyNotice = rows.find((n) => n.organisationId === bredby.id);
      // Bredby records its posting first: only Alby is reminded.
      await db().update(notices).set({ postedOn: justeredOn }).where(eq(notices.id, bredbyNotice?.id ?? ''));
      assert.equal((await scanTwice(noonOn(postingFrom))).posting, 1);
      await scanTwice(noonOn(postingDeadline));
      const posting = await mailsOf('task.posting.reminder', registrars);
      assert.deepEqual(posting.map((m) => m.recipient), [albyRegistrar.email]);
      assert.ok(textOf(posting[0]?.outboxFile ?? null).includes(`${PUBLIC_URL}/anslag/${rows.find((n) => n.organisationId === alby.id)?.id ?? '-'}`));
    } finally {
      now = NOW;
    }
  });
});
