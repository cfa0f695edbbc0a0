import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { buildPersonUsers, buildProtocol, signedInClient, type PersonUser } from '../../../test/support/factories.js';
import { protocolParagraphs, protocolReviewComments, protocols, protocolSignatures, protocolSnapshots } from './protocols.tables.js';
import { taskNotifications } from '../tasks/tasks.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import type { Principal } from '../../platform/auth/policy.js';
import { DomainError } from '../../platform/errors.js';
import { generateTotp } from '../auth/totp.js';

describe('justering as a review (issue 18): the locked protocol, comments, answers and unlocking', () => {
  let t: TestContext;
  let now = new Date('2026-04-02T10:00:00Z');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kansli-review-'));
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let other: Awaited<ReturnType<typeof buildCommittee>>;
  type Who = 'chair' | 'adjuster' | 'member' | 'secretary' | 'stranger';
  const login = {} as Record<Who, { email: string; id: string }>;
  let signer: Record<'chair' | 'adjuster' | 'member', PersonUser>;
  const db = () => t.services.database.db;
  /** Each protocol's meeting a day before the last: a draft left unlocked never holds back a later lock. */
  let day = 20;

  const secretary = (): Principal => ({ userId: login.secretary.id, email: login.secretary.email, name: 'Sekreterare', grants: [{ organisationId: org.committee.id, role: 'secretary' }] });

  function code(who: 'chair' | 'adjuster'): string {
    now = new Date(now.getTime() + 31_000);
    return generateTotp(signer[who].secret, now);
  }

  const client = (who: Who): Promise<TestClient> => signedInClient(t.app, login[who].email, () => code(who as 'chair' | 'adjuster'));

  /** A closed meeting's draft with two paragraphs, locked by the secretary through the service. */
  async function lockedProtocol() {
    day -= 1;
    const { meeting, protocol, paragraphs } = await buildProtocol(t.services, {
      bodyId: org.body.id,
      meetingAt: new Date(`2026-03-${String(day).padStart(2, '0')}T09:00:00Z`),
      meeting: { adjusterPersonId: signer.adjuster.personId },
      chairPersonId: signer.chair.personId,
      adjusterPersonId: signer.adjuster.personId,
      paragraphs: [
        { heading: 'Revidering av reglementet', decision: '1. Nämnden antar förslaget.' },
        { heading: 'Information om ekonomin', decision: 'Informationen noteras.' },
      ],
    });
    await t.services.protocols.lock(secretary(), protocol.id);
    return { id: protocol.id, meetingId: meeting.id, paragraphs: paragraphs.map((p) => p.id) };
  }

  const commentsOf = (protocolId: string) => db().select().from(protocolReviewComments).where(eq(protocolReviewComments.protocolId, protocolId));
  const auditOf = (action: string, protocolId: string) => db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, protocolId)));

  before(async () => {
    t = await createTestApp({ clock: () => now, config: { sealP12Path: path.join(dataDir, 'seal.p12'), sealPassphrase: 'test' } });
    org = await buildCommittee(t.services);
    other = await buildCommittee(t.services, { name: 'Andra nämnden' });
    signer = await buildPersonUsers(
      t.services,
      { committeeId: org.committee.id, municipalityId: org.municipality.id },
      { chair: { name: 'Ordf Örjan', role: 'chair' }, adjuster: { name: 'Justerare Jenny', role: 'member' }, member: { name: 'Ledamot Lena', role: 'member', totp: false } },
    );
    Object.assign(login, signer);
    login.secretary = await buildUser(t.services, { organisationId: org.committee.id, roles: ['secretary'] });
    login.stranger = await buildUser(t.services, { organisationId: other.committee.id, roles: ['secretary', 'chair'] });
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the review page shows every paragraph as it was locked, from the copy stored at locking, not the live tables', async () => {
    const protocol = await lockedProtocol();
    // Written past the service (which refuses a locked protocol): the page must not follow it.
    await db().update(protocolParagraphs).set({ heading: 'Ändrad efter låsningen' }).where(eq(protocolParagraphs.id, protocol.paragraphs[0] ?? ''));
    const adjuster = await client('adjuster');
    const page = await adjuster.get(`/protokoll/${protocol.id}/justera`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Revidering av reglementet/);
    assert.match(page.body, /Information om ekonomin/);
    assert.doesNotMatch(page.body, /Ändrad efter låsningen/);
    // Paragraph by paragraph, each with its comment form, and signing after the last one.
    assert.ok(page.body.indexOf('Information om ekonomin') < page.body.indexOf('id="sign-heading"'), 'signing comes after the protocol');
    assert.equal(page.body.match(/name="paragraphId"/g)?.length ?? 0, 2, 'a comment form per paragraph');
  });

  test('the adjuster comments, the secretary is e-mailed once and sees it in Att göra, answers, and the adjuster reads the answer', async () => {
    const protocol = await lockedProtocol();
    const paragraphId = protocol.paragraphs[1] ?? '';
    const adjuster = await client('adjuster');
    const posted = await adjuster.post(`/protokoll/${protocol.id}/justera/synpunkt`, { paragraphId, [`body-${paragraphId}`]: 'Stavfel i beslutet: "noteras" ska vara "noteras till protokollet".' });
    assert.equal(posted.statusCode, 302, posted.body);
    const [comment] = await commentsOf(protocol.id);
    assert.ok(comment);
    assert.equal(comment.authorRole, 'adjuster');
    assert.equal(comment.paragraphNumber, (await db().select().from(protocolParagraphs).where(eq(protocolParagraphs.id, paragraphId)))[0]?.number);

    const mails = (await t.services.mailer.list({ meetingId: protocol.meetingId })).filter((m) => m.kind === 'task.review');
    assert.deepEqual(mails.map((m) => m.recipient), [login.secretary.email]);
    assert.equal((await t.services.notifier.reviewComment(comment.id)).queued, 0, 'sent once');

    const tasks = await t.services.tasks.forPrincipal(secretary());
    assert.deepEqual(tasks.reviews.map((r) => r.commentId), [comment.id]);
    const secretaryClient = await client('secretary');
    const start = await secretaryClient.get('/');
    assert.match(start.body, /Besvara synpunkten på §/);
    const page = await secretaryClient.get(`/moten/${protocol.meetingId}/protokoll`);
    assert.match(page.body, /Synpunkter från justeringen/);
    assert.match(page.body, /Lås upp protokollet för rättelse/);

    const empty = await secretaryClient.post(`/protokoll/${protocol.id}/synpunkter/${comment.id}/svar`, { [`answer-${comment.id}`]: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Skriv ditt svar på synpunkten/);

    const answered = await secretaryClient.post(`/protokoll/${protocol.id}/synpunkter/${comment.id}/svar`, { [`answer-${comment.id}`]: 'Texten följer beslutet ordagrant; den står kvar.' });
    assert.equal(answered.statusCode, 302);
    assert.equal((await commentsOf(protocol.id))[0]?.resolution, 'answered');
    assert.equal((await t.services.tasks.forPrincipal(secretary())).reviews.length, 0);
    const again = await secretaryClient.post(`/protokoll/${protocol.id}/synpunkter/${comment.id}/svar`, { [`answer-${comment.id}`]: 'En gång till.' });
    assert.equal(again.statusCode, 409, 'answered once');

    const review = await adjuster.get(`/protokoll/${protocol.id}/justera`);
    assert.match(review.body, /Texten följer beslutet ordagrant; den står kvar\./);
    for (const action of ['protocol.review.comment', 'protocol.review.answer']) {
      const [entry] = await auditOf(action, protocol.id);
      assert.equal(entry?.organisationId, org.committee.id, action);
    }
  });

  test('a comment on a paragraph that is not in the locked protocol is refused with a clear error, nothing saved', async () => {
    const protocol = await lockedProtocol();
    const elsewhere = await lockedProtocol();
    const adjuster = await client('adjuster');
    for (const paragraphId of ['00000000-0000-4000-8000-000000000000', elsewhere.paragraphs[0] ?? '']) {
      const response = await adjuster.post(`/protokoll/${protocol.id}/justera/synpunkt`, { paragraphId, [`body-${paragraphId}`]: 'Synpunkt' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Paragrafen finns inte i det låsta protokollet/);
    }
    const malformed = await adjuster.post(`/protokoll/${protocol.id}/justera/synpunkt`, { paragraphId: 'x', body: 'Synpunkt' });
    assert.equal(malformed.statusCode, 400);
    const empty = await adjuster.post(`/protokoll/${protocol.id}/justera/synpunkt`, { paragraphId: protocol.paragraphs[0] ?? '', [`body-${protocol.paragraphs[0]}`]: ' ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Skriv din synpunkt/);
    await assert.rejects(
      () => t.services.review.comment({ userId: login.adjuster.id, email: '', name: '', grants: [{ organisationId: org.committee.id, role: 'member' }] }, protocol.id, { paragraphId: elsewhere.paragraphs[1], body: 'x' }),
      (error: unknown) => error instanceof DomainError && error.code === 'INVALID_INPUT',
    );
    assert.equal((await commentsOf(protocol.id)).length, 0);
  });

  test('others are refused: a member who does not sign, and a secretary of another committee', async () => {
    const protocol = await lockedProtocol();
    const member = await client('member');
    const refused = await member.post(`/protokoll/${protocol.id}/justera/synpunkt`, { paragraphId: protocol.paragraphs[0] ?? '', body: 'Synpunkt' });
    assert.equal(refused.statusCode, 403);
    const adjuster = await client('adjuster');
    await adjuster.post(`/protokoll/${protocol.id}/justera/synpunkt`, { paragraphId: protocol.paragraphs[0] ?? '', [`body-${protocol.paragraphs[0]}`]: 'Synpunkt' });
    const [comment] = await commentsOf(protocol.id);
    assert.ok(comment);
    const stranger = await client('stranger');
    for (const url of [`/protokoll/${protocol.id}/synpunkter/${comment.id}/svar`, `/protokoll/${protocol.id}/synpunkter/${comment.id}/las-upp`]) {
      const response = await stranger.post(url, { answer: 'Nej' });
      assert.equal(response.statusCode, 403, url);
    }
    const strangerComment = await stranger.post(`/protokoll/${protocol.id}/justera/synpunkt`, { paragraphId: protocol.paragraphs[0] ?? '', body: 'Synpunkt' });
    assert.equal(strangerComment.statusCode, 403);
    assert.equal((await commentsOf(protocol.id))[0]?.resolution, null);
    assert.equal((await db().select().from(protocols).where(eq(protocols.id, protocol.id)))[0]?.status, 'locked');
  });

  test('applying a comment unlocks the protocol, voids the signature already given, and both sign the corrected protocol', async () => {
    const protocol = await lockedProtocol();
    const paragraphId = protocol.paragraphs[0] ?? '';
    const locked = (await db().select().from(protocols).where(eq(protocols.id, protocol.id)))[0];
    const chair = await client('chair');
    const signed = await chair.post(`/protokoll/${protocol.id}/justera`, { method: 'totp', code: code('chair'), sha256: locked?.canonicalSha256 ?? '' });
    assert.equal(signed.statusCode, 302, signed.body);
    const adjuster = await client('adjuster');
    await adjuster.post(`/protokoll/${protocol.id}/justera/synpunkt`, { paragraphId, [`body-${paragraphId}`]: 'Punkt 2 saknas i beslutet.' });
    const [comment] = await commentsOf(protocol.id);
    assert.ok(comment);

    const secretaryClient = await client('secretary');
    const page = await secretaryClient.get(`/moten/${protocol.meetingId}/protokoll`);
    assert.match(page.body, /Signaturer som redan har getts blir ogiltiga: Test /, 'the page says whose signature becomes void');
    const applied = await secretaryClient.post(`/protokoll/${protocol.id}/synpunkter/${comment.id}/las-upp`, { [`note-${comment.id}`]: 'Rättas.' });
    assert.equal(applied.statusCode, 302);
    const flash = await secretaryClient.get(String(applied.headers.location));
    assert.match(flash.body, /1 signatur har blivit ogiltig/);

    const [unlocked] = await db().select().from(protocols).where(eq(protocols.id, protocol.id));
    assert.equal(unlocked?.status, 'draft');
    const signatures = await db().select().from(protocolSignatures).where(eq(protocolSignatures.protocolId, protocol.id));
    assert.equal(signatures.length, 1, 'kept in the history');
    assert.ok(signatures[0]?.voidedAt, 'and void');
    const [entry] = await auditOf('protocol.unlock', protocol.id);
    assert.equal(entry?.organisationId, org.committee.id);
    assert.equal((await commentsOf(protocol.id))[0]?.resolution, 'applied');

    // The secretary corrects the paragraph (the void signature no longer holds it) and locks again.
    await t.services.protocols.updateParagraph(secretary(), paragraphId, { heading: 'Revidering av reglementet', decision: '1. Nämnden antar förslaget.\n2. Reglementet gäller från 1 maj.', summary: '', handling: '', recipients: '', publicHeading: '' });
    await t.services.protocols.lock(secretary(), protocol.id);
    const mailedAgain = await db().select().from(taskNotifications).where(and(eq(taskNotifications.kind, 'justering.locked'), eq(taskNotifications.refId, protocol.id)));
    assert.ok(mailedAgain.length > 0, 'the signers are e-mailed again');

    const review = await chair.get(`/protokoll/${protocol.id}/justera`);
    assert.match(review.body, /Reglementet gäller från 1 maj/);
    assert.match(review.body, /Signaturer som blivit ogiltiga/, 'the void signature is shown as history');
    assert.match(review.body, /Protokollet låstes upp för rättelse efter synpunkt på §/);
    assert.match(review.body, /id="sign-heading"/, 'the chair signs again');
    const relocked = (await db().select().from(protocols).where(eq(protocols.id, protocol.id)))[0]?.canonicalSha256 ?? '';
    assert.notEqual(relocked, locked?.canonicalSha256);
    for (const [who, c] of [['chair', chair], ['adjuster', adjuster]] as const) {
      const response = await c.post(`/protokoll/${protocol.id}/justera`, { method: 'totp', code: code(who), sha256: relocked });
      assert.equal(response.statusCode, 302, `${who}: ${response.body.slice(0, 300)}`);
    }
    const [snapshot] = await db().select().from(protocolSnapshots).where(eq(protocolSnapshots.protocolId, protocol.id));
    assert.deepEqual((snapshot?.signatures as { role: string }[]).map((s) => s.role).sort(), ['adjuster', 'chair']);
  });

  test('the database keeps signatures: a void is the one change, and never on a final protocol', async () => {
    const protocol = await lockedProtocol();
    const locked = (await db().select().from(protocols).where(eq(protocols.id, protocol.id)))[0];
    const chair = await client('chair');
    await chair.post(`/protokoll/${protocol.id}/justera`, { method: 'totp', code: code('chair'), sha256: locked?.canonicalSha256 ?? '' });
    await assert.rejects(() => db().update(protocolSignatures).set({ sha256: 'AB' }).where(eq(protocolSignatures.protocolId, protocol.id)));
    await assert.rejects(() => db().delete(protocolSignatures).where(eq(protocolSignatures.protocolId, protocol.id)));
    await db().update(protocolSignatures).set({ voidedAt: now, voidedReason: 'prov' }).where(eq(protocolSignatures.protocolId, protocol.id));
    await assert.rejects(() => db().update(protocolSignatures).set({ voidedAt: null }).where(eq(protocolSignatures.protocolId, protocol.id)), 'a void is final');
  });
});
