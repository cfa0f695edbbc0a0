/** What every planning use case shares: the committee in question, the year, and access. */
import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { notFound, type UserMessage } from '../../platform/errors.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import * as repo from './planning.repository.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

export interface PlanningDeps {
  database: Database;
  config: Config;
  clock: Clock;
}

const NO_COMMITTEE: UserMessage = {
  sv: 'Du har ingen roll i någon nämnd. Be en administratör om behörighet.',
  en: 'You hold no role in any committee. Ask an administrator for access.',
};

/** The committees this user holds a role in, directly or through a member municipality. */
export async function committeesOf(db: Db, principal: Principal): Promise<OrganisationRow[]> {
  const held = await repo.findOrganisations(db, [...new Set(principal.grants.map((g) => g.organisationId))]);
  const ids = new Set(held.flatMap((o) => (o.kind === 'committee' ? [o.id] : o.committeeId ? [o.committeeId] : [])));
  return (await repo.listCommittees(db)).filter((c) => ids.has(c.id));
}

/** The committee asked for by slug, else the user's first; 404 when the user has none. */
export async function resolveCommittee(db: Db, principal: Principal, slug: string | undefined): Promise<{ committee: OrganisationRow; committees: OrganisationRow[] }> {
  const committees = await committeesOf(db, principal);
  const committee = committees.find((c) => c.slug === slug) ?? committees[0];
  if (!committee) throw notFound(NO_COMMITTEE);
  return { committee, committees };
}

/** The committee of a row found by id; a row of a committee the user has no role in does not exist for them. */
export async function requireOwnCommittee(db: Db, principal: Principal, committeeId: string, missing: UserMessage): Promise<OrganisationRow> {
  const committee = (await committeesOf(db, principal)).find((c) => c.id === committeeId);
  if (!committee) throw notFound(missing);
  return committee;
}

/** Refuses unless the user may manage planning in this committee. */
export function assertManage(principal: Principal | null, committeeId: string): asserts principal is Principal {
  assertCan(principal, 'planning.manage', [committeeId]);
}

export const mayManage = (principal: Principal | null, committeeId: string) => can(principal, 'planning.manage', [committeeId]);

/** This year in Sweden. */
export const thisYear = (clock: Clock) => Number(swedishDate(clock()).slice(0, 4));
