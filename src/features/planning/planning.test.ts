/**
 * Planning and follow-up through the real app and database: the measured indicators move when
 * meetings and attendance change, the forms refuse bad input in both languages, the documents render.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { agendaItems, attendanceEvents, meetings } from '../meetings/meetings.tables.js';
import { bodies, mandates, organisations, people } from '../organisation/organisation.tables.js';
import type { Principal } from '../../platform/auth/policy.js';
import { measure } from './measure.js';
import type { MeasuredKind } from './planning.schema.js';

describe('planning and follow-up', () => {
  let t: TestContext;
  let committeeId = '';
  let committeeBody = '';
  let prepBody = '';
  const towns: string[] = [];
  const members: string[] = [];
  const substitutes: string[] = [];
  const officials: string[] = [];
  let secretary: { email: string; id: string };
  let principal: Principal;

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2023-06-15T10:00:00Z') });
    const db = t.services.database.db;
    const built = await buildCommittee(t.services);
    committeeId = built.committee.id;
    committeeBody = built.body.id;
    const [group] = await db.insert(bodies).values({ organisationId: committeeId, kind: 'preparation_group', name: 'Beredningsgruppen', slug: `bg-${process.pid}-${Date.now()}` }).returning();
    prepBody = group?.id ?? '';
    towns.push(built.municipality.id);
    for (const name of ['Norrby', 'Söderby', 'Västerby']) {
      const [row] = await db.insert(organisations).values({ kind: 'municipality', name, slug: `${name.toLowerCase()}-${process.pid}-${Date.now()}`, committeeId }).returning();
      towns.push(row?.id ?? '');
    }
    for (const [i, town] of towns.entries()) {
      const person = async (name: string) => (await db.insert(people).values({ name, organisationId: town }).returning())[0]?.id ?? '';
      const m = await person(`Ledamot ${i}`);
      const s = await person(`Ersättare ${i}`);
      const o = await person(`Tjänsteperson ${i}`);
      await db.insert(mandates).values([
        { personId: m, bodyId: committeeBody, municipalityId: town, role: 'member', termFrom: '2023-01-01' },
        { personId: s, bodyId: committeeBody, municipalityId: town, role: 'substitute', termFrom: '2023-01-01' },
        { personId: o, bodyId: prepBody, municipalityId: town, role: 'official', termFrom: '2023-01-01' },
      ]);
      members.push(m);
      substitutes.push(s);
      officials.push(o);
    }
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['secretary'] });
    secretary = user;
    principal = { userId: user.id, email: user.email, name: 'S', grants: [{ organisationId: committeeId, role: 'secretary' }] };
  });
  after(() => t.close());

  async function closedMeeting(bodyId: string, date: string, present: string[], status: 'closed' | 'planned' = 'closed'): Promise<string> {
    const db = t.services.database.db;
    const [meeting] = await db.insert(meetings).values({ bodyId, startsAt: new Date(`${date}T09:00:00+02:00`), place: 'Teams', status }).returning();
    await db.insert(agendaItems).values({ meetingId: meeting?.id ?? '', position: 1, heading: 'Punkt' });
    for (const personId of present) await db.insert(attendanceEvents).values({ meetingId: meeting?.id ?? '', personId, type: 'present' });
    return meeting?.id ?? '';
  }

  const value = async (m: MeasuredKind, until = '2023-12-31') => (await measure(t.services.database.db, { committeeId, year: 2023, until, measure: m })).value;

  test('verksamhetsplan 2.3 — committee meetings held and member attendance follow the meetings and who served', async () => {
    assert.equal(await value('committee_meetings'), 0);
    assert.equal(await value('member_attendance'), null, 'nothing to measure before a meeting');
    // All four members: 100 %.
    await closedMeeting(committeeBody, '2023-03-03', members);
    assert.equal(await value('committee_meetings'), 1);
    assert.equal(await value('member_attendance'), 100);
    // A substitute serves for her own municipality's absent member: still a full seat (reglemente 17 §).
    await closedMeeting(committeeBody, '2023-05-10', [members[0] ?? '', members[1] ?? '', members[2] ?? '', substitutes[3] ?? '']);
    assert.equal(await value('member_attendance'), 100);
    // Two of four: pooled 10 of 12 seats.
    const third = await closedMeeting(committeeBody, '2023-06-01', [members[0] ?? '', members[1] ?? '']);
    assert.equal(await value('committee_meetings'), 3);
    assert.equal(await value('member_attendance'), 83.3);
    // A planned meeting and a meeting of the next year do not count; the tertial limit does.
    await closedMeeting(committeeBody, '2023-10-12', [], 'planned');
    await closedMeeting(committeeBody, '2024-01-20', members);
    assert.equal(await value('committee_meetings'), 3);
    assert.equal(await value('committee_meetings', '2023-04-30'), 1);
    // A third member arriving late at the third meeting raises the figure.
    await t.services.database.db.insert(attendanceEvents).values({ meetingId: third, personId: members[2] ?? '', type: 'arrived' });
    assert.equal(await value('member_attendance'), 91.7);
  });

  test('verksamhetsplan 2.3.2 — preparation-group meetings and the lowest share of municipalities present', async () => {
    assert.equal(await value('prep_meetings'), 0);
    assert.equal(await value('prep_municipality_share'), null);
    await closedMeeting(prepBody, '2023-02-07', officials);
    assert.equal(await value('prep_meetings'), 1);
    assert.equal(await value('prep_municipality_share'), 100);
    await closedMeeting(prepBody, '2023-03-14', officials.slice(0, 3));
    assert.equal(await value('prep_meetings'), 2);
    assert.equal(await value('prep_municipality_share'), 75, 'the lowest meeting counts: 3 of 4');
    await closedMeeting(prepBody, '2023-04-11', officials.slice(0, 2));
    assert.equal(await value('prep_municipality_share'), 50);
  });

  test('verksamhetsplan 2.3.2 — follow-up dialogues: share of municipalities, recorded through the form', async () => {
    assert.equal(await value('followup_dialogues'), 0);
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    let r = await client.post('/planering/dialoger?ar=2023', { organisationId: towns[1] ?? '', heldOn: '2023-04-02', note: 'Stödbehov e-tjänster' });
    assert.equal(r.statusCode, 302);
    assert.equal(await value('followup_dialogues'), 25);
    r = await client.post('/planering/dialoger?ar=2023', { organisationId: towns[1] ?? '', heldOn: '2023-05-02' });
    assert.equal(await value('followup_dialogues'), 25, 'a second dialogue with the same municipality adds nothing');
    r = await client.post('/planering/dialoger?ar=2023', { organisationId: towns[2] ?? '', heldOn: '2023-13-02' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /ÅÅÅÅ-MM-DD/);
  });

  test('business plan, goals, tertial follow-up with goal status, evidence page and PDF', async () => {
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    assert.equal((await client.post('/planering/verksamhetsplan/ny?ar=2023')).statusCode, 302);
    const plan = await t.services.planning.plans.get(principal, { ar: '2023' });
    const planId = plan.loaded?.plan.id ?? '';
    await client.post(`/planering/verksamhetsplan/${planId}/utgava`, { edition: '7', editedOn: '2022-12-14', comment: '' });
    await client.post(`/planering/verksamhetsplan/${planId}/mal`, { title: 'Nämnden har genomfört minst fyra sammanträden under verksamhetsåret' });
    const goalId = (await t.services.planning.plans.get(principal, { ar: '2023' })).loaded?.goals[0]?.goal.id ?? '';
    let r = await client.post(`/planering/mal/${goalId}/indikator`, { name: 'Sammanträden', measure: 'committee_meetings', targetText: 'minst 4', minimum: '4' });
    assert.equal(r.statusCode, 302);
    r = await client.post(`/planering/mal/${goalId}/indikator`, { name: 'Utan mål', measure: 'manual' });
    assert.equal(r.statusCode, 400, 'an indicator needs a target or a minimum');
    assert.match(r.body, /Ange ett mål eller en lägsta nivå/);
    // Three meetings by the end of tertial 2: ahead of 4 × 2/3, so on track; tertial 1 had one (below 4/3).
    let view = await t.services.planning.followup.view(principal, { ar: '2023', tertial: '2' });
    assert.equal(view.goals[0]?.status, 'on_track');
    view = await t.services.planning.followup.view(principal, { ar: '2023', tertial: '1' });
    assert.equal(view.goals[0]?.status, 'at_risk');
    view = await t.services.planning.followup.view(principal, { ar: '2023', tertial: '3' });
    assert.equal(view.goals[0]?.status, 'not_met', 'three of four by the year end');
    r = await client.post('/planering/uppfoljning?ar=2023&tertial=2', { [`comment_${view.goals[0]?.indicators[0]?.indicator.id ?? ''}`]: 'Enligt plan' });
    assert.equal(r.statusCode, 302);
    const recorded = (await t.services.planning.followup.view(principal, { ar: '2023', tertial: '2' })).goals[0]?.indicators[0]?.recorded;
    assert.equal(Number(recorded?.value), 3);
    assert.equal(recorded?.status, 'on_track');
    const evidence = await client.get('/planering/underlag?ar=2023&matt=member_attendance&tertial=2');
    assert.equal(evidence.statusCode, 200);
    assert.match(evidence.body, /Ersättare 3 \(ersättare\)/);
    assert.match(evidence.body, /2023-06-01/);
    const pdf = await client.get('/planering/verksamhetsplan.pdf?ar=2023');
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal((await client.get('/planering?ar=2023')).statusCode, 200);
  });

  test('seed § 20 — a risk is scored, placed on the matrix and refused outside 1–4', async () => {
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    let r = await client.post('/planering/risker/ny?ar=2023', { title: 'Resursbrist', probability: '2', consequence: '3', decision: 'internal_control' });
    assert.equal(r.statusCode, 302);
    r = await client.post('/planering/risker/ny?ar=2023', { title: 'Fel', probability: '5', consequence: '3', decision: 'accepted' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /Välj sannolikhet 1–4/);
    const view = await t.services.planning.control.view(principal, { ar: '2023' });
    assert.deepEqual(view.risks.map((x) => x.value), [6]);
    const page = await client.get('/planering/internkontroll?ar=2023');
    assert.match(page.body, /6 \(måttlig\): <strong>R1<\/strong>/);
    const pdf = await client.get('/planering/internkontroll/plan.pdf?ar=2023');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  test('seed § 23 — a "partly" without action, owner and date is refused in Swedish and English', async () => {
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    await client.post('/planering/checklistmallar?ar=2023', { name: 'SAM', statements: '1. Skyddsombud medverkar.\n2. Det finns skriftliga instruktioner.' });
    const templateId = (await t.services.planning.checklists.list(principal, { ar: '2023' })).templates[0]?.id ?? '';
    const started = await client.post('/planering/checklistor?ar=2023', { templateId, year: '2023' });
    const url = String(started.headers.location);
    assert.match(url, /^\/planering\/checklistor\//);
    let r = await client.post(url, { answer_1: 'yes', answer_2: 'partly', explanation_2: 'Gäller inte våra anställda' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /Påstående 2 är besvarat ”delvis”: beskriv en åtgärd/);
    assert.match(r.body, /ange vem som ansvarar/);
    r = await client.get(`${url}?lang=en`);
    r = await client.post(url, { answer_1: 'yes', answer_2: 'no' });
    assert.match(r.body, /Statement 2 is answered &quot;no&quot;: describe an action/);
    await client.get(`${url}?lang=sv`);
    r = await client.post(url, { answer_1: 'yes', answer_2: 'partly', action_2: 'Instruktion tas fram', owner_2: 'Avdelningschef', due_2: '2023-09-30', completed: 'on' });
    assert.equal(r.statusCode, 302);
    const loaded = await t.services.planning.checklists.load(principal, url.split('/').at(-1) ?? '');
    assert.equal(loaded.checklist.status, 'completed');
    assert.equal((await client.get(`${url}/jamforelse`)).statusCode, 200);
  });

  test('seed § 21 — the portfolio status list becomes an information item on a planned meeting', async () => {
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    await client.post('/planering/portfolj/ny?ar=2023', { kind: 'project', name: 'Gemensamt system elevhälsan', phase: 'Utveckling/realisering', status: 'on_track', timePlan: '2019–2023', participants: [towns[0] ?? '', towns[1] ?? ''] });
    const planned = (await t.services.database.db.select().from(meetings).where(eq(meetings.status, 'planned'))).find((m) => m.bodyId === committeeBody);
    const r = await client.post('/planering/portfolj/statuslista?ar=2023', { meetingId: planned?.id ?? '' });
    assert.equal(r.statusCode, 302);
    const items = await t.services.database.db.select().from(agendaItems).where(eq(agendaItems.meetingId, planned?.id ?? ''));
    const item = items.find((i) => i.heading === 'Information om aktuella och pågående aktiviteter');
    assert.equal(item?.kind, 'information');
    assert.match(item?.summary ?? '', /• Gemensamt system elevhälsan\nSTATUS: Fas: Utveckling\/realisering, Status: Enligt plan, Tidplan: 2019–2023/);
    assert.match(item?.summary ?? '', /Deltagande kommuner: Testby kommun, Norrby/);
  });
});
