/**
 * The demo's meetings: the annual cycle, the 2023 schedule and a coming meeting written through
 * the meeting services as the demo secretary; the past meetings (the seed's 2022-12-14 meeting
 * and the preparation group's 2022 meetings) written directly, each in one transaction with its
 * audit entries, since the services stamp today's time on everything a live meeting records.
 * Idempotent like the rest of the demo: every meeting is found by body, kind and start first.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Services } from '../../services.js';
import type { Db } from '../../platform/db/database.js';
import { agendaItemDocuments, agendaItems, attendanceEvents, meetings, propositions, type AgendaItemRow, type MeetingRow } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { swedishDate } from '../../platform/clock.js';
import { parseHandlingId } from '../../domain/case-number.js';
import { isJusteringLate } from '../../domain/justering.js';
import type { Principal } from '../../platform/auth/policy.js';
import { findUserByEmail, listGrants } from '../auth/auth.repository.js';
import { findCaseByNumber, findDocumentByNumber } from '../registry/registry.repository.js';
import { DEMO_ANNUAL_CYCLE } from '../meetings/schedule/annual-cycle.js';
import { stockholmToInstant } from '../meetings/calendar.js';
import { listCycleItems } from '../meetings/schedule/schedule.repository.js';
import { listItems, listMandatesOn } from '../meetings/meetings.repository.js';
import { loadAttendanceModel, servingAt } from '../meetings/proceedings/live-meeting.state.js';
import { tableItem } from '../meetings/proceedings/tabling.js';
import type { WriteContext } from '../meetings/proceedings/live-meeting.write.js';
import { DEMO_COMMITTEE_SLUG, DEMO_LOGIN_EMAILS } from './demo-data.js';
import { DEMO_CASES } from './registry-demo-data.js';
import {
  DEMO_COMING_MEETING, DEMO_EARLIER_MEETINGS_2022, DEMO_PREPARATION_MEETINGS, comingMeetingDate, DEMO_SCHEDULE_2023, DEMO_SEED_ITEMS, DEMO_SEED_MEETING, DEMO_TABLED_PROPOSAL, PLACEHOLDER_DECISION,
  type DemoMeetingTime, type DemoSeedItem,
} from './demo-meetings-data.js';
import { firstRow } from '../../platform/db/first-row.js';

const DEMO_ACTOR: Actor = { userId: null, label: 'demo' };

interface DemoMeetingContext {
  services: Services;
  /** The demo secretary: the services check access as for anyone else. */
  secretary: Principal;
  committeeId: string;
  committeeBodyId: string;
  preparationBodyId: string;
  /** Municipality id → slug. */
  slugOf: Map<string, string>;
}

type MeetingKind = MeetingRow['kind'];

function instant(date: string, time: string): Date {
  const at = stockholmToInstant(date, time);
  if (!at) throw new Error(`demo time ${date} ${time} does not exist`);
  return at;
}

const startOf = (t: DemoMeetingTime) => instant(t.date, t.startTime);
const endOf = (t: DemoMeetingTime) => (t.endTime ? instant(t.date, t.endTime) : null);
/** Invented: the notice of a past meeting went out a week before (reglemente 10 §: five days). */
const noticeOf = (t: DemoMeetingTime) => new Date(startOf(t).getTime() - 7 * 86_400_000);

async function findMeetingAt(db: Db, bodyId: string, kind: MeetingKind, startsAt: Date): Promise<MeetingRow | undefined> {
  return firstRow(db.select().from(meetings).where(and(eq(meetings.bodyId, bodyId), eq(meetings.kind, kind), eq(meetings.startsAt, startsAt))));
}

