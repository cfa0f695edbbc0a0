import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/support/app.js';
import { eq } from 'drizzle-orm';
import { buildLiveMeeting, textOf } from '../../../test/support/live-meeting-fixtures.js';
import { createListeningApp, openRoomWithMembers } from '../../../test/support/live-room.js';
import { liveElections } from '../../tables.js';
import { liveFrames } from '../../../test/support/sse.js';

describe('the closed election in the live meeting pages: forms, the stream, the big screen', () => {
  let t: TestContext;
  let base: string;

  before(async () => {
    ({ t, base } = await createListeningApp());
  });
  after(() => t.close());

  test('the chair starts a closed election on the current election item; members vote with the form; the result reaches the stream, the pages and the big screen', async () => {
    const f = await buildLiveMeeting(t);
    const id = f.meetingId;
    const { members, bergbySub, dalbySub } = await openRoomWithMembers(t, f);
    const chair = members.Arvidsby;

    // Not an election item yet: no form on the chair's page, and a start is refused on the page.
    assert.doesNotMatch((await chair.get(`/moten/${id}/ordforande`)).body, /Starta val med sluten omröstning/);
    const wrong = await chair.post(`/moten/${id}/ordforande/val`, { itemId: f.items.economy, candidates: 'Anna', places: '1', minutes: '5' });
    assert.equal(wrong.statusCode, 409);
    assert.match(textOf(wrong.body), /Punkten är inte ett val/);
    // Decide the items before it: the election is the current item.
    assert.equal((await f.secretary.post(`${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' })).statusCode, 302);
    assert.equal((await f.secretary.post(`${f.base}/notera`, { itemId: f.items.info })).statusCode, 302);
    assert.equal((await f.secretary.post(`${f.base}/bifall`, { itemId: f.items.plan, alternative: 'proposal' })).statusCode, 302);
    const chairPage = await chair.get(`/moten/${id}/ordforande`);
    assert.match(textOf(chairPage.body), /Starta val med sluten omröstning/);

    const cookie = [...f.secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const controller = new AbortController();
    const stream = liveFrames(await fetch(`${base}/moten/${id}/live/handelser`, { headers: { cookie }, signal: AbortSignal.any([controller.signal, AbortSignal.timeout(60_000)]) }));
    await stream.next();
    const next = async (until: (parts: Record<string, string>) => boolean) => {
      for (;;) {
        const frame = (await stream.next()).value;
        assert.ok(frame, 'the stream goes on');
        if (until(frame.data.parts)) return frame;
      }
    };

    // Bad input keeps the chair on the page with the reason.
    const duplicate = await chair.post(`/moten/${id}/ordforande/val`, { itemId: f.items.election, candidates: 'Anna Ek\nanna ek', places: '1', minutes: '5' });
    assert.equal(duplicate.statusCode, 400);
    assert.match(textOf(duplicate.body), /Samma kandidat står två gånger: anna ek/);
    // Members may not start one.
    assert.equal((await members.Dalby.post(`/moten/${id}/ordforande/val`, { itemId: f.items.election, candidates: 'A', places: '1', minutes: '5' })).statusCode, 403);
    const started = await chair.post(`/moten/${id}/ordforande/val`, { itemId: f.items.election, candidates: 'Anna Ek\nBo Ask', places: '1', minutes: '5', allowBlank: 'on' });
    assert.equal(started.statusCode, 302);
    await next((p) => /Val på punkt 4/.test(textOf(p.election ?? '')));
    const [row] = await t.services.database.db.select().from(liveElections).where(eq(liveElections.meetingId, id));
    assert.ok(row);

    const page = await members.Dalby.get(`/mina-moten/${id}/live`);
    assert.match(textOf(page.body), /Din valsedel/);
    assert.match(page.body, /type="radio" name="candidate" value="1"/);
    assert.match(page.body, /Blank röst/);
    // Not serving: the page says so and the form is refused.
    assert.match(textOf((await dalbySub.get(`/mina-moten/${id}/live`)).body), /Du tjänstgör inte vid valet/);
    const refused = await dalbySub.post(`/mina-moten/${id}/live/val`, { liveElectionId: row.id, candidate: '1' });
    assert.equal(refused.statusCode, 422);
    assert.match(textOf(refused.body), /Du tjänstgör inte vid valet och kan inte rösta/);

    assert.equal((await members.Dalby.post(`/mina-moten/${id}/live/val`, { liveElectionId: row.id, candidate: '2' })).statusCode, 302);
    const progress = await next((p) => /1 av 5 har röstat/.test(textOf(p.election ?? '')));
    assert.doesNotMatch(textOf(progress.data.parts.election ?? ''), /Valda:|Röster/);
    assert.match(textOf((await members.Dalby.get(`/mina-moten/${id}/live`)).body), /Din valsedel är lagd/);
    const twice = await members.Dalby.post(`/mina-moten/${id}/live/val`, { liveElectionId: row.id, candidate: '1' });
    assert.equal(twice.statusCode, 409);
    assert.match(textOf(twice.body), /Du har redan lagt din valsedel/);
    const noChoice = await members.Ekby.post(`/mina-moten/${id}/live/val`, { liveElectionId: row.id, candidate: ['1', '2'] });
    assert.equal(noChoice.statusCode, 422);
    assert.equal((await members.Ekby.post(`/mina-moten/${id}/live/val`, { liveElectionId: row.id, candidate: '2' })).statusCode, 302);
    assert.equal((await bergbySub.post(`/mina-moten/${id}/live/val`, { liveElectionId: row.id, candidate: '1' })).statusCode, 302);
    assert.equal((await members['Testby kommun'].post(`/mina-moten/${id}/live/val`, { liveElectionId: row.id, candidate: 'blank' })).statusCode, 302);

    // The chair closes before the last one voted: the result on the stream, the pages, the big screen.
    assert.equal((await chair.post(`/moten/${id}/ordforande/val/avsluta`, { liveElectionId: row.id })).statusCode, 302);
    const result = await next((p) => /Valda:/.test(textOf(p.election ?? '')));
    const shown = textOf(result.data.parts.election ?? '');
    assert.match(shown, /Anna Ek 1 /);
    assert.match(shown, /Bo Ask 2 /);
    assert.match(shown, /Blanka röster: 1/);
    assert.match(shown, /Avgivna valsedlar: 4 av 5/);
    assert.match(shown, /Valda: Bo Ask/);
    assert.match(textOf((await members.Ekby.get(`/mina-moten/${id}/live`)).body), /Valda: Bo Ask/);
    assert.match(textOf((await chair.get(`/moten/${id}/ordforande`)).body), /Valda: Bo Ask/);
    assert.match(textOf((await f.secretary.get(`/moten/${id}/storbild`)).body), /Valda: Bo Ask/);
    const late = await members.Arvidsby.post(`/mina-moten/${id}/live/val`, { liveElectionId: row.id, candidate: '1' });
    assert.equal(late.statusCode, 409);
    assert.match(textOf(late.body), /Valet är avslutat/);
    controller.abort();
  });
});
