/** SQL of the start page's tasks and of the e-mails that say a task has become someone's. */
import { and, asc, desc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { roleAssignments, users } from '../auth/auth.tables.js';
import { meetings, memberReports } from '../meetings/meetings.tables.js';
import { bodies, organisations, people } from '../organisation/organisation.tables.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { protocolReviewComments, protocols, protocolSignatures } from '../protocols/protocols.tables.js';
import { findProtocolContext, selectFromProtocols } from '../protocols/protocol-joins.repository.js';
import { notices } from '../publication/publication.tables.js';
import { taskNotifications } from './tasks.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

/**
 * Locked protocols in which the person may be a signer: chair, the protocol's adjuster or the
 * meeting's. A superset; the caller applies `signerRolesOf`, the one rule of who signs.
 */
export async function listLockedProtocolsNaming(db: Db, personId: string) {
  return selectFromProtocols(db, { protocol: protocols, meeting: meetings, body: bodies })
    .where(and(eq(protocols.status, 'locked'), or(eq(protocols.chairPersonId, personId), eq(protocols.adjusterPersonId, personId), eq(meetings.adjusterPersonId, personId))))
    .orderBy(asc(meetings.startsAt));
}

/** The roles that have signed each protocol as a whole (not its immediately adjusted paragraphs). */
export async function listSignedRoles(db: Db, protocolIds: readonly string[]): Promise<Map<string, string[]>> {
  const signed = new Map<string, string[]>();
  if (protocolIds.length === 0) return signed;
  const rows = await db
    .select({ protocolId: protocolSignatures.protocolId, role: protocolSignatures.role })
    .from(protocolSignatures)
    .where(and(inArray(protocolSignatures.protocolId, [...protocolIds]), isNull(protocolSignatures.paragraphId), isNull(protocolSignatures.voidedAt)));
  for (const r of rows) signed.set(r.protocolId, [...(signed.get(r.protocolId) ?? []), r.role]);
  return signed;
}

/** Closed meetings of the committees' bodies, from `since`, that have no protocol yet. */
export async function listClosedMeetingsWithoutProtocol(db: Db, committeeIds: readonly string[], since: Date) {
  if (committeeIds.length === 0) return [];
  return db
    .select({ meeting: meetings, body: bodies })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(protocols, eq(protocols.meetingId, meetings.id))
    .where(and(inArray(bodies.organisationId, [...committeeIds]), eq(meetings.status, 'closed'), gte(meetings.startsAt, since), isNull(protocols.id)))
    .orderBy(asc(meetings.startsAt));
}

/** Protocol drafts (not yet locked for justering) of the committees' meetings. */
export async function listDraftProtocols(db: Db, committeeIds: readonly string[]) {
  if (committeeIds.length === 0) return [];
  return selectFromProtocols(db, { protocol: protocols, meeting: meetings, body: bodies })
    .where(and(inArray(bodies.organisationId, [...committeeIds]), eq(protocols.status, 'draft')))
    .orderBy(asc(meetings.startsAt));
}

/** Planned meetings of the committees' bodies from `from` on whose notice has not been sent. */
export async function listPlannedMeetingsWithoutNotice(db: Db, committeeIds: readonly string[], from: Date) {
  if (committeeIds.length === 0) return [];
  return db
    .select({ meeting: meetings, body: bodies })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(inArray(bodies.organisationId, [...committeeIds]), eq(meetings.status, 'planned'), isNull(meetings.noticeSentAt), gte(meetings.startsAt, from)))
    .orderBy(asc(meetings.startsAt));
}

/** A protocol with its meeting, body and committee, for the e-mails. */
export const findProtocolForMail = findProtocolContext;

/** A person with the enabled user accounts linked to them. */
export async function findPersonWithAccounts(db: Db, personId: string) {
  const [person] = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, personId));
  if (!person) return undefined;
  const accounts = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.personId, personId), eq(users.disabled, false)))
    .orderBy(asc(users.email));
  return { ...person, accounts };
}

/** The enabled user accounts holding `role` in the organisation. */
export async function listUsersWithRole(db: Db, organisationId: string, role: 'registrar' | 'secretary' | 'preparation_official') {
  return db
    .selectDistinct({ id: users.id, email: users.email, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.organisationId, organisationId), eq(roleAssignments.role, role), eq(users.disabled, false)))
    .orderBy(asc(users.email));
}