async function loadContext(services: Services): Promise<DemoMeetingContext> {
  const db = services.database.db;
  const [committee] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
  const user = await findUserByEmail(db, DEMO_LOGIN_EMAILS.secretary);
  if (!committee || !user) throw new Error('the demo committee and its secretary must be loaded first');
  const bodyRows = await db.select().from(bodies).where(eq(bodies.organisationId, committee.id));
  const bodyId = (slug: string) => bodyRows.find((b) => b.slug === slug)?.id ?? '';
  const towns = await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(eq(organisations.committeeId, committee.id));
  return {
    services,
    secretary: { userId: user.id, email: user.email, name: user.name, grants: await listGrants(db, user.id) },
    committeeId: committee.id,
    committeeBodyId: bodyId('e-namnden'),
    preparationBodyId: bodyId('beredningsgruppen'),
    slugOf: new Map(towns.map((t) => [t.id, t.slug])),
  };
}

/** Årshjul: the business plan's rows for the committee, each once (business plan 6.1.1). */
async function ensureAnnualCycle(c: DemoMeetingContext): Promise<void> {
  const have = new Set((await listCycleItems(c.services.database.db, c.committeeBodyId)).map((r) => `${r.month}|${r.title}`));
  for (const row of DEMO_ANNUAL_CYCLE) {
    if (have.has(`${row.month}|${row.title}`)) continue;
    await c.services.schedule.addCycleItem(c.secretary, c.committeeBodyId, { month: row.month, title: row.title, matchWords: [...row.matchWords] });
  }
}

/**
 * A planned meeting through the schedule service, unless one is already at that time; marked as
 * invented (origin 'demo': the seed gives no places, and the coming meeting is the demo's own).
 */
async function ensurePlanned(c: DemoMeetingContext, kind: MeetingKind, t: DemoMeetingTime): Promise<MeetingRow> {
  const db = c.services.database.db;
  const found = await findMeetingAt(db, c.committeeBodyId, kind, startOf(t));
  if (found) return found;
  await c.services.schedule.create(c.secretary, { bodyId: c.committeeBodyId, kind, date: t.date, startTime: t.startTime, endTime: t.endTime ?? '', place: t.place });
  const [created] = await db
    .update(meetings)
    .set({ origin: 'demo' })
    .where(and(eq(meetings.bodyId, c.committeeBodyId), eq(meetings.kind, kind), eq(meetings.startsAt, startOf(t))))
    .returning();
  if (!created) throw new Error(`demo meeting ${t.date} was not created`);
  return created;
}

/**
 * The coming meeting and its agenda, counted from today (the clock): a committee meeting still
 * ahead is kept, else one is planned. Items are added only while the meeting is still planned.
 */
async function ensureComingMeeting(c: DemoMeetingContext): Promise<void> {
  const db = c.services.database.db;
  const now = c.services.clock();
  const ahead = (await db.select().from(meetings).where(and(eq(meetings.bodyId, c.committeeBodyId), eq(meetings.kind, 'meeting'), gt(meetings.startsAt, now)))).find((m) => m.status === 'planned');
  const meeting = ahead ?? (await ensurePlanned(c, 'meeting', { ...DEMO_COMING_MEETING.time, date: comingMeetingDate(swedishDate(now)) }));
  if (meeting.status !== 'planned') return;
  const headings = new Set((await listItems(db, meeting.id)).map((i) => i.heading));
  for (const item of DEMO_COMING_MEETING.items) {
    if (headings.has(item.heading)) continue;
    const caseRow = item.case ? await findCaseByNumber(db, c.committeeId, item.case.year, item.case.number) : undefined;
    await c.services.agenda.addItem(c.secretary, meeting.id, {
      kind: item.kind,
      heading: item.heading,
      caseId: caseRow?.id ?? '',
      proposal: item.proposal,
      summary: item.summary,
      recipients: '',
      otherHids: item.hids.join(', '),
      isSecret: item.isSecret ?? false,
    });
    // Invented: the coming meeting's agenda texts.
    await db.update(agendaItems).set({ origin: 'demo' }).where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.heading, item.heading)));
  }
}

