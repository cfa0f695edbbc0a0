import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import * as store from './archive-store.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { codeInScheme } from '../../domain/retention.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { archiveScope, requireCommitteeById } from './archive-scope.js';
import { ZRetentionRule } from './archive.schema.js';
import { parsePlanCsv } from './retention-csv.js';
import type { RetentionRuleRow } from './archive.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

export type { RetentionRuleRow } from './archive.tables.js';

const RULE_NOT_FOUND = { sv: 'Regeln finns inte.', en: 'The rule does not exist.' };

/** The document management plan (dokumenthanteringsplan): one rule per code of the registry's classification scheme. */
export function createRetentionService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  /** A rule with the committee whose plan it is, the principal's right checked in that committee. */
  async function requireRule(principal: Principal | null, action: 'archive.read' | 'archive.manage', id: string) {
    const row = await store.findRule(db, id);
    if (!row) throw notFound(RULE_NOT_FOUND);
    assertCan(principal, action, archiveScope(row.committeeId));
    return { rule: row, committee: await requireCommitteeById(db, row.committeeId), principal };
  }

  const duplicate = (code: string) => conflict({ sv: `Det finns redan en regel för ${code}.`, en: `There is already a rule for ${code}.` });

  async function findDuplicate(tx: Db, committeeId: string, code: string, exceptId?: string) {
    const row = await store.findRuleIdForCode(tx, committeeId, code);
    return row && row.id !== exceptId ? row : undefined;
  }

  const schemeOf = store.listSchemeCodes;

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
    /** The committee's plan, rule by rule, with each code's heading from the committee's scheme. */
    async listRules(principal: Principal | null, committee: OrganisationRow) {
      assertCan(principal, 'archive.read', archiveScope(committee.id));
      const rows = await store.listRules(db, committee.id);
      const titles = new Map((await schemeOf(db, committee.id)).map((s) => [s.code, s.title]));
      const rules = rows.map((r) => ({ ...r, codeTitle: titles.get(r.classificationCode) ?? null }));
      return { rules, canManage: can(principal, 'archive.manage', archiveScope(committee.id)) };
    },

    /** A rule to edit, with its committee. */
    async getRule(principal: Principal | null, id: string): Promise<{ rule: RetentionRuleRow; committee: OrganisationRow }> {
      const { rule, committee } = await requireRule(principal, 'archive.read', id);
      return { rule, committee };
    },

    /** Import the plan from CSV: every line valid or nothing saved; a rule with the same code and type is replaced. */
    async importPlan(principal: Principal | null, committee: OrganisationRow, csvText: string): Promise<number> {
      assertCan(principal, 'archive.manage', archiveScope(committee.id));
      const rules = parsePlanCsv(csvText);
      const c = committee;
      await db.transaction(async (tx) => {
        await assertInScheme(tx, c.id, rules.map((r) => r.classificationCode));
        for (const rule of rules) {
          await store.upsertRule(tx, { committeeId: c.id, ...rule }, clock());
        }
        await recordAudit(tx, actorOf(principal), { action: 'retention.import', entity: 'organisation', entityId: c.id, after: { rules: rules.length }, organisationId: c.id }, clock());
      });
      return rules.length;
    },

    async createRule(principal: Principal | null, committee: OrganisationRow, raw: unknown): Promise<RetentionRuleRow> {
      assertCan(principal, 'archive.manage', archiveScope(committee.id));
      const input = parseInput(ZRetentionRule, raw);
      const c = committee;
      return db.transaction(async (tx) => {
        await assertInScheme(tx, c.id, [input.classificationCode]);
        if (await findDuplicate(tx, c.id, input.classificationCode)) throw duplicate(input.classificationCode);
        const row = await store.insertRule(tx, { committeeId: c.id, ...input });
        await recordAudit(tx, actorOf(principal), { action: 'retention.create', entity: 'retention_rule', entityId: row.id, after: input, organisationId: c.id }, clock());
        return row;
      });
    },

    /** Edit a rule of its own committee's plan: the right is checked in that committee. */
    async updateRule(principal: Principal | null, id: string, raw: unknown): Promise<RetentionRuleRow> {
      const { principal: actor } = await requireRule(principal, 'archive.manage', id);
      const input = parseInput(ZRetentionRule, raw);
      return db.transaction(async (tx) => {
        const before = await store.findRule(tx, id);
        if (!before) throw notFound(RULE_NOT_FOUND);
        await assertInScheme(tx, before.committeeId, [input.classificationCode]);
        if (await findDuplicate(tx, before.committeeId, input.classificationCode, id)) throw duplicate(input.classificationCode);
        const row = await store.updateRule(tx, id, { ...input, updatedAt: clock() });
        if (!row) throw notFound(RULE_NOT_FOUND);
        const { classificationCode, action, retentionYears, format, note } = before;
        await recordAudit(tx, actorOf(actor), { action: 'retention.update', entity: 'retention_rule', entityId: id, before: { classificationCode, action, retentionYears, format, note }, after: input, organisationId: before.committeeId }, clock());
        return row;
      });
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
