import type { Db } from '../../platform/db/database.js';
import type { Scope } from '../../platform/auth/policy.js';
import { installationCommitteeScope } from '../organisation/scope.js';

/**
 * The archive is the committee's (arkivlagen: the committee is the archive creator): archive roles,
 * and the right to read its secret files, count only when held in the committee itself — never
 * through a member municipality. The archive serves the installation's committee.
 */
export function archiveScope(db: Db): Promise<Scope> {
  return installationCommitteeScope(db);
}
