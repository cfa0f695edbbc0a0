import { and, asc, eq } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { classificationCodes, retentionRules } from '../../platform/db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { codeInScheme } from '../../domain/retention.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { archiveScope } from './archive-scope.js';
import { findCommittee, type CommitteeRow } from './archive.repository.js';
import { ZRetentionRule } from './archive.schema.js';
import { parsePlanCsv } from './retention-csv.js';

export type RetentionRuleRow = typeof retentionRules.$inferSelect;

const RULE_NOT_FOUND = { sv: 'Regeln finns inte.', en: 'The rule does not exist.' };

/** The document management plan (dokumenthanteringsplan): one rule per code of the registry's classification scheme. */
export function createRetentionService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  async function committee(): Promise<CommitteeRow> {
    const row = await findCommittee(db);
    if (!row) throw notFound({ sv: 'Det finns ingen nämnd ännu.', en: 'There is no committee yet.' });
    return row;
  }

  const duplicate = (code: string) => conflict({ sv: `Det finns redan en regel för ${code}.`, en: `There is already a rule for ${code}.` });

  async function findDuplicate(tx: Db, committeeId: string, code: string, exceptId?: string) {
    const [row] = await tx
      .select({ id: retentionRules.id })
      .from(retentionRules)
      .where(and(eq(retentionRules.committeeId, committeeId), eq(retentionRules.classificationCode, code)));
    return row && row.id !== exceptId ? row : undefined;
  }

  const schemeOf = (tx: Db, committeeId: string) => tx.select({ code: classificationCodes.code, title: classificationCodes.title }).from(classificationCodes).where(eq(classificationCodes.organisationId, committeeId));

  /** Arkivlagen 10 §: a rule governs the codes of the registry's scheme; a code outside it would govern nothing. */
  async function assertInScheme(tx: Db, committeeId: string, codes: readonly string[]) {
    const scheme = (await schemeOf(tx, committeeId)).map((c) => c.code);
    const unknown = codes.filter((code) => !codeInScheme(code, scheme));
    if (unknown.length === 0) return;
    const message = {
      sv: `${unknown.join(', ')} finns inte i diariets klassificeringsstruktur. Ange en kod ur strukturen (eller en högre nivå av en), eller lägg först till koden i klassificeringsstrukturen.`,
      en: `${unknown.join(', ')} is not in the registry's classification scheme. Give a code of the scheme (or a higher level of one), or first add the code to the scheme.`,
    };
    throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'classificationCode', message }] });
  }

  return {
    async listRules(principal: Principal | null) {
      assertCan(principal, 'archive.read', await archiveScope(db));
      const c = await findCommittee(db);
      const rows = c ? await db.select().from(retentionRules).where(eq(retentionRules.committeeId, c.id)).orderBy(asc(retentionRules.classificationCode)) : [];
      const titles = new Map(c ? (await schemeOf(db, c.id)).map((s) => [s.code, s.title]) : []);
      const rules = rows.map((r) => ({ ...r, codeTitle: titles.get(r.classificationCode) ?? null }));
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
        await assertInScheme(tx, c.id, rules.map((r) => r.classificationCode));
        for (const rule of rules) {
          await tx
            .insert(retentionRules)
            .values({ committeeId: c.id, ...rule })
            .onConflictDoUpdate({
              target: [retentionRules.committeeId, retentionRules.classificationCode],
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
        await assertInScheme(tx, c.id, [input.classificationCode]);
        if (await findDuplicate(tx, c.id, input.classificationCode)) throw duplicate(input.classificationCode);
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
        await assertInScheme(tx, before.committeeId, [input.classificationCode]);
        if (await findDuplicate(tx, before.committeeId, input.classificationCode, id)) throw duplicate(input.classificationCode);
        const [row] = await tx.update(retentionRules).set({ ...input, updatedAt: clock() }).where(eq(retentionRules.id, id)).returning();
        if (!row) throw notFound(RULE_NOT_FOUND);
        const { classificationCode, action, retentionYears, format, note } = before;
        await recordAudit(tx, actorOf(principal), { action: 'retention.update', entity: 'retention_rule', entityId: id, before: { classificationCode, action, retentionYears, format, note }, after: input, organisationId: before.committeeId }, clock());
        return row;
      });
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
