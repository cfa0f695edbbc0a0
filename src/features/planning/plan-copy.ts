/**
 * A new year's business plan starts as a copy of the last: sections, goals and indicators with
 * their targets, but none of last year's follow-ups (measured values belong to their year), no
 * editions and no adopting paragraph. The copy is a draft the secretary edits.
 */
import type { Db } from '../../platform/db/database.js';
import * as write from './planning-write.repository.js';
import type { BusinessPlanRow, GoalRow, IndicatorRow } from './planning.tables.js';

/** What a copy reads of last year's plan (the shape of plan.service's loaded plan). */
interface LoadedPlan {
  plan: BusinessPlanRow;
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
  const plan = await write.insertPlan(tx, { committeeId: opts.committeeId, year: opts.year, title: titleForYear(previous, opts.year), sections: { ...(previous?.plan.sections ?? {}) }, status: 'draft', createdAt: now, updatedAt: now });
  for (const { goal, indicators: rows } of previous?.goals ?? []) {
    const copy = await write.insertGoal(tx, { planId: plan.id, position: goal.position, title: goal.title, description: goal.description });
    for (const i of rows) {
      await write.insertIndicator(tx, { goalId: copy.id, position: i.position, name: i.name, measure: i.measure, targetText: i.targetText, target: i.target, minimum: i.minimum, maximum: i.maximum, unit: i.unit });
    }
  }
  return plan.id;
}

/** Removes a draft plan with its goals, indicators and editions (cascade), before it is replaced. */
export const deletePlan = write.deletePlan;
