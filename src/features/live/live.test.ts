import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { buildUser, type TestContext } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { buildLiveMeeting, recordStart, TOWNS, type LiveFixture, type Town } from '../../../test/support/live-meeting-fixtures.js';
import { linkedUser, refusal } from '../../../test/support/live-room.js';
import { liveBallots } from './live.tables.js';
import { agendaItems, attendanceEvents, meetings, voteBallots, votes } from '../meetings/meetings.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import type { Principal, Role } from '../../platform/auth/policy.js';
import { countedBallots, MAX_VOTE_MINUTES } from './live-vote.js';
import { orderSpeakers } from './live.service.js';

/** The meeting day, moved by the tests (the time limit of a vote). */
let now = new Date('2022-12-14T09:30:00+01:00');

interface Room {
  f: LiveFixture;
  committeeId: string;
  /** Principals of the members and substitutes, each linked to their person. */
  member: Record<Town, Principal>;
  substitute: Record<Town, Principal>;
  chairRunner: Principal;
}

async function buildRoom(t: TestContext): Promise<Room> {
  const f = await buildLiveMeeting(t);
  const db = t.services.database.db;
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, f.meetingId));
  const committeeId = f.secretaryPrincipal.grants[0]?.organisationId ?? '';
  assert.ok(meeting);
  const principalFor = async (personId: string, role: Role): Promise<Principal> => (await linkedUser(t, f, personId, role)).principal;
  const member = {} as Record<Town, Principal>;
  const substitute = {} as Record<Town, Principal>;
  for (const town of TOWNS) {
    member[town] = await principalFor(f.member[town], town === 'Arvidsby' ? 'chair' : 'member');
    substitute[town] = await principalFor(f.substitute[town], 'substitute');
  }
  return { f, committeeId, member, substitute, chairRunner: member.Arvidsby };
}

