/**
 * The record is complete (KL 5:66–67): who served at each paragraph, an undone decision out of
 * the record, and a secret paragraph under its public heading.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { agendaItems, meetings } from '../meetings/meetings.tables.js';
import { cases } from '../registry/registry.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { buildLiveMeeting, recordStart, textOf, TOWNS, type LiveFixture } from '../../../test/support/live-meeting-fixtures.js';
import { renderProtocolPdf } from './protocol-pdf.js';
import { publicVersion } from './protocol.model.js';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-record-'));
  try {
    const file = path.join(dir, 'p.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('protocol record: who served per paragraph, undone votes, public headings (KL 5:66–67, OSL 5:2)', () => {
  let now = new Date('2022-12-14T10:00:00Z');
  const t = useTestApp({ clock: () => now });
  const db = () => t.services.database.db;

  async function post(f: LiveFixture, to: string, form: Record<string, string> = {}) {
    const response = await f.secretary.post(to, form);
    assert.equal(response.statusCode, 302, `${to}: ${textOf(response.body).slice(0, 600)}`);
  }

  /**
   * Items: economy (1), info (2), plan (3, secret), election (4, left pending). Bergby's member
   * arrives at item 2; Dalby's member has jäv at item 1; Ekby's member leaves at item 3; the vote
   * on item 3 is undone and the item then decided by acclamation.
   */
  async function meeting(): Promise<{ f: LiveFixture; protocolId: string }> {
    now = new Date('2022-12-14T10:00:00Z');
    const f = await buildLiveMeeting(t);
    await db().update(agendaItems).set({ isSecret: true }).where(eq(agendaItems.id, f.items.plan));
    await post(f, `${f.base}/oppna`);
    await recordStart(f, [f.member.Bergby]);
    await post(f, `${f.base}/jav`, { itemId: f.items.economy, personId: f.member.Dalby });
    await post(f, `${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    await post(f, `${f.base}/narvaro`, { personId: f.member.Bergby, type: 'arrived', itemId: f.items.info });
    await post(f, `${f.base}/notera`, { itemId: f.items.info });
    await post(f, `${f.base}/narvaro`, { personId: f.member.Ekby, type: 'left', itemId: f.items.plan });
    await post(f, `${f.base}/yrkande`, { itemId: f.items.plan, personId: f.member.Dalby, kind: 'reject', text: 'AVSLAGSYRKANDE-MARKÖR' });
    const [motion] = await t.services.database.query<{ id: string }>(sql`select id from motions where item_id = ${f.items.plan}`);
    const voters = { ...Object.fromEntries(TOWNS.filter((town) => town !== 'Ekby').map((town) => [`ballot-${f.member[town]}`, 'yes'])), [`ballot-${f.substitute.Ekby}`]: 'no' };
    await post(f, `${f.base}/votering`, { itemId: f.items.plan, yes: 'proposal', no: `motion:${motion?.id ?? ''}`, ...voters });
    await post(f, `${f.base}/reservation`, { itemId: f.items.plan, personId: f.substitute.Ekby });
    await post(f, `${f.base}/ateruppta`, { itemId: f.items.plan });
    await post(f, `${f.base}/bifall`, { itemId: f.items.plan, alternative: 'proposal' });
    now = new Date('2022-12-14T11:30:00Z');
    await post(f, `${f.base}/avsluta`);
    const [row] = await db().select({ bodyId: meetings.bodyId }).from(meetings).where(eq(meetings.id, f.meetingId));
    await t.services.protocols.setParagraphCounter(row?.bodyId ?? '', 2022, 18);
    const protocolId = await t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId);
    await t.services.protocols.lock(f.secretaryPrincipal, protocolId);
    return { f, protocolId };
  }

  test('KL 5:66–67 — a late arrival, a substitute stepping in and a jäv: the protocol prints who served at each paragraph', async () => {
    const { f, protocolId } = await meeting();
    const doc = await t.services.protocols.load(protocolId);
    assert.deepEqual(doc.paragraphs.map((p) => p.number), [19, 20, 21]);
    const html = textOf((await f.secretary.get(`/moten/${f.meetingId}/protokoll`)).body);
    const pdf = pdfText(await renderProtocolPdf(doc));
    for (const text of [html, pdf]) {
      // The late arrival: the substitute served § 19 only, the member from § 20 to the end.
      assert.match(text, /Ersättare Ersättare Bergby \(Bergby\) tjänstgör för Ledamot Bergby § 19\b/);
      assert.match(text, /Ledamot Bergby \(Bergby\), § 20–21/);
      // The departure: the substitute steps in from § 21.
      assert.match(text, /Ledamot Ekby \(Ekby\), § 19–20/);
      assert.match(text, /Ersättare Ersättare Ekby \(Ekby\) tjänstgör för Ledamot Ekby fr\.o\.m\. § 21/);
      // The jäv: the member steps out of § 19, the substitute serves on the seat meanwhile.
      assert.match(text, /Ledamot Dalby \(Dalby\), § 20–21/);
      assert.match(text, /Ersättare Ersättare Dalby \(Dalby\) tjänstgör för Ledamot Dalby § 19\b/);
      assert.match(text, /Ledamot Dalby \(Dalby\) anmäler jäv och deltar inte i handläggningen av ärendet\. Ersättare Ersättare Dalby tjänstgör i hens ställe\./);
      // Those present throughout carry no paragraphs.
      assert.match(text, /Ledamot Arvidsby \(Arvidsby\), ordförande\b(?!, §)/);
    }
    const economy = doc.paragraphs.find((p) => p.number === 19);
    assert.deepEqual(economy?.record.jav, [{ name: 'Ledamot Dalby', municipality: 'Dalby', steppedOut: true, servedInstead: 'Ersättare Dalby' }]);
    assert.equal(doc.paragraphs.find((p) => p.number === 20)?.record.jav.length, 0, 'jäv is noted on its own paragraph only');
  });

  test('KL 5:67 — an undone vote ("Återuppta punkten") is not in the protocol, the PDF or the votes OParl reads; the audit log keeps it', async () => {
    const { f, protocolId } = await meeting();
    const doc = await t.services.protocols.load(protocolId);
    const plan = doc.paragraphs.find((p) => p.number === 21);
    assert.ok(plan);
    assert.deepEqual(plan.record.votes, [], 'the undone vote is gone');
    assert.deepEqual(plan.record.reservations, [], 'the reservation against the undone decision is gone');
    assert.equal(plan.record.propositions.length, 1, 'only the proposition that made the valid decision');
    assert.doesNotMatch(pdfText(await renderProtocolPdf(doc)), /Omröstning|Resultat: \d+ ja/);
    assert.doesNotMatch(textOf((await f.secretary.get(`/moten/${f.meetingId}/protokoll`)).body), /ja-röst|Ja-röst|röstar/i);
    const [undo] = await db().select().from(auditLog).where(eq(auditLog.action, 'meeting.live.item.undoDecision'));
    assert.ok(undo, 'the undone decision is in the audit log');
    const kept = undo.before as { votes: { yes: number; no: number; noMeans: string }[]; reservations: unknown[] };
    assert.deepEqual(kept.votes.map((v) => [v.yes, v.no]), [[4, 1]]);
    assert.match(kept.votes[0]?.noMeans ?? '', /AVSLAGSYRKANDE-MARKÖR/);
    assert.equal(kept.reservations.length, 1);
    // OParl's kansli:votes reads the votes table: nothing of the undone vote is left there.
    const left = await t.services.database.query(sql`select 1 from votes where item_id = ${f.items.plan}`);
    assert.equal(left.length, 0);
  });

  test('OSL 5:2 — a secret paragraph: the public version shows its public heading, never the secret one', async () => {
    const { f, protocolId } = await meeting();
    const [planCase] = await db().select().from(cases).where(sql`${cases.id} = (select case_id from agenda_items where id = ${f.items.plan})`);
    assert.ok(planCase);
    const doc = await t.services.protocols.load(protocolId);
    const plan = doc.paragraphs.find((p) => p.number === 21);
    assert.equal(plan?.heading, 'Verksamhetsplan 2023');
    assert.equal(plan?.publicHeading, 'Sekretessbelagt ärende, ärendenr 2022/23-1.2.1.3', 'the default: the public case number');
    const pub = publicVersion(doc);
    const text = pdfText(await renderProtocolPdf(pub));
    assert.match(text, /§ 21 Sekretessbelagt ärende, ärendenr 2022\/23-1\.2\.1\.3/);
    assert.doesNotMatch(text, /Verksamhetsplan 2023/);
  });

  test('OSL 5:2 — the public heading given on the agenda item reaches the paragraph; the secretary can change it before locking', async () => {
    now = new Date('2022-12-14T10:00:00Z');
    const f = await buildLiveMeeting(t);
    const edit = await f.secretary.get(`/moten/${f.meetingId}/dagordning/${f.items.plan}/andra`);
    assert.equal(edit.statusCode, 200);
    await db().update(agendaItems).set({ isSecret: true, publicHeading: 'Planeringsärende' }).where(eq(agendaItems.id, f.items.plan));
    await post(f, `${f.base}/oppna`);
    await recordStart(f);
    await post(f, `${f.base}/bifall`, { itemId: f.items.plan, alternative: 'proposal' });
    await post(f, `${f.base}/avsluta`);
    const protocolId = await t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId);
    const before = await t.services.protocols.load(protocolId);
    const paragraph = before.paragraphs[0];
    assert.equal(paragraph?.publicHeading, 'Planeringsärende');
    await post(f, `/moten/${f.meetingId}/protokoll/paragraf/${paragraph?.id ?? ''}`, { heading: 'Verksamhetsplan 2023', publicHeading: 'Ärende om planering', decision: 'Beslut.', summary: '', handling: '', recipients: '' });
    const after = await t.services.protocols.load(protocolId);
    assert.equal(after.paragraphs[0]?.publicHeading, 'Ärende om planering');
    assert.equal(publicVersion(after).paragraphs[0]?.heading, 'Ärende om planering');
  });
});
