import type { Db } from '../../platform/db/database.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';
import { notFound } from '../../platform/errors.js';
import { POLICY, PolicyDenied, type Principal, type Scope, type ScopedAction } from '../../platform/auth/policy.js';
import { ownScope } from '../organisation/scope.js';
import { findCommittee, findCommitteeBySlug, listCommitteesAmong, listCommitteesBySlug } from '../organisation/organisation.repository.js';

/**
 * The archive is a committee's (arkivlagen: the committee is the archive creator): its plan,
 * deliveries, disposal lists, archived packages and processing register. Archive roles, and the
 * right to read its secret files, count only when held in that committee itself — never through a
 * member municipality, never in another committee of the installation.
 */
export function archiveScope(committeeId: string): Scope {
  return ownScope(committeeId);
}

const COMMITTEE_NOT_FOUND = { sv: 'Nämnden finns inte.', en: 'The committee does not exist.' };

export async function findCommitteeById(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return findCommittee(db, id);
}

/** The committee owning an object found by id; its absence is a broken reference, shown as not found. */
export async function requireCommitteeById(db: Db, id: string): Promise<OrganisationRow> {
  const row = await findCommitteeById(db, id);
  if (!row) throw notFound(COMMITTEE_NOT_FOUND);
  return row;
}

/** The committee with this slug; a municipality's slug or an unknown one is not found (404). */
export async function requireCommitteeBySlug(db: Db, slug: string): Promise<OrganisationRow> {
  const row = await findCommitteeBySlug(db, slug);
  if (!row) throw notFound(COMMITTEE_NOT_FOUND);
  return row;
}

/**
 * The committees in which the principal holds a role for the action in the committee itself,
 * by name. A grant in a member municipality never counts (it never acts for the committee).
 */
export async function committeesWhere(db: Db, principal: Principal | null, action: ScopedAction): Promise<OrganisationRow[]> {
  const roles: readonly string[] = POLICY[action];
  const ids = [...new Set((principal?.grants ?? []).filter((g) => roles.includes(g.role)).map((g) => g.organisationId))];
  if (ids.length === 0) return [];
  return listCommitteesAmong(db, ids);
}

/** The committee a request acts for, or the committees to choose among. */
export type CommitteeChoice = { committee: OrganisationRow } | { choose: OrganisationRow[] };

/**
 * The committee an archive or data-protection page acts for: `?namnd=<slug>` (unknown → 404);
 * without it, the only committee where the principal holds the action's role; with several, the
 * principal chooses; with none (roles only in a municipality), refused.
 */
export async function chooseCommittee(db: Db, principal: Principal | null, action: ScopedAction, slug: string | undefined): Promise<CommitteeChoice> {
  if (slug) return { committee: await requireCommitteeBySlug(db, slug) };
  const committees = await committeesWhere(db, principal, action);
  const [only] = committees;
  if (!only) throw new PolicyDenied(action);
  return committees.length === 1 ? { committee: only } : { choose: committees };
}

/** Every committee of the installation, by slug (for the command line, which has no user). */
export function listCommittees(db: Db): Promise<OrganisationRow[]> {
  return listCommitteesBySlug(db);
}