/** Members' own reports with their meeting, body and the reporting person. */
function selectMemberReports(db: Db) {
  return db
    .select({ report: memberReports, meeting: meetings, body: bodies, person: { id: people.id, name: people.name } })
    .from(memberReports)
    .innerJoin(meetings, eq(meetings.id, memberReports.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(people, eq(people.id, memberReports.personId));
}

/** Absences reported by members for the committees' coming meetings (planned or open, from `from`). */
export async function listUpcomingAbsences(db: Db, committeeIds: readonly string[], from: Date) {
  if (committeeIds.length === 0) return [];
  return selectMemberReports(db)
    .where(and(inArray(bodies.organisationId, [...committeeIds]), eq(memberReports.type, 'absence'), inArray(meetings.status, ['planned', 'open']), gte(meetings.startsAt, from)))
    .orderBy(asc(meetings.startsAt), asc(people.name));
}

/** The calls to serve ('absence' mails) of the meetings, newest first: how each substitute's call goes. */
export async function listAbsenceCalls(db: Db, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ meetingId: mailLog.meetingId, recipient: mailLog.recipient, status: mailLog.status, error: mailLog.error, nextAttemptAt: mailLog.nextAttemptAt, sentAt: mailLog.sentAt, createdAt: mailLog.createdAt })
    .from(mailLog)
    .where(and(eq(mailLog.kind, 'absence'), inArray(mailLog.meetingId, [...meetingIds])))
    .orderBy(desc(mailLog.createdAt));
}

/** One absence report with its meeting, body and person, for the secretary's e-mail. */
export async function findAbsenceForMail(db: Db, reportId: string) {
  const [row] = await selectMemberReports(db).where(and(eq(memberReports.id, reportId), eq(memberReports.type, 'absence')));
  return row;
}

/** Every locked protocol with its meeting and body (the reminder scan). */
export async function listLockedProtocols(db: Db) {
  return selectFromProtocols(db, { protocol: protocols, meeting: meetings, body: bodies })
    .where(eq(protocols.status, 'locked'))
    .orderBy(asc(meetings.startsAt));
}

/** Notices posted by hand that have no posting date yet, with their protocol, meeting, body and municipality (the reminder scan). */
export async function listUnpostedManualNotices(db: Db) {
  return selectFromProtocols(db, { notice: notices, protocol: protocols, meeting: meetings, body: bodies, municipality: organisations })
    .innerJoin(notices, eq(notices.protocolId, protocols.id))
    .innerJoin(organisations, eq(organisations.id, notices.organisationId))
    .where(and(eq(protocols.status, 'final'), isNull(notices.paragraphId), eq(notices.postingMethod, 'manual'), isNull(notices.postedOn)));
}

/** Comments from justering not yet answered or applied, of the committees' protocols (issue 18). */
export async function listOpenReviewComments(db: Db, committeeIds: readonly string[]) {
  if (committeeIds.length === 0) return [];
  return selectFromProtocols(db, { comment: protocolReviewComments, meeting: meetings, body: bodies })
    .innerJoin(protocolReviewComments, eq(protocolReviewComments.protocolId, protocols.id))
    .where(and(inArray(bodies.organisationId, [...committeeIds]), isNull(protocolReviewComments.resolution)))
    .orderBy(asc(protocolReviewComments.createdAt));
}

/** Claims the key for one task and recipient: null when it was claimed before. */
export async function claimTaskNotification(db: Db, key: { kind: string; refId: string; recipientKey: string; personId?: string | null; userId?: string | null }, now: Date): Promise<string | null> {
  const [row] = await db
    .insert(taskNotifications)
    .values({ ...key, status: 'queued', createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: taskNotifications.id });
  return row?.id ?? null;
}

export async function setTaskNotificationMailLog(db: Db, id: string, mailLogId: string | null, now: Date): Promise<void> {
  await db.update(taskNotifications).set({ mailLogId, updatedAt: now }).where(eq(taskNotifications.id, id));
}

/** Notes a recipient without an account once: true the first time. */
export async function recordWithoutAccount(db: Db, key: { kind: string; refId: string; recipientKey: string; personId: string }): Promise<boolean> {
  const fresh = await db.insert(taskNotifications).values({ ...key, status: 'no_account' }).onConflictDoNothing().returning({ id: taskNotifications.id });
  return fresh.length > 0;
}

/** The protocol's whole-protocol notices that a municipality posts by hand and has not yet posted. */
export async function listUnpostedManualNoticesOf(db: Db, protocolId: string) {
  return db
    .select({ notice: notices, municipality: organisations })
    .from(notices)
    .innerJoin(organisations, eq(organisations.id, notices.organisationId))
    .where(and(eq(notices.protocolId, protocolId), isNull(notices.paragraphId), eq(notices.postingMethod, 'manual'), isNull(notices.postedOn)));
}

export async function findReviewComment(db: Db, id: string) {
  return firstRow(db.select().from(protocolReviewComments).where(eq(protocolReviewComments.id, id)));
}

/** Forgets the claims of a task, so that its e-mail goes out again when the task comes back. */
export async function deleteTaskNotifications(tx: Db, kind: string, refId: string): Promise<void> {
  await tx.delete(taskNotifications).where(and(eq(taskNotifications.kind, kind), eq(taskNotifications.refId, refId)));
}
