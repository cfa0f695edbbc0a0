import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { roleAssignments } from './auth.tables.js';
import { organisations } from '../organisation/organisation.tables.js';

/**
 * The organisation an audit entry about an account itself (sign-in, password, second factor,
 * sessions, API tokens, enable/disable) is filed under, since an entry carries one organisation.
 * Chosen deterministically among the organisations where the user holds a role: a municipality
 * before a committee (the municipality's admins see the entry, and so do its committee's readers,
 * who see their members' entries), then the oldest grant, then the lowest id. Null for an account
 * without any role: such an entry concerns no organisation and shows to the committees' readers.
 */
export async function accountOrganisationId(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ organisationId: roleAssignments.organisationId })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(sql`case when ${organisations.kind} = 'municipality' then 0 else 1 end`, asc(roleAssignments.createdAt), asc(roleAssignments.organisationId))
    .limit(1);
  return row?.organisationId ?? null;
}
