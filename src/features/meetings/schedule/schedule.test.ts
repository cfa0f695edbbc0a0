import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { buildCommittee, createTestApp, TestClient, type TestContext } from '../../../../test/support/app.js';
import { signedInAs } from '../../../../test/support/factories.js';
import { agendaItems, annualCycleItems, meetings } from '../meetings.tables.js';
import { bodies } from '../../organisation/organisation.tables.js';
import { cases } from '../../registry/registry.tables.js';
import { auditLog } from '../../../platform/audit/audit.tables.js';
import { DEMO_ANNUAL_CYCLE } from './annual-cycle.js';

describe('meeting schedule', () => {
  let t: TestContext;
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let secretary: TestClient;
  let member: TestClient;
  let chair: TestClient;
  const db = () => t.services.database.db;
  const valid = () => ({ bodyId: org.body.id, kind: 'meeting', date: '2023-03-03', startTime: '13:00', endTime: '17:00', place: 'Stadshuset, Luleå' });
  const idFrom = (location: unknown) => String(location).split('/').pop() ?? '';
  const meetingRow = async (id: string) => (await db().select().from(meetings).where(eq(meetings.id, id)))[0];
  const auditFor = async (id: string) => (await db().select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);

  before(async () => {
    // 1 February 2023: the seed's 2023 schedule lies ahead, and "this year" is 2023.
    t = await createTestApp({ clock: () => new Date('2023-02-01T09:00:00Z') });
    org = await buildCommittee(t.services, { name: 'Provnämnden' });
    const client = (role: 'secretary' | 'member' | 'chair') => signedInAs(t, org.committee.id, [role]);
    [secretary, member, chair] = [await client('secretary'), await client('member'), await client('chair')];
  });
  after(() => t.close());

  test('a secretary schedules a meeting in Swedish time; it is stored as the right instant and audited', async () => {
    const form = await secretary.get(`/moten/nytt?organ=${org.body.id}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Börjar klockan/);
    const created = await secretary.post('/moten/nytt', valid());
    assert.equal(created.statusCode, 302);
    const id = idFrom(created.headers.location);
    const row = await meetingRow(id);
    assert.equal(row?.startsAt.toISOString(), '2023-03-03T12:00:00.000Z', '13:00 Swedish winter time');
    assert.equal(row?.endsAt?.toISOString(), '2023-03-03T16:00:00.000Z');
    assert.equal(row?.status, 'planned');
    assert.deepEqual(await auditFor(id), ['meeting.create']);

    const page = await member.get(`/moten/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /13:00–17:00/);
    assert.match(page.body, /fredag 3 mars 2023/);
    assert.match(page.body, /Planerat/);
    assert.match(page.body, /Inte skickad\. Ska skickas senast 2023-02-26\./);
  });

  test('a summer meeting and a time written "9.00" come out right', async () => {
    const created = await secretary.post('/moten/nytt', { ...valid(), date: '2023-06-22', startTime: '9.00', endTime: '11:00' });
    assert.equal(created.statusCode, 302);
    const row = await meetingRow(idFrom(created.headers.location));
    assert.equal(row?.startsAt.toISOString(), '2023-06-22T07:00:00.000Z', '09:00 Swedish summer time');
  });

  test('bad input is refused whole, in Swedish, with every typed value kept', async () => {
    const before = (await db().select().from(meetings)).length;
    const bad = await secretary.post('/moten/nytt', { ...valid(), date: '2023-02-30', startTime: '25:00', place: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Ange ett datum som finns/);
    assert.match(bad.body, /Ange en tid som TT:MM/);
    assert.match(bad.body, /Fältet måste fyllas i/);
    assert.match(bad.body, /value="2023-02-30"/);
    assert.match(bad.body, /value="25:00"/);
    assert.match(bad.body, /value="17:00"/);

    const backwards = await secretary.post('/moten/nytt', { ...valid(), endTime: '12:00' });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /Sluttiden måste vara senare samma dag än starttiden/);
    assert.match(backwards.body, /value="Stadshuset, Luleå"/);

    const gap = await secretary.post('/moten/nytt', { ...valid(), date: '2023-03-26', startTime: '02:30', endTime: '' });
    assert.equal(gap.statusCode, 400);
    assert.match(gap.body, /Klockslaget finns inte den dagen/);
    assert.equal((await db().select().from(meetings)).length, before);
  });

  test('a member may read the schedule but not plan: 403 even when posting directly', async () => {
    const list = await member.get('/moten');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /href="\/moten\/nytt/);
    assert.match((await secretary.get('/moten')).body, /href="\/moten\/nytt/);
    assert.equal((await member.get('/moten/nytt')).statusCode, 403);
    const before = (await db().select().from(meetings)).length;
    assert.equal((await member.post('/moten/nytt', valid())).statusCode, 403);
    assert.equal((await db().select().from(meetings)).length, before);
  });

  test('a secretary of another committee cannot plan this body\'s meetings', async () => {
    const other = await buildCommittee(t.services, { name: 'Annan nämnd' });
    const outsider = await signedInAs(t, other.committee.id, ['secretary']);
    assert.equal((await outsider.post('/moten/nytt', valid())).statusCode, 403);
  });

  test('a meeting is changed, then cancelled after confirmation, and stays in the list as cancelled', async () => {
    const id = idFrom((await secretary.post('/moten/nytt', { ...valid(), date: '2023-10-12', startTime: '09:00', endTime: '' })).headers.location);
    const edit = await secretary.get(`/moten/${id}/andra`);
    assert.match(edit.body, /value="2023-10-12"/);
    assert.match(edit.body, /value="09:00"/);
    const changed = await secretary.post(`/moten/${id}/andra`, { ...valid(), kind: 'strategy_day', date: '2023-10-12', startTime: '08:30', endTime: '16:00', place: 'Kulturens hus' });
    assert.equal(changed.statusCode, 302);
    const row = await meetingRow(id);
    assert.equal(row?.startsAt.toISOString(), '2023-10-12T06:30:00.000Z');
    assert.equal(row?.kind, 'strategy_day');
    const [update] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'meeting.update')));
    assert.deepEqual([(update?.before as { place?: string }).place, (update?.after as { place?: string }).place], ['Stadshuset, Luleå', 'Kulturens hus']);

    const confirm = await secretary.get(`/moten/${id}/stall-in`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Vill du ställa in strategidag för Testnämnden den 2023-10-12 klockan 08:30\?/);
    assert.match(confirm.body, /href="\/moten\/[^"]+">Behåll mötet/);
    assert.equal((await meetingRow(id))?.status, 'planned', 'asking cancels nothing');
    assert.equal((await member.post(`/moten/${id}/stall-in`)).statusCode, 403);
    assert.equal((await secretary.post(`/moten/${id}/stall-in`)).statusCode, 302);
    assert.equal((await meetingRow(id))?.status, 'cancelled');
    assert.deepEqual(await auditFor(id), ['meeting.create', 'meeting.update', 'meeting.cancel']);

    assert.match((await member.get(`/moten/${id}`)).body, /Mötet är inställt/);
    assert.match((await member.get(`/moten?organ=${org.body.id}&ar=2023`)).body, /Inställt/);
    assert.equal((await secretary.post(`/moten/${id}/stall-in`)).statusCode, 409);
    const late = await secretary.post(`/moten/${id}/andra`, valid());
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /inställt eller avslutat/);
  });

  test('the list shows one year (this year by default) and one body or all', async () => {
    const [second] = await db().insert(bodies).values({ organisationId: org.committee.id, kind: 'preparation_group', name: 'Beredningsgruppen', slug: `bg-${process.pid}` }).returning();
    assert.ok(second);
    await secretary.post('/moten/nytt', { ...valid(), date: '2024-03-08', place: 'Nästa års rum' });
    await secretary.post('/moten/nytt', { ...valid(), bodyId: second.id, date: '2023-05-10', place: 'Beredningsrummet' });

    const thisYear = (await member.get('/moten')).body;
    assert.match(thisYear, /Möten 2023/);
    assert.match(thisYear, /Beredningsrummet/);
    assert.doesNotMatch(thisYear, /Nästa års rum/);
    const nextYear = (await member.get('/moten?ar=2024')).body;
    assert.match(nextYear, /Nästa års rum/);
    assert.doesNotMatch(nextYear, /Beredningsrummet/);
    const oneBody = (await member.get(`/moten?organ=${second.id}`)).body;
    assert.match(oneBody, /Beredningsrummet/);
    assert.doesNotMatch(oneBody, /Stadshuset, Luleå/);
    const nonsense = await member.get('/moten?ar=tjugo&organ=nej');
    assert.equal(nonsense.statusCode, 200);
    assert.match(nonsense.body, /Möten 2023/);
    const searched = (await member.get('/moten?q=beredningsrummet')).body;
    assert.match(searched, /Beredningsrummet/);
    assert.doesNotMatch(searched, /Stadshuset, Luleå/);
  });

  test('the meeting page shows the agenda in order and what the annual cycle requires that month', async () => {
    const id = idFrom((await secretary.post('/moten/nytt', { ...valid(), date: '2023-12-20', startTime: '13:00', endTime: '15:00' })).headers.location);
    await db().insert(annualCycleItems).values(DEMO_ANNUAL_CYCLE.map((r) => ({ bodyId: org.body.id, month: r.month, title: r.title, matchWords: [...r.matchWords] })));
    const [caseRow] = await db().insert(cases).values({ organisationId: org.committee.id, year: 2022, number: 23, classificationCode: '1.2.1.3', title: 'Verksamhetsplan 2023', openedOn: '2022-11-01' }).returning();
    await db().insert(agendaItems).values([
      { meetingId: id, position: 2, heading: 'Verksamhetsplan 2024', caseId: caseRow?.id },
      { meetingId: id, position: 1, heading: 'Ekonomisk rapport, utfall per sista oktober', kind: 'information' },
      { meetingId: id, position: 3, heading: 'Personalärende', isSecret: true },
    ]);
    const page = (await member.get(`/moten/${id}`)).body;
    const order = ['Ekonomisk rapport', 'Verksamhetsplan 2024', 'Ärende med sekretess'].map((s) => page.indexOf(s));
    assert.ok(order.every((i) => i > 0), `all shown: ${order.join()}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'in the order of their positions');
    assert.doesNotMatch(page, /Personalärende/, 'a secret heading is not shown to a member');
    assert.match(page, /2022\/23-1\.2\.1\.3/);
    assert.match(page, /Årshjulet kräver i december/);
    assert.match(page, /Verksamhetsplan: <strong>finns på listan<\/strong>/);
    assert.match(page, /Internkontrollplan: <strong>saknas<\/strong>/);
    assert.match(page, /Information om ekonomi och verksamhet: <strong>finns på listan<\/strong>/);
    assert.match(page, new RegExp(`href="/moten/${id}/dagordning"`));
    assert.match(page, new RegExp(`href="/moten/${id}/kallelse"`));
    assert.match(page, new RegExp(`href="/kalender/${org.body.id}.ics"`));
    assert.doesNotMatch(page, /sammantrade"/, 'running the meeting is not for a member');
    assert.doesNotMatch(page, /[Pp]rotokoll/, 'no link to a part that does not exist yet');
    assert.match((await chair.get(`/moten/${id}`)).body, new RegExp(`href="/moten/${id}/sammantrade"`));
    assert.equal((await member.get('/moten/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await member.get('/moten/inte-ett-id')).statusCode, 404);
  });

  test('the annual cycle is kept as rows per body: planners add and remove, everyone reads', async () => {
    const [body] = await db().insert(bodies).values({ organisationId: org.committee.id, kind: 'committee', name: 'Årshjulsnämnden', slug: `ah-${process.pid}` }).returning();
    assert.ok(body);
    const url = `/moten/arshjul/${body.id}`;
    assert.match((await member.get(url)).body, /Årshjulet är tomt/);
    assert.equal((await member.post(url, { month: '3', title: 'Verksamhetsberättelse', matchWords: 'verksamhetsberättelse' })).statusCode, 403);

    const bad = await secretary.post(url, { month: '', title: 'Budget', matchWords: 'budget' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Välj en månad/);
    assert.match(bad.body, /value="Budget"/);

    assert.equal((await secretary.post(url, { month: '6', title: 'Budget', matchWords: ' Budget, budgetförslag ' })).statusCode, 302);
    const [row] = await db().select().from(annualCycleItems).where(eq(annualCycleItems.bodyId, body.id));
    assert.deepEqual([row?.month, row?.title, row?.matchWords], [6, 'Budget', ['budget', 'budgetförslag']]);
    const page = (await member.get(url)).body;
    assert.match(page, /juni/);
    assert.match(page, /budget, budgetförslag/);
    assert.doesNotMatch(page, /ta-bort/, 'a member sees no remove buttons');

    assert.equal((await member.post(`${url}/${row?.id}/ta-bort`)).statusCode, 403);
    assert.equal((await secretary.post(`/moten/arshjul/${org.body.id}/${row?.id}/ta-bort`)).statusCode, 404, 'the row belongs to another body');
    assert.equal((await secretary.post(`${url}/${row?.id}/ta-bort`)).statusCode, 302);
    assert.equal((await db().select().from(annualCycleItems).where(eq(annualCycleItems.bodyId, body.id))).length, 0);
    assert.deepEqual(await auditFor(row?.id ?? ''), ['annualCycle.add', 'annualCycle.remove']);
  });

  test('the iCalendar feed: open for a public body, hidden for a body that is not public', async () => {
    const [closed] = await db().insert(bodies).values({ organisationId: org.committee.id, kind: 'preparation_group', name: 'Slutna gruppen', slug: `sg-${process.pid}`, isPublic: false }).returning();
    assert.ok(closed);
    await secretary.post('/moten/nytt', { ...valid(), bodyId: closed.id, date: '2023-04-04' });
    const anonymous = new TestClient(t.app);

    const open = await anonymous.get(`/kalender/${org.body.id}.ics`);
    assert.equal(open.statusCode, 200);
    assert.equal(open.headers['content-type'], 'text/calendar; charset=utf-8');
    const ics = open.body.replace(/\r\n[ \t]/g, '');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /DTSTART:20230303T120000Z\r\n/, 'winter: 13:00 in Sweden');
    assert.match(ics, /DTSTART:20230622T070000Z\r\n/, 'summer: 09:00 in Sweden');
    assert.match(ics, /SUMMARY:Testnämnden: Sammanträde\r\n/);
    assert.doesNotMatch(ics, /DTSTART:20231012T/, 'the cancelled strategy day is not in the feed');
    assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, (await db().select().from(meetings).where(and(eq(meetings.bodyId, org.body.id), eq(meetings.status, 'planned')))).length);

    assert.equal((await anonymous.get(`/kalender/${closed.id}.ics`)).statusCode, 404);
    const signedIn = await member.get(`/kalender/${closed.id}.ics`);
    assert.equal(signedIn.statusCode, 200);
    assert.match(signedIn.body, /SUMMARY:Slutna gruppen: Sammanträde/);
    assert.equal((await anonymous.get('/kalender/00000000-0000-4000-8000-000000000000.ics')).statusCode, 404);
    assert.equal((await anonymous.get('/kalender/nej.ics')).statusCode, 404);
  });
});