/** The case a seed paragraph handled, from the demo registry's own record of it. */
async function caseOfParagraph(tx: Db, committeeId: string, paragraph: number): Promise<string | null> {
  const c = DEMO_CASES.find((x) => x.organisation === DEMO_COMMITTEE_SLUG && x.paragraph === `§ ${paragraph}`);
  if (!c) return null;
  return (await findCaseByNumber(tx, committeeId, c.year, c.number))?.id ?? null;
}

async function insertSeedItem(tx: Db, c: DemoMeetingContext, meetingId: string, position: number, item: DemoSeedItem): Promise<AgendaItemRow> {
  const [row] = await tx
    .insert(agendaItems)
    .values({
      meetingId,
      position,
      kind: item.kind,
      caseId: await caseOfParagraph(tx, c.committeeId, item.paragraph),
      heading: item.heading,
      proposal: item.proposal,
      summary: item.summary,
      recipients: item.recipients,
      protocolNotes: item.handling,
      origin: 'seed',
    })
    .returning();
  if (!row) throw new Error('insert returned no agenda item');
  for (const [index, hid] of item.hids.entries()) {
    const { year, number } = parseHandlingId(hid);
    const doc = await findDocumentByNumber(tx, c.committeeId, year, number);
    if (!doc) throw new Error(`demo document ${hid} is missing`);
    await tx.insert(agendaItemDocuments).values({ itemId: row.id, documentId: doc.id, position: index });
  }
  return row;
}

/**
 * Närvaro at the start: every member present except the one municipality's, whose substitute
 * serves in the member's place (reglemente 17 §); the other substitutes did not attend.
 */
async function recordSeedAttendance(tx: Db, c: DemoMeetingContext, meeting: MeetingRow): Promise<void> {
  const called = await listMandatesOn(tx, c.committeeBodyId, swedishDate(meeting.startsAt));
  for (const { mandate, person } of called) {
    if (mandate.role !== 'member' && mandate.role !== 'substitute') continue;
    const absentTown = c.slugOf.get(mandate.municipalityId) === DEMO_SEED_MEETING.absentMemberOf;
    const present = mandate.role === 'member' ? !absentTown : absentTown;
    await tx.insert(attendanceEvents).values({ meetingId: meeting.id, personId: person.id, type: present ? 'present' : 'absent', recordedAt: meeting.startsAt });
  }
}

/** Bifall or noting, as the seed says; the chair's proposition in the chair's words (the protocol words it). */
async function decideSeedItem(tx: Db, row: AgendaItemRow, item: DemoSeedItem): Promise<void> {
  const noted = item.kind === 'information';
  await tx.insert(propositions).values({ itemId: row.id, position: 1, text: item.proposition, outcome: 'approved' });
  await tx
    .update(agendaItems)
    .set({ status: noted ? 'noted' : 'decided', decisionText: item.decision ?? item.proposal, decidedBy: 'acclamation' })
    .where(eq(agendaItems.id, row.id));
}

