import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/support/app.js';
import { agendaItems, attendanceEvents, meetings, type MeetingRow } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { swedishDate } from '../../platform/clock.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { attendanceShare, isJusteringLate, isNoticeLate, servingMembers, type Mandate } from '../../domain/index.js';
import { proposalBlocks } from '../meetings/agenda/agenda.schema.js';
import { listMandatesOn, listItemDocumentIds } from '../meetings/meetings.repository.js';
import { loadAgenda } from '../meetings/agenda/agenda.service.js';
import { caseNumberOf } from '../registry/registry.service.js';
import { formatHandlingId } from '../../domain/case-number.js';
import { DEMO_ANNUAL_CYCLE } from '../meetings/schedule/annual-cycle.js';
import { listCycleItems } from '../meetings/schedule/schedule.repository.js';
import { SEED_DECEMBER_HEADINGS } from '../../../test/support/seed-headings.js';
import { loadDemo } from './demo.js';
import { DEMO_COMING_MEETING, DEMO_PLAN_RECIPIENT, DEMO_SEED_ITEMS, comingMeetingDate } from './demo-meetings-data.js';

const TABLES = ['meetings', 'agenda_items', 'agenda_item_documents', 'attendance_events', 'propositions', 'annual_cycle_items', 'audit_log'];

