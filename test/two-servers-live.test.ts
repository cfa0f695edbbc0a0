/**
 * The live meeting across app servers: two real server processes on one PostgreSQL. A member
 * acting through server A is seen at once by a stream opened on server B (LISTEN/NOTIFY), and
 * concurrent ballots through both servers are each counted once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { openPostgres, type Database } from '../src/platform/db/database.js';
import { users } from '../src/features/auth/auth.tables.js';
import { liveBallots } from '../src/features/live/live.tables.js';
import { createPostgresDatabase, TEST_DB_KIND } from './support/db.js';
import { buildUser, createTestApp, TEST_PASSWORD, type TestContext } from './support/app.js';
import { buildLiveMeeting, recordStart, TOWNS, type LiveFixture } from './support/live-meeting-fixtures.js';
import { Browser, startServer, stopServer, type AppServer } from './support/server.js';
import { liveFrames } from './support/sse.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the live meeting on two app servers sharing one PostgreSQL', { skip: TEST_DB_KIND !== 'postgres' && 'needs PostgreSQL: set TEST_DATABASE_URL' }, () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let database: Database;
  let t: TestContext;
  let f: LiveFixture;
  let a: AppServer;
  let b: AppServer;
  // The stream on B: ended in `after` too, so that a failed step never leaves it open.
  const controller = new AbortController();

  before(async () => {
    created = await createPostgresDatabase();
    database = openPostgres(created.url, { max: 4 });
    t = await createTestApp({ database });
    f = await buildLiveMeeting(t);
    [a, b] = await Promise.all([startServer({ DATABASE_URL: created.url }), startServer({ DATABASE_URL: created.url })]);
  });

  after(async () => {
    controller.abort();
    await Promise.all([stopServer(a), stopServer(b)]);
    await t?.close();
    await database?.close();
    await created?.drop();
  });

  it('a speak request and ballots through server A reach the stream on server B; each ballot counted once', async () => {
    assert.equal((await f.secretary.post(`${f.base}/oppna`, { confirm: 'ja', reason: 'Testmötet hålls en annan dag än det planerade.' })).statusCode, 302);
    await recordStart(f);
    const committeeId = f.secretaryPrincipal.grants[0]?.organisationId ?? '';
    const browsers = new Map<string, Browser>();
    for (const town of TOWNS) {
      const user = await buildUser(t.services, { organisationId: committeeId, roles: [town === 'Arvidsby' ? 'chair' : 'member'] });
      await database.db.update(users).set({ personId: f.member[town] }).where(eq(users.id, user.id));
      const browser = new Browser();
      await browser.signIn(a, user.email, TEST_PASSWORD);
      browsers.set(town, browser);
    }
    const chair = browsers.get('Arvidsby');
    assert.ok(chair);
    const cookie = [...chair.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const onB = liveFrames(await fetch(`${b.url}/moten/${f.meetingId}/live/handelser`, { headers: { cookie }, signal: AbortSignal.any([controller.signal, AbortSignal.timeout(120_000)]) }));
    await onB.next();
    const next = async (until: (parts: Record<string, string>) => boolean) => {
      for (;;) {
        const frame = (await onB.next()).value;
        assert.ok(frame, 'the stream on B goes on');
        if (until(frame.data.parts)) return frame;
      }
    };

    // How fast is a question for a benchmark; here: that it arrives on B at all.
    assert.equal((await browsers.get('Dalby')?.request(a, `/mina-moten/${f.meetingId}/live/talare`, { kind: 'speak' }))?.status, 302);
    await next((p) => /Ledamot Dalby/.test(p.speakers ?? ''));

    const motion = await f.secretary.post(`${f.base}/yrkande`, { itemId: f.items.economy, personId: f.member.Dalby, kind: 'reject', text: 'Avslag.' });
    assert.equal(motion.statusCode, 302);
    const chairPage = await (await chair.request(b, `/moten/${f.meetingId}/ordforande`)).text();
    const motionValue = /value="(motion:[0-9a-f-]{36})"/.exec(chairPage)?.[1] ?? '';
    assert.equal((await chair.request(b, `/moten/${f.meetingId}/ordforande/omrostning`, { itemId: f.items.economy, yes: 'proposal', no: motionValue, minutes: '5' })).status, 302);
    const memberPage = await (await chair.request(a, `/mina-moten/${f.meetingId}/live`)).text();
    const liveVoteId = /name="liveVoteId" value="([0-9a-f-]{36})"/.exec(memberPage)?.[1] ?? '';
    assert.ok(liveVoteId);
    // Every member at once, alternately through A and B.
    const choices = { Arvidsby: 'yes', Bergby: 'no', Dalby: 'no', Ekby: 'yes', 'Testby kommun': 'yes' } as const;
    const sends = TOWNS.flatMap((town, i) => {
      const browser = browsers.get(town);
      assert.ok(browser);
      const server = i % 2 === 0 ? a : b;
      return [browser.request(server, `/mina-moten/${f.meetingId}/live/rosta`, { liveVoteId, choice: choices[town] })];
    });
    for (const response of await Promise.all(sends)) assert.equal(response.status, 302, await response.text());
    const result = await next((p) => /Resultat/.test(p.vote ?? ''));
    assert.match(text(result.data.parts.vote ?? ''), /Ja 3, nej 2, avstår 0\./);
    const stored = await database.db.select().from(liveBallots).where(eq(liveBallots.liveVoteId, liveVoteId));
    assert.equal(stored.length, 5);
    controller.abort();
  });
});