/** The seed's 2022-12-14 meeting, closed and adjusted, with § 22 tabled to 2023-03-03. */
async function ensureSeedMeeting(c: DemoMeetingContext): Promise<void> {
  const { services } = c;
  const t = DEMO_SEED_MEETING.time;
  if (await findMeetingAt(services.database.db, c.committeeBodyId, 'meeting', startOf(t))) return;
  if (isJusteringLate({ meetingDate: t.date, justeringDate: DEMO_SEED_MEETING.justeringDate })) throw new Error('demo justering is late');
  const now = services.clock();
  await services.database.db.transaction(async (tx) => {
    const startsAt = startOf(t);
    const [meeting] = await tx
      .insert(meetings)
      .values({ bodyId: c.committeeBodyId, kind: 'meeting', startsAt, endsAt: endOf(t), place: t.place, status: 'open', noticeSentAt: noticeOf(t), openedAt: startsAt, createdAt: now, updatedAt: now, origin: 'seed' })
      .returning();
    if (!meeting) throw new Error('insert returned no meeting');
    await recordAudit(tx, DEMO_ACTOR, { action: 'meeting.create', entity: 'meeting', entityId: meeting.id, after: { date: t.date, place: t.place, source: 'seed protocol 2022-12-14' }, organisationId: c.committeeId }, now);
    const rows: AgendaItemRow[] = [];
    for (const [index, item] of DEMO_SEED_ITEMS.entries()) rows.push(await insertSeedItem(tx, c, meeting.id, index + 1, item));
    await recordSeedAttendance(tx, c, meeting);
    const w: WriteContext = { tx, meeting, model: await loadAttendanceModel(tx, meeting), now, audit: (...args) => recordAuditIn(tx, now, c.committeeId, ...args) };
    for (const [index, item] of DEMO_SEED_ITEMS.entries()) {
      const row = rows[index];
      if (!row) continue;
      // KL 6:27: the demo's own data must be lawful too.
      if (!servingAt(w.model, index).quorum?.quorate) throw new Error(`demo meeting lacks quorum at § ${item.paragraph}`);
      if (item.tabledTo) await tableSeedItem(w, c, row, item);
      else await decideSeedItem(tx, row, item);
    }
    const adjuster = w.model.people.find((p) => p.role === 'member' && c.slugOf.get(p.municipalityId) === DEMO_SEED_MEETING.adjusterOf);
    const closing = { status: 'closed' as const, closedAt: endOf(t), adjusterPersonId: adjuster?.personId ?? null, justeringPlace: DEMO_SEED_MEETING.justeringPlace, justeringDate: DEMO_SEED_MEETING.justeringDate };
    await tx.update(meetings).set({ ...closing, updatedAt: now }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, DEMO_ACTOR, { action: 'meeting.live.close', entity: 'meeting', entityId: meeting.id, before: { status: 'open' }, after: closing, organisationId: c.committeeId }, now);
  });
}

function recordAuditIn(tx: Db, now: Date, organisationId: string, action: string, entity: string, entityId: string | null, change: { before?: unknown; after?: unknown }): Promise<void> {
  return recordAudit(tx, DEMO_ACTOR, { action: `meeting.live.${action}`, entity, entityId, ...change, organisationId }, now);
}

/**
 * Bordläggning through the live meeting's own tabling, so that the item on the later meeting
 * points back with its history; the secretary then writes the proposal for that meeting.
 */
async function tableSeedItem(w: WriteContext, c: DemoMeetingContext, row: AgendaItemRow, item: DemoSeedItem): Promise<void> {
  const date = item.tabledTo ?? '';
  const later = (await w.tx.select().from(meetings).where(and(eq(meetings.bodyId, c.committeeBodyId), eq(meetings.kind, 'meeting')))).find((m) => swedishDate(m.startsAt) === date);
  if (!later) throw new Error(`demo meeting ${date} is missing`);
  const { newItemId } = await tableItem(w, { item: row, targetMeetingId: later.id });
  // The seed's chair put it without the date ("föreslår att bordlägga ärendet"); the date is in the notes.
  await w.tx.update(propositions).set({ text: item.proposition }).where(eq(propositions.itemId, row.id));
  // Invented: the proposal for the later meeting (the seed only says the item was tabled).
  await w.tx.update(agendaItems).set({ proposal: DEMO_TABLED_PROPOSAL, updatedAt: w.now, origin: 'demo' }).where(eq(agendaItems.id, newItemId));
  await recordAudit(w.tx, DEMO_ACTOR, { action: 'agenda.item.update', entity: 'agenda_item', entityId: newItemId, before: { proposal: row.proposal }, after: { proposal: DEMO_TABLED_PROPOSAL }, organisationId: c.committeeId }, w.now);
}

/**
 * A past meeting of `bodyId` at `time`, written closed (opened at its start, closed at its end, its
 * notice a week before) in one transaction with what `fill` adds to it; nothing when it is there.
 */
