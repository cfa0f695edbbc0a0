/**
 * The business plan (verksamhetsplan) of a year: sections, edition history, goals and indicators,
 * and the link to the protocol paragraph that adopted or tabled it (seed § 22).
 */
import type { Db } from '../../platform/db/database.js';
import { swedishDate } from '../../platform/clock.js';
import * as write from './planning-write.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { type Principal, requirePrincipal } from '../../platform/auth/policy.js';
import * as repo from './planning.repository.js';
import { assertManage, mayManage, requireOwnCommittee, resolveCommittee, thisYear, type PlanningDeps } from './planning-context.js';
import { SECTION_KEYS, ZCreatePlan, ZEditionInput, ZGoalInput, ZIndicatorInput, ZPlanInput, ZPlanningQuery, type TIndicatorInput } from './planning.schema.js';
import { deletePlan, insertPlanCopy } from './plan-copy.js';
import type { BusinessPlanRow } from './planning.tables.js';

const PLAN_NOT_FOUND = { sv: 'Verksamhetsplanen finns inte.', en: 'The business plan does not exist.' };
const GOAL_NOT_FOUND = { sv: 'Målet finns inte.', en: 'The goal does not exist.' };
const INDICATOR_NOT_FOUND = { sv: 'Indikatorn finns inte.', en: 'The indicator does not exist.' };

/** A protocol paragraph as a link: "§ 22, 2022-12-14: Verksamhetsplan 2023". */
export interface ParagraphLink {
  id: string;
  number: number | null;
  heading: string;
  date: string;
  meetingId: string;
}

export const numberOrNull = (v: string | null) => (v === null ? null : Number(v));

const indicatorValues = (input: TIndicatorInput) => ({
  name: input.name,
  measure: input.measure,
  targetText: input.targetText ?? '',
  target: input.target === undefined ? null : String(input.target),
  minimum: input.minimum === undefined ? null : String(input.minimum),
  maximum: input.maximum === undefined ? null : String(input.maximum),
  unit: input.unit ?? '',
});

export async function paragraphLinks(db: Db, committeeId: string): Promise<ParagraphLink[]> {
  return (await repo.listParagraphs(db, committeeId))
    .filter((p) => p.number !== null)
    .map((p) => ({ id: p.id, number: p.number, heading: p.heading, date: swedishDate(p.startsAt), meetingId: p.meetingId }));
}

/** The plan with its editions and goals (each with its indicators), or null when the year has none. */
export async function loadPlan(db: Db, committeeId: string, year: number) {
  const plan = await repo.findPlan(db, committeeId, year);
  if (!plan) return null;
  const [editions, goalRows] = [await repo.listEditions(db, plan.id), await repo.listGoals(db, plan.id)];
  const indicatorRows = await repo.listIndicators(db, goalRows.map((g) => g.id));
  const paragraph = plan.paragraphId ? (await paragraphLinks(db, committeeId)).find((p) => p.id === plan.paragraphId) : undefined;
  return { plan, editions, paragraph, goals: goalRows.map((goal) => ({ goal, indicators: indicatorRows.filter((i) => i.goalId === goal.id) })) };
}

export type LoadedPlan = NonNullable<Awaited<ReturnType<typeof loadPlan>>>;

/** Either the new plan, or the plan of the year that is already there and waits for the secretary's confirmation. */
export type CreatePlanOutcome =
  | { outcome: 'created'; planId: string; copiedFromYear: number | null }
  | { outcome: 'exists'; existing: BusinessPlanRow; year: number; committeeId: string };

