import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { TestClient, createTestApp, type TestContext } from '../../../test/support/app.js';
import { accessibilityFeedback } from '../home/home.tables.js';
import { agendaItems, meetings } from '../meetings/meetings.tables.js';
import { buildJointCommittee, buildRoleUser } from '../../../test/support/publication-fixtures.js';
import { buildNovemberProtocol } from '../../../test/support/november-protocol.js';

const now = new Date('2026-11-26T09:00:00Z');

describe('the public portal', () => {
  let t: TestContext;
  let org: Awaited<ReturnType<typeof buildJointCommittee>>;
  let closedMeeting = '';
  let draftAgendaMeeting = '';

  before(async () => {
    t = await createTestApp({ clock: () => now });
    const db = t.services.database.db;
    org = await buildJointCommittee(t.services);
    ({ meetingId: closedMeeting } = await buildNovemberProtocol(t.services, org, {
      paragraphs: [
        { heading: 'Verksamhetsplan 2027', decision: 'Nämnden antar verksamhetsplanen för 2027.' },
        { heading: 'Internkontrollplan 2027', decision: 'Nämnden antar internkontrollplanen.' },
      ],
    }));
    const [coming] = await db.insert(meetings).values({ bodyId: org.body.id, startsAt: new Date('2026-12-10T12:00:00Z'), place: 'Kommunhuset, Alby' }).returning();
    draftAgendaMeeting = coming?.id ?? '';
    await db.insert(agendaItems).values({ meetingId: draftAgendaMeeting, position: 1, heading: 'Utkast till ärende' });
    await db.insert(meetings).values({ bodyId: org.group.id, startsAt: new Date('2026-12-11T12:00:00Z'), place: 'Beredningsgruppens rum' });
  });
  after(() => t.close());

  test('the start page shows coming meetings, the latest protocol and every notice board to the public', async () => {
    const page = await new TestClient(t.app).get('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Kommande sammanträden[\s\S]*Provnämnden – sammanträde 2026-12-10/);
    assert.match(page.body, new RegExp(`/sammantraden/${closedMeeting}/protokoll`));
    for (const m of org.members) assert.match(page.body, new RegExp(`href="/anslagstavla/${m.slug}"`));
    assert.match(page.body, /href="\/diarium"/);
    assert.match(page.body, /href="\/verifiera"/);
    assert.doesNotMatch(page.body, /Beredningsgruppens rum/, 'a body that is not public stays out');
  });

  test('signed-in users keep their own start page', async () => {
    const secretary = await buildRoleUser(t.services, org.committee.id, 'secretary');
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    const page = await client.get('/');
    assert.match(page.body, /Välkommen/);
    assert.doesNotMatch(page.body, /Kommande sammanträden/);
  });

  test('a meeting shows its agenda only once the notice has gone out', async () => {
    const client = new TestClient(t.app);
    const coming = await client.get(`/sammantraden/${draftAgendaMeeting}`);
    assert.match(coming.body, /publiceras när kallelsen har skickats/);
    assert.doesNotMatch(coming.body, /Utkast till ärende/);
    await t.database.db.update(meetings).set({ noticeSentAt: now }).where(eq(meetings.id, draftAgendaMeeting));
    assert.match((await client.get(`/sammantraden/${draftAgendaMeeting}`)).body, /Utkast till ärende/);
    assert.equal((await client.get('/sammantraden/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await client.get(`/sammantraden/${draftAgendaMeeting}/protokoll`)).statusCode, 404);
  });

  test('the public protocol and the searchable decisions', async () => {
    const client = new TestClient(t.app);
    const protocol = await client.get(`/sammantraden/${closedMeeting}/protokoll`);
    assert.equal(protocol.statusCode, 200);
    assert.match(protocol.body, /§ 1 Verksamhetsplan 2027/);
    assert.match(protocol.body, /Nämnden antar internkontrollplanen\./);
    const hits = await client.get('/beslut?q=internkontrollplanen');
    assert.match(hits.body, /Visar 1 av 2/);
    assert.match(hits.body, /Internkontrollplan 2027/);
    assert.doesNotMatch(hits.body, /Verksamhetsplan 2027/);
    const meetingsPage = await client.get('/sammantraden');
    assert.match(meetingsPage.body, /2026-12-10/);
    assert.doesNotMatch(meetingsPage.body, /Beredningsgruppens rum/);
  });

  test('anyone can send accessibility feedback; the secretary reads it and marks it handled', async () => {
    const anonymous = new TestClient(t.app);
    await anonymous.get('/tillganglighet');
    const empty = await anonymous.post('/tillganglighet', { message: '  ', pageUrl: 'javascript:alert(1)' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Beskriv vad som inte fungerade/);
    const sent = await anonymous.post('/tillganglighet', { message: 'Tabellen på anslagstavlan går inte att läsa med skärmläsare.', pageUrl: '/anslagstavla', contact: 'test@example.se' });
    assert.equal(sent.statusCode, 302);
    const [row] = await t.database.db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.contact, 'test@example.se'));
    assert.equal(row?.pageUrl, '/anslagstavla');

    assert.equal((await anonymous.get('/tillganglighet/synpunkter')).statusCode, 302);
    const member = await buildRoleUser(t.services, org.committee.id, 'member');
    const memberClient = new TestClient(t.app);
    await memberClient.signIn(member.email);
    assert.equal((await memberClient.get('/tillganglighet/synpunkter')).statusCode, 403);

    const secretary = await buildRoleUser(t.services, org.committee.id, 'secretary');
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    const list = await client.get('/tillganglighet/synpunkter');
    assert.match(list.body, /går inte att läsa med skärmläsare/);
    assert.equal((await client.post(`/tillganglighet/synpunkter/${row?.id ?? ''}/hanterad`)).statusCode, 302);
    const [handled] = await t.database.db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.id, row?.id ?? ''));
    assert.ok(handled?.handledAt);
  });
});
