import { and, count, desc, eq, lt } from 'drizzle-orm';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { auditLog, roleAssignments, users } from '../../platform/db/schema.js';
import { recordAudit, verifyAuditChain } from '../../platform/audit/audit.js';
import { conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, isRole, type Principal } from '../auth/policy.js';
import { ZGrant } from '../auth/auth.schema.js';

export function createAdminService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;

  return {
    async listUsers(principal: Principal | null) {
      assertCan(principal, 'user.manage');
      const rows = await db.select().from(users);
      const grants = await db.select().from(roleAssignments);
      return rows.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        disabled: u.disabled,
        totpEnabled: u.totpEnabled,
        personId: u.personId,
        grants: grants.filter((g) => g.userId === u.id && isRole(g.role)),
      }));
    },

    async getUser(principal: Principal | null, id: string) {
      const all = await this.listUsers(principal);
      const user = all.find((u) => u.id === id);
      if (!user) throw notFound({ sv: 'Användaren finns inte.', en: 'The user does not exist.' });
      return user;
    },

    async addGrant(principal: Principal | null, userId: string, raw: unknown) {
      assertCan(principal, 'user.manage');
      const grant = parseInput(ZGrant, raw);
      await db.transaction(async (tx) => {
        const [exists] = await tx
          .select()
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.organisationId, grant.organisationId), eq(roleAssignments.role, grant.role)));
        if (exists) throw conflict({ sv: 'Användaren har redan den rollen där.', en: 'The user already has that role there.' });
        await tx.insert(roleAssignments).values({ userId, ...grant });
        await recordAudit(tx, actorOf(principal), { action: 'role.grant', entity: 'user', entityId: userId, after: grant }, clock());
      });
    },

    async removeGrant(principal: Principal | null, userId: string, raw: unknown) {
      assertCan(principal, 'user.manage');
      const grant = parseInput(ZGrant, raw);
      await db.transaction(async (tx) => {
        if (grant.role === 'admin') {
          const [admins] = await tx.select({ n: count() }).from(roleAssignments).where(eq(roleAssignments.role, 'admin'));
          if ((admins?.n ?? 0) <= 1) throw conflict({ sv: 'Den sista administratören kan inte tas bort.', en: 'The last administrator cannot be removed.' });
        }
        await tx
          .delete(roleAssignments)
          .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.organisationId, grant.organisationId), eq(roleAssignments.role, grant.role)));
        await recordAudit(tx, actorOf(principal), { action: 'role.revoke', entity: 'user', entityId: userId, before: grant }, clock());
      });
    },

    async setDisabled(principal: Principal | null, userId: string, disabled: boolean) {
      assertCan(principal, 'user.manage');
      if (principal.userId === userId && disabled) throw conflict({ sv: 'Du kan inte stänga av ditt eget konto.', en: 'You cannot disable your own account.' });
      await db.transaction(async (tx) => {
        // A person links to at most one active account (users_person_active_key): say so, rather than fail.
        const [user] = await tx.select().from(users).where(eq(users.id, userId));
        if (!disabled && user?.personId) {
          const [other] = await tx.select({ id: users.id }).from(users).where(and(eq(users.personId, user.personId), eq(users.disabled, false)));
          if (other) throw conflict({ sv: 'Kontots person har redan ett annat aktivt konto. Koppla loss personen först.', en: 'The account’s person already has another active account. Unlink the person first.' });
        }
        await tx.update(users).set({ disabled, updatedAt: clock() }).where(eq(users.id, userId));
        await recordAudit(tx, actorOf(principal), { action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId }, clock());
      });
    },

    /** The newest entries first, a page at a time (`before` = the lowest seq already shown). */
    async auditPage(principal: Principal | null, options: { before?: number; limit?: number } = {}) {
      assertCan(principal, 'audit.read');
      const limit = options.limit ?? 50;
      const q = db.select().from(auditLog);
      const rows = await (options.before ? q.where(lt(auditLog.seq, options.before)) : q).orderBy(desc(auditLog.seq)).limit(limit);
      return rows;
    },

    async verifyAudit(principal: Principal | null) {
      assertCan(principal, 'audit.read');
      return verifyAuditChain(db);
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
