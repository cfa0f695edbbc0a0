import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, like } from 'drizzle-orm';
import { buildConfig } from '../../../platform/config/config.js';
import { createTestApp, type TestContext } from '../../../../test/support/app.js';
import { agendaItemDocuments, agendaItems, motions, reservations, voteBallots, votes } from '../meetings.tables.js';
import { people } from '../../organisation/organisation.tables.js';
import { auditLog } from '../../../platform/audit/audit.tables.js';
import { createLiveMeetingService } from './live-meeting.service.js';
import { buildLiveMeeting, recordStart, textOf, TOWNS, type LiveFixture } from '../../../../test/support/live-meeting-fixtures.js';

describe('live meeting: votes, reservations and tabling', () => {
  let t: TestContext;
  let now = new Date('2022-12-14T10:00:00Z');

  before(async () => {
    // The test moves the clock days ahead (reasons until justering): an idle session must not end meanwhile.
    t = await createTestApp({ clock: () => now, config: { sessionIdleMinutes: 60 * 24 * 30 } });
  });
  after(() => t.close());

  async function openWithEveryone(f: LiveFixture, absent: string[] = []) {
    now = new Date('2022-12-14T10:00:00Z');
    assert.equal((await f.secretary.post(`${f.base}/oppna`)).statusCode, 302);
    await recordStart(f, absent);
  }

  async function motion(f: LiveFixture, itemId: string, personId: string, text: string): Promise<string> {
    const response = await f.secretary.post(`${f.base}/yrkande`, { itemId, personId, kind: 'reject', text });
    assert.equal(response.statusCode, 302, response.body.slice(0, 500));
    const [row] = await t.services.database.db.select().from(motions).where(and(eq(motions.itemId, itemId), eq(motions.text, text)));
    return row?.id ?? '';
  }

  /** Ballots of the five serving members: Arvidsby (chair) and Bergby yes, Dalby and Ekby no, Testby abstains. */
  function tiedBallots(f: LiveFixture): Record<string, string> {
    const choice = { Arvidsby: 'yes', Bergby: 'yes', Dalby: 'no', Ekby: 'no', 'Testby kommun': 'abstain' } as const;
    return Object.fromEntries(TOWNS.map((town) => [`ballot-${f.member[town]}`, choice[town]]));
  }

  test("KL 5:55 — a tied open vote is decided by the chair's casting vote; each ballot is stored and the change audited", async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const rejectId = await motion(f, f.items.plan, f.member.Dalby, 'E-nämnden beslutar att avslå förslaget.');
    const auditBefore = await t.services.database.db.select({ n: count() }).from(auditLog).where(like(auditLog.action, 'meeting.live.vote%'));
    const response = await f.secretary.post(`${f.base}/votering`, { itemId: f.items.plan, yes: 'proposal', no: `motion:${rejectId}`, ...tiedBallots(f) });
    assert.equal(response.statusCode, 302, textOf(response.body).slice(0, 800));
    assert.equal(response.headers.location, `${f.base}#punkt-3`);

    const db = t.services.database.db;
    const [vote] = await db.select().from(votes).where(eq(votes.itemId, f.items.plan));
    assert.deepEqual([vote?.yes, vote?.no, vote?.abstain, vote?.outcome, vote?.decidedByCastingVote], [2, 2, 1, 'yes', true]);
    assert.equal((await db.select().from(voteBallots).where(eq(voteBallots.voteId, vote?.id ?? ''))).length, 5);
    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan));
    assert.deepEqual([item?.status, item?.decidedBy, item?.decisionText], ['decided', 'vote', 'E-nämnden beslutar att anta verksamhetsplan 2023.']);
    const auditAfter = await db.select({ n: count() }).from(auditLog).where(like(auditLog.action, 'meeting.live.vote%'));
    assert.equal((auditAfter[0]?.n ?? 0) - (auditBefore[0]?.n ?? 0), 1);
    assert.match(textOf((await f.secretary.get(f.base)).body), /2 ja, 2 nej, 1 avstår\. Ja vann\. Avgjort med ordförandens utslagsröst\./);
  });

  test('reglemente 16 §, KL 5:55 — with the chair absent and no vice chair, the eldest serving member presides and decides a tie; an elected temporary chair takes over', async () => {
    const f = await buildLiveMeeting(t);
    const db = t.services.database.db;
    await db.update(people).set({ bornOn: '1950-05-01' }).where(eq(people.id, f.member.Bergby));
    await db.update(people).set({ bornOn: '1962-01-15' }).where(eq(people.id, f.member.Dalby));
    await openWithEveryone(f, [f.member.Arvidsby]);
    const page = textOf((await f.secretary.get(f.base)).body);
    assert.match(page, /Ordförande vid punkten Ledamot Bergby \(till åldern äldst, tills en ordförande valts, reglemente 16 §\)/);

    const rejectId = await motion(f, f.items.plan, f.member.Dalby, 'Avslag.');
    // Arvidsby's substitute serves for the absent chair but does not preside: Bergby, the eldest, does.
    const ballots = {
      [`ballot-${f.substitute.Arvidsby}`]: 'yes', [`ballot-${f.member.Bergby}`]: 'yes',
      [`ballot-${f.member.Dalby}`]: 'no', [`ballot-${f.member.Ekby}`]: 'no', [`ballot-${f.member['Testby kommun']}`]: 'abstain',
    };
    const response = await f.secretary.post(`${f.base}/votering`, { itemId: f.items.plan, yes: 'proposal', no: `motion:${rejectId}`, ...ballots });
    assert.equal(response.statusCode, 302, textOf(response.body).slice(0, 800));
    const [vote] = await db.select().from(votes).where(eq(votes.itemId, f.items.plan));
    assert.deepEqual([vote?.yes, vote?.no, vote?.outcome, vote?.decidedByCastingVote], [2, 2, 'yes', true]);

    // The committee elects Dalby to chair: Dalby's vote now decides a tie.
    assert.equal((await f.secretary.post(`${f.base}/ordforande`, { personId: f.member.Dalby })).statusCode, 302);
    const second = await motion(f, f.items.economy, f.member.Dalby, 'Återremiss.');
    const again = await f.secretary.post(`${f.base}/votering`, { itemId: f.items.economy, yes: 'proposal', no: `motion:${second}`, ...ballots });
    assert.equal(again.statusCode, 302, textOf(again.body).slice(0, 800));
    const [economyVote] = await db.select().from(votes).where(eq(votes.itemId, f.items.economy));
    assert.deepEqual([economyVote?.outcome, economyVote?.decidedByCastingVote], ['no', true]);
    assert.match(textOf((await f.secretary.get(f.base)).body), /Ledamot Dalby \(vald till ordförande för sammanträdet, reglemente 16 §\)/);
    // Only a serving person can be elected to chair.
    const refused = await f.secretary.post(`${f.base}/ordforande`, { personId: f.member.Arvidsby });
    assert.equal(refused.statusCode, 422);
  });

  test('KL 6:33 — a vote on tabling is decided by decideTabling: a minority cannot table, a majority can', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const db = t.services.database.db;
    const minority = await f.secretary.post(`${f.base}/bordlagg`, { itemId: f.items.plan, targetMeetingId: f.laterMeetingId, votesFor: '2', votesAgainst: '3' });
    assert.equal(minority.statusCode, 302, textOf(minority.body).slice(0, 500));
    const [pending] = await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan));
    assert.equal(pending?.status, 'pending', 'two of five cannot table the item');
    const [vote] = await db.select().from(votes).where(eq(votes.itemId, f.items.plan));
    assert.deepEqual([vote?.kind, vote?.yes, vote?.no, vote?.outcome], ['tabling', 2, 3, 'no']);
    const tie = await f.secretary.post(`${f.base}/bordlagg`, { itemId: f.items.plan, targetMeetingId: f.laterMeetingId, votesFor: '2', votesAgainst: '2' });
    assert.equal(tie.statusCode, 302);
    assert.equal((await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan)))[0]?.status, 'pending', 'a tie is no majority for tabling');
    const tooMany = await f.secretary.post(`${f.base}/bordlagg`, { itemId: f.items.plan, targetMeetingId: f.laterMeetingId, votesFor: '4', votesAgainst: '3' });
    assert.equal(tooMany.statusCode, 422);
    const majority = await f.secretary.post(`${f.base}/bordlagg`, { itemId: f.items.plan, targetMeetingId: f.laterMeetingId, votesFor: '3', votesAgainst: '2' });
    assert.equal(majority.statusCode, 302);
    assert.equal((await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan)))[0]?.status, 'tabled');
  });

  test('KL 4:25 — a tie where the chair abstained is refused: the chair must vote', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const rejectId = await motion(f, f.items.plan, f.member.Dalby, 'Avslag');
    const ballots = { ...tiedBallots(f), [`ballot-${f.member.Arvidsby}`]: 'abstain', [`ballot-${f.member['Testby kommun']}`]: 'yes' };
    const response = await f.secretary.post(`${f.base}/votering`, { itemId: f.items.plan, yes: 'proposal', no: `motion:${rejectId}`, ...ballots });
    assert.equal(response.statusCode, 422);
    assert.match(textOf(response.body), /Ordföranden måste rösta/);
    // The ballots typed stay checked, so the secretary only changes the chair's.
    assert.match(response.body, new RegExp(`name="ballot-${f.member.Dalby}" value="no" checked`));
  });

  test('KL 4:24 — a person not serving at the item may not vote; the whole vote is refused', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const rejectId = await motion(f, f.items.plan, f.member.Dalby, 'Avslag');
    const ballots = { ...tiedBallots(f), [`ballot-${f.substitute.Bergby}`]: 'no' };
    const response = await f.secretary.post(`${f.base}/votering`, { itemId: f.items.plan, yes: 'proposal', no: `motion:${rejectId}`, ...ballots });
    assert.equal(response.statusCode, 422);
    assert.match(textOf(response.body), /Ersättare Bergby tjänstgör inte vid punkt 3 och får inte rösta/);
    const db = t.services.database.db;
    assert.equal((await db.select().from(votes).where(eq(votes.itemId, f.items.plan))).length, 0);
    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan));
    assert.equal(item?.status, 'pending');
  });

  test('KL 5:56 — a tied election is decided by lottery and the drawn result is recorded', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const first = await motion(f, f.items.election, f.member.Bergby, 'Ledamot Bergby väljs till justerare.');
    const second = await motion(f, f.items.election, f.member.Dalby, 'Ledamot Dalby väljs till justerare.');
    const response = await f.secretary.post(`${f.base}/votering`, { itemId: f.items.election, yes: `motion:${first}`, no: `motion:${second}`, ...tiedBallots(f) });
    assert.equal(response.statusCode, 302, textOf(response.body).slice(0, 800));
    const db = t.services.database.db;
    const [vote] = await db.select().from(votes).where(eq(votes.itemId, f.items.election));
    assert.equal(vote?.kind, 'election');
    assert.equal(vote?.outcome, 'lottery');
    assert.equal(vote?.decidedByCastingVote, false);
    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.election));
    assert.equal(item?.decidedBy, 'lottery');
    assert.ok(['Ledamot Bergby väljs till justerare.', 'Ledamot Dalby väljs till justerare.'].includes(vote?.lotteryResult ?? ''));
    assert.equal(item?.decisionText, vote?.lotteryResult);
    assert.match(textOf((await f.secretary.get(f.base)).body), /lottning utföll till: Ledamot (Bergby|Dalby) väljs till justerare\./);
  });

  test('KL 5:56 — the lottery draws with the random function it is given', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const first = await motion(f, f.items.election, f.member.Bergby, 'Bergby');
    const second = await motion(f, f.items.election, f.member.Dalby, 'Dalby');
    const live = createLiveMeetingService({ database: t.database, config: buildConfig({ logLevel: 'silent' }), clock: () => now, random: () => 0.99 });
    await live.vote(f.secretaryPrincipal, f.meetingId, { itemId: f.items.election, yes: `motion:${first}`, no: `motion:${second}`, ...tiedBallots(f) });
    const [vote] = await t.services.database.db.select().from(votes).where(eq(votes.itemId, f.items.election));
    assert.equal(vote?.lotteryResult, 'Dalby');
  });

  test('KL 4:27, reglemente 21 § — a reservation before close is accepted, after close refused; reasons until justering', async () => {
    const f = await buildLiveMeeting(t, { justeringDate: '2022-12-20' });
    await openWithEveryone(f);
    assert.equal((await f.secretary.post(`${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' })).statusCode, 302);
    const accepted = await f.secretary.post(`${f.base}/reservation`, { itemId: f.items.economy, personId: f.member.Ekby });
    assert.equal(accepted.statusCode, 302);
    assert.equal(accepted.headers.location, `${f.base}#punkt-1`);
    assert.equal((await f.secretary.post(`${f.base}/avsluta`)).statusCode, 302);

    const refused = await f.secretary.post(`${f.base}/reservation`, { itemId: f.items.economy, personId: f.member.Dalby });
    assert.equal(refused.statusCode, 409);
    assert.match(textOf(refused.body), /En reservation måste anmälas innan sammanträdet avslutas \(KL 4:27\)/);
    const db = t.services.database.db;
    const rows = await db.select().from(reservations).where(eq(reservations.itemId, f.items.economy));
    assert.deepEqual(rows.map((r) => r.personId), [f.member.Ekby]);

    now = new Date('2022-12-19T10:00:00Z');
    const reason = await f.secretary.post(`${f.base}/reservation/motivering`, { reservationId: rows[0]?.id ?? '', reason: 'Rapporten borde ha visat prognosen per kommun.' });
    assert.equal(reason.statusCode, 302);
    assert.match(textOf((await f.secretary.get(f.base)).body), /Rapporten borde ha visat prognosen per kommun\./);
    now = new Date('2022-12-21T10:00:00Z');
    const late = await f.secretary.post(`${f.base}/reservation/motivering`, { reservationId: rows[0]?.id ?? '', reason: 'För sent' });
    assert.equal(late.statusCode, 409);
    assert.match(textOf(late.body), /före justeringen/);
  });

  test('KL 6:33, seed § 22 — tabling moves the item to the later meeting with its documents and history both ways', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const response = await f.secretary.post(`${f.base}/bordlagg`, { itemId: f.items.plan, targetMeetingId: f.laterMeetingId });
    assert.equal(response.statusCode, 302, textOf(response.body).slice(0, 800));
    const db = t.services.database.db;
    const [source] = await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan));
    assert.deepEqual([source?.status, source?.tabledToMeetingId, source?.decisionText], ['tabled', f.laterMeetingId, 'Ärendet bordläggs till sammanträdet 2023-03-03.']);
    const [copy] = await db.select().from(agendaItems).where(eq(agendaItems.tabledFromItemId, f.items.plan));
    assert.equal(copy?.meetingId, f.laterMeetingId);
    assert.equal(copy?.heading, 'Verksamhetsplan 2023');
    assert.equal(copy?.caseId, source?.caseId);
    assert.equal(copy?.proposal, source?.proposal);
    assert.equal(copy?.status, 'pending');
    const documents = await db.select().from(agendaItemDocuments).where(eq(agendaItemDocuments.itemId, copy?.id ?? ''));
    assert.deepEqual(documents.map((d) => d.documentId), [f.documentId]);

    assert.match(textOf((await f.secretary.get(f.base)).body), /Bordlagt till 2023-03-03/);
    const target = await f.secretary.get(`/moten/${f.laterMeetingId}/sammantrade`);
    assert.match(textOf(target.body), /Bordlagt från sammanträdet 2022-12-14/);
    assert.match(textOf(target.body), /Ärendenr 2022\/23-1\.2\.1\.3/);

    // Only a later planned meeting of the same body: not this one, and nothing twice.
    const self = await f.secretary.post(`${f.base}/bordlagg`, { itemId: f.items.economy, targetMeetingId: f.meetingId });
    assert.equal(self.statusCode, 400);
    assert.match(textOf(self.body), /planerat sammanträde med samma organ/);
    const again = await f.secretary.post(`${f.base}/bordlagg`, { itemId: f.items.plan, targetMeetingId: f.laterMeetingId });
    assert.equal(again.statusCode, 409);
    assert.equal((await db.select().from(agendaItems).where(eq(agendaItems.tabledFromItemId, f.items.plan))).length, 1);
  });
});
