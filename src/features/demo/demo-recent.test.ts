/**
 * The demo shows the work in progress (issue 18): yesterday's meeting, closed, its protocol locked
 * and waiting for the chair's and the adjuster's justering; the chair's start page lists it and
 * the outbox holds the e-mail to the chair. Loading again adds nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, gt } from 'drizzle-orm';
import { createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { meetings } from '../meetings/meetings.tables.js';
import { protocols } from '../protocols/protocols.tables.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { swedishDate } from '../../platform/clock.js';
import { addDays, justeringDeadline } from '../../domain/index.js';
import { loadDemo } from './demo.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD } from './demo-data.js';
import { DEMO_ADJUSTER_EMAIL } from './demo-protocols.js';
import { DEMO_RECENT_ITEMS } from './demo-recent.js';

const NOW = new Date('2026-03-11T10:00:00+01:00');

describe("the demo's protocol waiting for justering", () => {
  let t: TestContext;
  let protocolId = '';
  let meetingId = '';
  before(async () => {
    t = await createTestApp({ clock: () => NOW, config: { outboxDir: mkdtempSync(path.join(tmpdir(), 'kansli-demo-outbox-')), publicUrl: 'https://demo.example.se' } });
    await loadDemo(t.services);
    const [row] = await t.services.database.db
      .select({ protocol: protocols, meeting: meetings })
      .from(protocols)
      .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
      .where(gt(meetings.startsAt, new Date('2023-01-01T00:00:00Z')));
    protocolId = row?.protocol.id ?? '';
    meetingId = row?.meeting.id ?? '';
  });
  after(() => t.close());

  test('yesterday’s meeting is closed and its protocol is locked, with both signers named', async () => {
    const [row] = await t.services.database.db.select({ protocol: protocols, meeting: meetings }).from(protocols).innerJoin(meetings, eq(meetings.id, protocols.meetingId)).where(eq(protocols.id, protocolId));
    assert.equal(row?.meeting.status, 'closed');
    assert.equal(swedishDate(row?.meeting.startsAt ?? new Date(0)), addDays(swedishDate(NOW), -1));
    assert.equal(row?.protocol.status, 'locked');
    assert.ok(row?.protocol.chairPersonId && row.meeting.adjusterPersonId);
    const doc = await t.services.protocols.load(protocolId);
    assert.deepEqual(doc.paragraphs.map((p) => p.heading), DEMO_RECENT_ITEMS.map((i) => i.heading));
  });

  test("the chair's start page lists it with a working link, and the outbox holds the chair's e-mail", async () => {
    const chair = new TestClient(t.app);
    await chair.signIn(DEMO_LOGIN_EMAILS.chair, DEMO_PASSWORD);
    const page = await chair.get('/');
    assert.match(page.body, />1 protokoll att justera</);
    const href = `/protokoll/${protocolId}/justera`;
    assert.ok(page.body.includes(`href="${href}"`));
    assert.ok(page.body.includes(justeringDeadline({ meetingDate: addDays(swedishDate(NOW), -1) })));
    assert.equal((await chair.get(href)).statusCode, 200);

    await t.services.mailer.drain();
    const mails = await t.services.database.db.select().from(mailLog).where(and(eq(mailLog.kind, 'task.justering'), eq(mailLog.meetingId, meetingId)));
    assert.deepEqual(mails.map((m) => m.recipient).sort(), [DEMO_ADJUSTER_EMAIL, DEMO_LOGIN_EMAILS.chair].sort());
    const toChair = mails.find((m) => m.recipient === DEMO_LOGIN_EMAILS.chair);
    assert.equal(toChair?.status, 'outbox');
    assert.ok(readFileSync(toChair?.outboxFile ?? '', 'utf8').replace(/=\r?\n/g, '').includes(`https://demo.example.se${href}`));

    const adjuster = new TestClient(t.app);
    await adjuster.signIn(DEMO_ADJUSTER_EMAIL, DEMO_PASSWORD);
    assert.ok((await adjuster.get('/')).body.includes(`href="${href}"`));
  });

  test('loading the demo again adds no meeting, protocol or e-mail', async () => {
    const count = async () => ({
      meetings: (await t.services.database.db.select().from(meetings)).length,
      protocols: (await t.services.database.db.select().from(protocols)).length,
      mails: (await t.services.database.db.select().from(mailLog)).length,
    });
    const before = await count();
    await loadDemo(t.services);
    assert.deepEqual(await count(), before);
  });
});
