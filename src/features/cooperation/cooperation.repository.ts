import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { roleAssignments, users } from '../auth/auth.tables.js';
import { initiativeDecisionHistory, initiativeDecisions, initiativePhases, initiatives, powersOfAttorney, processTemplates, reminderLog, type InitiativeDecisionHistoryRow, type InitiativeDecisionRow, type InitiativePhaseRow, type InitiativeRow, type PowerOfAttorneyRow, type ProcessTemplateRow } from './cooperation.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { organisations, populations, bodies, type OrganisationRow } from '../organisation/organisation.tables.js';
import { selectFromParagraphs } from '../protocols/protocol-joins.repository.js';
import { protocolParagraphs } from '../protocols/protocols.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { DEFAULT_PROCESS_PHASES, DEFAULT_TEMPLATE_NAME } from './process-template.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { firstRow } from '../../platform/db/first-row.js';

/** The committee's default template; created from the seed's diagram the first time it is needed. */
export async function ensureDefaultTemplate(tx: Db, committeeId: string): Promise<ProcessTemplateRow> {
  const [found] = await tx.select().from(processTemplates).where(and(eq(processTemplates.committeeId, committeeId), eq(processTemplates.isDefault, true)));
  if (found) return found;
  const row = await insertOne(tx.insert(processTemplates).values({ committeeId, name: DEFAULT_TEMPLATE_NAME, isDefault: true, phases: DEFAULT_PROCESS_PHASES }).returning());
  return row;
}

export async function findTemplate(db: Db, id: string): Promise<ProcessTemplateRow | undefined> {
  return firstRow(db.select().from(processTemplates).where(eq(processTemplates.id, id)));
}

export async function findInitiative(db: Db, id: string): Promise<InitiativeRow | undefined> {
  return firstRow(db.select().from(initiatives).where(eq(initiatives.id, id)));
}

export async function lockInitiative(tx: Db, id: string): Promise<InitiativeRow | undefined> {
  return firstRow(tx.select().from(initiatives).where(eq(initiatives.id, id)).for('update'));
}

export async function listInitiatives(db: Db): Promise<InitiativeRow[]> {
  return db.select().from(initiatives).orderBy(asc(initiatives.createdAt));
}

export async function listPhases(db: Db, initiativeIds: string[]): Promise<InitiativePhaseRow[]> {
  if (initiativeIds.length === 0) return [];
  return db.select().from(initiativePhases).where(inArray(initiativePhases.initiativeId, initiativeIds)).orderBy(asc(initiativePhases.position));
}

export async function listCells(db: Db, initiativeIds: string[]): Promise<InitiativeDecisionRow[]> {
  if (initiativeIds.length === 0) return [];
  return db.select().from(initiativeDecisions).where(inArray(initiativeDecisions.initiativeId, initiativeIds));
}

export async function findCell(db: Db, id: string): Promise<InitiativeDecisionRow | undefined> {
  return firstRow(db.select().from(initiativeDecisions).where(eq(initiativeDecisions.id, id)));
}

export async function listHistory(db: Db, decisionId: string): Promise<(InitiativeDecisionHistoryRow & { recordedByName: string | null })[]> {
  const rows = await db
    .select({ history: initiativeDecisionHistory, recordedByName: users.name })
    .from(initiativeDecisionHistory)
    .leftJoin(users, eq(users.id, initiativeDecisionHistory.recordedByUserId))
    .where(eq(initiativeDecisionHistory.decisionId, decisionId))
    .orderBy(desc(initiativeDecisionHistory.recordedAt));
  return rows.map((r) => ({ ...r.history, recordedByName: r.recordedByName }));
}

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisations);
}

/** Each municipality's population of the latest year on record up to `year`. */
export async function latestPopulations(db: Db, organisationIds: string[], year: number): Promise<Map<string, { year: number; population: number }>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db.select().from(populations).where(inArray(populations.organisationId, organisationIds)).orderBy(asc(populations.year));
  const out = new Map<string, { year: number; population: number }>();
  for (const r of rows) if (r.year <= year) out.set(r.organisationId, { year: r.year, population: r.population });
  return out;
}

export async function listPowersOfAttorney(db: Db, initiativeId: string): Promise<PowerOfAttorneyRow[]> {
  return db.select().from(powersOfAttorney).where(eq(powersOfAttorney.initiativeId, initiativeId));
}

/** The latest stop of an initiative as recorded in the audit log (its reason and when). */
export async function findStopEntry(db: Db, initiativeId: string): Promise<{ at: Date; after: unknown } | undefined> {
  const [row] = await db
    .select({ at: auditLog.at, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'initiative'), eq(auditLog.entityId, initiativeId), eq(auditLog.action, 'initiative.stop')))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row;
}

/** The committee's protocol paragraphs that have a number, newest first, for referencing. */
export async function listNumberedParagraphs(db: Db, committeeId: string) {
  const rows = await selectFromParagraphs(db, { id: protocolParagraphs.id, number: protocolParagraphs.number, year: protocolParagraphs.year, heading: protocolParagraphs.heading, startsAt: meetings.startsAt })
    .where(eq(bodies.organisationId, committeeId));
  return rows.filter((r) => r.number !== null).sort((a, b) => b.year - a.year || (b.number ?? 0) - (a.number ?? 0));
}

export async function findParagraph(db: Db, id: string) {
  const [row] = await selectFromParagraphs(db, { id: protocolParagraphs.id, number: protocolParagraphs.number, year: protocolParagraphs.year, heading: protocolParagraphs.heading, protocolId: protocolParagraphs.protocolId, committeeId: bodies.organisationId })
    .where(eq(protocolParagraphs.id, id));
  return row;
}

