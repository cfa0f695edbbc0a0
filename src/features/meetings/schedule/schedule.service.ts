import { placeWaitingItems } from '../proceedings/tabling.js';
import type { Config } from '../../../platform/config/config.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { swedishDate, type Clock } from '../../../platform/clock.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { parseInput } from '../../../platform/validation.js';
import { compareDates } from '../../../domain/calendar-date.js';
import { formatCaseNumber } from '../../../domain/case-number.js';
import { isNoticeLate, noticeDeadline } from '../../../domain/notice.js';
import { actorOf } from '../../auth/auth.service.js';
import { assertCan, can, PolicyDenied, requirePrincipal, scopeOf, type Principal } from '../../../platform/auth/policy.js';
import { cooperationScope, listOrganisationRefs, visibleOrganisationIds } from '../../organisation/scope.js';
import * as shared from '../meetings.repository.js';
import * as repo from './schedule.repository.js';
import { ZCycleItemInput, ZMeetingInput, ZMeetingListQuery, type TMeetingInput } from './schedule.schema.js';
import { annualCycleStatus } from './annual-cycle.js';
import { buildMeetingFeed, instantToStockholm } from '../calendar.js';
import type { MeetingRow } from '../meetings.tables.js';
import type { BodyRow } from '../../organisation/organisation.tables.js';

const BODY_NOT_FOUND = { sv: 'Organet finns inte.', en: 'The body does not exist.' };
const MEETING_NOT_FOUND = { sv: 'Mötet finns inte.', en: 'The meeting does not exist.' };

/** A meeting as the pages show it: Swedish wall-clock date and times, never the row as is. */
export interface ScheduledMeeting {
  id: string;
  bodyId: string;
  bodyName: string;
  kind: MeetingRow['kind'];
  date: string;
  startTime: string;
  endTime: string | undefined;
  place: string;
  status: MeetingRow['status'];
  /** The Swedish date the notice (kallelse) went out, if it has. */
  noticeSentOn: string | undefined;
  /** 'demo': a meeting the demo invented, shown as Exempeldata. */
  origin: MeetingRow['origin'];
  /** When the meeting was opened ("2026-03-03 09:58", Swedish time), and the reason when it was opened outside its day. */
  openedAt: string | undefined;
  openReason: string | undefined;
}

export function presentMeeting(m: MeetingRow, body: { name: string } | undefined): ScheduledMeeting {
  const start = instantToStockholm(m.startsAt);
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName: body?.name ?? '',
    kind: m.kind,
    date: start.date,
    startTime: start.time,
    endTime: m.endsAt ? instantToStockholm(m.endsAt).time : undefined,
    place: m.place,
    status: m.status,
    noticeSentOn: m.noticeSentAt ? swedishDate(m.noticeSentAt) : undefined,
    origin: m.origin,
    openedAt: m.openedAt ? `${instantToStockholm(m.openedAt).date} ${instantToStockholm(m.openedAt).time}` : undefined,
    openReason: m.openReason ?? undefined,
  };
}

/** The form's values for a meeting being edited. */
export function meetingFormValues(m: ScheduledMeeting): Record<string, string> {
  return { bodyId: m.bodyId, kind: m.kind, date: m.date, startTime: m.startTime, endTime: m.endTime ?? '', place: m.place };
}

/** What the audit log keeps of a meeting's schedule. */
const scheduleOf = (m: Pick<TMeetingInput, keyof TMeetingInput>) => ({ bodyId: m.bodyId, kind: m.kind, startsAt: m.startsAt, endsAt: m.endsAt, place: m.place });

