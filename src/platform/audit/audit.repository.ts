/** Reading the audit log a page at a time. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog, type AuditRow } from './audit.tables.js';

/**
 * The newest entries of the given organisations first (with the installation's own, of no
 * organisation, when `withoutOrganisation`), below `before` when given.
 */
export async function listAuditEntries(db: Db, options: { organisationIds: string[]; withoutOrganisation: boolean; before?: number | undefined; limit: number }): Promise<AuditRow[]> {
  const visible = options.withoutOrganisation
    ? or(inArray(auditLog.organisationId, options.organisationIds), isNull(auditLog.organisationId))
    : inArray(auditLog.organisationId, options.organisationIds);
  return db
    .select()
    .from(auditLog)
    .where(options.before ? and(visible, lt(auditLog.seq, options.before)) : visible)
    .orderBy(desc(auditLog.seq))
    .limit(options.limit);
}

/** The entries of these actions on one entity between two instants (both included), oldest first. */
export async function listEntriesAbout(db: Db, options: { entity: string; entityId: string; actions: string[]; from: Date; to: Date }) {
  return db
    .select({ at: auditLog.at, action: auditLog.action, actorLabel: auditLog.actorLabel, actorUserId: auditLog.actorUserId })
    .from(auditLog)
    .where(and(eq(auditLog.entity, options.entity), eq(auditLog.entityId, options.entityId), inArray(auditLog.action, options.actions), gte(auditLog.at, options.from), lte(auditLog.at, options.to)))
    .orderBy(asc(auditLog.seq));
}
