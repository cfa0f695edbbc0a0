import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { TestContext } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { buildLiveMeeting, recordStart, TOWNS, type LiveFixture, type Town } from '../../../test/support/live-meeting-fixtures.js';
import { linkedUser, refusal } from '../../../test/support/live-room.js';
import { agendaItems, auditLog, electionBallots, electionCandidates, elections } from '../../tables.js';
import type { Principal, Role } from '../../platform/auth/policy.js';
import { DomainError } from '../../platform/errors.js';
import { loadElectionRecords } from '../meetings/proceedings/live-meeting.election.js';
import { BLANK, countBallot } from './live-election.js';
import { streamData } from './live.pages.js';
import { meetingRecordLines, recordLinesText } from '../protocols/protocol-record-lines.js';

let now = new Date('2022-12-14T09:00:00+01:00');

interface Room {
  f: LiveFixture;
  member: Record<Town, Principal>;
  substitute: Record<Town, Principal>;
  /** Every identifier of each person: person id, user id, e-mail, name. */
  idsOf: Map<string, string[]>;
}

async function buildRoom(t: TestContext): Promise<Room> {
  const f = await buildLiveMeeting(t);
  const idsOf = new Map<string, string[]>();
  const principalFor = async (personId: string, name: string, role: Role): Promise<Principal> => {
    const { user, principal } = await linkedUser(t, f, personId, role);
    idsOf.set(personId, [personId, user.id, user.email, name]);
    return principal;
  };
  const member = {} as Record<Town, Principal>;
  const substitute = {} as Record<Town, Principal>;
  for (const town of TOWNS) {
    member[town] = await principalFor(f.member[town], `Ledamot ${town}`, town === 'Arvidsby' ? 'chair' : 'member');
    substitute[town] = await principalFor(f.substitute[town], `Ersättare ${town}`, 'substitute');
  }
  return { f, member, substitute, idsOf };
}

/** Every row of every table of the database, as JSON text, by table. */
async function everyRow(t: TestContext): Promise<Map<string, string[]>> {
  const database = t.services.database;
  const tables = await database.query<{ table_name: string }>(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const out = new Map<string, string[]>();
  for (const { table_name: name } of tables) {
    const rows = await database.query<{ row: string }>(sql`SELECT to_jsonb(t)::text AS row FROM ${sql.identifier(name)} t`);
    out.set(name, rows.map((r) => r.row));
  }
  return out;
}

/**
 * What was written between two snapshots: new rows whole, and of a changed row (same `id`) only
 * the fields that changed.
 */
function changedRows(before: Map<string, string[]>, after: Map<string, string[]>): { table: string; row: string }[] {
  const out: { table: string; row: string }[] = [];
  for (const [table, rows] of after) {
    const old = new Set(before.get(table) ?? []);
    const oldById = new Map((before.get(table) ?? []).map((r) => JSON.parse(r) as Record<string, unknown>).filter((r) => typeof r.id === 'string').map((r) => [r.id as string, r]));
    for (const row of rows) {
      if (old.has(row)) continue;
      const now = JSON.parse(row) as Record<string, unknown>;
      const was = typeof now.id === 'string' ? oldById.get(now.id) : undefined;
      const fields = was ? Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(was[k]))) : now;
      out.push({ table, row: JSON.stringify(fields) });
    }
  }
  return out;
}

