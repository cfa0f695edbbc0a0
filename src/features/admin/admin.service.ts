import { z } from 'zod';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import * as users from '../auth/users.repository.js';
import { findUserById } from '../auth/auth.repository.js';
import { findPerson, listOrganisationRefs } from '../organisation/organisation.repository.js';
import { listAuditEntries } from '../../platform/audit/audit.repository.js';
import { recordAudit, verifyAuditChain } from '../../platform/audit/audit.js';
import { conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, isRole, organisationsWhere, PolicyDenied, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { administeredOrganisationIds, administeredScope } from '../organisation/scope.js';
import { ZGrant } from '../auth/auth.schema.js';
import { accountOrganisationId } from '../auth/account-organisation.js';

/** What a reader without the right to read secrets sees instead of a secret entry's content. */
const ZPersonRef = z.uuid();

const REDACTED = { hemligt: 'Innehållet omfattas av sekretess / The content is secret' };

export function createAdminService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;

  /** Where the principal reads the audit log: where it is admin or auditor, and a committee's members. */
  async function auditReader(principal: Principal | null) {
    const all = await listOrganisationRefs(db);
    const readIn = new Set(organisationsWhere(principal, 'audit.read'));
    const ids = new Set(all.filter((o) => readIn.has(o.id) || (o.kind === 'municipality' && o.committeeId !== null && readIn.has(o.committeeId))).map((o) => o.id));
    if (ids.size === 0) throw new PolicyDenied('audit.read');
    return {
      organisations: ids,
      committeeReader: all.some((o) => o.kind === 'committee' && readIn.has(o.id)),
      secretReaderSomewhere: all.some((o) => o.kind === 'committee' && can(principal, 'registry.readSecret', scopeOf([o.id]))),
    };
  }

  /** The organisations the principal administers; refused when none. */
  async function administeredBy(principal: Principal | null) {
    const all = await listOrganisationRefs(db);
    const ids = administeredOrganisationIds(principal, all);
    if (ids.size === 0) throw new PolicyDenied('user.manage');
    const committeeAdmin = all.some((o) => o.kind === 'committee' && ids.has(o.id));
    return { organisations: ids, committeeAdmin };
  }

  return {
    /**
     * The users an administrator manages: those holding a role in an organisation it administers
     * (a municipality's admin: that municipality; the committee's admin: the committee and its
     * members), with only those grants shown. Users without any role are the committee's.
     */
    async listUsers(principal: Principal | null) {
      const administered = await administeredBy(principal);
      const rows = await users.listUsers(db);
      const grants = await users.listAllRoleAssignments(db);
      return rows
        .map((u) => {
          const own = grants.filter((g) => g.userId === u.id && isRole(g.role));
          const shown = own.filter((g) => administered.organisations.has(g.organisationId));
          const managed = own.length === 0 ? administered.committeeAdmin : shown.length > 0;
          return { user: u, grants: shown, managed };
        })
        .filter((r) => r.managed)
        .map(({ user: u, grants: shown }) => ({ id: u.id, email: u.email, name: u.name, disabled: u.disabled, totpEnabled: u.totpEnabled, personId: u.personId, grants: shown }));
    },

    /**
     * May the principal create an account with this first role (and person link)? Only an
     * administrator of the role's organisation (or of its committee); a person of another
     * organisation is never linked by it.
     */
    async assertMayCreate(principal: Principal | null, raw: { role?: unknown; organisationId?: unknown; personId?: unknown }): Promise<Principal> {
      const grant = parseInput(ZGrant, { role: raw.role, organisationId: raw.organisationId });
      assertCan(principal, 'user.manage', await administeredScope(db, grant.organisationId));
      if (typeof raw.personId === 'string' && raw.personId !== '') {
        const person = await findPerson(db, parseInput(ZPersonRef, raw.personId));
        if (!person) throw notFound({ sv: 'Personen finns inte.', en: 'The person does not exist.' });
        const all = await listOrganisationRefs(db);
        const administered = administeredOrganisationIds(principal, all);
        const committeeAdmin = all.some((o) => o.kind === 'committee' && administered.has(o.id));
        if (person.organisationId ? !administered.has(person.organisationId) : !committeeAdmin) throw new PolicyDenied('user.manage');
      }
      return principal;
    },

    async getUser(principal: Principal | null, id: string) {
      const all = await this.listUsers(principal);
      const user = all.find((u) => u.id === id);
      if (!user) throw notFound({ sv: 'Användaren finns inte.', en: 'The user does not exist.' });
      return user;
    },

    async addGrant(principal: Principal | null, userId: string, raw: unknown) {
      const grant = parseInput(ZGrant, raw);
      assertCan(principal, 'user.manage', await administeredScope(db, grant.organisationId));
      await this.getUser(principal, userId);
      await db.transaction(async (tx) => {
        const exists = await users.findRoleAssignment(tx, { userId, ...grant });
        if (exists) throw conflict({ sv: 'Användaren har redan den rollen där.', en: 'The user already has that role there.' });
        await users.insertRoleAssignment(tx, { userId, ...grant });
        await recordAudit(tx, actorOf(principal), { action: 'role.grant', entity: 'user', entityId: userId, after: grant, organisationId: grant.organisationId }, clock());
      });
    },

    async removeGrant(principal: Principal | null, userId: string, raw: unknown) {
      const grant = parseInput(ZGrant, raw);
      assertCan(principal, 'user.manage', await administeredScope(db, grant.organisationId));
      await db.transaction(async (tx) => {
        if (grant.role === 'admin') {
          if ((await users.countAdmins(tx, grant.organisationId)) <= 1) throw conflict({ sv: 'Den sista administratören där kan inte tas bort.', en: 'The last administrator there cannot be removed.' });
        }
        await users.deleteRoleAssignment(tx, { userId, ...grant });
        await recordAudit(tx, actorOf(principal), { action: 'role.revoke', entity: 'user', entityId: userId, before: grant, organisationId: grant.organisationId }, clock());
      });
    },

    /** Only an administrator of every organisation where the user holds a role may switch the account. */
    async setDisabled(principal: Principal | null, userId: string, disabled: boolean) {
      if (!principal) throw new PolicyDenied('user.manage');
      const administered = await administeredBy(principal);
      const held = await users.listRoleAssignmentsOf(db, userId);
      const allowed = held.length === 0 ? administered.committeeAdmin : held.every((g) => administered.organisations.has(g.organisationId));
      if (!allowed) throw new PolicyDenied('user.manage');
      if (principal.userId === userId && disabled) throw conflict({ sv: 'Du kan inte stänga av ditt eget konto.', en: 'You cannot disable your own account.' });
      await db.transaction(async (tx) => {
        // A person links to at most one active account (users_person_active_key): say so, rather than fail.
        const user = await findUserById(tx, userId);
        if (!disabled && user?.personId) {
          const other = await users.findActiveAccountOfPerson(tx, user.personId);
          if (other) throw conflict({ sv: 'Kontots person har redan ett annat aktivt konto. Koppla loss personen först.', en: 'The account’s person already has another active account. Unlink the person first.' });
        }
        await users.updateUser(tx, userId, { disabled, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId, organisationId: await accountOrganisationId(tx, userId) }, clock());
      });
    },

    /**
     * The newest entries first, a page at a time (`before` = the lowest seq already shown): only
     * entries of organisations where the reader is admin or auditor (a committee's reader also
     * sees its members' and the installation's entries). A secret entry's before/after are shown
     * only to those who may read secrets in its organisation.
     */
    async auditPage(principal: Principal | null, options: { before?: number; limit?: number } = {}) {
      const reader = await auditReader(principal);
      const limit = options.limit ?? 50;
      const rows = await listAuditEntries(db, { organisationIds: [...reader.organisations], withoutOrganisation: reader.committeeReader, before: options.before, limit });
      return rows.map((row) => {
        const mayReadSecret = row.organisationId
          ? can(principal, 'registry.readSecret', scopeOf([row.organisationId]))
          : reader.secretReaderSomewhere;
        return row.secret && !mayReadSecret ? { ...row, before: REDACTED, after: row.after === null ? null : REDACTED } : row;
      });
    },

    /** The whole chain's integrity (it says nothing of any entry's content). */
    async verifyAudit(principal: Principal | null) {
      await auditReader(principal);
      return verifyAuditChain(db);
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