/** Planned meetings of the committee's own bodies from `from` on, soonest first. */
export async function listPlannedMeetings(db: Db, committeeId: string, from: Date) {
  const rows = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt, place: meetings.place, bodyName: bodies.name, status: meetings.status })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(bodies.organisationId, committeeId), eq(meetings.status, 'planned')))
    .orderBy(asc(meetings.startsAt));
  return rows.filter((r) => r.startsAt.getTime() >= from.getTime());
}

/** Active users holding one of `roles` in the organisation: who gets a municipality's reminders. */
export async function listRecipients(db: Db, organisationId: string, roles: string[]): Promise<{ email: string; name: string }[]> {
  const rows = await db
    .selectDistinct({ email: users.email, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.organisationId, organisationId), inArray(roleAssignments.role, roles), eq(users.disabled, false)));
  return rows.sort((a, b) => a.email.localeCompare(b.email));
}

export async function openPhase(tx: Db, initiativeId: string): Promise<InitiativePhaseRow | undefined> {
  return firstRow(tx.select().from(initiativePhases).where(and(eq(initiativePhases.initiativeId, initiativeId), isNull(initiativePhases.closedAt))));
}

export async function insertInitiative(tx: Db, values: typeof initiatives.$inferInsert): Promise<InitiativeRow> {
  return insertOne(tx.insert(initiatives).values(values).returning());
}

export async function updateInitiative(tx: Db, id: string, values: Partial<typeof initiatives.$inferInsert>): Promise<void> {
  await tx.update(initiatives).set(values).where(eq(initiatives.id, id));
}

export async function insertPhase(tx: Db, values: typeof initiativePhases.$inferInsert): Promise<InitiativePhaseRow> {
  return insertOne(tx.insert(initiativePhases).values(values).returning());
}

export async function updatePhase(tx: Db, id: string, values: Partial<typeof initiativePhases.$inferInsert>): Promise<void> {
  await tx.update(initiativePhases).set(values).where(eq(initiativePhases.id, id));
}

/** The cells not there yet (one per initiative, phase, decision and organisation): the ones created. */
export async function insertCellsIfNew(tx: Db, values: (typeof initiativeDecisions.$inferInsert)[]): Promise<InitiativeDecisionRow[]> {
  return tx.insert(initiativeDecisions).values(values).onConflictDoNothing().returning();
}

export async function updateCell(tx: Db, id: string, values: Partial<typeof initiativeDecisions.$inferInsert>): Promise<void> {
  await tx.update(initiativeDecisions).set(values).where(eq(initiativeDecisions.id, id));
}

export async function insertDecisionHistory(tx: Db, rows: (typeof initiativeDecisionHistory.$inferInsert)[]): Promise<void> {
  await tx.insert(initiativeDecisionHistory).values(rows);
}

/** When the cell's history last changed, or undefined before its first entry. */
export async function findLastHistoryAt(tx: Db, decisionId: string): Promise<Date | undefined> {
  const [last] = await tx.select({ at: initiativeDecisionHistory.recordedAt }).from(initiativeDecisionHistory).where(eq(initiativeDecisionHistory.decisionId, decisionId)).orderBy(desc(initiativeDecisionHistory.recordedAt)).limit(1);
  return last?.at;
}

export async function deletePowerOfAttorney(tx: Db, initiativeId: string, organisationId: string): Promise<void> {
  await tx.delete(powersOfAttorney).where(and(eq(powersOfAttorney.initiativeId, initiativeId), eq(powersOfAttorney.organisationId, organisationId)));
}

export async function upsertPowerOfAttorney(tx: Db, values: { initiativeId: string; organisationId: string; procuringOrganisationId: string; grantedOn: string; reference: string; documentId: string | null }): Promise<void> {
  const { initiativeId: _i, organisationId: _o, ...set } = values;
  await tx
    .insert(powersOfAttorney)
    .values(values)
    .onConflictDoUpdate({ target: [powersOfAttorney.initiativeId, powersOfAttorney.organisationId], set: { ...set, origin: null } });
}

/** Notes the reminders as sent, each once: the cells (refId) not noted before. */
export async function logRemindersIfNew(db: Db, rows: (typeof reminderLog.$inferInsert)[]): Promise<{ refId: string }[]> {
  return db.insert(reminderLog).values(rows).onConflictDoNothing().returning({ refId: reminderLog.refId });
}

export async function listReminders(db: Db, kind: string, refIds: string[]) {
  return db.select().from(reminderLog).where(and(eq(reminderLog.kind, kind), inArray(reminderLog.refId, refIds)));
}

/** The recipient and delivery state of each of these mails. */
export async function listMailStates(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: mailLog.id, recipient: mailLog.recipient, status: mailLog.status, error: mailLog.error }).from(mailLog).where(inArray(mailLog.id, ids));
}

/** The reminders sent at `sentAt` learn the mails that carried them. */
export async function setReminderMails(db: Db, key: { kind: string; organisationId: string; refIds: string[]; sentAt: Date }, mailIds: string[]): Promise<void> {
  await db
    .update(reminderLog)
    .set({ mailIds })
    .where(and(eq(reminderLog.kind, key.kind), eq(reminderLog.organisationId, key.organisationId), inArray(reminderLog.refId, key.refIds), eq(reminderLog.sentAt, key.sentAt)));
}