async function ensureClosedMeeting(c: DemoMeetingContext, bodyId: string, time: DemoMeetingTime, now: Date, fill: (tx: Db, meeting: MeetingRow) => Promise<void>): Promise<void> {
  const db = c.services.database.db;
  const startsAt = startOf(time);
  if (await findMeetingAt(db, bodyId, 'meeting', startsAt)) return;
  await db.transaction(async (tx) => {
    const closedAt = endOf(time);
    const [meeting] = await tx
      .insert(meetings)
      .values({ bodyId, kind: 'meeting', startsAt, endsAt: closedAt, place: time.place, status: 'closed', noticeSentAt: noticeOf(time), openedAt: startsAt, closedAt, createdAt: now, updatedAt: now, origin: 'demo' })
      .returning();
    if (!meeting) throw new Error('insert returned no meeting');
    await fill(tx, meeting);
  });
}

/**
 * The committee's earlier 2022 meetings (§§ 1–18): closed, every member present, each paragraph a
 * placeholder item; meetings and items are invented (origin 'demo'): the seed has only the
 * December protocol.
 */
async function ensureEarlierMeetings(c: DemoMeetingContext): Promise<void> {
  const now = c.services.clock();
  for (const e of DEMO_EARLIER_MEETINGS_2022) {
    await ensureClosedMeeting(c, c.committeeBodyId, e.time, now, async (tx, meeting) => {
      const [first, last] = e.paragraphs;
      for (let n = first; n <= last; n += 1) {
        const known = e.known[n];
        const heading = known?.heading ?? `Paragraf ${n} (platshållare)`;
        const decision = known?.decision ?? PLACEHOLDER_DECISION;
        await tx.insert(agendaItems).values({ meetingId: meeting.id, position: n - first + 1, kind: 'decision', heading, proposal: decision, summary: '', status: 'decided', decisionText: decision, decidedBy: 'acclamation', origin: 'demo' });
      }
      const called = await listMandatesOn(tx, c.committeeBodyId, e.time.date);
      for (const { mandate, person } of called) {
        if (mandate.role !== 'member') continue;
        await tx.insert(attendanceEvents).values({ meetingId: meeting.id, personId: person.id, type: 'present', recordedAt: meeting.startsAt });
      }
      await recordAudit(tx, DEMO_ACTOR, { action: 'meeting.create', entity: 'meeting', entityId: meeting.id, after: { date: e.time.date, status: 'closed', paragraphs: e.paragraphs, source: 'demo' }, organisationId: c.committeeId }, now);
    });
  }
}

/** The preparation group's 2022 meetings, closed, with each municipality's official present or not. */
async function ensurePreparationMeetings(c: DemoMeetingContext): Promise<void> {
  const now = c.services.clock();
  for (const p of DEMO_PREPARATION_MEETINGS) {
    await ensureClosedMeeting(c, c.preparationBodyId, p.time, now, async (tx, meeting) => {
      const officials = (await listMandatesOn(tx, c.preparationBodyId, p.time.date)).filter((m) => m.mandate.role === 'official');
      for (const { mandate, person } of officials) {
        const absent = p.absent.includes(c.slugOf.get(mandate.municipalityId) ?? '');
        await tx.insert(attendanceEvents).values({ meetingId: meeting.id, personId: person.id, type: absent ? 'absent' : p.remote ? 'remote' : 'present', recordedAt: meeting.startsAt });
      }
      await recordAudit(tx, DEMO_ACTOR, { action: 'meeting.create', entity: 'meeting', entityId: meeting.id, after: { date: p.time.date, place: p.time.place, status: 'closed', absent: p.absent }, organisationId: c.committeeId }, now);
    });
  }
}

/**
 * Load the demo's meetings. Needs the demo committee, its people and its registry (loadDemo
 * loads those first).
 */
export async function loadMeetingsDemo(services: Services): Promise<void> {
  const c = await loadContext(services);
  await ensureAnnualCycle(c);
  for (const row of DEMO_SCHEDULE_2023) await ensurePlanned(c, row.kind, row);
  await ensureEarlierMeetings(c);
  await ensureSeedMeeting(c);
  await ensureComingMeeting(c);
  await ensurePreparationMeetings(c);
}
