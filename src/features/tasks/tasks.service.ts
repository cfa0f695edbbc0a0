/**
 * "Att göra": what is the signed-in person's to do, computed from the database each time, within
 * the organisations where the person holds the role (a registrar in one municipality sees only
 * that municipality's postings). Each task links to the page where it is done, with its deadline
 * and how many days late it is.
 */
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { addDays, compareDates, daysBetween, justeringDeadline, noticeDeadline } from '../../domain/index.js';
import * as authRepo from '../auth/auth.repository.js';
import { can, organisationsWhere, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { signerRolesOf, type SignerRole } from '../protocols/signers.js';
import type { PublicationService } from '../publication/publication.service.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import { listMandatesOn } from '../meetings/meetings.repository.js';
import { substitutesToCall } from '../meetings/member-room/member-room.service.js';
import { substituteMailState, type SubstituteMailState } from '../meetings/member-room/member-room.rules.js';
import * as repo from './tasks.repository.js';
import { recordPostingPath } from '../publication/notice-link.service.js';

/** One thing to do: where it is done, the meeting it concerns, its deadline and days past it. */
export interface Task {
  href: string;
  bodyName: string;
  meetingDate: string;
  deadline: string;
  /** Days after the deadline today; 0 when not late. */
  daysLate: number;
}

export interface JusteringTask extends Task {
  protocolId: string;
  /** The roles in which the person still has to sign. */
  roles: SignerRole[];
}

export interface PostingTask extends Task {
  noticeId: string;
  municipality: string;
  justeredOn: string;
}

export interface DecisionTask extends Task {
  cellId: string;
  municipality: string;
  initiative: string;
  decision: { sv: string; en: string };
  /** The decision's deadline, when the phase or the cell has one. */
  hasDeadline: boolean;
}

export interface AbsenceTask extends Task {
  reportId: string;
  member: string;
  note: string | null;
  /** The substitutes of the member's municipality to call in (reglemente 17 §), and how their e-mailed call goes. */
  substitutes: { name: string; state: SubstituteMailState; at: Date | null }[];
}

/** A comment from justering for the secretary to answer or apply (issue 18). */
export interface ReviewTask extends Task {
  commentId: string;
  paragraphNumber: number | null;
  paragraphHeading: string;
}

export interface Tasks {
  today: string;
  /** Protocols locked for justering that wait for my signature (KL 5:69). */
  justering: JusteringTask[];
  /** Notices my municipality posts by hand that have no posting date yet (KL 8:12). */
  postings: PostingTask[];
  /** The secretary's: closed meetings without a protocol, drafts not locked, notices not sent. */
  drafts: Task[];
  locks: Task[];
  notices: Task[];
  /** Decisions my municipality takes in a joint initiative (the municipality decides for itself, seed § 24). */
  decisions: DecisionTask[];
  /** The secretary's: members who reported absence from a coming meeting, and whom to call in. */
  absences: AbsenceTask[];
  /** Comments from the chair or the adjuster on a protocol under review, not yet answered. */
  reviews: ReviewTask[];
}

/** A closed meeting older than this is history (imported without its protocol), not a task. */
const DRAFT_HORIZON_DAYS = 365;
/** A planned meeting's notice becomes a task this many days before its deadline. */
const NOTICE_HORIZON_DAYS = 30;

export const taskCount = (tasks: Tasks) =>
  tasks.justering.length + tasks.postings.length + tasks.drafts.length + tasks.locks.length + tasks.notices.length + tasks.decisions.length + tasks.absences.length + tasks.reviews.length;

export function createTaskService(deps: { database: Database; clock: Clock; publication: PublicationService; cooperation: Pick<CooperationService, 'myPendingDecisions'> }) {
  const db = deps.database.db;

  const lateness = (deadline: string, today: string) => Math.max(0, daysBetween(deadline, today));

  async function justeringTasks(principal: Principal, today: string): Promise<JusteringTask[]> {
    const personId = (await authRepo.findUserById(db, principal.userId))?.personId;
    if (!personId) return [];
    const rows = (await repo.listLockedProtocolsNaming(db, personId)).filter((r) => can(principal, 'protocol.sign', scopeOf([r.body.organisationId])));
    const signed = await repo.listSignedRoles(db, rows.map((r) => r.protocol.id));
    return rows.flatMap((r) => {
      const roles = signerRolesOf(personId, r.protocol, r.meeting).filter((role) => !(signed.get(r.protocol.id) ?? []).includes(role));
      if (roles.length === 0) return [];
      const meetingDate = swedishDate(r.meeting.startsAt);
      const deadline = justeringDeadline({ meetingDate });
      return [{ protocolId: r.protocol.id, roles, href: `/protokoll/${r.protocol.id}/justera`, bodyName: r.body.name, meetingDate, deadline, daysLate: lateness(deadline, today) }];
    });
  }

  /** The registrar's own municipalities only: the publication service's queue, seen with the registrar grants alone. */
  async function postingTasks(principal: Principal, today: string): Promise<PostingTask[]> {
    const grants = principal.grants.filter((g) => g.role === 'registrar');
    if (grants.length === 0) return [];
    const queue = await deps.publication.registrarQueue({ ...principal, grants });
    return queue
      .filter((n) => n.method === 'manual' && n.postedOn === null && n.mayRecord)
      .map((n) => ({
        noticeId: n.noticeId,
        municipality: n.municipality.name,
        justeredOn: n.justeredOn,
        href: recordPostingPath(n.noticeId),
        bodyName: n.bodyName,
        meetingDate: n.meetingDate,
        deadline: n.deadline,
        daysLate: lateness(n.deadline, today),
      }));
  }

  async function secretaryTasks(principal: Principal, now: Date, today: string) {
    const committees = organisationsWhere(principal, 'meeting.plan');
    const task = (href: string, bodyName: string, startsAt: Date, deadline: (meetingDate: string) => string): Task => {
      const meetingDate = swedishDate(startsAt);
      return { href, bodyName, meetingDate, deadline: deadline(meetingDate), daysLate: lateness(deadline(meetingDate), today) };
    };
    const byJustering = (meetingDate: string) => justeringDeadline({ meetingDate });
    const closed = await repo.listClosedMeetingsWithoutProtocol(db, committees, new Date(now.getTime() - DRAFT_HORIZON_DAYS * 86_400_000));
    const drafts = await repo.listDraftProtocols(db, committees);
    const planned = await repo.listPlannedMeetingsWithoutNotice(db, committees, new Date(now.getTime() - 86_400_000));
    const comments = await repo.listOpenReviewComments(db, committees);
    return {
      reviews: comments.map((r): ReviewTask => ({
        ...task(`/moten/${r.meeting.id}/protokoll#synpunkt-${r.comment.id}`, r.body.name, r.meeting.startsAt, byJustering),
        commentId: r.comment.id,
        paragraphNumber: r.comment.paragraphNumber,
        paragraphHeading: r.comment.paragraphHeading,
      })),
      drafts: closed.map((r) => task(`/moten/${r.meeting.id}/protokoll`, r.body.name, r.meeting.startsAt, byJustering)),
      locks: drafts.map((r) => task(`/moten/${r.meeting.id}/protokoll`, r.body.name, r.meeting.startsAt, byJustering)),
      notices: planned
        .filter((r) => compareDates(swedishDate(r.meeting.startsAt), today) >= 0)
        .map((r) => task(`/moten/${r.meeting.id}/kallelse`, r.body.name, r.meeting.startsAt, (meetingDate) => noticeDeadline({ meetingDate, noticeDays: r.body.noticeDays })))
        .filter((t) => compareDates(t.deadline, addDays(today, NOTICE_HORIZON_DAYS)) <= 0),
    };
  }

  /** The municipality's pending decisions in joint initiatives, for those who record them (registrar, preparation-group official). */
  async function decisionTasks(principal: Principal, today: string): Promise<DecisionTask[]> {
    const pending = await deps.cooperation.myPendingDecisions(principal);
    return pending
      .map(({ model, cell, municipality, deadline, decisionLabel }) => ({
        cellId: cell.id,
        municipality: municipality.name,
        initiative: model.initiative.name,
        decision: decisionLabel,
        href: `/samverkan/beslut/${cell.id}`,
        bodyName: model.committee.name,
        meetingDate: '',
        deadline: deadline ?? '',
        hasDeadline: deadline !== null,
        daysLate: deadline ? lateness(deadline, today) : 0,
      }))
      .sort((a, b) => (a.hasDeadline === b.hasDeadline ? compareDates(a.deadline || today, b.deadline || today) : a.hasDeadline ? -1 : 1));
  }

  /** Members who reported absence from a coming meeting of the secretary's committees, with the substitutes to call (reglemente 17 §). */
  async function absenceTasks(principal: Principal, now: Date, today: string): Promise<AbsenceTask[]> {
    const committees = organisationsWhere(principal, 'meeting.plan');
    const startOfToday = new Date(now.getTime() - 86_400_000);
    const rows = (await repo.listUpcomingAbsences(db, committees, startOfToday)).filter((r) => compareDates(swedishDate(r.meeting.startsAt), today) >= 0);
    const calls = await repo.listAbsenceCalls(db, [...new Set(rows.map((r) => r.meeting.id))]);
    const mandatesByMeeting = new Map<string, Awaited<ReturnType<typeof listMandatesOn>>>();
    const out: AbsenceTask[] = [];
    for (const r of rows) {
      const meetingDate = swedishDate(r.meeting.startsAt);
      const called = mandatesByMeeting.get(r.meeting.id) ?? (await listMandatesOn(db, r.body.id, meetingDate));
      mandatesByMeeting.set(r.meeting.id, called);
      const own = called.find((c) => c.person.id === r.person.id)?.mandate;
      const substituteIds = own ? new Set(substitutesToCall(called.map((c) => c.mandate), own).map((m) => m.personId)) : new Set<string>();
      out.push({
        reportId: r.report.id,
        member: r.person.name,
        note: r.report.note,
        substitutes: called
          .filter((c) => substituteIds.has(c.person.id))
          .map((c) => ({ name: c.person.name, ...substituteMailState(c.person.email, calls.filter((m) => m.meetingId === r.meeting.id)) })),
        href: `/moten/${r.meeting.id}/sammantrade#narvaro`,
        bodyName: r.body.name,
        meetingDate,
        deadline: meetingDate,
        daysLate: 0,
      });
    }
    return out;
  }

  return {
    /** The signed-in person's tasks in every role they hold, each within that role's organisations. */
    async forPrincipal(principal: Principal): Promise<Tasks> {
      const now = deps.clock();
      const today = swedishDate(now);
      const [justering, postings, secretary, decisions, absences] = await Promise.all([
        justeringTasks(principal, today),
        postingTasks(principal, today),
        secretaryTasks(principal, now, today),
        decisionTasks(principal, today),
        absenceTasks(principal, now, today),
      ]);
      return { today, justering, postings, ...secretary, decisions, absences };
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
