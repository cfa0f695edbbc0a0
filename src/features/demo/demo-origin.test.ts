/**
 * The demo's one marker for invented data (issue 20): every record the demo invents carries
 * origin 'demo', every record it takes from the seed 'seed', none is left unmarked; the pages and
 * exports say "Exempeldata" for an invented record and not for one a user made, and a decision a
 * user records by hand is no longer marked. The expectations come from the demo's own data.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { initiativeDecisionHistory, initiativeDecisions, initiativePhases, initiatives, powersOfAttorney } from '../cooperation/cooperation.tables.js';
import { costObjects, pkvReadings } from '../economy/economy.tables.js';
import { meetings, agendaItems } from '../meetings/meetings.tables.js';
import { bodies, organisations, populations } from '../organisation/organisation.tables.js';
import { checklistAnswers, checklists, checklistTemplates, controlActivities } from '../planning/planning.tables.js';
import { officialBoardConfirmations } from '../publication/publication.tables.js';
import { cases, documents } from '../registry/registry.tables.js';
import { swedishDate } from '../../platform/clock.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { Principal } from '../../platform/auth/policy.js';
import { findUserByEmail, listGrants } from '../auth/auth.repository.js';
import { DEMO_COMMITTEE_SLUG, DEMO_LOGIN_EMAILS, DEMO_MUNICIPALITIES, DEMO_PASSWORD, POPULATION_SOURCES } from './demo-data.js';
import { DEMO_EARLIER_MEETINGS_2022, DEMO_PREPARATION_MEETINGS, DEMO_SCHEDULE_2023, DEMO_SEED_ITEMS, DEMO_SEED_MEETING } from './demo-meetings-data.js';
import { DEMO_INITIATIVES } from './demo-cooperation.js';
import { ACTIVITIES_2023, SAM_2022_EXCEPTIONS } from './demo-planning-data.js';
import { DEMO_COST_OBJECTS_2023 } from './demo-economy.js';
import { DEMO_CASES, DEMO_DOCUMENTS } from './registry-demo-data.js';

const MARK = 'Exempeldata';

/** The table row (`<tr>…</tr>`) of a page that contains `needle`. */
function rowWith(html: string, needle: string): string {
  const row = html
    .split('<tr')
    .slice(1)
    .find((part) => part.split('</tr>')[0]?.includes(needle));
  assert.ok(row, `no row with ${needle}`);
  return row.split('</tr>')[0] ?? '';
}

