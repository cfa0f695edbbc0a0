import type { Db } from '../../platform/db/database.js';
import * as repo from './organisation.repository.js';
import type { OrganisationRef } from './organisation.repository.js';
import { PolicyDenied, scopeOf, type Principal, type Scope } from '../../platform/auth/policy.js';

/**
 * Whose grants count for an object, resolved from its owning organisation. Every service builds
 * its policy scope with one of these, so that a role held in one organisation never acts in another:
 *
 * - `ownScope`: the owning organisation only (the committee's secrets, its archive, its signatures);
 * - `administeredScope`: the owner and, for a municipality, its committee (the committee's
 *   administrator may also manage a member municipality; a municipality's never the committee);
 * - `cooperationScope`: the committee and its member municipalities, for reading what the committee
 *   shares with its members (public and internal, never secret, material).
 */
export function ownScope(organisationId: string): Scope {
  return scopeOf([organisationId]);
}

export type { OrganisationRef } from './organisation.repository.js';
export { listOrganisationRefs } from './organisation.repository.js';

/** The committee an organisation belongs to (itself when it is one). */
export async function committeeIdOf(db: Db, organisationId: string): Promise<string> {
  const ref = await repo.findOrganisationRef(db, organisationId);
  return ref?.kind === 'municipality' && ref.committeeId ? ref.committeeId : organisationId;
}

export async function administeredScope(db: Db, organisationId: string): Promise<Scope> {
  const ref = await repo.findOrganisationRef(db, organisationId);
  return scopeOf([organisationId, ref?.kind === 'municipality' ? ref.committeeId : null]);
}

export async function cooperationScope(db: Db, organisationId: string): Promise<Scope> {
  const committeeId = await committeeIdOf(db, organisationId);
  return scopeOf([committeeId, ...(await repo.listCooperationOrganisationIds(db, committeeId))]);
}

/**
 * The organisations a principal may see listed: every organisation of each cooperation (a committee
 * and its member municipalities) in which the principal holds any role. Another committee's stay hidden.
 */
export function visibleOrganisationIds(principal: Principal | null, all: readonly OrganisationRef[]): Set<string> {
  const committeeOf = (o: OrganisationRef) => (o.kind === 'municipality' && o.committeeId ? o.committeeId : o.id);
  const byId = new Map(all.map((o) => [o.id, o]));
  const committees = new Set<string>();
  for (const grant of principal?.grants ?? []) {
    const org = byId.get(grant.organisationId);
    if (org) committees.add(committeeOf(org));
  }
  return new Set(all.filter((o) => committees.has(committeeOf(o))).map((o) => o.id));
}

/** The organisations a principal administers: where it is admin, and a committee admin's members too. */
export function administeredOrganisationIds(principal: Principal | null, all: readonly OrganisationRef[]): Set<string> {
  const adminIn = new Set((principal?.grants ?? []).filter((g) => g.role === 'admin').map((g) => g.organisationId));
  return new Set(all.filter((o) => adminIn.has(o.id) || (o.kind === 'municipality' && o.committeeId !== null && adminIn.has(o.committeeId))).map((o) => o.id));
}

/** `administeredScope` for an organisation row already at hand (a committee has no committeeId). */
export function administeredScopeOf(org: { id: string; committeeId: string | null }): Scope {
  return scopeOf([org.id, org.committeeId]);
}

/**
 * The installation's own committee (the first created): the owner of what belongs to the whole
 * installation rather than to one committee — the portal's accessibility feedback. (The archive and
 * the processing register are each committee's: `features/archive/archive-scope.ts`.)
 */
export async function installationCommitteeScope(db: Db): Promise<Scope> {
  const id = await installationCommitteeId(db);
  if (!id) throw new PolicyDenied('public');
  return scopeOf([id]);
}

/** The installation's own committee's id, or null before the first one is set up. */
export async function installationCommitteeId(db: Db): Promise<string | null> {
  return repo.findFirstCommitteeId(db);
}