describe('the live meeting for members', () => {

  const t = useTestApp({ clock: () => now });

  async function open(room: Room, absent: string[] = []) {
    const response = await room.f.secretary.post(`${room.f.base}/oppna`);
    assert.equal(response.statusCode, 302);
    await recordStart(room.f, absent);
  }

  test('signing in on the device reports presence; the secretary confirms it into the attendance record, remote noted (KL 5:16)', async () => {
    now = new Date('2022-12-14T09:00:00+01:00');
    const room = await buildRoom(t);
    const { liveRoom } = t.services;
    const db = t.services.database.db;
    const response = await room.f.secretary.post(`${room.f.base}/oppna`);
    assert.equal(response.statusCode, 302);
    await liveRoom.checkIn(room.member.Dalby, room.f.meetingId, { mode: 'present' });
    await liveRoom.checkIn(room.member.Ekby, room.f.meetingId, { mode: 'remote' });
    const chair = await liveRoom.chairView(room.f.secretaryPrincipal, room.f.meetingId);
    assert.deepEqual(chair.checkins.map((c) => [c.person.name, c.mode]).sort(), [['Ledamot Dalby', 'present'], ['Ledamot Ekby', 'remote']]);
    // Not yet in the record: reported by the member only.
    assert.equal((await db.select().from(attendanceEvents).where(eq(attendanceEvents.meetingId, room.f.meetingId))).length, 0);

    await liveRoom.confirmCheckin(room.f.secretaryPrincipal, room.f.meetingId, { personId: room.f.member.Dalby });
    await liveRoom.confirmCheckin(room.f.secretaryPrincipal, room.f.meetingId, { personId: room.f.member.Ekby });
    const rows = await db.select().from(attendanceEvents).where(eq(attendanceEvents.meetingId, room.f.meetingId));
    const byPerson = new Map(rows.map((r) => [r.personId, r]));
    assert.equal(byPerson.get(room.f.member.Dalby)?.type, 'present');
    assert.equal(byPerson.get(room.f.member.Ekby)?.type, 'remote');
    assert.match(byPerson.get(room.f.member.Ekby)?.note ?? '', /distans/);
    assert.equal((await liveRoom.chairView(room.f.secretaryPrincipal, room.f.meetingId)).checkins.length, 0);
    const mine = await liveRoom.memberView(room.member.Ekby, room.f.meetingId);
    assert.equal(mine.checkin?.mode, 'remote');
    assert.ok(mine.checkin?.confirmedAt);

    // A member cannot confirm, and a person not called cannot check in.
    await assert.rejects(liveRoom.confirmCheckin(room.member.Dalby, room.f.meetingId, { personId: room.f.member.Dalby }), /Not allowed/);
    const stranger = await buildUser(t.services, { organisationId: room.committeeId, roles: ['member'] });
    const strangerPrincipal: Principal = { userId: stranger.id, email: stranger.email, name: 'x', grants: [{ organisationId: room.committeeId, role: 'member' }] };
    assert.equal((await refusal(liveRoom.checkIn(strangerPrincipal, room.f.meetingId, { mode: 'present' }))).code, 'NOT_FOUND');
    assert.equal((await refusal(liveRoom.checkIn(room.member.Dalby, room.f.meetingId, { mode: 'elsewhere' }))).code, 'INVALID_INPUT');
  });

  test('a check-in confirmed after the first decision is an arrival at the current item', async () => {
    now = new Date('2022-12-14T09:00:00+01:00');
    const room = await buildRoom(t);
    const { liveRoom } = t.services;
    await open(room, [room.f.member.Bergby]);
    const decided = await room.f.secretary.post(`${room.f.base}/bifall`, { itemId: room.f.items.economy, alternative: 'proposal' });
    assert.equal(decided.statusCode, 302);
    await liveRoom.checkIn(room.member.Bergby, room.f.meetingId, { mode: 'present' });
    await liveRoom.confirmCheckin(room.f.secretaryPrincipal, room.f.meetingId, { personId: room.f.member.Bergby });
    const [arrival] = await t.services.database.db.select().from(attendanceEvents).where(and(eq(attendanceEvents.personId, room.f.member.Bergby), eq(attendanceEvents.type, 'arrived')));
    assert.equal(arrival?.itemId, room.f.items.info, 'the arrival counts from the item now handled');
  });

  test('the speakers\u2019 list: replies before other requests, the chair gives the floor, only those serving may ask', async () => {
    now = new Date('2022-12-14T09:00:00+01:00');
    const room = await buildRoom(t);
    const { liveRoom } = t.services;
    await open(room, [room.f.member.Bergby]);
    const id = room.f.meetingId;
    await liveRoom.requestToSpeak(room.member.Dalby, id, { kind: 'speak' });
    now = new Date(now.getTime() + 1000);
    await liveRoom.requestToSpeak(room.member.Ekby, id, { kind: 'speak' });
    now = new Date(now.getTime() + 1000);
    await liveRoom.requestToSpeak(room.substitute.Bergby, id, { kind: 'reply' });
    assert.equal((await refusal(liveRoom.requestToSpeak(room.member.Dalby, id, { kind: 'speak' }))).code, 'CONFLICT');
    // Ekby's substitute does not serve (the member does): no request.
    assert.equal((await refusal(liveRoom.requestToSpeak(room.substitute.Ekby, id, { kind: 'speak' }))).code, 'INVALID_ATTENDANCE');

    let state = await liveRoom.readState(id, 'internal');
    assert.deepEqual(state.speakers.map((s) => [s.name, s.kind]), [['Ersättare Bergby', 'reply'], ['Ledamot Dalby', 'speak'], ['Ledamot Ekby', 'speak']]);
    await liveRoom.nextSpeaker(room.chairRunner, id);
    state = await liveRoom.readState(id, 'internal');
    assert.equal(state.speakers[0]?.name, 'Ersättare Bergby');
    assert.equal(state.speakers[0]?.speaking, true);
    await liveRoom.nextSpeaker(room.chairRunner, id);
    state = await liveRoom.readState(id, 'internal');
    assert.deepEqual(state.speakers.map((s) => [s.name, s.speaking]), [['Ledamot Dalby', true], ['Ledamot Ekby', false]]);
    await liveRoom.withdrawRequest(room.member.Ekby, id);
    const ekby = (await liveRoom.readState(id, 'internal')).speakers.find((s) => s.name === 'Ledamot Ekby');
    assert.equal(ekby, undefined);
    const dalby = state.speakers[0]?.id ?? '';
    await liveRoom.finishSpeaker(room.f.secretaryPrincipal, id, { speakerId: dalby });
    assert.deepEqual((await liveRoom.readState(id, 'internal')).speakers, []);
    assert.equal((await refusal(liveRoom.removeSpeaker(room.f.secretaryPrincipal, id, { speakerId: dalby }))).code, 'NOT_FOUND');
    await assert.rejects(liveRoom.nextSpeaker(room.member.Dalby, id), /Not allowed/);
  });

  test('orderSpeakers: the one speaking, then replies, then requests, each in the order asked', () => {
    const at = (s: number) => new Date(2022, 0, 1, 10, 0, s);
    const rows = [
      { id: 'a', kind: 'speak' as const, startedAt: null, requestedAt: at(1) },
      { id: 'b', kind: 'reply' as const, startedAt: null, requestedAt: at(5) },
      { id: 'c', kind: 'speak' as const, startedAt: at(9), requestedAt: at(3) },
      { id: 'd', kind: 'reply' as const, startedAt: null, requestedAt: at(2) },
      { id: 'e', kind: 'speak' as const, startedAt: null, requestedAt: at(0) },
    ];
    assert.deepEqual(orderSpeakers(rows).map((r) => r.id), ['c', 'd', 'b', 'e', 'a']);
  });

  test('countedBallots: only those serving at closing count, and one who did not vote abstains', () => {
    const cast = new Map([['a', 'yes' as const], ['b', 'no' as const], ['gone', 'yes' as const]]);
    assert.deepEqual(countedBallots(cast, new Set(['a', 'b', 'c'])), { a: 'yes', b: 'no', c: 'abstain' });
  });

  test('an electronic vote: a serving substitute votes, others are refused, a tie goes to the chair\u2019s casting vote, and it lands in the record', async () => {
    now = new Date('2022-12-14T09:00:00+01:00');
    const room = await buildRoom(t);
    const { liveRoom } = t.services;
    const db = t.services.database.db;
    // Bergby's member is absent: the substitute serves.
    await open(room, [room.f.member.Bergby]);
    const id = room.f.meetingId;
    const heard: string[] = [];
    const off = t.services.realtime.subscribe(liveRoom.topicOf(id), (topic) => heard.push(topic));

    assert.equal((await refusal(liveRoom.openVote(room.chairRunner, id, { itemId: room.f.items.economy, yes: 'proposal', no: 'proposal', minutes: '2' }))).code, 'INVALID_INPUT');
    assert.equal((await refusal(liveRoom.openVote(room.chairRunner, id, { itemId: room.f.items.economy, yes: 'proposal', no: 'motion:00000000-0000-0000-0000-000000000000', minutes: String(MAX_VOTE_MINUTES + 1) }))).code, 'INVALID_INPUT');
    const motion = await room.f.secretary.post(`${room.f.base}/yrkande`, { itemId: room.f.items.economy, personId: room.f.member.Dalby, kind: 'reject', text: 'Avslag på förslaget.' });
    assert.equal(motion.statusCode, 302);
    const chair = await liveRoom.chairView(room.chairRunner, id);
    const motionAlt = chair.alternatives.find((a) => a.kind === 'motion')?.value ?? '';
    const voteId = await liveRoom.openVote(room.chairRunner, id, { itemId: room.f.items.economy, yes: 'proposal', no: motionAlt, minutes: '2' });
    assert.equal((await refusal(liveRoom.openVote(room.chairRunner, id, { itemId: room.f.items.economy, yes: 'proposal', no: motionAlt, minutes: '2' }))).code, 'CONFLICT', 'one vote at a time');

    // Not serving: the substitute of a municipality whose member serves, and the absent member.
    assert.equal((await refusal(liveRoom.castBallot(room.substitute.Dalby, id, { liveVoteId: voteId, choice: 'yes' }))).code, 'INVALID_VOTE');
    assert.equal((await refusal(liveRoom.castBallot(room.member.Bergby, id, { liveVoteId: voteId, choice: 'yes' }))).code, 'INVALID_VOTE');
    assert.equal((await refusal(liveRoom.castBallot(room.member.Dalby, id, { liveVoteId: voteId, choice: 'maybe' }))).code, 'INVALID_INPUT');

    // A 2–2 tie with one abstaining; the chair (Arvidsby) voted yes.
    await liveRoom.castBallot(room.member.Arvidsby, id, { liveVoteId: voteId, choice: 'no' });
    await liveRoom.castBallot(room.member.Arvidsby, id, { liveVoteId: voteId, choice: 'yes' }); // changed before closing
    await liveRoom.castBallot(room.substitute.Bergby, id, { liveVoteId: voteId, choice: 'no' });
    await liveRoom.castBallot(room.member.Dalby, id, { liveVoteId: voteId, choice: 'no' });
    await liveRoom.castBallot(room.member.Ekby, id, { liveVoteId: voteId, choice: 'yes' });
    let state = await liveRoom.readState(id, 'internal');
    assert.equal(state.vote?.voted, 4);
    assert.equal(state.vote?.eligible, 5);
    assert.equal(state.vote?.closed, false);
    // The last one abstains: every one has voted, so the vote closes at once.
    await liveRoom.castBallot(room.member['Testby kommun'], id, { liveVoteId: voteId, choice: 'abstain' });

    state = await liveRoom.readState(id, 'internal');
    assert.equal(state.vote?.closed, true);
    assert.equal(state.vote?.result?.outcome, 'yes');
    assert.equal(state.vote?.result?.castingVote, true);
    assert.deepEqual([state.vote?.result?.yes, state.vote?.result?.no, state.vote?.result?.abstain], [2, 2, 1]);
    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, room.f.items.economy));
    assert.equal(item?.status, 'decided');
    assert.equal(item?.decidedBy, 'vote');
    assert.match(item?.decisionText ?? '', /godkänna redovisningen/);
    const [vote] = await db.select().from(votes).where(eq(votes.itemId, room.f.items.economy));
    assert.equal(vote?.decidedByCastingVote, true);
    const ballots = await db.select().from(voteBallots).where(eq(voteBallots.voteId, vote?.id ?? ''));
    assert.equal(ballots.length, 5);
    assert.equal(ballots.find((b) => b.personId === room.f.substitute.Bergby)?.choice, 'no');
    // Closed: a late ballot is refused and changes nothing.
    assert.equal((await refusal(liveRoom.castBallot(room.member.Dalby, id, { liveVoteId: voteId, choice: 'yes' }))).code, 'CONFLICT');
    assert.equal((await db.select().from(liveBallots).where(and(eq(liveBallots.liveVoteId, voteId), eq(liveBallots.personId, room.f.member.Dalby))))[0]?.choice, 'no');
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'meeting.live.evote.close'));
    assert.ok(audit.some((a) => a.entityId === voteId));
    // The protocol draft holds the vote and how each voted, as for a manual vote.
    const closed = await room.f.secretary.post(`${room.f.base}/avsluta`);
    assert.equal(closed.statusCode, 302);
    const protocolId = await t.services.protocols.createDraft(room.f.secretaryPrincipal, id);
    const doc = await t.services.protocols.load(protocolId);
    const paragraph = doc?.paragraphs.find((p) => p.heading.startsWith('Ekonomisk rapport'));
    const text = JSON.stringify(paragraph);
    assert.match(text, /Ersättare Bergby/);
    assert.match(text, /Ledamot Testby kommun/);
    off();
    assert.ok(heard.length >= 7, `every change was published (${heard.length})`);
  });

  test('after the time only the presiding chair may vote; a tie the chair has not voted in is refused until the chair votes', async () => {
    now = new Date('2022-12-14T09:00:00+01:00');
    const room = await buildRoom(t);
    const { liveRoom } = t.services;
    await open(room, [room.f.member.Bergby, room.f.substitute.Bergby]);
    const id = room.f.meetingId;
    const voteId = await liveRoom.openVote(room.chairRunner, id, { itemId: room.f.items.economy, yes: 'proposal', no: 'proposal-x'.slice(0, 8), minutes: '1' }).catch(() => '');
    assert.equal(voteId, '', 'an unknown alternative is refused');
    const motion = await room.f.secretary.post(`${room.f.base}/yrkande`, { itemId: room.f.items.economy, personId: room.f.member.Dalby, kind: 'refer_back', text: 'Återremiss.' });
    assert.equal(motion.statusCode, 302);
    const motionAlt = (await liveRoom.chairView(room.chairRunner, id)).alternatives.find((a) => a.kind === 'motion')?.value ?? '';
    const liveVoteId = await liveRoom.openVote(room.chairRunner, id, { itemId: room.f.items.economy, yes: 'proposal', no: motionAlt, minutes: '1' });
    await liveRoom.castBallot(room.member.Dalby, id, { liveVoteId, choice: 'yes' });
    await liveRoom.castBallot(room.member.Ekby, id, { liveVoteId, choice: 'no' });
    now = new Date(now.getTime() + 61_000);
    assert.equal((await refusal(liveRoom.castBallot(room.member['Testby kommun'], id, { liveVoteId, choice: 'yes' }))).code, 'CONFLICT');
    // 1–1, the chair has not voted: closing is refused (KL 4:25) and the vote stays open.
    const tie = await refusal(liveRoom.closeVote(room.f.secretaryPrincipal, id, { liveVoteId }));
    assert.match(tie.userMessage.sv, /Ordföranden måste rösta/);
    assert.equal((await liveRoom.readState(id, 'internal')).vote?.closed, false);
    await liveRoom.castBallot(room.member.Arvidsby, id, { liveVoteId, choice: 'no' });
    await liveRoom.closeVote(room.f.secretaryPrincipal, id, { liveVoteId });
    const state = await liveRoom.readState(id, 'internal');
    // The chair's own vote broke the tie: 1–2, a majority now, not a casting vote.
    assert.equal(state.vote?.result?.outcome, 'no');
    assert.equal(state.vote?.result?.castingVote, false);
    assert.deepEqual(state.vote?.result?.ballots.find((b) => b.name === 'Ledamot Testby kommun')?.choice, 'abstain');
  });
});
