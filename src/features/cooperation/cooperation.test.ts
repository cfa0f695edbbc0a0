/**
 * The cooperation process through its service and routes on a real database: only a
 * municipality records its own decisions, every cell keeps its history, the gate holds a phase
 * until its decisions are in, closing fixes the participants, a late joiner buys in, a fullmakt
 * is recorded, and the matrix exports.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { initiativeDecisionHistory, initiativeDecisions, powersOfAttorney, type InitiativeDecisionRow } from './cooperation.tables.js';
import { organisations, populations } from '../organisation/organisation.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { PolicyDenied, type Principal, type Role } from '../../platform/auth/policy.js';

const NOW = new Date('2026-11-27T09:00:00Z');

describe('cooperation process', () => {
  let t: TestContext;
  let committeeId: string;
  const org: Record<string, string> = {};
  const people: Record<string, Principal> = {};
  let initiativeId: string;

  async function principal(key: string, organisationId: string, role: Role): Promise<Principal> {
    const user = await buildUser(t.services, { organisationId, roles: [role] });
    return (people[key] = { userId: user.id, email: user.email, name: key, grants: [{ organisationId, role }] });
  }

  async function cells(): Promise<InitiativeDecisionRow[]> {
    return t.services.database.db.select().from(initiativeDecisions).where(eq(initiativeDecisions.initiativeId, initiativeId));
  }
  async function cellOf(decisionKey: string, organisationId: string): Promise<InitiativeDecisionRow> {
    const found = (await cells()).find((c) => c.decisionKey === decisionKey && c.organisationId === organisationId);
    assert.ok(found, `cell ${decisionKey} for ${organisationId}`);
    return found;
  }
  const yes = (body: string) => ({ status: 'yes', decidingBody: body, decidedOn: '2026-11-20', paragraph: '§ 12' });

  before(async () => {
    t = await createTestApp({ clock: () => NOW });
    const db = t.services.database.db;
    const built = await buildCommittee(t.services);
    committeeId = built.committee.id;
    org.testby = built.municipality.id;
    for (const [key, name, population] of [['lulea', 'Luleå kommun', 79183], ['pitea', 'Piteå kommun', 42417], ['alvsbyn', 'Älvsbyns kommun', 8081]] as const) {
      const [row] = await db.insert(organisations).values({ kind: 'municipality', name, slug: `${key}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`, committeeId }).returning();
      if (!row) throw new Error('no municipality');
      org[key] = row.id;
      await db.insert(populations).values({ organisationId: row.id, year: 2025, population, source: 'test' });
    }
    await db.insert(populations).values({ organisationId: org.testby ?? '', year: 2025, population: 1000, source: 'test' });
    await principal('coordinator', committeeId, 'coordinator');
    await principal('registrarLulea', org.lulea ?? '', 'registrar');
    await principal('registrarPitea', org.pitea ?? '', 'registrar');
    await principal('officialAlvsbyn', org.alvsbyn ?? '', 'preparation_official');
    await principal('committeeRegistrar', committeeId, 'registrar');
    const created = await t.services.cooperation.createInitiative(people.coordinator ?? null, { name: 'Gemensamt lönesystem', description: 'Förstudie om gemensamt lönesystem.' });
    initiativeId = created.id;
  });
  after(() => t.close());

  test('a new initiative opens its first phase with one pending cell per decider, each with its first history row', async () => {
    const all = await cells();
    assert.deepEqual(all.map((c) => `${c.phaseKey}/${c.decisionKey}/${c.organisationId === committeeId ? 'committee' : 'municipality'}/${c.status}`), ['idea/idea_qualified/committee/pending']);
    const history = await t.services.database.db.select().from(initiativeDecisionHistory).where(eq(initiativeDecisionHistory.decisionId, all[0]?.id ?? ''));
    assert.equal(history.length, 1);
  });

  test('the gate holds the phase until the preparation group has qualified the idea; closing opens the pre-study', async () => {
    const { cooperation } = t.services;
    await assert.rejects(cooperation.closePhase(people.coordinator ?? null, initiativeId), (e: unknown) => e instanceof Error && 'code' in e && e.code === 'CONFLICT');
    const qualified = await cellOf('idea_qualified', committeeId);
    await cooperation.recordDecision(people.coordinator ?? null, qualified.id, { status: 'yes', decidingBody: 'Beredningsgruppen', decidedOn: '2026-11-01' });
    const closed = await cooperation.closePhase(people.coordinator ?? null, initiativeId);
    assert.equal(closed.next, 'prestudy');
    const prestudy = (await cells()).filter((c) => c.phaseKey === 'prestudy');
    // 4 municipalities decide on joining; the preparation group and the committee once each.
    assert.equal(prestudy.length, 6);
    assert.equal(prestudy.filter((c) => c.decisionKey === 'prestudy_join').length, 4);
  });

  test('only a municipality records its own decision (policy: its registrar, never the committee)', async () => {
    const { cooperation } = t.services;
    const luleaJoin = await cellOf('prestudy_join', org.lulea ?? '');
    const accept = await cellOf('prestudy_accept', committeeId);
    // Luleå's registrar records Luleå's decision.
    await cooperation.recordDecision(people.registrarLulea ?? null, luleaJoin.id, yes('Kommunstyrelsen'));
    assert.equal((await cellOf('prestudy_join', org.lulea ?? '')).status, 'yes');
    const denied = (e: unknown) => e instanceof PolicyDenied;
    // Piteå's registrar cannot record Luleå's.
    await assert.rejects(cooperation.recordDecision(people.registrarPitea ?? null, luleaJoin.id, { status: 'no', decidedOn: '2026-11-21' }), denied);
    // The committee's coordinator cannot record a municipality's decision, nor the committee's registrar.
    await assert.rejects(cooperation.recordDecision(people.coordinator ?? null, luleaJoin.id, { status: 'no', decidedOn: '2026-11-21' }), denied);
    await assert.rejects(cooperation.recordDecision(people.committeeRegistrar ?? null, luleaJoin.id, { status: 'no', decidedOn: '2026-11-21' }), denied);
    // A municipality's registrar cannot record the committee's decision.
    await assert.rejects(cooperation.recordDecision(people.registrarLulea ?? null, accept.id, yes('Nämnden')), denied);
    assert.equal((await cellOf('prestudy_join', org.lulea ?? '')).status, 'yes', 'nothing changed by the refused attempts');
    assert.equal((await cellOf('prestudy_accept', committeeId)).status, 'pending');
  });

  test('the same rules hold over HTTP: the form posts of another municipality are refused', async () => {
    const luleaJoin = await cellOf('prestudy_join', org.lulea ?? '');
    const pitea = new TestClient(t.app);
    const piteaUser = await buildUser(t.services, { organisationId: org.pitea ?? '', roles: ['registrar'] });
    await pitea.signIn(piteaUser.email);
    assert.equal((await pitea.post(`/samverkan/beslut/${luleaJoin.id}/kommun`, { status: 'no', decidedOn: '2026-11-22' })).statusCode, 403);
    const page = await pitea.get(`/samverkan/beslut/${luleaJoin.id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Registrera beslut<\/button>/, 'no form for another municipality');
    const ownCell = await cellOf('prestudy_join', org.pitea ?? '');
    const own = await pitea.get(`/samverkan/beslut/${ownCell.id}`);
    assert.match(own.body, /Registrera beslut<\/button>/);
    const saved = await pitea.post(`/samverkan/beslut/${ownCell.id}/kommun`, { status: 'no', decidingBody: 'Kommunstyrelsen', decidedOn: '2026-11-22', paragraph: '§ 7' });
    assert.equal(saved.statusCode, 302);
    assert.equal((await cellOf('prestudy_join', org.pitea ?? '')).status, 'no');
  });

  test('a refused form keeps what was typed and names the field (a yes needs its date)', async () => {
    const cell = await cellOf('prestudy_join', org.alvsbyn ?? '');
    await assert.rejects(t.services.cooperation.recordDecision(people.officialAlvsbyn ?? null, cell.id, { status: 'yes', decidingBody: 'KS' }), (e: unknown) => e instanceof Error && 'fieldErrors' in e && JSON.stringify(e.fieldErrors).includes('decidedOn'));
  });

  test('every change of a cell is kept in its history, newest first, and shown on the cell page', async () => {
    const { cooperation } = t.services;
    const cell = await cellOf('prestudy_join', org.alvsbyn ?? '');
    await cooperation.recordDecision(people.officialAlvsbyn ?? null, cell.id, { status: 'no', decidingBody: 'Kommunstyrelsen', decidedOn: '2026-11-10', paragraph: '§ 3' });
    await cooperation.recordDecision(people.officialAlvsbyn ?? null, cell.id, { status: 'not_applicable', note: 'Ärendet återkallat' });
    const detail = await cooperation.getCell(people.officialAlvsbyn ?? null, cell.id);
    assert.deepEqual(detail.history.map((h) => h.status), ['not_applicable', 'no', 'pending']);
    assert.equal((detail.history[1]?.snapshot as { paragraph: string }).paragraph, '§ 3');
    const audit = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'initiative.decision.record'), eq(auditLog.entityId, cell.id)));
    assert.equal(audit.length, 2);
    // Every cell of the initiative has at least its opening row.
    for (const c of await cells()) {
      const rows = await t.services.database.db.select().from(initiativeDecisionHistory).where(eq(initiativeDecisionHistory.decisionId, c.id));
      assert.ok(rows.length >= 1 + (c.recordedAt ? 1 : 0), `history of ${c.decisionKey}`);
    }
  });

  test('closing fixes the participants (those who said yes); a later yes is a buy-in on the same terms', async () => {
    const { cooperation } = t.services;
    const coordinator = people.coordinator ?? null;
    await cooperation.planPhase(coordinator, initiativeId, { budget: '300 000', decisionDeadline: '2026-12-10' });
    await cooperation.recordDecision(coordinator, (await cellOf('prestudy_basis', committeeId)).id, { status: 'yes', decidedOn: '2026-11-15' });
    await assert.rejects(cooperation.closePhase(coordinator, initiativeId), /cannot be closed|kan inte stängas/);
    await cooperation.recordDecision(coordinator, (await cellOf('prestudy_accept', committeeId)).id, { status: 'yes', decidingBody: 'Nämnden', decidedOn: '2026-11-25' });
    const closed = await cooperation.closePhase(coordinator, initiativeId);
    assert.deepEqual(closed.participantIds, [org.lulea]);
    // Testby decides afterwards to join the pre-study: it buys in.
    const testbyRegistrar = await principal('registrarTestby', org.testby ?? '', 'registrar');
    await cooperation.recordDecision(testbyRegistrar, (await cellOf('prestudy_join', org.testby ?? '')).id, yes('Kommunstyrelsen'));
    const detail = await cooperation.getInitiative(coordinator, initiativeId);
    const prestudy = detail.phases.find((p) => p.template.key === 'prestudy');
    assert.deepEqual(prestudy?.participantIds, [org.lulea], 'participants stay as fixed');
    const buyIn = prestudy?.buyIn?.result;
    assert.ok(buyIn && 'rows' in buyIn);
    const total = buyIn.rows.reduce((s, r) => s + r.after, 0);
    assert.equal(total, 300_000);
    const joiner = buyIn.rows.find((r) => r.partyId === org.testby);
    // 300 000 × 1 000 / 80 183 = 3 741.4 → 3 741
    assert.equal(joiner?.settlement, 3_741);
    assert.equal(buyIn.rows.find((r) => r.partyId === org.lulea)?.settlement, 3_741);
    const page = await new TestClient(t.app).get(`/samverkan/${initiativeId}`);
    assert.equal(page.statusCode, 302, 'signed out: to sign-in');
  });

  test('a fullmakt to the procuring municipality is recorded with the decision', async () => {
    const { cooperation } = t.services;
    const coordinator = people.coordinator ?? null;
    const other = await cooperation.createInitiative(coordinator, { name: 'Upphandling e-arkiv', procuringOrganisationId: org.lulea });
    const db = t.services.database.db;
    // Jump to the realisation phase: open phases in order by closing each through its decisions.
    await db.insert(initiativeDecisions).values({ initiativeId: other.id, phaseKey: 'realisation', decisionKey: 'fullmakt', organisationId: org.pitea ?? '' });
    const [cell] = await db.select().from(initiativeDecisions).where(and(eq(initiativeDecisions.initiativeId, other.id), eq(initiativeDecisions.decisionKey, 'fullmakt')));
    await cooperation.recordDecision(people.registrarPitea ?? null, cell?.id ?? '', yes('Kommunstyrelsen'));
    const [power] = await db.select().from(powersOfAttorney).where(eq(powersOfAttorney.initiativeId, other.id));
    assert.equal(power?.organisationId, org.pitea);
    assert.equal(power?.procuringOrganisationId, org.lulea);
    assert.equal(power?.grantedOn, '2026-11-20');
  });

  test('the matrix exports to CSV and XLSX with each status in words', async () => {
    const client = new TestClient(t.app);
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['secretary'] });
    await client.signIn(user.email);
    const csv = await client.get(`/samverkan/${initiativeId}/matris.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines.length, 1 + 4 + 1, 'header, four municipalities, the committee');
    assert.ok(lines.findIndex((l) => l.startsWith('Luleå')) < lines.findIndex((l) => l.startsWith('Älvsbyn')), 'Swedish order: Å before Ä… and after L');
    assert.match(lines.find((l) => l.startsWith('Luleå')) ?? '', /Ja \(Kommunstyrelsen, 2026-11-20, § 12\)/);
    const xlsx = await client.get(`/samverkan/${initiativeId}/matris.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet?.getCell('A1').value, 'Organisation');
    const values = sheet?.getColumn(1).values.filter(Boolean).map(String) ?? [];
    assert.ok(values.includes('Piteå kommun'));
    const matrix = await client.get(`/samverkan/${initiativeId}/matris`);
    assert.match(matrix.body, /Ej beslutat/);
    assert.match(matrix.body, /Nej/);
  });

  test('the API lists initiatives and records a municipality decision', async () => {
    const client = new TestClient(t.app);
    const user = await buildUser(t.services, { organisationId: org.lulea ?? '', roles: ['registrar'] });
    await client.signIn(user.email);
    const list = await client.get('/api/v1/initiatives');
    assert.equal(list.statusCode, 200);
    const body = JSON.parse(list.body) as { initiatives: { id: string; phase: string }[] };
    assert.equal(body.initiatives.find((i) => i.id === initiativeId)?.phase, 'development');
    const decisions = JSON.parse((await client.get(`/api/v1/initiatives/${initiativeId}/decisions`)).body) as { decisions: { id: string; decision: string; organisationId: string }[] };
    assert.ok(decisions.decisions.length > 6);
  });
});