describe('the demo marks what it invents', () => {
  let t: TestContext;
  let committeeId: string;
  let committeeBody: string;
  let municipalityIds: string[];
  const db = () => t.services.database.db;

  async function principalOf(email: string): Promise<Principal> {
    const user = await findUserByEmail(db(), email);
    assert.ok(user, email);
    return { userId: user.id, email: user.email, name: user.name, grants: await listGrants(db(), user.id) };
  }

  async function signedIn(email: string): Promise<TestClient> {
    const client = new TestClient(t.app);
    await client.signIn(email, DEMO_PASSWORD);
    return client;
  }

  before(async () => {
    t = await createTestApp({ demo: true });
    const [committee] = await db().select().from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
    committeeId = committee?.id ?? '';
    const [body] = await db().select().from(bodies).where(and(eq(bodies.organisationId, committeeId), eq(bodies.kind, 'committee')));
    committeeBody = body?.id ?? '';
    municipalityIds = (await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.committeeId, committeeId))).map((m) => m.id);
  });
  after(() => t.close());

  test('meetings and agenda items: the seed’s meeting and its §§ 19–25 are the seed’s, every other one is invented', async () => {
    const rows = await db().select({ meeting: meetings, bodyKind: bodies.kind }).from(meetings).innerJoin(bodies, eq(bodies.id, meetings.bodyId)).where(eq(bodies.organisationId, committeeId));
    const isSeed = (r: (typeof rows)[number]) => r.bodyKind === 'committee' && swedishDate(r.meeting.startsAt) === DEMO_SEED_MEETING.time.date;
    assert.equal(rows.filter(isSeed).length, 1);
    for (const r of rows) assert.equal(r.meeting.origin, isSeed(r) ? 'seed' : 'demo', `${r.bodyKind} ${swedishDate(r.meeting.startsAt)}`);
    const invented = new Set(rows.filter((r) => r.meeting.origin === 'demo').map((r) => swedishDate(r.meeting.startsAt)));
    for (const date of [...DEMO_EARLIER_MEETINGS_2022.map((e) => e.time.date), ...DEMO_SCHEDULE_2023.map((m) => m.date), ...DEMO_PREPARATION_MEETINGS.map((p) => p.time.date)]) {
      assert.ok(invented.has(date), `the invented meeting of ${date}`);
    }
    // Besides those: the coming meeting and yesterday's.
    assert.equal(invented.size, DEMO_EARLIER_MEETINGS_2022.length + DEMO_SCHEDULE_2023.length + DEMO_PREPARATION_MEETINGS.length + 2);

    const seedMeeting = rows.find(isSeed)?.meeting.id ?? '';
    const items = await db().select().from(agendaItems).where(inArray(agendaItems.meetingId, rows.map((r) => r.meeting.id)));
    for (const item of items) assert.equal(item.origin, item.meetingId === seedMeeting ? 'seed' : 'demo', item.heading);
    assert.equal(items.filter((i) => i.origin === 'seed').length, DEMO_SEED_ITEMS.length);
    const placeholders = DEMO_EARLIER_MEETINGS_2022.reduce((n, e) => n + e.paragraphs[1] - e.paragraphs[0] + 1, 0);
    assert.ok(items.filter((i) => i.origin === 'demo').length > placeholders, '§§ 1–18 and the other invented items');
  });

  test('cooperation: the initiatives, their phases, every decision with its history, and the powers of attorney are invented', async () => {
    const rows = await db().select().from(initiatives).where(eq(initiatives.committeeId, committeeId));
    assert.deepEqual(rows.map((r) => r.name).sort(), DEMO_INITIATIVES.map((i) => i.name).sort());
    const ids = rows.map((r) => r.id);
    const phases = await db().select().from(initiativePhases).where(inArray(initiativePhases.initiativeId, ids));
    const cells = await db().select().from(initiativeDecisions).where(inArray(initiativeDecisions.initiativeId, ids));
    const history = await db().select().from(initiativeDecisionHistory).where(inArray(initiativeDecisionHistory.decisionId, cells.map((c) => c.id)));
    const powers = await db().select().from(powersOfAttorney).where(inArray(powersOfAttorney.initiativeId, ids));
    assert.equal(phases.length, DEMO_INITIATIVES.reduce((n, i) => n + i.phases.length, 0));
    assert.ok(cells.length > 0 && history.length >= cells.length && powers.length > 0);
    for (const [table, list] of Object.entries({ initiatives: rows, phases, cells, history, powers })) {
      assert.deepEqual([...new Set(list.map((r) => r.origin))], ['demo'], table);
    }
  });

  test('planning, economy, populations, notice boards and registry: invented rows are demo, the rest seed', async () => {
    const activities = await db().select().from(controlActivities).where(eq(controlActivities.committeeId, committeeId));
    assert.deepEqual(activities.map((a) => a.title).sort(), ACTIVITIES_2023.map((a) => a.title).sort());
    for (const a of activities) assert.equal(a.origin, 'demo', a.title);

    const answers = await db()
      .select({ answer: checklistAnswers })
      .from(checklistAnswers)
      .innerJoin(checklists, eq(checklists.id, checklistAnswers.checklistId))
      .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklists.templateId))
      .where(eq(checklistTemplates.committeeId, committeeId));
    assert.ok(answers.length > 0);
    for (const { answer } of answers) assert.equal(answer.origin, SAM_2022_EXCEPTIONS[answer.statementKey]?.action ? 'demo' : 'seed', `statement ${answer.statementKey}`);

    const objects = await db().select().from(costObjects).where(eq(costObjects.committeeId, committeeId));
    const invented = new Set(DEMO_COST_OBJECTS_2023.filter((o) => o.invented).map((o) => o.code));
    assert.ok(invented.size > 0);
    for (const o of objects) assert.equal(o.origin, o.year === 2023 && invented.has(o.code) ? 'demo' : 'seed', `${o.year} ${o.code}`);
    const readings = await db().select().from(pkvReadings).where(eq(pkvReadings.committeeId, committeeId));
    assert.deepEqual(readings.map((r) => r.origin), ['demo']);

    const pops = await db().select().from(populations).where(inArray(populations.organisationId, municipalityIds));
    assert.equal(pops.length, DEMO_MUNICIPALITIES.length * Object.keys(POPULATION_SOURCES).length);
    for (const p of pops) assert.equal(p.origin, POPULATION_SOURCES[p.year]?.origin, `population ${p.year}`);
    assert.ok(pops.some((p) => p.origin === 'demo') && pops.some((p) => p.origin === 'seed'));

    const boards = await db().select().from(officialBoardConfirmations).where(inArray(officialBoardConfirmations.municipalityId, municipalityIds));
    assert.equal(boards.length, DEMO_MUNICIPALITIES.length);
    for (const b of boards) assert.equal(b.origin, 'demo');

    const caseRows = await db().select().from(cases);
    const docRows = await db().select().from(documents);
    assert.equal(caseRows.length, DEMO_CASES.length);
    assert.equal(docRows.length, DEMO_DOCUMENTS.length);
    for (const c of caseRows) assert.equal(c.origin, DEMO_CASES.find((x) => x.year === c.year && x.number === c.number)?.invented ? 'demo' : 'seed', `case ${c.year}/${c.number}`);
    for (const d of docRows) assert.equal(d.origin, DEMO_DOCUMENTS.find((x) => x.year === d.year && x.number === d.number)?.invented ? 'demo' : 'seed', `document ${d.year}.${d.number}`);
  });

  test('the meeting list and the agenda say Exempeldata for an invented meeting, not for the seed’s nor for one the secretary plans', async () => {
    const secretary = await principalOf(DEMO_LOGIN_EMAILS.secretary);
    const own = await t.services.schedule.create(secretary, { bodyId: committeeBody, kind: 'meeting', date: '2022-11-16', startTime: '13:00', endTime: '15:00', place: 'Kommunhuset, Boden' });
    const rows = await db().select().from(meetings).where(eq(meetings.bodyId, committeeBody));
    const earlier = rows.find((m) => swedishDate(m.startsAt) === DEMO_EARLIER_MEETINGS_2022[0]?.time.date);
    const seed = rows.find((m) => swedishDate(m.startsAt) === DEMO_SEED_MEETING.time.date);
    assert.ok(earlier && seed);

    const client = await signedIn(DEMO_LOGIN_EMAILS.secretary);
    const list = (await client.get(`/moten?organ=${committeeBody}&ar=2022`)).body;
    assert.ok(rowWith(list, `/moten/${earlier.id}"`).includes(MARK), 'the invented meeting');
    // The seed names no place for its meeting: the demo's place is example data.
    assert.ok(rowWith(list, `/moten/${seed.id}"`).includes(MARK), 'the seed’s meeting');
    assert.ok(!rowWith(list, `/moten/${own}"`).includes(MARK), 'the secretary’s meeting');

    const placeholders = await db().select().from(agendaItems).where(eq(agendaItems.meetingId, earlier.id));
    const agenda = (await client.get(`/moten/${earlier.id}/dagordning`)).body;
    // The place, and each placeholder item.
    assert.equal(agenda.split(MARK).length - 1, placeholders.length + 1);
    // The seed's meeting: its place only; its items are the seed's own.
    assert.equal((await client.get(`/moten/${seed.id}/dagordning`)).body.split(MARK).length - 1, 1);
    assert.ok(!(await client.get(`/moten/${own}/dagordning`)).body.includes(MARK));
  });

  test('the seed meeting’s page says what the demo added to it; the calendar, OParl and the registry API carry the marker', async () => {
    const secretary = await principalOf(DEMO_LOGIN_EMAILS.secretary);
    const own = await t.services.schedule.create(secretary, { bodyId: committeeBody, kind: 'meeting', date: '2023-11-22', startTime: '09:00', endTime: '12:00', place: 'Kommunhuset, Piteå' });
    const rows = await db().select().from(meetings).where(eq(meetings.bodyId, committeeBody));
    const seed = rows.find((m) => m.origin === 'seed');
    const invented = rows.find((m) => m.origin === 'demo');
    assert.ok(seed && invented);

    const client = await signedIn(DEMO_LOGIN_EMAILS.secretary);
    const note = translator('sv')('schedule.seedMeetingNote', { date: DEMO_SEED_MEETING.time.date });
    const seedPage = (await client.get(`/moten/${seed.id}`)).body;
    assert.ok(seedPage.includes(note), 'the note on the seed meeting’s page');
    // Its time and its place.
    assert.equal(seedPage.split(MARK).length - 1, 2);
    const ownPage = (await client.get(`/moten/${own}`)).body;
    assert.ok(!ownPage.includes(MARK) && !ownPage.includes(note));

    // The calendar: every meeting of the demo says Exempeldata in its title, the secretary's does not.
    const ics = (await new TestClient(t.app).get(`/kalender/${committeeBody}.ics`)).body.replace(/\r\n /g, '');
    const summaries = new Map(
      ics.split('BEGIN:VEVENT').slice(1).map((event) => [/UID:([0-9a-f-]{36})@/.exec(event)?.[1] ?? '', /SUMMARY:(.*)/.exec(event)?.[1] ?? ''] as const),
    );
    const listed = rows.filter((m) => m.status !== 'cancelled');
    assert.equal(summaries.size, listed.length);
    for (const m of listed) assert.equal(summaries.get(m.id)?.endsWith(`(${MARK})`), m.origin !== null, `${swedishDate(m.startsAt)} ${m.origin ?? 'user'}`);

    // OParl: kansli:origin on meetings, agenda items and papers of the demo.
    const oparl = async (url: string) => JSON.parse((await t.app.inject(url)).body) as Record<string, unknown>;
    const seedMeeting = await oparl(`/oparl/v1/meeting/${seed.id}`);
    assert.equal(seedMeeting['kansli:origin'], 'seed');
    assert.equal((await oparl(`/oparl/v1/meeting/${invented.id}`))['kansli:origin'], 'demo');
    for (const item of seedMeeting.agendaItem as Record<string, unknown>[]) assert.equal(item['kansli:origin'], 'seed', String(item.name));
    const caseRows = await db().select().from(cases);
    const docRows = await db().select().from(documents);
    // The committee's cases with a public document are its papers.
    const published = (c: (typeof caseRows)[number]) => c.organisationId === committeeId && docRows.some((d) => d.caseId === c.id && d.secrecy === 'public');
    const papers = caseRows.filter(published);
    assert.ok(papers.some((c) => c.origin === 'seed'));
    for (const c of papers) assert.equal((await oparl(`/oparl/v1/paper/${c.id}`))['kansli:origin'], c.origin, c.title);

    // The registry API: origin on every case and document; a case made through the API has none.
    const token = await t.services.auth.createApiToken(secretary, 'demo-origin');
    const api = (method: 'GET' | 'POST', url: string, json?: unknown) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) }, payload: json ? JSON.stringify(json) : undefined });
    const listedCases = JSON.parse((await api('GET', '/api/v1/cases')).body) as { cases: { id: string; origin: string | null }[] };
    assert.equal(listedCases.cases.length, caseRows.length);
    for (const c of listedCases.cases) assert.equal(c.origin, caseRows.find((r) => r.id === c.id)?.origin, c.id);
    const listedDocs = JSON.parse((await api('GET', '/api/v1/documents')).body) as { documents: { id: string; origin: string | null }[] };
    assert.ok(listedDocs.documents.length > 0);
    for (const d of listedDocs.documents) assert.equal(d.origin, docRows.find((r) => r.id === d.id)?.origin, d.id);
    const created = await api('POST', '/api/v1/cases', { organisation: DEMO_COMMITTEE_SLUG, title: 'Ett ärende som sekreteraren öppnar', classificationCode: papers[0]?.classificationCode });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((JSON.parse(created.body) as { origin: unknown }).origin, null);
  });

  test('cooperation pages and the matrix export mark invented decisions; a decision recorded by hand is not marked', async () => {
    const coordinator = await principalOf(DEMO_LOGIN_EMAILS.coordinator);
    const own = await t.services.cooperation.createInitiative(coordinator, { name: 'Gemensam växel', description: 'Egen satsning' });
    const [demo] = await db().select().from(initiatives).where(and(eq(initiatives.committeeId, committeeId), eq(initiatives.name, DEMO_INITIATIVES[0]?.name ?? '')));
    assert.ok(demo);

    const client = await signedIn(DEMO_LOGIN_EMAILS.coordinator);
    assert.ok((await client.get(`/samverkan/${demo.id}/matris`)).body.includes(MARK));
    assert.ok((await client.get(`/samverkan/${demo.id}/matris.csv`)).body.includes(`(${MARK})`));
    assert.ok(rowWith((await client.get('/samverkan')).body, `/samverkan/${demo.id}"`).includes(MARK));
    assert.ok(!rowWith((await client.get('/samverkan')).body, `/samverkan/${own.id}"`).includes(MARK));
    assert.ok(!(await client.get(`/samverkan/${own.id}/matris`)).body.includes(MARK));
    assert.ok(!(await client.get(`/samverkan/${own.id}/matris.csv`)).body.includes(MARK));

    // The registrar of Piteå records Piteå's own decision in a demo initiative's open phase.
    const registrar = await principalOf(DEMO_LOGIN_EMAILS.registrar);
    const pitea = registrar.grants.find((g) => g.role === 'registrar')?.organisationId ?? '';
    const open = await db().select().from(initiativePhases).where(and(eq(initiativePhases.initiativeId, demo.id)));
    const openKey = open.find((p) => p.closedAt === null)?.phaseKey ?? '';
    const [cell] = await db().select().from(initiativeDecisions).where(and(eq(initiativeDecisions.initiativeId, demo.id), eq(initiativeDecisions.phaseKey, openKey), eq(initiativeDecisions.organisationId, pitea)));
    assert.ok(cell, 'a cell of Piteå in the open phase');
    const cellPage = (id: string) => client.get(`/samverkan/beslut/${id}`);
    assert.ok((await cellPage(cell.id)).body.includes(MARK));
    await t.services.cooperation.recordDecision(registrar, cell.id, { status: 'no', decidingBody: 'Kommunstyrelsen', decidedOn: '2023-02-07', paragraph: '§ 12' });
    const [after] = await db().select().from(initiativeDecisions).where(eq(initiativeDecisions.id, cell.id));
    assert.equal(after?.origin, null);
    const page = (await cellPage(cell.id)).body;
    // Its history keeps the invented opening, marked; the decision itself is not.
    const status = page.slice(page.indexOf('<dl class="facts">'), page.indexOf('</dl>'));
    assert.ok(!status.includes(MARK), 'the recorded decision is not marked');
    assert.ok(rowWith(page, '2023-02-07').includes('§ 12') && !rowWith(page, '2023-02-07').includes(MARK));
  });

  test('internal control: the invented activities are marked, one the secretary adds is not', async () => {
    const secretary = await principalOf(DEMO_LOGIN_EMAILS.secretary);
    await t.services.planning.control.addActivity(secretary, { ar: '2023' }, { title: 'Stickprov på leverantörsfakturor', owner: 'Ekonom', dueOn: '2023-09-30' });
    const client = await signedIn(DEMO_LOGIN_EMAILS.secretary);
    const page = (await client.get('/planering/internkontroll?ar=2023')).body;
    // The activities' own rows (a risk's method may read the same as an activity's title).
    for (const a of ACTIVITIES_2023) assert.ok(rowWith(page, `scope="row">${a.title}`).includes(MARK), a.title);
    assert.ok(!rowWith(page, 'scope="row">Stickprov på leverantörsfakturor').includes(MARK));
  });
});
