/**
 * Omedelbar justering (KL 5:70, 8:12, 13:5) and the posting dates on the boards: a paragraph
 * adjusted at the meeting has its § reserved then, its own notice on every member's board and its
 * own appeal period before the rest of the protocol is final; a recorded posting date changes only
 * by a correction with a reason, shown on the board with the recomputed appeal period.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { TestClient, buildUser, giveTotp } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { users } from '../auth/auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from '../protocols/protocols.tables.js';
import { notices } from './publication.tables.js';
import { generateTotp } from '../auth/totp.js';
import type { Principal } from '../../platform/auth/policy.js';
import { paragraphDigest } from '../protocols/justering.service.js';
import { appealPeriod } from '../../domain/index.js';
import { buildLiveMeeting, recordStart, textOf, type LiveFixture } from '../../../test/support/live-meeting-fixtures.js';
import { principalOf } from '../../../test/support/publication-fixtures.js';

describe('omedelbar justering and posting-date corrections (KL 8:12, 13:5)', () => {
  let now = new Date('2022-12-14T09:30:00Z');
  const t = useTestApp({ clock: () => now });
  const db = () => t.services.database.db;
  const rp = { rpID: 'localhost', origin: 'http://localhost' };

  async function post(f: LiveFixture, to: string, form: Record<string, string> = {}) {
    const response = await f.secretary.post(to, form);
    assert.equal(response.statusCode, 302, `${to}: ${textOf(response.body).slice(0, 600)}`);
    return response;
  }

  /** The chair (Arvidsby's member) and the adjuster (Bergby's member) as signing users. */
  async function signers(f: LiveFixture) {
    const [meeting] = await db().update(meetings).set({ adjusterPersonId: f.member.Bergby }).where(eq(meetings.id, f.meetingId)).returning();
    const [committee] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.id, f.secretaryPrincipal.grants[0]?.organisationId ?? ''));
    const out = [];
    for (const [personId, role] of [[f.member.Arvidsby, 'chair'], [f.member.Bergby, 'member']] as const) {
      const user = await buildUser(t.services, { organisationId: committee?.id ?? '', roles: [role] });
      await db().update(users).set({ personId }).where(eq(users.id, user.id));
      out.push({ principal: await principalOf(t.services, user.id), secret: await giveTotp(t.services, user.id) });
    }
    return { meeting, signers: out };
  }

  /** A signer adjusts one paragraph with a one-time code from their own authenticator. */
  async function signParagraph(signer: { principal: Principal; secret: string }, protocolId: string, paragraphId: string) {
    const [row] = await db().select().from(protocolParagraphs).where(eq(protocolParagraphs.id, paragraphId));
    assert.ok(row);
    await t.services.justering.sign(signer.principal, protocolId, { method: 'totp', code: generateTotp(signer.secret, now), sha256: paragraphDigest(row), paragraphId }, rp);
  }

  test('KL 8:12, 13:5 — a paragraph adjusted at the meeting keeps the § reserved then and gets its notice and appeal period before the protocol is final', async () => {
    now = new Date('2022-12-14T09:30:00Z');
    const f = await buildLiveMeeting(t);
    const { signers: [chair, adjuster] } = await signers(f);
    assert.ok(chair && adjuster);
    const [meeting] = await db().select().from(meetings).where(eq(meetings.id, f.meetingId));
    await t.services.protocols.setParagraphCounter(meeting?.bodyId ?? '', 2022, 18);
    await post(f, `${f.base}/oppna`);
    await recordStart(f);
    await post(f, `${f.base}/omedelbar-justering`, { itemId: f.items.plan, immediateJustering: 'on' });
    // Not yet decided: nothing to adjust.
    const early = await f.secretary.post(`/moten/${f.meetingId}/protokoll/omedelbar`, { itemId: f.items.plan });
    assert.equal(early.statusCode, 409);
    await post(f, `${f.base}/bifall`, { itemId: f.items.plan, alternative: 'proposal' });
    const reserved = await post(f, `/moten/${f.meetingId}/protokoll/omedelbar`, { itemId: f.items.plan });
    const protocolId = /\/protokoll\/([0-9a-f-]{36})\/justera/.exec(String(reserved.headers.location))?.[1] ?? '';
    assert.ok(protocolId, String(reserved.headers.location));
    const draft = await t.services.protocols.load(protocolId);
    assert.deepEqual(draft.paragraphs.map((p) => [p.number, p.heading]), [[19, 'Verksamhetsplan 2023']], 'the § is reserved at the meeting');

    now = new Date('2022-12-14T10:00:00Z');
    const paragraphId = draft.paragraphs[0]?.id ?? '';
    for (const signer of [chair, adjuster]) await signParagraph(signer, protocolId, paragraphId);
    const [row] = await db().select().from(protocols).where(eq(protocols.id, protocolId));
    assert.notEqual(row?.status, 'final', 'the rest of the protocol is not final');

    // Its own notice on every member municipality's board, with its own appeal period.
    const paragraphNotices = await db().select().from(notices).where(eq(notices.paragraphId, paragraphId));
    assert.equal(paragraphNotices.length, 5, 'one notice per member municipality');
    const expected = appealPeriod({ postedOn: ['2022-12-14'] });
    const slugs = await db().select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, paragraphNotices[0]?.organisationId ?? ''));
    const board = await t.services.publication.board(slugs[0]?.slug ?? '');
    const notice = board.current.find((n) => n.protocolId === protocolId);
    assert.ok(notice, 'the paragraph notice is up before the protocol is final');
    assert.deepEqual(notice.paragraph, { number: 19, heading: 'Verksamhetsplan 2023' });
    assert.equal(notice.justeredOn, '2022-12-14');
    assert.equal(notice.lastDayToAppeal, expected.lastDay);
    const page = textOf((await f.secretary.get(`/anslagstavla/${slugs[0]?.slug ?? ''}`)).body);
    assert.match(page, /Omedelbar justering av § 19 Verksamhetsplan 2023/);

    // The meeting goes on; the rest of the protocol follows in agenda order after the reserved §.
    await post(f, `${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    await post(f, `${f.base}/notera`, { itemId: f.items.info });
    await post(f, `${f.base}/avsluta`);
    assert.equal(await t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId), protocolId);
    await t.services.protocols.lock(f.secretaryPrincipal, protocolId);
    const locked = await t.services.protocols.load(protocolId);
    assert.deepEqual(locked.paragraphs.map((p) => [p.number, p.heading]), [
      [19, 'Verksamhetsplan 2023'],
      [20, 'Ekonomisk rapport, utfall per sista oktober'],
      [21, 'Information om aktuella och pågående aktiviteter'],
    ]);
    await assert.rejects(() => t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId), /redan ett protokoll|already has a protocol/);

    // A secret paragraph would be announced under its public heading.
    assert.equal(locked.paragraphs[0]?.publicHeading, null);
  });

  test('KL 13:5 — a recorded posting date is not overwritten (409); a correction with a reason is shown on the board with the new appeal period', async () => {
    now = new Date('2022-12-14T09:30:00Z');
    const f = await buildLiveMeeting(t);
    const { signers: [chair, adjuster] } = await signers(f);
    assert.ok(chair && adjuster);
    await post(f, `${f.base}/oppna`);
    await recordStart(f);
    await post(f, `${f.base}/omedelbar-justering`, { itemId: f.items.economy, immediateJustering: 'on' });
    await post(f, `${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    const reserved = await post(f, `/moten/${f.meetingId}/protokoll/omedelbar`, { itemId: f.items.economy });
    const protocolId = /\/protokoll\/([0-9a-f-]{36})\/justera/.exec(String(reserved.headers.location))?.[1] ?? '';
    const paragraphId = (await t.services.protocols.load(protocolId)).paragraphs[0]?.id ?? '';
    for (const signer of [chair, adjuster]) await signParagraph(signer, protocolId, paragraphId);
    const [notice] = await db().select().from(notices).where(eq(notices.paragraphId, paragraphId)).limit(1);
    assert.ok(notice?.postedOn === '2022-12-14');
    const [town] = await db().select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, notice.organisationId));

    now = new Date('2022-12-16T09:00:00Z');
    const overwrite = await f.secretary.post(`/anslag/${notice.id}/anslagen`, { postedOn: '2022-12-15', next: '/anslag' });
    assert.equal(overwrite.statusCode, 409);
    assert.match(textOf(overwrite.body), /redan registrerat och kan inte skrivas över/);
    // The database refuses it too, whatever the application does.
    await assert.rejects(() => db().update(notices).set({ postedOn: '2022-12-15' }).where(eq(notices.id, notice.id)));

    const noReason = await f.secretary.post(`/anslag/${notice.id}/rattelse`, { [`correctedOn-${notice.id}`]: '2022-12-15', [`reason-${notice.id}`]: '' });
    assert.equal(noReason.statusCode, 400);
    const corrected = await f.secretary.post(`/anslag/${notice.id}/rattelse`, { [`correctedOn-${notice.id}`]: '2022-12-15', [`reason-${notice.id}`]: 'Anslaget sattes upp först dagen efter på grund av driftstopp.' });
    assert.equal(corrected.statusCode, 302, textOf(corrected.body).slice(0, 400));

    const board = await t.services.publication.board(town?.slug ?? '');
    const shown = board.current.find((n) => n.id === notice.id);
    assert.ok(shown);
    assert.equal(shown.postedOn, '2022-12-15');
    const postings = (await db().select().from(notices).where(eq(notices.paragraphId, paragraphId))).map((n) => n.postedOn ?? '');
    assert.equal(shown.lastDayToAppeal, appealPeriod({ postedOn: postings }).lastDay, 'recomputed from the corrected date (the last posting of all boards)');
    assert.notEqual(shown.lastDayToAppeal, appealPeriod({ postedOn: ['2022-12-14'] }).lastDay, 'the appeal period moved with the correction');
    const page = textOf((await new TestClient(t.app).get(`/anslagstavla/${town?.slug ?? ''}`)).body);
    assert.match(page, /Anslagsdatumet rättades 2022-12-16 från 2022-12-14 till 2022-12-15 av Test user-[^ ]+@example\.se\./);
    assert.match(page, /Skäl: Anslaget sattes upp först dagen efter på grund av driftstopp\./);
    assert.match(page, new RegExp(`Sista dag att överklaga ${shown.lastDayToAppeal ?? 'x'}`));
  });
});
