import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { scopeOf, type Scope } from '../auth/policy.js';
import { findCommittee } from './archive.repository.js';

/**
 * The archive is the committee's (arkivlagen: the committee is the archive creator): archive roles,
 * and the right to read its secret files, count only when held in the committee itself — never
 * through a member municipality. The archive serves the installation's first committee.
 */
export async function archiveScope(db: Db): Promise<Scope> {
  const committee = await findCommittee(db);
  if (!committee) throw notFound({ sv: 'Det finns ingen nämnd.', en: 'There is no committee.' });
  return scopeOf([committee.id]);
}
