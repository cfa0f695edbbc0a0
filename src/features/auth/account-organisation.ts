import type { Db } from '../../platform/db/database.js';
import { findFirstGrantOrganisationId } from './users.repository.js';

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
  return findFirstGrantOrganisationId(db, userId);
}
