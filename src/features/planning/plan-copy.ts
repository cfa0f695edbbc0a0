/**
 * A new year's business plan starts as a copy of the last: sections, goals and indicators with
 * their targets, but none of last year's follow-ups (measured values belong to their year), no
 * editions and no adopting paragraph. The copy is a draft the secretary edits.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { businessPlans, goals, indicators } from './planning.tables.js';
import { insertOne } from '../../platform/db/insert-one.js';
import type { GoalRow, IndicatorRow, PlanRow } from './planning.repository.js';

/** What a copy reads of last year's plan (the shape of plan.service's loaded plan). */
interface LoadedPlan {
  plan: PlanRow;
  goals: { goal: GoalRow; indicators: IndicatorRow[] }[];
}

/** The previous year's title with its year moved on ("Verksamhetsplan 2023" → "… 2024"), else the default. */
export function titleForYear(previous: LoadedPlan | null, year: number): string {
  const fallback = `Verksamhetsplan ${year}`;
  if (!previous) return fallback;
  const old = String(previous.plan.year);
  return previous.plan.title.includes(old) ? previous.plan.title.replaceAll(old, String(year)) : fallback;
}

/** Inserts the plan of `year` as a draft, copying `previous` when given; returns the new plan's id. */
export async function insertPlanCopy(tx: Db, opts: { committeeId: string; year: number; previous: LoadedPlan | null; now: Date }): Promise<string> {
  const { previous, now } = opts;
  const plan = await insertOne(
    tx
      .insert(businessPlans)
      .values({ committeeId: opts.committeeId, year: opts.year, title: titleForYear(previous, opts.year), sections: { ...(previous?.plan.sections ?? {}) }, status: 'draft', createdAt: now, updatedAt: now })
      .returning(),
  );
  for (const { goal, indicators: rows } of previous?.goals ?? []) {
    const copy = await insertOne(tx.insert(goals).values({ planId: plan.id, position: goal.position, title: goal.title, description: goal.description }).returning());
    for (const i of rows) {
      await tx.insert(indicators).values({ goalId: copy.id, position: i.position, name: i.name, measure: i.measure, targetText: i.targetText, target: i.target, minimum: i.minimum, maximum: i.maximum, unit: i.unit });
    }
  }
  return plan.id;
}

/** Removes a draft plan with its goals, indicators and editions (cascade), before it is replaced. */
export async function deletePlan(tx: Db, planId: string): Promise<void> {
  await tx.delete(businessPlans).where(eq(businessPlans.id, planId));
}
