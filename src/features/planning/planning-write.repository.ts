/** SQL of the planning writes: plans, goals, indicators, follow-ups, internal control, checklists, portfolio. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { insertOne } from '../../platform/db/insert-one.js';
import {
  businessPlanEditions,
  businessPlans,
  checklistAnswers,
  checklistTemplates,
  checklists,
  controlActivities,
  controlPoints,
  followupDialogues,
  goals,
  indicatorFollowups,
  indicators,
  portfolioItems,
  risks,
} from './planning.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export async function insertPlan(tx: Db, values: Insert<typeof businessPlans>): Promise<{ id: string }> {
  return insertOne(tx.insert(businessPlans).values(values).returning({ id: businessPlans.id }));
}

export async function updatePlan(tx: Db, id: string, values: Partial<Insert<typeof businessPlans>>): Promise<void> {
  await tx.update(businessPlans).set(values).where(eq(businessPlans.id, id));
}

/** Removes a plan with its goals, indicators and editions (cascade). */
export async function deletePlan(tx: Db, id: string): Promise<void> {
  await tx.delete(businessPlans).where(eq(businessPlans.id, id));
}

export async function insertEdition(tx: Db, values: Insert<typeof businessPlanEditions>): Promise<string | undefined> {
  const [row] = await tx.insert(businessPlanEditions).values(values).returning({ id: businessPlanEditions.id });
  return row?.id;
}

export async function insertGoal(tx: Db, values: Insert<typeof goals>): Promise<{ id: string }> {
  return insertOne(tx.insert(goals).values(values).returning({ id: goals.id }));
}

export async function deleteGoal(tx: Db, id: string): Promise<void> {
  await tx.delete(goals).where(eq(goals.id, id));
}

export async function insertIndicator(tx: Db, values: Insert<typeof indicators>): Promise<string | undefined> {
  const [row] = await tx.insert(indicators).values(values).returning({ id: indicators.id });
  return row?.id;
}

export async function deleteIndicator(tx: Db, id: string): Promise<void> {
  await tx.delete(indicators).where(eq(indicators.id, id));
}

/** One indicator's follow-up of a tertial: updated when recorded before, else added. */
export async function saveIndicatorFollowup(tx: Db, key: { indicatorId: string; year: number; tertial: number }, values: Omit<Insert<typeof indicatorFollowups>, 'indicatorId' | 'year' | 'tertial'>): Promise<void> {
  const [existing] = await tx
    .select()
    .from(indicatorFollowups)
    .where(and(eq(indicatorFollowups.indicatorId, key.indicatorId), eq(indicatorFollowups.year, key.year), eq(indicatorFollowups.tertial, key.tertial)));
  if (existing) await tx.update(indicatorFollowups).set(values).where(eq(indicatorFollowups.id, existing.id));
  else await tx.insert(indicatorFollowups).values({ ...key, ...values });
}

export async function insertDialogue(tx: Db, values: Insert<typeof followupDialogues>): Promise<string | undefined> {
  const [row] = await tx.insert(followupDialogues).values(values).returning({ id: followupDialogues.id });
  return row?.id;
}

export async function insertRisk(tx: Db, values: Insert<typeof risks>): Promise<string | undefined> {
  const [row] = await tx.insert(risks).values(values).returning({ id: risks.id });
  return row?.id;
}

export async function updateRisk(tx: Db, id: string, values: Partial<Insert<typeof risks>>): Promise<void> {
  await tx.update(risks).set(values).where(eq(risks.id, id));
}

/** Removes a risk; its control points and activities stay, no longer pointing at it. */
export async function deleteRisk(tx: Db, id: string): Promise<void> {
  await tx.update(controlPoints).set({ riskId: null }).where(eq(controlPoints.riskId, id));
  await tx.update(controlActivities).set({ riskId: null }).where(eq(controlActivities.riskId, id));
  await tx.delete(risks).where(eq(risks.id, id));
}

export async function insertControlPoint(tx: Db, values: Insert<typeof controlPoints>): Promise<string | undefined> {
  const [row] = await tx.insert(controlPoints).values(values).returning({ id: controlPoints.id });
  return row?.id;
}

export async function updateControlPoint(tx: Db, id: string, values: Partial<Insert<typeof controlPoints>>): Promise<void> {
  await tx.update(controlPoints).set(values).where(eq(controlPoints.id, id));
}

export async function insertControlActivity(tx: Db, values: Insert<typeof controlActivities>): Promise<string | undefined> {
  const [row] = await tx.insert(controlActivities).values(values).returning({ id: controlActivities.id });
  return row?.id;
}

export async function updateControlActivity(tx: Db, id: string, values: Partial<Insert<typeof controlActivities>>): Promise<void> {
  await tx.update(controlActivities).set(values).where(eq(controlActivities.id, id));
}

export async function insertChecklistTemplate(tx: Db, values: Insert<typeof checklistTemplates>): Promise<string | undefined> {
  const [row] = await tx.insert(checklistTemplates).values(values).returning({ id: checklistTemplates.id });
  return row?.id;
}

export async function findChecklistOfYear(db: Db, templateId: string, year: number) {
  return firstRow(db.select().from(checklists).where(and(eq(checklists.templateId, templateId), eq(checklists.year, year))));
}

export async function insertChecklist(tx: Db, values: Insert<typeof checklists>): Promise<{ id: string }> {
  return insertOne(tx.insert(checklists).values(values).returning({ id: checklists.id }));
}

export async function updateChecklist(tx: Db, id: string, values: Partial<Insert<typeof checklists>>): Promise<void> {
  await tx.update(checklists).set(values).where(eq(checklists.id, id));
}

/** The checklist's answers become exactly these. */
export async function replaceChecklistAnswers(tx: Db, checklistId: string, answers: Insert<typeof checklistAnswers>[]): Promise<void> {
  await tx.delete(checklistAnswers).where(eq(checklistAnswers.checklistId, checklistId));
  if (answers.length) await tx.insert(checklistAnswers).values(answers);
}

export async function insertPortfolioItem(tx: Db, values: Insert<typeof portfolioItems>): Promise<string | undefined> {
  const [row] = await tx.insert(portfolioItems).values(values).returning({ id: portfolioItems.id });
  return row?.id;
}

export async function updatePortfolioItem(tx: Db, id: string, values: Partial<Insert<typeof portfolioItems>>): Promise<void> {
  await tx.update(portfolioItems).set(values).where(eq(portfolioItems.id, id));
}

export async function deletePortfolioItem(tx: Db, id: string): Promise<void> {
  await tx.delete(portfolioItems).where(eq(portfolioItems.id, id));
}
