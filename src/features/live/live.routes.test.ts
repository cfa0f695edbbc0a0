import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, type TestContext } from '../../../test/support/app.js';
import { eq } from 'drizzle-orm';
import { buildLiveMeeting, textOf } from '../../../test/support/live-meeting-fixtures.js';
import { createListeningApp, openRoomWithMembers } from '../../../test/support/live-room.js';
import { agendaItems } from '../meetings/meetings.tables.js';
import { liveFrames } from '../../../test/support/sse.js';

describe('the live meeting pages: plain forms, the stream, the big screen', () => {
  let t: TestContext;
  let base: string;

  before(async () => {
    ({ t, base } = await createListeningApp());
  });
  after(() => t.close());

  test('a member checks in, asks to speak and votes with forms; the chair confirms, gives the floor and closes; the stream follows each step', async () => {
    const f = await buildLiveMeeting(t);
    const id = f.meetingId;
    const { members, bergbySub, dalbySub } = await openRoomWithMembers(t, f);

    // The stream, as the big screen inside opens it (the secretary's session).
    const cookie = [...f.secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const controller = new AbortController();
    const stream = liveFrames(await fetch(`${base}/moten/${id}/live/handelser`, { headers: { cookie }, signal: controller.signal }));
    const first = (await stream.next()).value;
    assert.match(textOf(first?.data.parts.item ?? ''), /Punkt 1: Ekonomisk rapport/);
    const next = async (until: (parts: Record<string, string>) => boolean) => {
      for (;;) {
        const frame = (await stream.next()).value;
        assert.ok(frame, 'the stream goes on');
        if (until(frame.data.parts)) return frame;
      }
    };

    const page = await members.Dalby.get(`/mina-moten/${id}/live`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /Du deltar som ledamot för Dalby/);
    assert.match(page.body, /data-live-stream="\/moten\/[0-9a-f-]+\/live\/handelser"/);
    assert.equal((await members.Dalby.post(`/mina-moten/${id}/live/narvaro`, { mode: 'remote' })).statusCode, 302);
    const chairPage = await members.Arvidsby.get(`/moten/${id}/ordforande`);
    assert.equal(chairPage.statusCode, 200);
    assert.match(textOf(chairPage.body), /Ledamot Dalby, Dalby \(ledamot\) med på distans/);
    const confirmed = await f.secretary.post(`/moten/${id}/ordforande/bekrafta`, { personId: f.member.Dalby });
    assert.equal(confirmed.statusCode, 302);
    assert.match(textOf((await members.Dalby.get(`/mina-moten/${id}/live`)).body), /Sekreteraren har bekräftat att du är med på distans/);

    // Speakers' list
    assert.equal((await members.Ekby.post(`/mina-moten/${id}/live/talare`, { kind: 'speak' })).statusCode, 302);
    await next((p) => /Ledamot Ekby/.test(p.speakers ?? ''));
    assert.equal((await bergbySub.post(`/mina-moten/${id}/live/talare`, { kind: 'reply' })).statusCode, 302);
    const refusedSpeak = await dalbySub.post(`/mina-moten/${id}/live/talare`, { kind: 'speak' });
    assert.equal(refusedSpeak.statusCode, 422);
    assert.match(textOf(refusedSpeak.body), /Bara den som tjänstgör vid punkten kan begära ordet/);
    assert.equal((await members.Arvidsby.post(`/moten/${id}/ordforande/talare/nasta`)).statusCode, 302);
    const speaking = await next((p) => /Ersättare Bergby.*Har ordet/.test(textOf(p.speakers ?? '')));
    assert.match(textOf(speaking.data.parts.speakers ?? ''), /Ersättare Bergby , Bergby Replik Har ordet/);

    // A motion, then the vote
    assert.equal((await f.secretary.post(`${f.base}/yrkande`, { itemId: f.items.economy, personId: f.member.Dalby, kind: 'refer_back', text: 'Återremiss för komplettering.' })).statusCode, 302);
    const chairForm = (await members.Arvidsby.get(`/moten/${id}/ordforande`)).body;
    const motionValue = /value="(motion:[0-9a-f-]{36})"/.exec(chairForm)?.[1] ?? '';
    assert.ok(motionValue);
    const opened = await members.Arvidsby.post(`/moten/${id}/ordforande/omrostning`, { itemId: f.items.economy, yes: 'proposal', no: motionValue, minutes: '3' });
    assert.equal(opened.statusCode, 302);
    await next((p) => /0 av 5 har röstat/.test(textOf(p.vote ?? '')));
    const ballotPage = (await members.Dalby.get(`/mina-moten/${id}/live`)).body;
    const liveVoteId = /name="liveVoteId" value="([0-9a-f-]{36})"/.exec(ballotPage)?.[1] ?? '';
    assert.ok(liveVoteId, 'the member sees the ballot form');
    const notServing = await dalbySub.post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice: 'yes' });
    assert.equal(notServing.statusCode, 422);
    assert.match(textOf(notServing.body), /Du tjänstgör inte vid den här omröstningen/);
    const ballots: [TestClient, string][] = [
      [members.Arvidsby, 'yes'],
      [bergbySub, 'no'],
      [members.Dalby, 'no'],
      [members.Ekby, 'yes'],
    ];
    for (const [client, choice] of ballots) assert.equal((await client.post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice })).statusCode, 302);
    assert.match(textOf((await members.Ekby.get(`/mina-moten/${id}/live`)).body), /Du har röstat ja/);
    assert.equal((await members['Testby kommun'].post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice: 'abstain' })).statusCode, 302);
    const result = await next((p) => /Resultat/.test(p.vote ?? ''));
    const resultText = textOf(result.data.parts.vote ?? '');
    assert.match(resultText, /Ja 2, nej 2, avstår 1\./);
    assert.match(resultText, /ordförandens röst avgjorde/);
    assert.match(resultText, /Ersättare Bergby Bergby Nej/);
    const late = await members.Dalby.post(`/mina-moten/${id}/live/rosta`, { liveVoteId, choice: 'yes' });
    assert.equal(late.statusCode, 409);
    assert.match(textOf(late.body), /Omröstningen är avslutad/);
    const [item] = await t.services.database.db.select().from(agendaItems).where(eq(agendaItems.id, f.items.economy));
    assert.equal(item?.decidedBy, 'vote');
    // The record on the secretary's live screen shows the vote as a manual one would.
    assert.match(textOf((await f.secretary.get(f.base)).body), /Ersättare Bergby/);

    // The same state moved the stream to the next item; reconnecting with its id gets nothing new until a change.
    assert.match(textOf(result.data.parts.item ?? ''), /Punkt 2/);
    const moved = result;
    controller.abort();
    const resumed = new AbortController();
    const again = liveFrames(await fetch(`${base}/moten/${id}/live/handelser`, { headers: { cookie, 'last-event-id': moved.id }, signal: resumed.signal }));
    assert.equal((await members.Dalby.post(`/mina-moten/${id}/live/talare`, { kind: 'speak' })).statusCode, 302);
    const afterResume = (await again.next()).value;
    assert.match(textOf(afterResume?.data.parts.speakers ?? ''), /Ledamot Dalby/);
    resumed.abort();
  });

  test('access: the member page needs a called person, the chair view meeting.run, the public big screen an open public meeting', async () => {
    const f = await buildLiveMeeting(t);
    const id = f.meetingId;
    const anonymous = new TestClient(t.app);
    assert.equal((await anonymous.get(`/sammantraden/${id}/storbild`)).statusCode, 404, 'planned: no public screen');
    assert.equal((await f.outsider.get(`/mina-moten/${id}/live`)).statusCode, 404, 'a member account with no person');
    assert.equal((await f.outsider.get(`/moten/${id}/ordforande`)).statusCode, 403);
    assert.equal((await f.outsider.get(`/moten/${id}/live/handelser`)).statusCode, 204, 'not open: the stream says no content');
    assert.equal((await f.secretary.post(`${f.base}/oppna`, { confirm: 'ja', reason: 'Testmötet hålls en annan dag än det planerade.' })).statusCode, 302);
    assert.equal((await anonymous.get(`/sammantraden/${id}/storbild`)).statusCode, 404, 'open but not public');
    assert.equal((await f.secretary.post(`/moten/${id}/ordforande/publik`, { livePublic: 'on' })).statusCode, 302);
    const screen = await anonymous.get(`/sammantraden/${id}/storbild`);
    assert.equal(screen.statusCode, 200);
    assert.match(textOf(screen.body), /Sammanträdet sänds publikt/);
    assert.match(textOf(screen.body), /Punkt 1: Ekonomisk rapport/);
    // A secret item shows its public heading only.
    await t.services.database.db.update(agendaItems).set({ isSecret: true }).where(eq(agendaItems.id, f.items.economy));
    const secret = textOf((await anonymous.get(`/sammantraden/${id}/storbild`)).body);
    assert.doesNotMatch(secret, /Ekonomisk rapport/);
    assert.equal((await f.secretary.post(`${f.base}/avsluta`)).statusCode, 302);
    assert.equal((await anonymous.get(`/sammantraden/${id}/storbild`)).statusCode, 404, 'closed: gone from the portal');
    const js = await anonymous.get('/static/live-room.js');
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
  });
});
