/**
 * The demo's planning and follow-up: verksamhetsplan 2023 (tabled at § 22 of the 2022-12-14
 * protocol) and 2022 (whose measured indicators come from the demo's 2022 meetings), the risk
 * register and mandatory control points 2023, the SAM follow-up 2022 and the portfolio.
 * Written in one transaction with its audit entry; skipped when the 2023 plan already exists.
 */
import { and, eq } from 'drizzle-orm';
import type { Services } from '../../services.js';
import type { Db } from '../../platform/db/database.js';
import { organisations } from '../organisation/organisation.tables.js';
import { businessPlanEditions, businessPlans, checklistAnswers, checklistTemplates, checklists, controlActivities, controlPoints, goals, indicators, portfolioItems, risks } from '../planning/planning.tables.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { listMunicipalities, listParagraphs } from '../planning/planning.repository.js';
import { DEMO_COMMITTEE_SLUG } from './demo-data.js';
import {
  ACTIVITIES_2023, CONTROL_POINTS_2023, PLAN_2022_ECONOMY, PLAN_2022_GOALS, PLAN_2023_GOALS, PLAN_2023_SECTIONS, PLAN_EDITIONS, PORTFOLIO, RISKS_2023,
  SAM_2022_EXCEPTIONS, SAM_STATEMENTS,
} from './demo-planning-data.js';

const DEMO_ACTOR = { userId: null, label: 'demo' };
const num = (v: number | undefined) => (v === undefined ? null : String(v));

async function insertPlan(tx: Db, options: { committeeId: string; year: number; status: 'tabled' | 'adopted'; paragraphId: string | null; sections: Record<string, string>; editions: typeof PLAN_EDITIONS; goalList: typeof PLAN_2023_GOALS }): Promise<string> {
  const [plan] = await tx
    .insert(businessPlans)
    .values({ committeeId: options.committeeId, year: options.year, title: `Verksamhetsplan ${options.year}`, sections: options.sections, status: options.status, paragraphId: options.paragraphId })
    .returning();
  if (!plan) throw new Error('insert returned no plan');
  for (const e of options.editions) await tx.insert(businessPlanEditions).values({ planId: plan.id, ...e });
  for (const [g, goal] of options.goalList.entries()) {
    const [row] = await tx.insert(goals).values({ planId: plan.id, position: g + 1, title: goal.title }).returning();
    for (const [i, x] of goal.indicators.entries()) {
      await tx.insert(indicators).values({ goalId: row?.id ?? '', position: i + 1, name: x.name, measure: x.measure, targetText: x.targetText, target: num(x.target), minimum: num(x.minimum), unit: x.unit ?? '' });
    }
  }
  return plan.id;
}

async function insertControl(tx: Db, committeeId: string): Promise<void> {
  const ids = new Map<string, string>();
  let position = 0;
  for (const r of [...RISKS_2023, ...CONTROL_POINTS_2023.map((p) => p.risk)]) {
    position += 1;
    const [row] = await tx.insert(risks).values({ committeeId, year: 2023, position, ...r }).returning();
    ids.set(r.title, row?.id ?? '');
  }
  for (const p of CONTROL_POINTS_2023) {
    await tx.insert(controlPoints).values({ committeeId, year: 2023, issuedBy: 'Luleå kommunstyrelse 2022-09-12 § 227', title: p.title, description: p.description, assessment: p.assessment, riskId: ids.get(p.risk.title) ?? null });
  }
  for (const a of ACTIVITIES_2023) {
    await tx.insert(controlActivities).values({ committeeId, year: 2023, riskId: ids.get(a.riskTitle) ?? null, title: a.title, owner: a.owner, dueOn: a.dueOn, origin: 'demo' });
  }
}

async function insertSam(tx: Db, committeeId: string): Promise<void> {
  const statements = SAM_STATEMENTS.map((text, i) => ({ key: String(i + 1), text }));
  const [template] = await tx.insert(checklistTemplates).values({ committeeId, name: 'Uppföljning av systematiskt arbetsmiljöarbete (SAM)', statements }).returning();
  const [list] = await tx.insert(checklists).values({ templateId: template?.id ?? '', year: 2022, status: 'completed' }).returning();
  for (const s of statements) {
    const x = SAM_2022_EXCEPTIONS[s.key];
    await tx.insert(checklistAnswers).values({
      checklistId: list?.id ?? '',
      statementKey: s.key,
      answer: x?.answer ?? 'yes',
      explanation: x?.explanation ?? '',
      action: x?.action ?? '',
      actionOwner: x?.actionOwner ?? '',
      actionDueOn: x?.actionDueOn ?? null,
      // An answer with an action invented for the demo is marked; the rest are the seed's answers.
      origin: x?.action ? 'demo' : 'seed',
    });
  }
}

/** Loads the demo's planning data; needs the committee, its protocol and meetings (loadDemo loads those first). */
export async function loadPlanningDemo(services: Services): Promise<void> {
  const db = services.database.db;
  const [committee] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
  if (!committee) return;
  const [existing] = await db.select({ id: businessPlans.id }).from(businessPlans).where(and(eq(businessPlans.committeeId, committee.id), eq(businessPlans.year, 2023)));
  if (existing) return;
  const paragraph = (await listParagraphs(db, committee.id)).find((p) => p.year === 2022 && p.heading.startsWith('Verksamhetsplan 2023'));
  const municipalities = (await listMunicipalities(db, committee.id)).map((m) => m.id);
  await db.transaction(async (tx) => {
    const plan2023 = await insertPlan(tx, { committeeId: committee.id, year: 2023, status: 'tabled', paragraphId: paragraph?.id ?? null, sections: PLAN_2023_SECTIONS, editions: PLAN_EDITIONS, goalList: PLAN_2023_GOALS });
    await insertPlan(tx, { committeeId: committee.id, year: 2022, status: 'adopted', paragraphId: null, sections: { ...PLAN_2023_SECTIONS, economy: PLAN_2022_ECONOMY }, editions: PLAN_EDITIONS.slice(0, 6), goalList: PLAN_2022_GOALS });
    await insertControl(tx, committee.id);
    await insertSam(tx, committee.id);
    for (const [i, p] of PORTFOLIO.entries()) {
      const { allMunicipalities, ...values } = p;
      await tx.insert(portfolioItems).values({ committeeId: committee.id, position: i + 1, ...values, participants: allMunicipalities ? municipalities : [] });
    }
    await recordAudit(tx, DEMO_ACTOR, { action: 'demo.planning', entity: 'business_plan', entityId: plan2023, after: { plans: [2022, 2023], risks: RISKS_2023.length + CONTROL_POINTS_2023.length, portfolio: PORTFOLIO.length }, organisationId: committee.id }, services.clock());
  });
}