describe('elections by closed ballot on the members\u2019 devices (KL 5:46–47)', () => {

  const t = useTestApp({ clock: () => now });

  test('countBallot: one vote to each chosen, a blank ballot only when allowed, never more than the places', () => {
    const election = { candidates: ['A', 'B', 'C'], tally: [0, 0, 0], blank: 0, places: 2, allowBlank: false };
    assert.deepEqual(countBallot(election, ['1', '3']), { tally: [1, 0, 1], blank: 0 });
    assert.equal(refusalSync(() => countBallot(election, ['1', '2', '3'])), 'INVALID_VOTE');
    assert.equal(refusalSync(() => countBallot(election, ['1', '1'])), 'INVALID_VOTE');
    assert.equal(refusalSync(() => countBallot(election, ['4'])), 'INVALID_VOTE');
    assert.equal(refusalSync(() => countBallot(election, [])), 'INVALID_VOTE');
    assert.equal(refusalSync(() => countBallot(election, [BLANK])), 'INVALID_VOTE');
    const blankAllowed = { ...election, allowBlank: true };
    assert.deepEqual(countBallot(blankAllowed, [BLANK]), { tally: [0, 0, 0], blank: 1 });
    assert.deepEqual(countBallot(blankAllowed, []), { tally: [0, 0, 0], blank: 1 });
    assert.equal(refusalSync(() => countBallot(blankAllowed, [BLANK, '1'])), 'INVALID_VOTE');
    // Property: a valid ballot adds exactly one vote to each chosen candidate and nothing else.
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 1, maxLength: 8 }), fc.nat(), (tally, pick) => {
        const candidates = tally.map((_, i) => `K${i}`);
        const places = 1 + (pick % candidates.length);
        const chosen = [...new Set(candidates.map((_, i) => i).filter((i) => (pick >> i) & 1))].slice(0, places);
        const next = countBallot({ candidates, tally, blank: 0, places, allowBlank: true }, chosen.map((i) => String(i + 1)));
        const added = next.tally.reduce((s, n) => s + n, 0) - tally.reduce((s, n) => s + n, 0);
        return added === chosen.length && next.blank === (chosen.length === 0 ? 1 : 0) && next.tally.every((n, i) => n - (tally[i] ?? 0) === (chosen.includes(i) ? 1 : 0));
      }),
      { numRuns: 200 },
    );
  });

  test('each serving member casts one ballot; the counts and the elected appear only on closing and go into the record', async () => {
    now = new Date('2022-12-14T09:00:00+01:00');
    const room = await buildRoom(t);
    const { liveRoom } = t.services;
    const db = t.services.database.db;
    const id = room.f.meetingId;
    // Bergby's member is absent: the substitute serves.
    assert.equal((await room.f.secretary.post(`${room.f.base}/oppna`)).statusCode, 302);
    await recordStart(room.f, [room.f.member.Bergby]);

    const open = (values: Record<string, string>) => liveRoom.openElection(room.member.Arvidsby, id, { itemId: room.f.items.election, places: '1', minutes: '5', allowBlank: 'on', ...values });
    assert.equal((await refusal(open({ candidates: '' }))).code, 'INVALID_INPUT');
    assert.equal((await refusal(open({ candidates: 'Anna\nanna' }))).code, 'INVALID_INPUT', 'the same candidate twice');
    assert.equal((await refusal(open({ candidates: 'Anna', places: '2' }))).code, 'INVALID_INPUT');
    assert.equal((await refusal(open({ candidates: 'Anna', minutes: '31' }))).code, 'INVALID_INPUT');
    assert.equal((await refusal(open({ candidates: 'Anna', itemId: room.f.items.economy }))).code, 'CONFLICT', 'not an election item');
    await assert.rejects(liveRoom.openElection(room.member.Dalby, id, { itemId: room.f.items.election, candidates: 'Anna', places: '1', minutes: '5' }), /Not allowed/);
    const electionId = await open({ candidates: 'Anna Justerare\nBo Justerare\nCia Justerare' });
    assert.equal((await refusal(open({ candidates: 'Anna' }))).code, 'CONFLICT', 'one election at a time');

    // Not serving: the absent member, and a substitute whose member serves.
    assert.equal((await refusal(liveRoom.castElectionBallot(room.member.Bergby, id, { liveElectionId: electionId, choices: ['1'] }))).code, 'INVALID_VOTE');
    assert.equal((await refusal(liveRoom.castElectionBallot(room.substitute.Dalby, id, { liveElectionId: electionId, choices: ['1'] }))).code, 'INVALID_VOTE');
    assert.equal((await refusal(liveRoom.castElectionBallot(room.member.Dalby, id, { liveElectionId: electionId, choices: ['1', '2'] }))).code, 'INVALID_VOTE', 'one place: one name');

    await liveRoom.castElectionBallot(room.member.Arvidsby, id, { liveElectionId: electionId, choices: ['2'] });
    await liveRoom.castElectionBallot(room.substitute.Bergby, id, { liveElectionId: electionId, choices: ['1'] });
    await liveRoom.castElectionBallot(room.member.Dalby, id, { liveElectionId: electionId, choices: ['2'] });
    assert.equal((await refusal(liveRoom.castElectionBallot(room.member.Dalby, id, { liveElectionId: electionId, choices: ['1'] }))).code, 'CONFLICT', 'a second ballot');
    await liveRoom.castElectionBallot(room.member.Ekby, id, { liveElectionId: electionId, choices: [BLANK] });

    // While open: how many have voted, no counts anywhere the room can see.
    let state = await liveRoom.readState(id, 'internal');
    assert.equal(state.election?.cast, 4);
    assert.equal(state.election?.eligible, 5);
    assert.equal(state.election?.result, null);
    const view = await liveRoom.memberView(room.member.Dalby, id);
    assert.deepEqual(view.electionBallot, { eligible: true, voted: true });
    assert.deepEqual((await liveRoom.memberView(room.member['Testby kommun'], id)).electionBallot, { eligible: true, voted: false });

    await liveRoom.closeElection(room.f.secretaryPrincipal, id, { liveElectionId: electionId });
    assert.equal((await refusal(liveRoom.castElectionBallot(room.member['Testby kommun'], id, { liveElectionId: electionId, choices: ['1'] }))).code, 'CONFLICT', 'closed');
    state = await liveRoom.readState(id, 'internal');
    assert.equal(state.election?.closed, true);
    assert.deepEqual(state.election?.result?.candidates, [
      { name: 'Anna Justerare', votes: 1 },
      { name: 'Bo Justerare', votes: 2 },
      { name: 'Cia Justerare', votes: 0 },
    ]);
    assert.equal(state.election?.result?.blank, 1);
    assert.deepEqual(state.election?.result?.elected, ['Bo Justerare']);
    // The big screen's stream carries the result.
    assert.match(streamData(state, 'sv', now), /Valda: Bo Justerare/);

    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, room.f.items.election));
    assert.equal(item?.status, 'decided');
    assert.equal(item?.decisionText, 'Valda: Bo Justerare.');
    const [record] = await db.select().from(elections).where(eq(elections.itemId, room.f.items.election));
    assert.equal(record?.closedBallot, true);
    assert.equal((await db.select().from(electionBallots).where(eq(electionBallots.electionId, record?.id ?? ''))).length, 0);
    const records = await loadElectionRecords(db, [room.f.items.election]);
    assert.deepEqual(records.get(room.f.items.election)?.[0]?.ballots, []);

    // The protocol draft states the closed election: counts and the elected, no names of voters.
    assert.equal((await room.f.secretary.post(`${room.f.base}/avsluta`)).statusCode, 302);
    const protocolId = await t.services.protocols.createDraft(room.f.secretaryPrincipal, id);
    const doc = await t.services.protocols.load(protocolId);
    const paragraph = doc?.paragraphs.find((p) => p.heading.startsWith('Val av justerare'));
    assert.ok(paragraph);
    const text = recordLinesText(meetingRecordLines(paragraph.record, { shortName: 'nämnden', afterHandling: false }));
    assert.match(text, /Val med sluten omröstning/);
    assert.match(text, /Bo Justerare/);
    assert.match(text, /2 röster/);
    assert.match(text, /Valda: Bo Justerare/);
    assert.doesNotMatch(text, /Ersättare Bergby|Ledamot Dalby/);
  });

  test('nothing stored anywhere links a voter to a choice: the rows written for each voter are the same whatever they chose', async () => {
    now = new Date('2022-12-14T09:00:00+01:00');
    const room = await buildRoom(t);
    const { liveRoom } = t.services;
    const id = room.f.meetingId;
    assert.equal((await room.f.secretary.post(`${room.f.base}/oppna`)).statusCode, 302);
    await recordStart(room.f);
    const names = ['Östra Kandidaten', 'Västra Kandidaten'];
    const electionId = await liveRoom.openElection(room.member.Arvidsby, id, { itemId: room.f.items.election, candidates: names.join('\n'), places: '1', minutes: '5' });
    const published: unknown[] = [];
    const off = t.services.realtime.subscribe(liveRoom.topicOf(id), (...args: unknown[]) => published.push(args));
    const before = await everyRow(t);
    // Two voters choose differently; a third shares the first one's choice.
    const voters: [Principal, string, string][] = [
      [room.member.Dalby, room.f.member.Dalby, '1'],
      [room.member.Ekby, room.f.member.Ekby, '2'],
      [room.member.Bergby, room.f.member.Bergby, '1'],
    ];
    for (const [principal, , choice] of voters) await liveRoom.castElectionBallot(principal, id, { liveElectionId: electionId, choices: [choice] });
    off();
    const changed = changedRows(before, await everyRow(t));
    assert.ok(changed.length > 0);
    // What was written about one voter: their identifiers `<voter>`, the other voters' `<other>`.
    const normalised = (personId: string) =>
      changed
        .filter((c) => (room.idsOf.get(personId) ?? []).some((x) => c.row.includes(x)))
        .map((c) => {
          let row = (room.idsOf.get(personId) ?? []).reduce((r, x) => r.split(x).join('<voter>'), c.row);
          for (const [, other] of voters) row = (room.idsOf.get(other) ?? []).reduce((r, x) => r.split(x).join('<other>'), row);
          return `${c.table}:${row}`;
        })
        .sort();
    const [dalby, ekby, bergby] = voters.map(([, personId]) => normalised(personId));
    assert.ok(dalby && dalby.length > 0, 'that Dalby voted is stored');
    // Dalby chose 1, Ekby 2: were any choice stored with the voter, their rows would differ.
    assert.deepEqual(ekby, dalby);
    assert.deepEqual(bergby, dalby);
    for (const c of changed) {
      const voter = voters.some(([, personId]) => (room.idsOf.get(personId) ?? []).some((x) => c.row.includes(x)));
      if (voter) for (const name of names) assert.ok(!c.row.includes(name), `${c.table} links a voter to ${name}`);
    }
    // The audit log has no entry for a ballot, and the realtime notices carry no content.
    assert.equal(changed.filter((c) => c.table === 'audit_log').length, 0);
    for (const notice of published) for (const name of names) assert.ok(!JSON.stringify(notice).includes(name));
    // The closing's audit entry holds the totals only.
    await liveRoom.closeElection(room.f.secretaryPrincipal, id, { liveElectionId: electionId });
    const entries = await t.services.database.db.select().from(auditLog).where(eq(auditLog.entityId, electionId));
    for (const entry of entries) for (const [, personId] of voters) assert.ok(!JSON.stringify(entry).includes(personId) || entry.action.endsWith('election.open'), `${entry.action} names a voter`);
    const counts = await t.services.database.db.select().from(electionCandidates);
    assert.ok(counts.some((c) => c.name === names[0] && c.votes === 2));
  });

  test('a substitute votes only while serving: once the member arrives, the substitute\u2019s ballot is refused', async () => {
    now = new Date('2022-12-14T09:00:00+01:00');
    const room = await buildRoom(t);
    const { liveRoom } = t.services;
    const id = room.f.meetingId;
    assert.equal((await room.f.secretary.post(`${room.f.base}/oppna`)).statusCode, 302);
    await recordStart(room.f, [room.f.member.Ekby]);
    const electionId = await liveRoom.openElection(room.member.Arvidsby, id, { itemId: room.f.items.election, candidates: 'A\nB', places: '1', minutes: '2' });
    const arrived = await room.f.secretary.post(`${room.f.base}/narvaro`, { personId: room.f.member.Ekby, type: 'arrived', itemId: room.f.items.election });
    assert.equal(arrived.statusCode, 302);
    assert.equal((await refusal(liveRoom.castElectionBallot(room.substitute.Ekby, id, { liveElectionId: electionId, choices: ['1'] }))).code, 'INVALID_VOTE');
    // The member arrived after the election opened: not among those who may vote in it.
    assert.equal((await refusal(liveRoom.castElectionBallot(room.member.Ekby, id, { liveElectionId: electionId, choices: ['1'] }))).code, 'INVALID_VOTE');
    // After the time, no ballot.
    now = new Date(now.getTime() + 2 * 60_000);
    assert.equal((await refusal(liveRoom.castElectionBallot(room.member.Dalby, id, { liveElectionId: electionId, choices: ['1'] }))).code, 'CONFLICT');
    assert.equal((await liveRoom.readState(id, 'internal')).election?.cast, 0);
  });
});

function refusalSync(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'accepted';
}