describe('the demo meetings', () => {
  let t: TestContext;
  let committeeBody: string;
  let preparationBody: string;
  const db = () => t.services.database.db;

  before(async () => {
    t = await createTestApp({ demo: true });
    const rows = await db().select({ id: bodies.id, kind: bodies.kind }).from(bodies);
    committeeBody = rows.find((b) => b.kind === 'committee')?.id ?? '';
    preparationBody = rows.find((b) => b.kind === 'preparation_group')?.id ?? '';
  });
  after(() => t.close());

  async function meetingsOf(bodyId: string): Promise<MeetingRow[]> {
    return db().select().from(meetings).where(eq(meetings.bodyId, bodyId)).orderBy(asc(meetings.startsAt));
  }

  async function committeeMeetingOn(date: string): Promise<MeetingRow> {
    const found = (await meetingsOf(committeeBody)).find((m) => m.kind === 'meeting' && swedishDate(m.startsAt) === date);
    assert.ok(found, `a committee meeting on ${date}`);
    return found;
  }

  test('2022-12-14 is closed with §§ 19–25 in order, their cases, decisions and decision basis', async () => {
    const meeting = await committeeMeetingOn('2022-12-14');
    assert.equal(meeting.status, 'closed');
    const agenda = await loadAgenda(db(), meeting.id);
    assert.deepEqual(agenda.items.map((i) => i.heading), SEED_DECEMBER_HEADINGS);
    assert.deepEqual(agenda.items.map((i) => i.position), [1, 2, 3, 4, 5, 6, 7]);
    const caseNumbers = agenda.items.map((i) => {
      const c = i.caseId ? agenda.caseById.get(i.caseId) : undefined;
      return c ? caseNumberOf(c) : null;
    });
    assert.deepEqual(caseNumbers, ['2022/20-2.4.0.2', '2022/21-1.3.2.2', '2022/22-2.2.0.2', '2022/23-1.2.1.3', '2022/24-2.3.4.1', '2022/25-1.3.1.2', '2022/27-2.2.0.2']);
    assert.deepEqual(agenda.items.map((i) => i.kind), ['decision', 'decision', 'information', 'decision', 'information', 'decision', 'decision']);
    assert.deepEqual(agenda.items.map((i) => i.status), ['decided', 'decided', 'noted', 'tabled', 'noted', 'decided', 'decided']);
    assert.ok(agenda.items.every((i) => i.decidedBy === 'acclamation'));
    const hids = agenda.items.map((i) => agenda.documentsOf(i.id).map((d) => formatHandlingId({ year: d.year, number: d.number })));
    assert.deepEqual(hids, [['2022.9'], ['2022.11', '2022.12'], [], ['2022.14'], ['2022.15'], ['2022.20', '2022.19', '2022.18'], []]);
    const rules = agenda.items[5];
    assert.deepEqual(proposalBlocks(rules?.decisionText ?? '').map((b) => (b.kind === 'point' ? b.number : 'text')), ['1', '2']);
    assert.deepEqual(agenda.items[3]?.recipients, [DEMO_PLAN_RECIPIENT, 'Beredskapssamordnare Samhällsskydd, Kommunstaben Luleå kommun']);
    assert.equal(agenda.items[3]?.protocolNotes, 'Ordföranden (S) föreslår att bordlägga ärendet till e-nämndens sammanträde 2023-03-03.');
  });

  test('the notice went out in time and the protocol is adjusted by a member, not the chair, within 14 days', async () => {
    const meeting = await committeeMeetingOn('2022-12-14');
    const called = await listMandatesOn(db(), committeeBody, '2022-12-14');
    const adjuster = called.find((m) => m.person.id === meeting.adjusterPersonId);
    assert.equal(adjuster?.mandate.role, 'member');
    assert.notEqual(adjuster?.mandate.position, 'chair');
    assert.ok(meeting.justeringPlace);
    assert.equal(isJusteringLate({ meetingDate: '2022-12-14', justeringDate: meeting.justeringDate ?? '' }), false);
    assert.equal(isNoticeLate({ meetingDate: '2022-12-14', noticeDays: 5, sentOn: swedishDate(meeting.noticeSentAt ?? new Date()) }), false);
  });

  test('§ 22 is tabled to 2023-03-03, where the new item points back', async () => {
    const [december, march] = [await committeeMeetingOn('2022-12-14'), await committeeMeetingOn('2023-03-03')];
    const [tabled] = await db().select().from(agendaItems).where(and(eq(agendaItems.meetingId, december.id), eq(agendaItems.status, 'tabled')));
    const [moved] = await db().select().from(agendaItems).where(eq(agendaItems.meetingId, march.id));
    assert.equal(tabled?.heading, 'Verksamhetsplan 2023');
    assert.equal(tabled?.tabledToMeetingId, march.id);
    assert.equal(moved?.tabledFromItemId, tabled?.id);
    assert.equal(moved?.caseId, tabled?.caseId);
    assert.equal(moved?.status, 'pending');
    assert.equal(march.status, 'planned');
    const basis = await listItemDocumentIds(db(), [tabled?.id ?? '', moved?.id ?? '']);
    assert.equal(basis.filter((b) => b.itemId === moved?.id).length, basis.filter((b) => b.itemId === tabled?.id).length);
  });

  test('one member is absent and the substitute of the same municipality serves; the meeting is quorate', async () => {
    const meeting = await committeeMeetingOn('2022-12-14');
    const called = (await listMandatesOn(db(), committeeBody, '2022-12-14')).filter((m) => m.mandate.role === 'member' || m.mandate.role === 'substitute');
    const mandates: Mandate[] = called.map((m) => ({ personId: m.person.id, municipalityId: m.mandate.municipalityId, role: m.mandate.role === 'member' ? 'member' : 'substitute' }));
    const events = (await db().select().from(attendanceEvents).where(eq(attendanceEvents.meetingId, meeting.id))).map((e) => ({ personId: e.personId, type: e.type, itemIndex: 0 }));
    const seats = servingMembers({ mandates, events, itemIndex: 0 });
    assert.equal(seats.length, 14);
    const substitutes = seats.filter((s) => s.servingRole === 'substitute');
    assert.equal(substitutes.length, 1);
    assert.ok(seats.every((s) => s.servingPersonId !== null), 'every seat is filled');
    const substitute = called.find((m) => m.person.id === substitutes[0]?.servingPersonId);
    assert.equal(substitute?.mandate.municipalityId, substitutes[0]?.municipalityId);
    assert.equal(substitute?.mandate.termFrom, '2019-01-01');
  });

  test('the 2023 schedule has the four meetings of § 25, the full day as one, all planned', async () => {
    const listed = (DEMO_SEED_ITEMS.find((i) => i.paragraph === 25)?.handling ?? '').match(/^2023-\d{2}-\d{2}/gm) ?? [];
    const in2023 = (await meetingsOf(committeeBody)).filter((m) => swedishDate(m.startsAt).startsWith('2023-'));
    const dates = (kind: MeetingRow['kind']) => in2023.filter((m) => m.kind === kind).map((m) => swedishDate(m.startsAt));
    assert.equal(listed.length, 4);
    assert.deepEqual(dates('meeting'), listed);
    assert.deepEqual(dates('strategy_day'), []);
    assert.ok(in2023.every((m) => m.status === 'planned'));
  });

  test('a coming meeting with an agenda and decision basis, within a term that calls members', async () => {
    const date = comingMeetingDate(swedishDate(t.services.clock()));
    const meeting = await committeeMeetingOn(date);
    assert.equal(meeting.status, 'planned');
    const agenda = await loadAgenda(db(), meeting.id);
    assert.deepEqual(agenda.items.map((i) => i.heading), DEMO_COMING_MEETING.items.map((i) => i.heading));
    assert.ok(agenda.items.filter((i) => i.caseId).length >= 2);
    assert.ok(agenda.items.some((i) => agenda.documentsOf(i.id).length > 0));
    const called = await listMandatesOn(db(), committeeBody, date);
    assert.equal(called.filter((m) => m.mandate.role === 'member').length, 14);
  });

  test('the annual cycle of the business plan belongs to the committee', async () => {
    const rows = await listCycleItems(db(), committeeBody);
    assert.deepEqual(rows.map((r) => `${r.month} ${r.title}`).sort(), DEMO_ANNUAL_CYCLE.map((r) => `${r.month} ${r.title}`).sort());
  });

  test('the preparation group met in 2022 with at least 75 % of the municipalities each time', async () => {
    const [committee] = await db().select().from(organisations).where(eq(organisations.slug, 'norrbottens-e-namnd'));
    const [{ n: towns } = { n: 0 }] = await t.services.database.query<{ n: number }>(sql`select count(*)::int as n from organisations where committee_id = ${committee?.id ?? ''}`);
    const held = (await meetingsOf(preparationBody)).filter((m) => swedishDate(m.startsAt).startsWith('2022-'));
    assert.ok(held.length >= 2 && held.length <= 3);
    for (const m of held) {
      assert.equal(m.status, 'closed');
      const events = await db().select().from(attendanceEvents).where(eq(attendanceEvents.meetingId, m.id));
      assert.equal(events.length, towns);
      const present = events.filter((e) => e.type === 'present' || e.type === 'remote').length;
      assert.ok(attendanceShare({ present, total: towns }) >= 75, `${swedishDate(m.startsAt)}: ${present} of ${towns}`);
    }
  });

  test('a second load adds nothing, and the audit chain holds', async () => {
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of TABLES) out[table] = (await t.services.database.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;
      return out;
    };
    const before = await counts();
    await loadDemo(t.services);
    assert.deepEqual(await counts(), before);
    assert.deepEqual(await verifyAuditChain(db()), { ok: true, count: before.audit_log });
  });
});
