/**
 * "Att göra" and the e-mails that say a task has become someone's (issue 18), against a real
 * database: the chair finds the locked protocol on the start page and follows the link; nobody
 * outside the roles and organisations sees it; locking mails each signer once, however often it
 * is tried; a registrar posting by hand is mailed when the protocol becomes final.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { buildUser, createTestApp, giveTotp, TestClient, type TestContext } from '../../../test/support/app.js';
import { buildJointCommittee, buildRoleUser, principalOf } from '../../../test/support/publication-fixtures.js';
import { buildPersonUser, buildProtocol } from '../../../test/support/factories.js';
import { roleAssignments } from '../auth/auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';
import { protocols } from '../protocols/protocols.tables.js';
import { notices } from '../publication/publication.tables.js';
import { taskNotifications } from './tasks.tables.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { generateTotp } from '../auth/totp.js';
import { justeringDeadline } from '../../domain/index.js';

const NOW = new Date('2026-03-11T10:00:00+01:00');
const MEETING_AT = new Date('2026-03-10T13:00:00+01:00');
const PUBLIC_URL = 'https://kansli.example.se';

let now = NOW;

describe('tasks on the start page and their e-mails', () => {
  let t: TestContext;
  let outbox: string;
  before(async () => {
    outbox = mkdtempSync(path.join(tmpdir(), 'kansli-tasks-'));
    t = await createTestApp({ clock: () => now, config: { outboxDir: outbox, publicUrl: PUBLIC_URL } });
  });
  after(() => t.close());
  const db = () => t.services.database.db;

  /** A person with a user account holding `role` in the committee, linked to the person (no second factor yet). */
  const signer = (committeeId: string, municipalityId: string, name: string, role: 'chair' | 'member') => buildPersonUser(t.services, { committeeId, municipalityId, name, role, totp: false });

  /** A committee, its chair and adjuster (the adjuster appointed at the meeting), and a closed meeting with a draft protocol. */
  async function lockableProtocol(options: { officialBoards?: boolean; adjusterAccount?: boolean } = {}) {
    const jc = await buildJointCommittee(t.services, { municipalities: ['Alby kommun', 'Bredby kommun'], officialBoards: options.officialBoards });
    const [alby, bredby] = jc.members;
    if (!alby || !bredby) throw new Error('no municipalities');
    const chair = await signer(jc.committee.id, alby.id, 'Ordförande Olsson', 'chair');
    const adjuster = options.adjusterAccount === false ? null : await signer(jc.committee.id, bredby.id, 'Justerare Jansson', 'member');
    const [adjusterWithoutAccount] = options.adjusterAccount === false ? await db().insert(people).values({ name: 'Justerare Utan Konto', organisationId: bredby.id }).returning() : [];
    // The protocol names its chair; its adjuster is the meeting's (the signer rule's fallback).
    const { meeting, protocol } = await buildProtocol(t.services, {
      bodyId: jc.body.id,
      meetingAt: MEETING_AT,
      meeting: { noticeSentAt: MEETING_AT, adjusterPersonId: adjuster?.personId ?? adjusterWithoutAccount?.id ?? null },
      protocol: { secretaryName: 'Sekreterare Svensson' },
      chairPersonId: chair.personId,
      adjusterPersonId: null,
      paragraphs: [{ heading: 'Verksamhetsplan', decision: 'Nämnden antar verksamhetsplanen.' }],
    });
    const secretary = await buildRoleUser(t.services, jc.committee.id, 'secretary');
    return { ...jc, alby, bredby, chair, adjuster, meetingId: meeting.id, protocolId: protocol.id, secretary };
  }

  const taskMails = (meetingId: string, kind: string) => db().select().from(mailLog).where(and(eq(mailLog.meetingId, meetingId), eq(mailLog.kind, kind)));
  /** The mail queue's dispatcher does not run in tests: deliver what is due, then read the log. */
  const deliveredTaskMails = async (meetingId: string, kind: string) => {
    await t.services.mailer.drain();
    return taskMails(meetingId, kind);
  };

  async function signedIn(email: string) {
    const client = new TestClient(t.app);
    await client.signIn(email);
    return client;
  }

  test("the chair's start page lists the locked protocol with its deadline, and the link opens the justering page", async () => {
    const f = await lockableProtocol();
    const chair = await signedIn(f.chair.email);
    const before = await chair.get('/');
    assert.equal(before.statusCode, 200);
    assert.doesNotMatch(before.body, new RegExp(f.protocolId), 'a draft is not the chair\'s to adjust');
    await t.services.protocols.lock(f.secretary.principal, f.protocolId);

    const page = await chair.get('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="att-gora">Att göra<\/h2>/);
    assert.match(page.body, />1 protokoll att justera</);
    const href = `/protokoll/${f.protocolId}/justera`;
    assert.ok(page.body.includes(`href="${href}"`), 'the task links to the justering page');
    assert.match(page.body, new RegExp(`senast ${justeringDeadline({ meetingDate: '2026-03-10' })}`));
    assert.match(page.body, /som ordförande/);
    const justera = await chair.get(href);
    assert.equal(justera.statusCode, 200);

    // The adjuster, appointed at the meeting, has it too.
    const adjuster = await signedIn(f.adjuster?.email ?? '');
    const adjusterPage = await adjuster.get('/');
    assert.ok(adjusterPage.body.includes(`href="${href}"`));
    assert.match(adjusterPage.body, /som justerare/);
    assert.equal((await adjuster.get(href)).statusCode, 200);
  });

  test('a late justering says how many days late, with the Swedish plural', async () => {
    const f = await lockableProtocol();
    await t.services.protocols.lock(f.secretary.principal, f.protocolId);
    const deadline = justeringDeadline({ meetingDate: '2026-03-10' });
    try {
      now = new Date(`${deadline}T12:00:00+01:00`);
      now = new Date(now.getTime() + 86_400_000);
      const one = await (await signedIn(f.chair.email)).get('/');
      assert.match(one.body, /1 dag för sent/);
      now = new Date(now.getTime() + 86_400_000);
      const two = await (await signedIn(f.chair.email)).get('/');
      assert.match(two.body, /2 dagar för sent/);
    } finally {
      now = NOW;
    }
  });

  test('nobody else sees it: a member who is not a signer, a signer account without a grant in this committee, a member of another committee', async () => {
    const f = await lockableProtocol();
    await t.services.protocols.lock(f.secretary.principal, f.protocolId);
    const member = await buildUser(t.services, { organisationId: f.committee.id, roles: ['member'] });
    const other = await buildJointCommittee(t.services);
    const otherMember = await buildUser(t.services, { organisationId: other.committee.id, roles: ['member', 'chair'] });
    for (const email of [member.email, otherMember.email]) {
      const page = await (await signedIn(email)).get('/');
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes(f.protocolId), `${email} must not see the protocol`);
      assert.match(page.body, /Du har inget att göra just nu\./);
    }
    // The chair's own account, its roles moved: held in a member municipality (which never acts for the
    // committee), then in another committee. The justering page would refuse it, so the start page does not list it.
    for (const organisationId of [f.alby.id, other.committee.id]) {
      await db().delete(roleAssignments).where(eq(roleAssignments.userId, f.chair.id));
      await db().insert(roleAssignments).values([{ userId: f.chair.id, organisationId, role: 'chair' }, { userId: f.chair.id, organisationId, role: 'member' }]);
      const client = await signedIn(f.chair.email);
      assert.ok(!(await client.get('/')).body.includes(f.protocolId), 'no task without a grant in the committee');
      assert.equal((await client.get(`/protokoll/${f.protocolId}/justera`)).statusCode, 403);
    }
  });

  test('locking mails the chair and the adjuster once each, with the link, even when the lock is tried again', async () => {
    const f = await lockableProtocol();
    await t.services.protocols.lock(f.secretary.principal, f.protocolId);
    await assert.rejects(t.services.protocols.lock(f.secretary.principal, f.protocolId), /CONFLICT|låst|locked/i);
    await t.services.notifier.protocolLocked(f.protocolId);
    const client = await signedIn(f.secretary.email);
    assert.equal((await client.post(`/moten/${f.meetingId}/protokoll/las`)).statusCode < 500, true);

    const mails = await deliveredTaskMails(f.meetingId, 'task.justering');
    assert.deepEqual(mails.map((m) => m.recipient).sort(), [f.chair.email, f.adjuster?.email ?? ''].sort());
    assert.ok(mails.every((m) => m.status === 'outbox'));
    const files = mails.map((m) => readFileSync(m.outboxFile ?? '', 'utf8'));
    const link = `${PUBLIC_URL}/protokoll/${f.protocolId}/justera`;
    for (const file of files) assert.ok(file.replace(/=\r?\n/g, '').includes(link), 'the mail carries the link to the justering page');
    assert.ok(readdirSync(outbox).length >= 2);
  });

  test('a signer without a user account is skipped and recorded, the other is mailed', async () => {
    const f = await lockableProtocol({ adjusterAccount: false });
    await t.services.protocols.lock(f.secretary.principal, f.protocolId);
    assert.deepEqual((await deliveredTaskMails(f.meetingId, 'task.justering')).map((m) => m.recipient), [f.chair.email]);
    const recorded = await db().select().from(taskNotifications).where(eq(taskNotifications.refId, f.protocolId));
    assert.deepEqual(recorded.map((r) => r.status).sort(), ['no_account', 'queued']);
  });

  test('a mail that cannot be delivered does not undo the lock; the queue tries it again later, and it is not queued twice', async () => {
    const failing = await createTestApp({ clock: () => now, database: t.database, config: { outboxDir: outbox, smtpUrl: 'smtp://127.0.0.1:1', publicUrl: PUBLIC_URL } });
    try {
      const f = await lockableProtocol();
      await failing.services.protocols.lock(f.secretary.principal, f.protocolId);
      const [row] = await db().select().from(protocols).where(eq(protocols.id, f.protocolId));
      assert.equal(row?.status, 'locked');
      await failing.services.mailer.drain();
      const failed = await taskMails(f.meetingId, 'task.justering');
      assert.equal(failed.length, 2);
      assert.ok(failed.every((m) => m.status === 'queued' && m.error), 'waiting for another try, with the error');
      await failing.services.notifier.protocolLocked(f.protocolId);
      // The retry comes after its delay, through a server that works this time.
      now = new Date(NOW.getTime() + 2 * 60_000);
      const after = await deliveredTaskMails(f.meetingId, 'task.justering');
      assert.deepEqual(after.map((m) => m.status), ['outbox', 'outbox']);
    } finally {
      now = NOW;
      await failing.close();
    }
  });

  test("the registrar of a municipality that posts by hand gets a mail and a task for the final protocol; another municipality's registrar only their own", async () => {
    const f = await lockableProtocol({ officialBoards: false });
    const albyRegistrar = await buildRoleUser(t.services, f.alby.id, 'registrar');
    const bredbyRegistrar = await buildRoleUser(t.services, f.bredby.id, 'registrar');
    await t.services.protocols.lock(f.secretary.principal, f.protocolId);
    const [locked] = await db().select().from(protocols).where(eq(protocols.id, f.protocolId));
    const rp = { rpID: 'localhost', origin: 'http://localhost' };
    for (const who of [f.chair, f.adjuster]) {
      if (!who) throw new Error('no signer');
      const secret = await giveTotp(t.services, who.id);
      await t.services.justering.sign(await principalOf(t.services, who.id), f.protocolId, { method: 'totp', code: generateTotp(secret, now), sha256: locked?.canonicalSha256 ?? '' }, rp);
    }
    const rows = await db().select().from(notices).where(eq(notices.protocolId, f.protocolId));
    const noticeOf = (municipalityId: string) => rows.find((n) => n.organisationId === municipalityId)?.id ?? '';
    assert.ok(rows.every((n) => n.postingMethod === 'manual'));

    const mails = await deliveredTaskMails(f.meetingId, 'task.posting');
    assert.deepEqual(mails.map((m) => m.recipient).sort(), [albyRegistrar.email, bredbyRegistrar.email].sort());
    const albyMail = readFileSync(mails.find((m) => m.recipient === albyRegistrar.email)?.outboxFile ?? '', 'utf8').replace(/=\r?\n/g, '');
    assert.ok(albyMail.includes(`${PUBLIC_URL}/anslag/${noticeOf(f.alby.id)}`));
    assert.ok(!albyMail.includes(noticeOf(f.bredby.id)));

    const albyClient = await signedIn(albyRegistrar.email);
    const albyPage = await albyClient.get('/');
    assert.match(albyPage.body, />1 anslag att registrera</);
    const formLink = `/anslag?registrera=${noticeOf(f.alby.id)}`;
    assert.ok(albyPage.body.includes(`href="${formLink}"`));
    // The e-mail's link leads to the same place: the notice's form, open, its date field focused.
    const followed = await albyClient.get(`/anslag/${noticeOf(f.alby.id)}`);
    assert.equal(followed.headers.location, formLink);
    const form = await albyClient.get(formLink);
    assert.match(form.body, /<details open><summary>Registrera anslag<span class="visually-hidden"> Alby kommun<\/span><\/summary>/);
    assert.match(form.body, new RegExp(`<input id="f-postedOn-${noticeOf(f.alby.id)}" [^>]*autofocus`));
    const plain = await albyClient.get('/anslag');
    assert.doesNotMatch(plain.body, /<details open|autofocus/, 'without the link the forms stay folded');
    assert.doesNotMatch((await albyClient.get('/anslag?registrera=not-a-uuid')).body, /autofocus/);
    assert.ok(!albyPage.body.includes(noticeOf(f.bredby.id)), "Alby's registrar does not see Bredby's posting");

    // Once final, the chair has nothing left to adjust.
    const chairPage = await (await signedIn(f.chair.email)).get('/');
    assert.ok(!chairPage.body.includes(f.protocolId));

    // Told once: another call sends nothing new.
    await t.services.notifier.protocolFinal(f.protocolId);
    assert.equal((await deliveredTaskMails(f.meetingId, 'task.posting')).length, 2);
    const keys = await db().select().from(taskNotifications).where(inArray(taskNotifications.refId, rows.map((r) => r.id)));
    assert.equal(keys.length, 2);
  });

  test("the secretary's tasks: a closed meeting without a protocol, a draft to lock, notices to send, with their links", async () => {
    const f = await lockableProtocol();
    const [closed] = await db().insert(meetings).values({ bodyId: f.body.id, startsAt: new Date('2026-03-04T13:00:00+01:00'), place: 'Distans', status: 'closed' }).returning();
    const [soon] = await db().insert(meetings).values({ bodyId: f.body.id, startsAt: new Date('2026-03-20T13:00:00+01:00'), place: 'Distans' }).returning();
    const [later] = await db().insert(meetings).values({ bodyId: f.body.id, startsAt: new Date('2026-03-25T13:00:00+01:00'), place: 'Distans' }).returning();
    const [farAway] = await db().insert(meetings).values({ bodyId: f.body.id, startsAt: new Date('2026-09-25T13:00:00+01:00'), place: 'Distans' }).returning();
    const secretary = await signedIn(f.secretary.email);
    const page = await secretary.get('/');
    assert.match(page.body, />1 sammanträde utan protokoll</);
    assert.ok(page.body.includes(`href="/moten/${closed?.id}/protokoll"`));
    assert.match(page.body, />1 protokollutkast att låsa för justering</);
    assert.ok(page.body.includes(`href="/moten/${f.meetingId}/protokoll"`));
    assert.match(page.body, />2 kallelser att skicka</);
    assert.ok(page.body.includes(`href="/moten/${soon?.id}/kallelse"`));
    assert.ok(page.body.includes(`href="/moten/${later?.id}/kallelse"`));
    assert.ok(!page.body.includes(farAway?.id ?? '-'), 'a notice months ahead is not yet a task');
    assert.match(page.body, /Ska skickas senast 2026-03-15/);
    for (const href of [`/moten/${closed?.id}/protokoll`, `/moten/${f.meetingId}/protokoll`, `/moten/${soon?.id}/kallelse`]) {
      assert.equal((await secretary.get(href)).statusCode, 200, href);
    }
    // The secretary of another committee sees none of it.
    const other = await buildJointCommittee(t.services);
    const otherSecretary = await buildRoleUser(t.services, other.committee.id, 'secretary');
    const otherPage = await (await signedIn(otherSecretary.email)).get('/');
    assert.ok(!otherPage.body.includes(f.meetingId) && !otherPage.body.includes(closed?.id ?? '-'));
  });
});
