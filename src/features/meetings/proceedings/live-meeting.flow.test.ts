/** Issue 18, a live meeting that flows: "alla närvarande", typed motions, undo, tabling to the next ordinary meeting. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { useTestApp } from '../../../../test/support/test-app-hooks.js';
import { agendaItems, attendanceEvents, meetings, motions, voteBallots, votes } from '../meetings.tables.js';
import { auditLog } from '../../../platform/audit/audit.tables.js';
import { buildLiveMeeting, recordStart, textOf, TOWNS, type LiveFixture } from '../../../../test/support/live-meeting-fixtures.js';

describe('live meeting that flows (issue 18)', () => {
  const now = new Date('2022-12-14T10:00:00Z');

  const t = useTestApp({ clock: () => now });

  async function post(f: LiveFixture, path: string, values: Record<string, string> = {}) {
    const response = await f.secretary.post(`${f.base}/${path}`, values);
    assert.equal(response.statusCode, 302, `${path}: ${textOf(response.body).slice(0, 600)}`);
    return response;
  }

  async function open(f: LiveFixture) {
    await post(f, 'oppna');
  }

  /** Start states recorded at the meeting (no item), person → type. */
  async function startStates(meetingId: string): Promise<Map<string, string>> {
    const rows = await t.services.database.db.select().from(attendanceEvents).where(and(eq(attendanceEvents.meetingId, meetingId), isNull(attendanceEvents.itemId)));
    return new Map(rows.map((r) => [r.personId, r.type]));
  }

  test('"Alla närvarande" marks every member not yet recorded present; a recorded absence and every substitute stay as they were', async () => {
    const f = await buildLiveMeeting(t);
    await open(f);
    await post(f, 'narvaro', { personId: f.member.Dalby, type: 'absent' });
    await post(f, 'narvaro', { personId: f.substitute.Dalby, type: 'present' });
    const page = textOf((await f.secretary.get(f.base)).body);
    // The page says what the action does before it is done.
    assert.match(page, /4 ledamöter saknar registrerad närvaro och markeras som närvarande/);
    assert.match(page, /Markera 4 ledamöter som närvarande/);

    const response = await post(f, 'narvaro/alla');
    assert.equal(response.headers.location, `${f.base}#narvaro`);
    const states = await startStates(f.meetingId);
    for (const town of TOWNS) assert.equal(states.get(f.member[town]), town === 'Dalby' ? 'absent' : 'present', town);
    for (const town of TOWNS) assert.equal(states.get(f.substitute[town]), town === 'Dalby' ? 'present' : undefined, `substitute ${town}`);
    const [audit] = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'meeting.live.attendance.allPresent'), eq(auditLog.entityId, f.meetingId)));
    assert.equal((audit?.after as { present: string[] } | null)?.present.length, 4);

    // Nothing is left to mark: the action disappears, and a second post changes nothing.
    assert.doesNotMatch(textOf((await f.secretary.get(f.base)).body), /Alla närvarande/);
    await post(f, 'narvaro/alla');
    assert.equal((await t.services.database.db.select().from(attendanceEvents).where(eq(attendanceEvents.meetingId, f.meetingId))).length, 6);
    // The quorum follows: five seats, four members and Dalby's substitute serve.
    assert.match(textOf((await f.secretary.get(f.base)).body), /5 av 5 tjänstgör/);
  });

  test('"Alla närvarande" is refused before the meeting is opened and for someone outside the committee', async () => {
    const f = await buildLiveMeeting(t);
    const early = await f.secretary.post(`${f.base}/narvaro/alla`);
    assert.equal(early.statusCode, 409);
    assert.equal((await startStates(f.meetingId)).size, 0);
    await open(f);
    const outsider = await f.outsider.post(`${f.base}/narvaro/alla`);
    assert.equal(outsider.statusCode, 403);
    assert.equal((await startStates(f.meetingId)).size, 0);
  });

  test('a typed motion is stored with its type; an amendment without a text is refused in Swedish; the page shows the order of propositions', async () => {
    const f = await buildLiveMeeting(t);
    await open(f);
    await recordStart(f);
    await post(f, 'yrkande', { itemId: f.items.plan, personId: f.member.Dalby, kind: 'reject', text: '' });
    await post(f, 'yrkande', { itemId: f.items.plan, personId: f.member.Ekby, kind: 'add', text: 'Uppdraget redovisas i juni.' });
    await post(f, 'yrkande', { itemId: f.items.plan, personId: f.member.Bergby, kind: 'refer_back', text: 'kostnaderna ska utredas' });
    const rows = await t.services.database.db.select().from(motions).where(eq(motions.itemId, f.items.plan)).orderBy(asc(motions.position));
    assert.deepEqual(rows.map((r) => [r.kind, r.text]), [['reject', ''], ['add', 'Uppdraget redovisas i juni.'], ['refer_back', 'kostnaderna ska utredas']]);

    const refused = await f.secretary.post(`${f.base}/yrkande`, { itemId: f.items.plan, personId: f.member.Dalby, kind: 'amend', text: ' ' });
    assert.equal(refused.statusCode, 400);
    assert.match(textOf(refused.body), /Skriv vad ändrings- eller tilläggsyrkandet går ut på/);
    const wrongKind = await f.secretary.post(`${f.base}/yrkande`, { itemId: f.items.plan, personId: f.member.Dalby, kind: 'motförslag', text: 'x' });
    assert.equal(wrongKind.statusCode, 400);
    assert.match(textOf(wrongKind.body), /Välj vilken sorts yrkande det är/);

    const page = textOf((await f.secretary.get(f.base)).body);
    const order = page.slice(page.indexOf('Propositionsordning'));
    const at = (s: string) => order.indexOf(s);
    // Återremiss (moved last) is put first, then the main question, the addition last.
    assert.ok(at('Ledamot Bergby – Återremiss') < at('Förslaget till beslut'), order.slice(0, 600));
    assert.ok(at('Förslaget till beslut') < at('Ledamot Dalby – Avslag'));
    assert.ok(at('Ledamot Dalby – Avslag') < at('Ledamot Ekby – Tilläggsyrkande'));
  });

  test('a motion entered by mistake is removed and leaves no trace in the protocol; an undone vote leaves neither vote nor ballots', async () => {
    const f = await buildLiveMeeting(t);
    await open(f);
    await recordStart(f);
    const db = t.services.database.db;
    await post(f, 'yrkande', { itemId: f.items.plan, personId: f.member.Bergby, kind: 'table', text: 'FELREGISTRERAT' });
    const [wrong] = await db.select().from(motions).where(eq(motions.text, 'FELREGISTRERAT'));
    assert.ok(wrong);
    await post(f, 'yrkande/ta-bort', { motionId: wrong.id });
    assert.equal((await db.select().from(motions).where(eq(motions.id, wrong.id))).length, 0);
    const [removal] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'meeting.live.motion.remove'), eq(auditLog.entityId, wrong.id)));
    assert.match(JSON.stringify(removal?.before), /FELREGISTRERAT/);

    await post(f, 'yrkande', { itemId: f.items.plan, personId: f.member.Dalby, kind: 'reject', text: '' });
    const [reject] = await db.select().from(motions).where(and(eq(motions.itemId, f.items.plan), eq(motions.kind, 'reject')));
    const ballots = Object.fromEntries(TOWNS.map((town) => [`ballot-${f.member[town]}`, town === 'Dalby' ? 'no' : 'yes']));
    await post(f, 'votering', { itemId: f.items.plan, yes: 'proposal', no: `motion:${reject?.id ?? ''}`, ...ballots });
    const [vote] = await db.select().from(votes).where(eq(votes.itemId, f.items.plan));
    assert.ok(vote);
    assert.match(vote.noMeans, /^Avslagsyrkande av Ledamot Dalby: Förslaget avslås\.$/);
    await post(f, 'ateruppta', { itemId: f.items.plan });
    assert.equal((await db.select().from(votes).where(eq(votes.itemId, f.items.plan))).length, 0);
    assert.equal((await db.select().from(voteBallots).where(eq(voteBallots.voteId, vote.id))).length, 0);

    // Decided again by acclamation; the protocol holds the motion as typed and nothing of the undone vote.
    await post(f, 'bifall', { itemId: f.items.plan, alternative: 'proposal' });
    await post(f, 'avsluta');
    const protocolId = await t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId);
    const doc = await t.services.protocols.load(protocolId);
    const plan = doc.paragraphs.find((p) => p.heading === 'Verksamhetsplan 2023');
    assert.ok(plan);
    assert.deepEqual(plan.record.motions, [{ by: 'Ledamot Dalby', text: '', kind: 'reject' }]);
    assert.deepEqual(plan.record.votes, []);
    assert.doesNotMatch(JSON.stringify(doc), /FELREGISTRERAT|Omröstning/);
    const html = textOf((await f.secretary.get(`/moten/${f.meetingId}/protokoll`)).body);
    assert.match(html, /Ledamot Dalby yrkar avslag på förslaget\./);
    assert.match(html, /Ordföranden ställer förslaget till beslut under proposition och finner att [^.]* bifaller förslaget\./);
    assert.doesNotMatch(html, /\.\./);
  });

  test('tabled to "the next ordinary meeting" before it is planned, the item waits and comes onto the agenda of the next ordinary meeting when it is planned', async () => {
    const f = await buildLiveMeeting(t);
    const db = t.services.database.db;
    // No later meeting planned: the fixture's later meeting is cancelled.
    await db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, f.laterMeetingId));
    await open(f);
    await recordStart(f);
    await post(f, 'bordlagg', { itemId: f.items.plan, targetMeetingId: 'next' });
    const [tabled] = await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan));
    assert.deepEqual([tabled?.status, tabled?.tabledToMeetingId, tabled?.decisionText], ['tabled', null, 'Ärendet bordläggs till nästa ordinarie sammanträde.']);
    assert.match(textOf((await f.secretary.get(f.base)).body), /Bordlagt till nästa ordinarie sammanträde \(inte planerat än\)/);
    await post(f, 'avsluta');

    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, f.meetingId));
    const schedule = t.services.schedule;
    const base = { bodyId: meeting?.bodyId ?? '', startTime: '09:00', place: 'Distans' };
    // A strategy day is no ordinary meeting; a meeting dated before the tabling one is no later meeting.
    const strategyDay = await schedule.create(f.secretaryPrincipal, { ...base, kind: 'strategy_day', date: '2023-01-20' });
    const earlier = await schedule.create(f.secretaryPrincipal, { ...base, kind: 'meeting', date: '2022-11-01' });
    const next = await schedule.create(f.secretaryPrincipal, { ...base, kind: 'meeting', date: '2023-02-10' });
    const itemsOf = (meetingId: string) => db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
    assert.equal((await itemsOf(strategyDay)).length, 0);
    assert.equal((await itemsOf(earlier)).length, 0);
    const placed = await itemsOf(next);
    assert.deepEqual(placed.map((i) => [i.heading, i.tabledFromItemId, i.status]), [['Verksamhetsplan 2023', f.items.plan, 'pending']]);
    const [after] = await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan));
    assert.equal(after?.tabledToMeetingId, next);
    // Placed once: the meeting after that one gets nothing.
    const later = await schedule.create(f.secretaryPrincipal, { ...base, kind: 'meeting', date: '2023-04-10' });
    assert.equal((await itemsOf(later)).length, 0);
  });

  test('tabled to "the next ordinary meeting" when one is planned, the item goes straight onto it', async () => {
    const f = await buildLiveMeeting(t);
    await open(f);
    await recordStart(f);
    await post(f, 'bordlagg', { itemId: f.items.plan, targetMeetingId: 'next' });
    const [tabled] = await t.services.database.db.select().from(agendaItems).where(eq(agendaItems.id, f.items.plan));
    assert.equal(tabled?.tabledToMeetingId, f.laterMeetingId);
    const placed = await t.services.database.db.select().from(agendaItems).where(eq(agendaItems.meetingId, f.laterMeetingId));
    assert.deepEqual(placed.map((i) => i.tabledFromItemId), [f.items.plan]);
  });

  test('the focused view shows the current item (and the one decided last) and every form keeps it; the page loads its enhancement script', async () => {
    const f = await buildLiveMeeting(t);
    await open(f);
    await recordStart(f);
    const full = await f.secretary.get(f.base);
    assert.match(full.body, /<div id="live-page">/);
    assert.match(full.body, /<script src="\/static\/live-meeting\.js" defer><\/script>/);
    const script = await f.secretary.get('/static/live-meeting.js');
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);

    const focused = await f.secretary.get(`${f.base}?vy=punkt`);
    const headingsOf = (html: string) => [...html.matchAll(/<h2 id="punkt-(\d+)-h"/g)].map((m) => Number(m[1]));
    assert.deepEqual(headingsOf(focused.body), [1]);
    assert.doesNotMatch(focused.body, /id="narvaro"/);
    assert.match(focused.body, /<input type="hidden" name="vy" value="punkt"\/>/);

    const decided = await post(f, 'bifall', { itemId: f.items.economy, alternative: 'proposal', vy: 'punkt' });
    assert.equal(decided.headers.location, `${f.base}?vy=punkt#punkt-1`);
    // Item 2 is current now; item 1, decided last, stays below it to be undone.
    assert.deepEqual(headingsOf((await f.secretary.get(`${f.base}?vy=punkt`)).body), [2, 1]);
    const refused = await f.secretary.post(`${f.base}/yrkande`, { itemId: f.items.info, personId: f.member.Dalby, kind: 'amend', text: '', vy: 'punkt' });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(headingsOf(refused.body), [2, 1], 'a refusal is shown in the focused view too');
  });
});