export function createPlanService(deps: PlanningDeps) {
  const db = deps.database.db;
  const { clock } = deps;

  async function scope(principal: Principal | null, query: unknown) {
    requirePrincipal(principal, 'planning.read');
    const q = ZPlanningQuery.parse(query ?? {});
    const { committee, committees } = await resolveCommittee(db, principal, q.namnd);
    return { committee, committees, year: q.ar ?? thisYear(clock), q };
  }

  async function ownPlan(principal: Principal | null, planId: string) {
    requirePrincipal(principal, 'planning.manage');
    const plan = await repo.findPlanById(db, planId);
    if (!plan) throw notFound(PLAN_NOT_FOUND);
    await requireOwnCommittee(db, principal, plan.committeeId, PLAN_NOT_FOUND);
    assertManage(principal, plan.committeeId);
    return plan;
  }

  async function ownGoal(principal: Principal | null, goalId: string) {
    requirePrincipal(principal, 'planning.manage');
    const goal = await repo.findGoal(db, goalId);
    if (!goal) throw notFound(GOAL_NOT_FOUND);
    return { goal, plan: await ownPlan(principal, goal.planId) };
  }

  const service = {
    scope,

    /** The plan of the year as a document, and what the edit form offers. */
    async get(principal: Principal | null, query: unknown) {
      const s = await scope(principal, query);
      const loaded = await loadPlan(db, s.committee.id, s.year);
      const canManage = mayManage(principal, s.committee.id);
      const paragraphs = canManage ? await paragraphLinks(db, s.committee.id) : [];
      const previousYear = canManage && (await repo.findPlan(db, s.committee.id, s.year - 1)) ? s.year - 1 : null;
      return { ...s, loaded, canManage, paragraphs, previousYear, existing: loaded?.plan ?? null };
    },

    /**
     * A new plan for the year: by default a copy of the previous year's plan (sections, goals and
     * indicators with targets; the seed's plan is revised year by year), else empty. A plan of the
     * year that already exists is never overwritten silently: the answer is `exists` until the
     * secretary confirms with `replace`, and only a draft may be replaced (an adopted or tabled plan
     * is the committee's record).
     */
    async create(principal: Principal | null, query: unknown, raw: unknown = {}): Promise<CreatePlanOutcome> {
      const s = await scope(principal, query);
      assertManage(principal, s.committee.id);
      const input = parseInput(ZCreatePlan, raw);
      return db.transaction(async (tx) => {
        const existing = await repo.findPlan(tx, s.committee.id, s.year);
        if (existing && existing.status !== 'draft') {
          throw conflict({ sv: `Verksamhetsplanen för ${s.year} är ${existing.status === 'adopted' ? 'antagen' : 'bordlagd'} och kan inte ersättas. Ändra den i stället.`, en: `The business plan for ${s.year} has been ${existing.status} and cannot be replaced. Edit it instead.` });
        }
        if (existing && !input.replace) return { outcome: 'exists', existing, year: s.year, committeeId: s.committee.id };
        const previous = input.source === 'empty' ? null : await loadPlan(tx, s.committee.id, s.year - 1);
        if (input.source === 'copy' && !previous) {
          throw conflict({ sv: `Det finns ingen verksamhetsplan för ${s.year - 1} att kopiera. Välj en tom plan.`, en: `There is no business plan for ${s.year - 1} to copy. Choose an empty plan.` });
        }
        if (existing) await deletePlan(tx, existing.id);
        const planId = await insertPlanCopy(tx, { committeeId: s.committee.id, year: s.year, previous, now: clock() });
        const after = { year: s.year, copiedFrom: previous?.plan.id ?? null, replaced: existing?.id ?? null };
        await recordAudit(tx, actorOf(principal), { action: 'planning.plan.create', entity: 'business_plan', entityId: planId, before: existing ? { title: existing.title, sections: existing.sections } : undefined, after, organisationId: s.committee.id }, clock());
        return { outcome: 'created', planId, copiedFromYear: previous ? s.year - 1 : null };
      });
    },

    /** What the create form offers: is there a plan of the year before to copy, and one of this year to replace. */
    async createOptions(principal: Principal | null, query: unknown) {
      const s = await scope(principal, query);
      assertManage(principal, s.committee.id);
      const [existing, previous] = [await repo.findPlan(db, s.committee.id, s.year), await repo.findPlan(db, s.committee.id, s.year - 1)];
      return { ...s, existing: existing ?? null, previousYear: previous ? s.year - 1 : null };
    },

    async update(principal: Principal | null, planId: string, raw: unknown): Promise<BusinessPlanRow> {
      requirePrincipal(principal, 'planning.manage');
      const before = await ownPlan(principal, planId);
      const input = parseInput(ZPlanInput, raw);
      if (input.paragraphId && !(await paragraphLinks(db, before.committeeId)).some((p) => p.id === input.paragraphId)) {
        throw notFound({ sv: 'Paragrafen finns inte i nämndens protokoll.', en: "The paragraph is not in the committee's protocols." });
      }
      const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, input[k] ?? '']));
      const after = { title: input.title, status: input.status, paragraphId: input.paragraphId ?? null, sections };
      await db.transaction(async (tx) => {
        await write.updatePlan(tx, planId, { ...after, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.plan.update', entity: 'business_plan', entityId: planId, before: { title: before.title, status: before.status, paragraphId: before.paragraphId, sections: before.sections }, after, organisationId: before.committeeId }, clock());
      });
      return before;
    },

    async addEdition(principal: Principal | null, planId: string, raw: unknown): Promise<BusinessPlanRow> {
      requirePrincipal(principal, 'planning.manage');
      const plan = await ownPlan(principal, planId);
      const input = parseInput(ZEditionInput, raw);
      await db.transaction(async (tx) => {
        const editionId = await write.insertEdition(tx, { planId, edition: input.edition, editedOn: input.editedOn, comment: input.comment ?? '' });
        await recordAudit(tx, actorOf(principal), { action: 'planning.edition.add', entity: 'business_plan_edition', entityId: editionId, after: { planId, ...input }, organisationId: plan.committeeId }, clock());
      });
      return plan;
    },

    async addGoal(principal: Principal | null, planId: string, raw: unknown): Promise<BusinessPlanRow> {
      requirePrincipal(principal, 'planning.manage');
      const plan = await ownPlan(principal, planId);
      const input = parseInput(ZGoalInput, raw);
      await db.transaction(async (tx) => {
        const position = (await repo.listGoals(tx, planId)).length + 1;
        const row = await write.insertGoal(tx, { planId, position, title: input.title, description: input.description ?? '' });
        await recordAudit(tx, actorOf(principal), { action: 'planning.goal.add', entity: 'goal', entityId: row.id, after: { planId, ...input }, organisationId: plan.committeeId }, clock());
      });
      return plan;
    },

    /** The plan's own year and committee as a view, for its edit form. */
    async forEdit(principal: Principal | null, planId: string) {
      requirePrincipal(principal, 'planning.manage');
      const plan = await ownPlan(principal, planId);
      const committee = await requireOwnCommittee(db, principal, plan.committeeId, PLAN_NOT_FOUND);
      const view = await service.get(principal, { ar: String(plan.year), namnd: committee.slug });
      return { plan, view };
    },

    async findGoal(principal: Principal | null, goalId: string) {
      return ownGoal(principal, goalId);
    },

    /** Removes a goal and its indicators with their follow-ups. */
    async removeGoal(principal: Principal | null, goalId: string): Promise<BusinessPlanRow> {
      requirePrincipal(principal, 'planning.manage');
      const { goal, plan } = await ownGoal(principal, goalId);
      await db.transaction(async (tx) => {
        await write.deleteGoal(tx, goalId);
        await recordAudit(tx, actorOf(principal), { action: 'planning.goal.remove', entity: 'goal', entityId: goalId, before: { planId: plan.id, title: goal.title }, organisationId: plan.committeeId }, clock());
      });
      return plan;
    },

    async addIndicator(principal: Principal | null, goalId: string, raw: unknown): Promise<BusinessPlanRow> {
      requirePrincipal(principal, 'planning.manage');
      const { plan } = await ownGoal(principal, goalId);
      const input = parseInput(ZIndicatorInput, raw);
      await db.transaction(async (tx) => {
        const position = (await repo.listIndicators(tx, [goalId])).length + 1;
        const indicatorId = await write.insertIndicator(tx, { goalId, position, ...indicatorValues(input) });
        await recordAudit(tx, actorOf(principal), { action: 'planning.indicator.add', entity: 'indicator', entityId: indicatorId, after: { goalId, ...indicatorValues(input) }, organisationId: plan.committeeId }, clock());
      });
      return plan;
    },

    async findIndicator(principal: Principal | null, indicatorId: string) {
      requirePrincipal(principal, 'planning.manage');
      const indicator = await repo.findIndicator(db, indicatorId);
      if (!indicator) throw notFound(INDICATOR_NOT_FOUND);
      return { indicator, ...(await ownGoal(principal, indicator.goalId)) };
    },

    async removeIndicator(principal: Principal | null, indicatorId: string): Promise<BusinessPlanRow> {
      requirePrincipal(principal, 'planning.manage');
      const indicator = await repo.findIndicator(db, indicatorId);
      if (!indicator) throw notFound(INDICATOR_NOT_FOUND);
      const { plan } = await ownGoal(principal, indicator.goalId);
      await db.transaction(async (tx) => {
        await write.deleteIndicator(tx, indicatorId);
        await recordAudit(tx, actorOf(principal), { action: 'planning.indicator.remove', entity: 'indicator', entityId: indicatorId, before: { goalId: indicator.goalId, name: indicator.name, measure: indicator.measure }, organisationId: plan.committeeId }, clock());
      });
      return plan;
    },
  };
  return service;
}

export type PlanService = ReturnType<typeof createPlanService>;
