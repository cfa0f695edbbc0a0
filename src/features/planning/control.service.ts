/**
 * Intern kontroll (KL 6:6): the risk register of a year scored probability × consequence, the
 * host's mandatory control points the committee must assess (seed § 20, KS § 227), and control
 * activities with owner, due date and result.
 */
import * as write from './planning-write.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { riskValue } from '../../domain/index.js';
import { actorOf } from '../auth/auth.service.js';
import { type Principal, requirePrincipal } from '../../platform/auth/policy.js';
import * as repo from './planning.repository.js';
import { assertManage, mayManage, requireOwnCommittee, type PlanningDeps } from './planning-context.js';
import type { PlanService } from './plan.service.js';
import { ZActivityInput, ZActivityResult, ZAssessmentInput, ZControlPointInput, ZRiskInput, type TRiskInput } from './planning.schema.js';
import type { ControlActivityRow, ControlPointRow, RiskRow } from './planning.tables.js';

const RISK_NOT_FOUND = { sv: 'Risken finns inte.', en: 'The risk does not exist.' };
const POINT_NOT_FOUND = { sv: 'Kontrollmomentet finns inte.', en: 'The control point does not exist.' };
const ACTIVITY_NOT_FOUND = { sv: 'Kontrollaktiviteten finns inte.', en: 'The control activity does not exist.' };

/** A risk as the pages show it, with its value computed by the domain rule. */
export interface PresentedRisk extends RiskRow {
  value: number;
}

export const presentRisk = (r: RiskRow): PresentedRisk => ({ ...r, value: riskValue(r) });

