/** Reading the audit log a page at a time. */
import { and, desc, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from './audit.tables.js';

export type AuditRow = typeof auditLog.$inferSelect;

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