export function createScheduleService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock, config } = deps;

  async function requireBody(tx: Db, id: string) {
    const body = await shared.findBody(tx, id);
    if (!body) throw notFound(BODY_NOT_FOUND);
    return body;
  }

  async function requireMeeting(tx: Db, id: string) {
    const meeting = await shared.findMeeting(tx, id);
    if (!meeting) throw notFound(MEETING_NOT_FOUND);
    return meeting;
  }

  /** Meeting roles count in the body's committee. */
  const scope = (body: BodyRow) => scopeOf([body.organisationId]);
  /** Meetings are read by those with a role in the body's cooperation (the committee and its members). */
  const readScope = (body: BodyRow) => cooperationScope(db, body.organisationId);
  async function readableBodies(principal: Principal | null) {
    const all = await repo.listBodies(db);
    const visible = visibleOrganisationIds(principal, await listOrganisationRefs(db));
    const readable = all.filter((b) => visible.has(b.organisationId));
    if (!principal || readable.length === 0) throw new PolicyDenied('meeting.read');
    return readable;
  }

  return {
    /** Meetings of one body (or all) in one year; the current Swedish year unless asked. */
    async list(principal: Principal | null, query: unknown) {
      const bodies = await readableBodies(principal);
      const q = ZMeetingListQuery.parse(query);
      const thisYear = Number(swedishDate(clock()).slice(0, 4));
      const year = q.ar ?? thisYear;
      const body = bodies.find((b) => b.id === q.organ);
      const byId = new Map(bodies.map((b) => [b.id, b]));
      const all = (await shared.listMeetings(db, body ? { bodyId: body.id } : {})).map((m) => presentMeeting(m, byId.get(m.bodyId)));
      const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, year, ...all.map((m) => Number(m.date.slice(0, 4)))])].sort((a, b) => a - b);
      return {
        bodies,
        body,
        year,
        years,
        meetings: all.filter((m) => m.date.startsWith(`${year}-`)),
        canPlan: (body ? [body] : bodies).some((b) => can(principal, 'meeting.plan', scope(b))),
      };
    },

    /** The bodies this user may plan meetings for, for the form's choice. */
    async plannableBodies(principal: Principal | null) {
      const plannable = (await repo.listBodies(db)).filter((b) => can(principal, 'meeting.plan', scope(b)));
      if (plannable.length === 0) throw new PolicyDenied('meeting.plan');
      return plannable;
    },

    async find(principal: Principal | null, id: string): Promise<ScheduledMeeting> {
      const meeting = await requireMeeting(db, id);
      const body = await requireBody(db, meeting.bodyId);
      assertCan(principal, 'meeting.read', await readScope(body));
      return presentMeeting(meeting, body);
    },

    /** A meeting for its edit or cancel page: only for those who may plan that body's meetings. */
    async findForPlanning(principal: Principal | null, id: string): Promise<ScheduledMeeting> {
      requirePrincipal(principal, 'meeting.plan');
      const meeting = await requireMeeting(db, id);
      const body = await requireBody(db, meeting.bodyId);
      assertCan(principal, 'meeting.plan', scope(body));
      return presentMeeting(meeting, body);
    },

    async create(principal: Principal | null, raw: unknown): Promise<string> {
      const input = parseInput(ZMeetingInput, raw);
      assertCan(principal, 'meeting.plan', scope(await requireBody(db, input.bodyId)));
      return db.transaction(async (tx) => {
        const row = await repo.insertMeeting(tx, { ...input, status: 'planned', createdAt: clock(), updatedAt: clock() });
        // Items tabled to "the next ordinary meeting" before it was planned come onto its agenda (issue 18).
        const tabledItems = await placeWaitingItems(tx, row, clock());
        await recordAudit(tx, actorOf(principal), { action: 'meeting.create', entity: 'meeting', entityId: row.id, after: { ...scheduleOf(input), ...(tabledItems.length > 0 ? { tabledItems } : {}) }, organisationId: (await requireBody(tx, input.bodyId)).organisationId }, clock());
        return row.id;
      });
    },

    /**
     * Changes the time, place, kind or body of a meeting not yet closed or cancelled. Tells
     * whether a notice has already gone out, so that the user can be reminded to send a new one.
     */
    async update(principal: Principal | null, id: string, raw: unknown): Promise<{ noticeAlreadySent: boolean }> {
      const input = parseInput(ZMeetingInput, raw);
      const newBody = await requireBody(db, input.bodyId);
      assertCan(principal, 'meeting.plan', scope(newBody));
      return db.transaction(async (tx) => {
        const before = await shared.lockMeeting(tx, id);
        if (!before) throw notFound(MEETING_NOT_FOUND);
        assertCan(principal, 'meeting.plan', scope(await requireBody(tx, before.bodyId)));
        if (before.status === 'cancelled' || before.status === 'closed') {
          throw conflict({ sv: 'Mötet är inställt eller avslutat och kan inte ändras.', en: 'The meeting is cancelled or closed and cannot be changed.' });
        }
        if (before.bodyId !== input.bodyId && (before.noticeSentAt || (await shared.listItems(tx, id)).length > 0)) {
          throw conflict({ sv: 'Mötet har redan en föredragningslista eller kallelse och kan inte flyttas till ett annat organ.', en: 'The meeting already has an agenda or a notice and cannot move to another body.' });
        }
        await repo.updateMeeting(tx, id, { ...input, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'meeting.update', entity: 'meeting', entityId: id, before: scheduleOf(before), after: scheduleOf(input), organisationId: newBody.organisationId }, clock());
        const moved = before.startsAt.getTime() !== input.startsAt.getTime() || before.place !== input.place || before.endsAt?.getTime() !== input.endsAt?.getTime();
        return { noticeAlreadySent: before.noticeSentAt !== null && moved };
      });
    },

    /** Ställ in: the meeting stays, marked cancelled; only a planned meeting can be cancelled. */
    async cancel(principal: Principal | null, id: string): Promise<void> {
      if (!principal) throw new PolicyDenied('meeting.plan');
      await db.transaction(async (tx) => {
        const before = await shared.lockMeeting(tx, id);
        if (!before) throw notFound(MEETING_NOT_FOUND);
        const body = await requireBody(tx, before.bodyId);
        assertCan(principal, 'meeting.plan', scope(body));
        if (before.status === 'cancelled') throw conflict({ sv: 'Mötet är redan inställt.', en: 'The meeting is already cancelled.' });
        if (before.status !== 'planned') throw conflict({ sv: 'Mötet har redan börjat och kan inte ställas in.', en: 'The meeting has already begun and cannot be cancelled.' });
        await repo.updateMeeting(tx, id, { status: 'cancelled', updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'meeting.cancel', entity: 'meeting', entityId: id, before: { status: before.status }, after: { status: 'cancelled' }, organisationId: body.organisationId }, clock());
      });
    },

    /** The meeting hub: the meeting, its notice, its agenda read-only and the annual-cycle check. */
    async overview(principal: Principal | null, id: string) {
      // One statement for the whole page; the access check comes before anything is shown.
      const page = await repo.findMeetingPage(db, id, principal?.grants.map((g) => g.organisationId) ?? []);
      if (!page) throw notFound(MEETING_NOT_FOUND);
      const { meeting: row, body, items, cycleItems } = page;
      assertCan(principal, 'meeting.read', scopeOf(page.cooperationIds));
      const meeting = presentMeeting(row, body);
      const caseNumber = (i: repo.MeetingPageItem) =>
        i.caseId && i.caseYear !== null && i.caseNumber !== null && i.classificationCode !== null
          ? formatCaseNumber({ year: i.caseYear, runningNumber: i.caseNumber, classificationCode: i.classificationCode })
          : undefined;
      const canReadSecret = can(principal, 'registry.readSecret', scope(body));
      const deadline = noticeDeadline({ meetingDate: meeting.date, noticeDays: body.noticeDays });
      return {
        meeting,
        body,
        agenda: items.map((i) => ({
          id: i.id,
          position: i.position,
          kind: i.kind,
          // A secret item's heading is for those who may read secret documents.
          heading: i.isSecret && !canReadSecret ? undefined : i.heading,
          caseNumber: caseNumber(i),
          origin: i.origin,
        })),
        notice: {
          deadline,
          sentOn: meeting.noticeSentOn,
          late: meeting.noticeSentOn ? isNoticeLate({ meetingDate: meeting.date, noticeDays: body.noticeDays, sentOn: meeting.noticeSentOn }) : false,
          lateReason: row.noticeLateReason,
          overdue: !meeting.noticeSentOn && meeting.status === 'planned' && compareDates(swedishDate(clock()), deadline) > 0,
        },
        annualCycle: annualCycleStatus({ cycleItems, month: Number(meeting.date.slice(5, 7)), agendaItemHeadings: items.map((i) => i.heading) }),
        canPlan: can(principal, 'meeting.plan', scope(body)),
        canRun: can(principal, 'meeting.run', scope(body)),
      };
    },

    async annualCycle(principal: Principal | null, bodyId: string) {
      const body = await requireBody(db, bodyId);
      assertCan(principal, 'meeting.read', await readScope(body));
      return { body, items: await repo.listCycleItems(db, bodyId), canPlan: can(principal, 'meeting.plan', scope(body)) };
    },

    async listBodies(principal: Principal | null) {
      return readableBodies(principal);
    },

    async addCycleItem(principal: Principal | null, bodyId: string, raw: unknown): Promise<void> {
      const body = await requireBody(db, bodyId);
      assertCan(principal, 'meeting.plan', scope(body));
      const input = parseInput(ZCycleItemInput, raw);
      await db.transaction(async (tx) => {
        const row = await repo.insertCycleItem(tx, { bodyId, ...input, createdAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'annualCycle.add', entity: 'annual_cycle_item', entityId: row.id, after: { bodyId, ...input }, organisationId: body.organisationId }, clock());
      });
    },

    async removeCycleItem(principal: Principal | null, bodyId: string, itemId: string): Promise<void> {
      const body = await requireBody(db, bodyId);
      assertCan(principal, 'meeting.plan', scope(body));
      await db.transaction(async (tx) => {
        const before = await repo.findCycleItem(tx, itemId);
        if (!before || before.bodyId !== bodyId) throw notFound({ sv: 'Raden finns inte i årshjulet.', en: 'The row is not in the annual cycle.' });
        await repo.deleteCycleItem(tx, itemId);
        await recordAudit(tx, actorOf(principal), { action: 'annualCycle.remove', entity: 'annual_cycle_item', entityId: itemId, before: { bodyId, month: before.month, title: before.title, matchWords: before.matchWords }, organisationId: body.organisationId }, clock());
      });
    },

    /**
     * The body's meetings as an iCalendar feed. Anyone may subscribe to a public body's calendar;
     * a body that is not public answers "not found" unless the user may read meetings.
     */
    async calendarFeed(principal: Principal | null, bodyId: string, requestOrigin: string): Promise<string> {
      assertCan(principal, 'public');
      const body = await shared.findBody(db, bodyId);
      if (!body || (!body.isPublic && !can(principal, 'meeting.read', await readScope(body)))) throw notFound();
      const rows = await shared.listMeetings(db, { bodyId });
      return buildMeetingFeed({ bodyName: body.name, meetings: rows, baseUrl: config.publicUrl ?? requestOrigin, now: clock() });
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