const invalid = (field: string, sv: string, en: string) => new DomainError('INVALID_INPUT', { userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' }, fieldErrors: [{ field, message: { sv, en } }] });

const riskValues = (input: TRiskInput) => ({
  title: input.title,
  responsible: input.responsible ?? '',
  method: input.method ?? '',
  probability: input.probability,
  consequence: input.consequence,
  decision: input.decision,
  analysis: input.analysis ?? '',
});

export function createControlService(deps: PlanningDeps & { plans: PlanService }) {
  const db = deps.database.db;
  const { clock, plans } = deps;

  async function own<T extends { committeeId: string }>(principal: Principal | null, row: T | undefined, missing: { sv: string; en: string }): Promise<T> {
    requirePrincipal(principal, 'planning.manage');
    if (!row) throw notFound(missing);
    await requireOwnCommittee(db, principal, row.committeeId, missing);
    assertManage(principal, row.committeeId);
    return row;
  }

  /** The year's register: risks, control points and activities. */
  async function load(committeeId: string, year: number) {
    const [riskRows, points, activities] = [await repo.listRisks(db, committeeId, year), await repo.listControlPoints(db, committeeId, year), await repo.listActivities(db, committeeId, year)];
    return { risks: riskRows.map(presentRisk), points, activities };
  }

  /** A risk or control point chosen in a form must be the committee's own, of the same year. */
  async function checkLinks(committeeId: string, year: number, links: { riskId?: string | undefined; controlPointId?: string | undefined }) {
    const { risks: riskRows, points } = await load(committeeId, year);
    if (links.riskId && !riskRows.some((r) => r.id === links.riskId)) throw invalid('riskId', 'Välj en risk i årets register.', "Choose a risk of the year's register.");
    if (links.controlPointId && !points.some((p) => p.id === links.controlPointId)) throw invalid('controlPointId', 'Välj ett av årets kontrollmoment.', "Choose one of the year's control points.");
  }

  return {
    async view(principal: Principal | null, query: unknown) {
      const s = await plans.scope(principal, query);
      return { ...s, ...(await load(s.committee.id, s.year)), canManage: mayManage(principal, s.committee.id) };
    },

    async findRisk(principal: Principal | null, id: string) {
      return own(principal, await repo.findRisk(db, id), RISK_NOT_FOUND);
    },

    async addRisk(principal: Principal | null, query: unknown, raw: unknown): Promise<{ year: number; slug: string }> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const input = parseInput(ZRiskInput, raw);
      await db.transaction(async (tx) => {
        const position = (await repo.listRisks(tx, s.committee.id, s.year)).length + 1;
        const riskId = await write.insertRisk(tx, { committeeId: s.committee.id, year: s.year, position, ...riskValues(input), createdAt: clock(), updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.risk.add', entity: 'risk', entityId: riskId, after: { year: s.year, ...riskValues(input), value: riskValue(input) }, organisationId: s.committee.id }, clock());
      });
      return { year: s.year, slug: s.committee.slug };
    },

    async updateRisk(principal: Principal | null, id: string, raw: unknown): Promise<RiskRow> {
      requirePrincipal(principal, 'planning.manage');
      const before = await own(principal, await repo.findRisk(db, id), RISK_NOT_FOUND);
      const input = parseInput(ZRiskInput, raw);
      await db.transaction(async (tx) => {
        await write.updateRisk(tx, id, { ...riskValues(input), updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.risk.update', entity: 'risk', entityId: id, before: { ...before, value: riskValue(before) }, after: { ...riskValues(input), value: riskValue(input) }, organisationId: before.committeeId }, clock());
      });
      return before;
    },

    /** Removes a risk; control points and activities that pointed at it keep their own rows. */
    async removeRisk(principal: Principal | null, id: string): Promise<RiskRow> {
      requirePrincipal(principal, 'planning.manage');
      const before = await own(principal, await repo.findRisk(db, id), RISK_NOT_FOUND);
      await db.transaction(async (tx) => {
        await write.deleteRisk(tx, id);
        await recordAudit(tx, actorOf(principal), { action: 'planning.risk.remove', entity: 'risk', entityId: id, before: { year: before.year, title: before.title, probability: before.probability, consequence: before.consequence }, organisationId: before.committeeId }, clock());
      });
      return before;
    },

    async addControlPoint(principal: Principal | null, query: unknown, raw: unknown): Promise<{ year: number; slug: string }> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const input = parseInput(ZControlPointInput, raw);
      await db.transaction(async (tx) => {
        const values = { committeeId: s.committee.id, year: s.year, title: input.title, description: input.description ?? '', issuedBy: input.issuedBy ?? '' };
        const pointId = await write.insertControlPoint(tx, { ...values, createdAt: clock(), updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.controlPoint.add', entity: 'control_point', entityId: pointId, after: values, organisationId: s.committee.id }, clock());
      });
      return { year: s.year, slug: s.committee.slug };
    },

    async findControlPoint(principal: Principal | null, id: string) {
      return own(principal, await repo.findControlPoint(db, id), POINT_NOT_FOUND);
    },

    /** The committee's assessment of a mandatory control point, and the risk it is scored as. */
    async assess(principal: Principal | null, id: string, raw: unknown): Promise<ControlPointRow> {
      requirePrincipal(principal, 'planning.manage');
      const before = await own(principal, await repo.findControlPoint(db, id), POINT_NOT_FOUND);
      const input = parseInput(ZAssessmentInput, raw);
      await checkLinks(before.committeeId, before.year, { riskId: input.riskId });
      await db.transaction(async (tx) => {
        const after = { assessment: input.assessment ?? '', riskId: input.riskId ?? null };
        await write.updateControlPoint(tx, id, { ...after, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.controlPoint.assess', entity: 'control_point', entityId: id, before: { assessment: before.assessment, riskId: before.riskId }, after, organisationId: before.committeeId }, clock());
      });
      return before;
    },

    async addActivity(principal: Principal | null, query: unknown, raw: unknown): Promise<{ year: number; slug: string }> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const input = parseInput(ZActivityInput, raw);
      await checkLinks(s.committee.id, s.year, input);
      await db.transaction(async (tx) => {
        const values = { committeeId: s.committee.id, year: s.year, title: input.title, owner: input.owner, dueOn: input.dueOn ?? null, riskId: input.riskId ?? null, controlPointId: input.controlPointId ?? null };
        const activityId = await write.insertControlActivity(tx, { ...values, createdAt: clock(), updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.activity.add', entity: 'control_activity', entityId: activityId, after: values, organisationId: s.committee.id }, clock());
      });
      return { year: s.year, slug: s.committee.slug };
    },

    async findActivity(principal: Principal | null, id: string) {
      return own(principal, await repo.findActivity(db, id), ACTIVITY_NOT_FOUND);
    },

    /** The result of a control: done on a date, with what was found. */
    async recordResult(principal: Principal | null, id: string, raw: unknown): Promise<ControlActivityRow> {
      requirePrincipal(principal, 'planning.manage');
      const before = await own(principal, await repo.findActivity(db, id), ACTIVITY_NOT_FOUND);
      const input = parseInput(ZActivityResult, raw);
      await db.transaction(async (tx) => {
        const after = { status: 'done' as const, result: input.result, completedOn: input.completedOn };
        await write.updateControlActivity(tx, id, { ...after, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.activity.result', entity: 'control_activity', entityId: id, before: { status: before.status, result: before.result, completedOn: before.completedOn }, after, organisationId: before.committeeId }, clock());
      });
      return before;
    },
  };
}

export type ControlService = ReturnType<typeof createControlService>;
