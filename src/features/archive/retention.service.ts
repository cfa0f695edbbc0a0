import { and, asc, eq } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { retentionRules } from '../../platform/db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal } from '../auth/policy.js';
import { archiveScope } from './archive-scope.js';
import { findCommittee, type CommitteeRow } from './archive.repository.js';
import { ZRetentionRule } from './archive.schema.js';
import { parsePlanCsv } from './retention-csv.js';

export type RetentionRuleRow = typeof retentionRules.$inferSelect;

const RULE_NOT_FOUND = { sv: 'Regeln finns inte.', en: 'The rule does not exist.' };

/** The document management plan (dokumenthanteringsplan): one rule per classification code and document type. */
export function createRetentionService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  async function committee(): Promise<CommitteeRow> {
    const row = await findCommittee(db);
    if (!row) throw notFound({ sv: 'Det finns ingen nämnd ännu.', en: 'There is no committee yet.' });
    return row;
  }

  const duplicate = (code: string, type: string) =>
    conflict({ sv: `Det finns redan en regel för ${code}${type ? ` (${type})` : ''}.`, en: `There is already a rule for ${code}${type ? ` (${type})` : ''}.` });

  async function findDuplicate(tx: Db, committeeId: string, code: string, type: string, exceptId?: string) {
    const [row] = await tx
      .select({ id: retentionRules.id })
      .from(retentionRules)
      .where(and(eq(retentionRules.committeeId, committeeId), eq(retentionRules.classificationCode, code), eq(retentionRules.documentType, type)));
    return row && row.id !== exceptId ? row : undefined;
  }

  return {
    async listRules(principal: Principal | null) {
      assertCan(principal, 'archive.read', await archiveScope(db));
      const c = await findCommittee(db);
      const rules = c ? await db.select().from(retentionRules).where(eq(retentionRules.committeeId, c.id)).orderBy(asc(retentionRules.classificationCode), asc(retentionRules.documentType)) : [];
      return { rules, canManage: can(principal, 'archive.manage', await archiveScope(db)) };
    },

    async getRule(principal: Principal | null, id: string): Promise<RetentionRuleRow> {
      assertCan(principal, 'archive.read', await archiveScope(db));
      const [row] = await db.select().from(retentionRules).where(eq(retentionRules.id, id));
      if (!row) throw notFound(RULE_NOT_FOUND);
      return row;
    },

    /** Import the plan from CSV: every line valid or nothing saved; a rule with the same code and type is replaced. */
    async importPlan(principal: Principal | null, csvText: string): Promise<number> {
      assertCan(principal, 'archive.manage', await archiveScope(db));
      const rules = parsePlanCsv(csvText);
      const c = await committee();
      await db.transaction(async (tx) => {
        for (const rule of rules) {
          await tx
            .insert(retentionRules)
            .values({ committeeId: c.id, ...rule })
            .onConflictDoUpdate({
              target: [retentionRules.committeeId, retentionRules.classificationCode, retentionRules.documentType],
              set: { action: rule.action, retentionYears: rule.retentionYears, format: rule.format, note: rule.note, updatedAt: clock() },
            });
        }
        await recordAudit(tx, actorOf(principal), { action: 'retention.import', entity: 'organisation', entityId: c.id, after: { rules: rules.length }, organisationId: c.id }, clock());
      });
      return rules.length;
    },

    async createRule(principal: Principal | null, raw: unknown): Promise<RetentionRuleRow> {
      assertCan(principal, 'archive.manage', await archiveScope(db));
      const input = parseInput(ZRetentionRule, raw);
      const c = await committee();
      return db.transaction(async (tx) => {
        if (await findDuplicate(tx, c.id, input.classificationCode, input.documentType)) throw duplicate(input.classificationCode, input.documentType);
        const [row] = await tx.insert(retentionRules).values({ committeeId: c.id, ...input }).returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, actorOf(principal), { action: 'retention.create', entity: 'retention_rule', entityId: row.id, after: input, organisationId: c.id }, clock());
        return row;
      });
    },

    async updateRule(principal: Principal | null, id: string, raw: unknown): Promise<RetentionRuleRow> {
      assertCan(principal, 'archive.manage', await archiveScope(db));
      const input = parseInput(ZRetentionRule, raw);
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(retentionRules).where(eq(retentionRules.id, id));
        if (!before) throw notFound(RULE_NOT_FOUND);
        if (await findDuplicate(tx, before.committeeId, input.classificationCode, input.documentType, id)) throw duplicate(input.classificationCode, input.documentType);
        const [row] = await tx.update(retentionRules).set({ ...input, updatedAt: clock() }).where(eq(retentionRules.id, id)).returning();
        if (!row) throw notFound(RULE_NOT_FOUND);
        const { classificationCode, documentType, action, retentionYears, format, note } = before;
        await recordAudit(tx, actorOf(principal), { action: 'retention.update', entity: 'retention_rule', entityId: id, before: { classificationCode, documentType, action, retentionYears, format, note }, after: input, organisationId: before.committeeId }, clock());
        return row;
      });
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
