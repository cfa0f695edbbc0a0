/**
 * The member's own device (issue 23): jäv, typed motions and reservations go into the records the
 * secretary keeps and so into the protocol draft; talartid runs on the chair's view and the big
 * screen; the portal links the public big screen; the secretary's attendance reaches the member's
 * page through the stream.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { TestClient, type TestContext } from '../../../test/support/app.js';
import { buildLiveMeeting, recordStart, servingCell, textOf } from '../../../test/support/live-meeting-fixtures.js';
import { clientFor, createListeningApp, openMeeting } from '../../../test/support/live-room.js';
import { liveFrames } from '../../../test/support/sse.js';
import { liveSpeakers } from './live.tables.js';
import { attendanceEvents, meetings, motions, reservations } from '../meetings/meetings.tables.js';

let now = new Date('2026-12-07T09:00:00Z');
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};


describe('the member’s own device: jäv, motions, reservations, talartid, the portal and attendance', () => {
  let t: TestContext;
  let base: string;

  before(async () => {
    ({ t, base } = await createListeningApp({ clock: () => now }));
  });
  after(() => t.close());

  test('jäv, a typed motion and a reservation from the device land in the secretary’s records, the chair’s view and the protocol draft', async () => {
    const f = await buildLiveMeeting(t);
    const id = f.meetingId;
    const db = t.services.database.db;
    await openMeeting(f);
    await recordStart(f, [f.substitute.Arvidsby, f.substitute.Bergby, f.substitute.Dalby, f.substitute.Ekby, f.substitute['Testby kommun']]);
    // Dalby's substitute is in the room but absent from the start: jäv lets them in at item 1.
    assert.equal((await f.secretary.post(`${f.base}/narvaro`, { personId: f.substitute.Dalby, type: 'present' })).statusCode, 302);
    const dalby = await clientFor(t, f, f.member.Dalby, 'member');
    const ekby = await clientFor(t, f, f.member.Ekby, 'member');
    const dalbySub = await clientFor(t, f, f.substitute.Dalby, 'substitute');
    const chair = await clientFor(t, f, f.member.Arvidsby, 'chair');
    const bergby = await clientFor(t, f, f.member.Bergby, 'member');

    // 1. Jäv on the current item, with a reason.
    const form = textOf((await dalby.get(`/mina-moten/${id}/live`)).body);
    assert.match(form, /Anmäl jäv/);
    assert.equal((await dalby.post(`/mina-moten/${id}/live/jav`, { itemId: f.items.economy, reason: 'Jag sitter i bolagets styrelse.' })).statusCode, 302);
    const [jav] = await db.select().from(attendanceEvents).where(and(eq(attendanceEvents.meetingId, id), eq(attendanceEvents.type, 'jav')));
    assert.equal(jav?.personId, f.member.Dalby);
    assert.equal(jav?.itemId, f.items.economy);
    assert.equal(jav?.note, 'Jag sitter i bolagets styrelse.');
    assert.match(textOf((await dalby.get(`/mina-moten/${id}/live`)).body), /Du har anmält jäv i punkt 1: Ekonomisk rapport/);
    const twice = await dalby.post(`/mina-moten/${id}/live/jav`, { itemId: f.items.economy });
    assert.equal(twice.statusCode, 409);
    assert.match(textOf(twice.body), /Du har redan anmält jäv i den här punkten/);
    assert.equal((await dalby.post(`/mina-moten/${id}/live/jav`, { itemId: 'not-an-id' })).statusCode, 400);
    // The secretary's screen and the chair's view show it; the substitute serves.
    assert.match(textOf((await f.secretary.get(f.base)).body), /Ledamot Dalby \(Dalby\) deltar inte i punkten på grund av jäv/);
    assert.match(servingCell((await f.secretary.get(f.base)).body, 'Dalby'), /Ersättare Dalby/);
    assert.match(textOf((await chair.get(`/moten/${id}/ordforande`)).body), /Jäv i punkten Ledamot Dalby, Dalby \(skäl: Jag sitter i bolagets styrelse\.\)/);

    // 2. A typed motion from the device: an amendment needs its text; one not serving is refused.
    const noText = await ekby.post(`/mina-moten/${id}/live/yrkande`, { itemId: f.items.economy, kind: 'amend', text: '' });
    assert.equal(noText.statusCode, 400);
    assert.match(textOf(noText.body), /Skriv vad ändrings- eller tilläggsyrkandet går ut på/);
    const notServing = await dalby.post(`/mina-moten/${id}/live/yrkande`, { itemId: f.items.economy, kind: 'reject', text: '' });
    assert.equal(notServing.statusCode, 422);
    assert.equal((await ekby.post(`/mina-moten/${id}/live/yrkande`, { itemId: f.items.economy, kind: 'refer_back', text: 'Återremiss för en jämförelse med budget.' })).statusCode, 302);
    assert.equal((await dalbySub.post(`/mina-moten/${id}/live/yrkande`, { itemId: f.items.economy, kind: 'amend', text: 'Rapporten kompletteras med prognos.' })).statusCode, 302);
    const moved = await db.select().from(motions).where(eq(motions.itemId, f.items.economy));
    assert.deepEqual(moved.map((m) => [m.personId, m.kind]).sort(), [[f.member.Ekby, 'refer_back'], [f.substitute.Dalby, 'amend']].sort());
    const chairText = textOf((await chair.get(`/moten/${id}/ordforande`)).body);
    assert.match(chairText, /Propositionsordning.*Först – ska ärendet avgöras i dag\? Ledamot Ekby – Återremiss : Återremiss för en jämförelse med budget\..*Därefter – ändringar Ersättare Dalby – Ändringsyrkande : Rapporten kompletteras med prognos\./);
    assert.match(textOf((await ekby.get(`/mina-moten/${id}/live`)).body), /Dina yrkanden i punkten: Återremiss: Återremiss för en jämförelse med budget\./);

    // A vote on the item: the member with jäv has no ballot; the substitute has.
    const chairForm = (await chair.get(`/moten/${id}/ordforande`)).body;
    const motionValue = /value="(motion:[0-9a-f-]{36})"/.exec(chairForm)?.[1] ?? '';
    assert.equal((await chair.post(`/moten/${id}/ordforande/omrostning`, { itemId: f.items.economy, yes: 'proposal', no: motionValue, minutes: '3' })).statusCode, 302);
    const liveVoteId = /name="liveVoteId" value="([0-9a-f-]{36})"/.exec((await ekby.get(`/mina-moten/${id}/live`)).body)?.[1] ?? '';
    assert.ok(liveVoteId);
    assert.match(textOf((await dalby.get(`/mina-moten/${id}/live`)).body), /Du tjänstgör inte vid omröstningen och röstar inte/);
    assert.equal((await dalby.post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice: 'no' })).statusCode, 422);
    assert.equal((await dalbySub.post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice: 'no' })).statusCode, 302);
    assert.equal((await ekby.post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice: 'no' })).statusCode, 302);
    assert.equal((await bergby.post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice: 'yes' })).statusCode, 302);
    assert.equal((await chair.post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice: 'yes' })).statusCode, 302);
    assert.equal((await chair.post(`/moten/${id}/ordforande/omrostning/avsluta`, { liveVoteId })).statusCode, 302);

    // 3. A reservation with its reasons, before the meeting closes; not twice, not by one who did not serve.
    assert.match(textOf((await ekby.get(`/mina-moten/${id}/live`)).body), /Reservera mig mot beslutet/);
    assert.equal((await dalby.post(`/mina-moten/${id}/live/reservation`, { itemId: f.items.economy, reason: 'x' })).statusCode, 422);
    assert.equal((await ekby.post(`/mina-moten/${id}/live/reservation`, { itemId: f.items.economy, reason: 'Underlaget var ofullständigt.' })).statusCode, 302);
    const [reservation] = await db.select().from(reservations).where(eq(reservations.itemId, f.items.economy));
    assert.equal(reservation?.personId, f.member.Ekby);
    assert.equal(reservation?.reason, 'Underlaget var ofullständigt.');
    assert.equal((await ekby.post(`/mina-moten/${id}/live/reservation`, { itemId: f.items.economy })).statusCode, 409);
    assert.equal((await ekby.post(`/mina-moten/${id}/live/reservation`, { itemId: f.items.plan })).statusCode, 409, 'not decided');
    assert.match(textOf((await ekby.get(`/mina-moten/${id}/live`)).body), /Du har reserverat dig mot beslutet i punkt 1/);
    assert.match(textOf((await t.app.inject({ method: 'GET', url: `/moten/${id}/storbild`, headers: { cookie: [...f.secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })).body), /Reservationer: Ledamot Ekby/);

    // The protocol draft holds the jäv, the typed motions and the reservation.
    assert.equal((await f.secretary.post(`${f.base}/avsluta`)).statusCode, 302);
    assert.equal((await ekby.post(`/mina-moten/${id}/live/reservation`, { itemId: f.items.economy })).statusCode, 409, 'closed');
    assert.equal((await f.secretary.post(`/moten/${id}/protokoll`)).statusCode, 302);
    const draft = textOf((await f.secretary.get(`/moten/${id}/protokoll`)).body);
    assert.match(draft, /Ledamot Dalby \(Dalby\) anmäler jäv och deltar inte i handläggningen av ärendet\. Ersättare Ersättare Dalby tjänstgör i hens ställe\./);
    assert.match(draft, /Ledamot Ekby yrkar att ärendet återremitteras/);
    assert.match(draft, /2 ja, 2 nej, 1 avstår/);
    assert.match(draft, /Rapporten kompletteras med prognos/);
    assert.match(draft, /Ledamot Ekby reserverar sig mot beslutet.{1,3}Underlaget var ofullständigt\./);
  });

  test('talartid: the chair sets minutes per speaker; the running time shows on the chair’s view and the big screen; time taken is kept per entry', async () => {
    const f = await buildLiveMeeting(t);
    const id = f.meetingId;
    await openMeeting(f);
    await recordStart(f);
    const chair = await clientFor(t, f, f.member.Arvidsby, 'chair');
    const ekby = await clientFor(t, f, f.member.Ekby, 'member');
    const bad = await chair.post(`/moten/${id}/ordforande/talartid`, { speakerMinutes: '0' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /Ange talartiden i hela minuter, 1–60/);
    assert.equal((await chair.post(`/moten/${id}/ordforande/talartid`, { speakerMinutes: '3' })).statusCode, 302);
    const [meeting] = await t.services.database.db.select().from(meetings).where(eq(meetings.id, id));
    assert.equal(meeting?.speakerMinutes, 3);
    assert.equal((await ekby.post(`/mina-moten/${id}/live/talare`, { kind: 'speak' })).statusCode, 302);
    assert.equal((await chair.post(`/moten/${id}/ordforande/talare/nasta`)).statusCode, 302);
    advance(95);
    assert.match(textOf((await chair.get(`/moten/${id}/ordforande`)).body), /Ledamot Ekby , Ekby Har ordet Talartid 1:35 av 3:00/);
    advance(100);
    const screen = await f.secretary.get(`/moten/${id}/storbild`);
    assert.match(textOf(screen.body), /Talartid 3:15 av 3:00 – Tiden är ute/);
    assert.match(screen.body, /class="lr-timer lr-timer--over" data-live-elapsed="195" data-live-limit="180"/);
    assert.equal((await chair.post(`/moten/${id}/ordforande/talare/nasta`)).statusCode, 302);
    const [entry] = await t.services.database.db.select().from(liveSpeakers).where(eq(liveSpeakers.meetingId, id));
    assert.equal(((entry?.finishedAt?.getTime() ?? 0) - (entry?.startedAt?.getTime() ?? 0)) / 1000, 195);
    assert.match(textOf((await chair.get(`/moten/${id}/ordforande`)).body), /Har talat i punkten Ledamot Ekby: 3:15/);
    // No limit: the time runs without "av".
    assert.equal((await chair.post(`/moten/${id}/ordforande/talartid`, { speakerMinutes: '' })).statusCode, 302);
    assert.equal((await ekby.post(`/mina-moten/${id}/live/talare`, { kind: 'reply' })).statusCode, 302);
    assert.equal((await chair.post(`/moten/${id}/ordforande/talare/nasta`)).statusCode, 302);
    advance(7);
    assert.match(textOf((await chair.get(`/moten/${id}/ordforande`)).body), /Har ordet Talartid 0:07 –/);
    assert.doesNotMatch(textOf((await chair.get(`/moten/${id}/ordforande`)).body), /Talartid 0:07 av/);
  });

  test('the portal links the public big screen only while the meeting is open and public', async () => {
    const f = await buildLiveMeeting(t);
    const id = f.meetingId;
    const anonymous = new TestClient(t.app);
    const link = `href="/sammantraden/${id}/storbild"`;
    assert.ok(!(await anonymous.get(`/sammantraden/${id}`)).body.includes(link), 'planned');
    await openMeeting(f);
    assert.ok(!(await anonymous.get(`/sammantraden/${id}`)).body.includes(link), 'open, not public');
    assert.equal((await f.secretary.post(`/moten/${id}/ordforande/publik`, { livePublic: 'on' })).statusCode, 302);
    const page = await anonymous.get(`/sammantraden/${id}`);
    assert.ok(page.body.includes(link));
    assert.match(textOf(page.body), /Sammanträdet pågår – följ det direkt på storbilden/);
    assert.equal((await anonymous.get(`/sammantraden/${id}/storbild`)).statusCode, 200);
    assert.equal((await f.secretary.post(`${f.base}/avsluta`)).statusCode, 302);
    assert.ok(!(await anonymous.get(`/sammantraden/${id}`)).body.includes(link), 'closed');
  });

  test('the secretary records attendance on their own page: the member’s stream moves to a new phase and the member’s part shows the record', async () => {
    const f = await buildLiveMeeting(t);
    const id = f.meetingId;
    await openMeeting(f);
    const dalby = await clientFor(t, f, f.member.Dalby, 'member');
    const page = await dalby.get(`/mina-moten/${id}/live`);
    assert.match(textOf(page.body), /Jag är på plats/);
    const phase = /data-live-phase="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(phase);
    const cookie = [...dalby.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const controller = new AbortController();
    try {
      const stream = liveFrames(await fetch(`${base}/moten/${id}/live/handelser`, { headers: { cookie }, signal: controller.signal }));
      const first = (await stream.next()).value;
      assert.equal(first?.data.phase, phase);
      assert.equal((await f.secretary.post(`${f.base}/narvaro`, { personId: f.member.Dalby, type: 'remote' })).statusCode, 302);
      const moved = (await stream.next()).value;
      assert.notEqual(moved?.data.phase, phase, 'a new phase: the member page fetches its own parts');
      const parts = JSON.parse((await dalby.get(`/mina-moten/${id}/live/delar`)).body) as { parts: Record<string, string> };
      assert.match(textOf(parts.parts.presence ?? ''), /Sekreteraren har registrerat att du deltar på distans/);
      assert.doesNotMatch(parts.parts.presence ?? '', /Jag är på plats/);
      assert.equal((await f.secretary.post(`${f.base}/narvaro`, { personId: f.member.Dalby, type: 'absent' })).statusCode, 302);
      assert.notEqual((await stream.next()).value?.data.phase, moved?.data.phase);
      const again = JSON.parse((await dalby.get(`/mina-moten/${id}/live/delar`)).body) as { parts: Record<string, string> };
      assert.match(textOf(again.parts.presence ?? ''), /Sekreteraren har registrerat dig som frånvarande/);
      assert.match(again.parts.presence ?? '', /Jag är på plats/);
    } finally {
      controller.abort();
    }
  });
});
