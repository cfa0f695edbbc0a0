/** SQL of planning and follow-up: reads by committee and year; writes stay in the services. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { initiatives } from '../cooperation/cooperation.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations, type OrganisationRow } from '../organisation/organisation.tables.js';
import { businessPlanEditions, businessPlans, checklistAnswers, checklistTemplates, checklists, controlActivities, controlPoints, followupDialogues, goals, indicatorFollowups, indicators, portfolioItems, risks, type BusinessPlanEditionRow, type BusinessPlanRow, type ChecklistAnswerRow, type ChecklistRow, type ChecklistTemplateRow, type ControlActivityRow, type ControlPointRow, type FollowupDialogueRow, type GoalRow, type IndicatorFollowupRow, type IndicatorRow, type PortfolioItemRow, type RiskRow } from './planning.tables.js';
import { selectFromParagraphs } from '../protocols/protocol-joins.repository.js';
import { protocolParagraphs } from '../protocols/protocols.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

const collator = new Intl.Collator('sv');
const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => collator.compare(a.name, b.name));

export async function listCommittees(db: Db): Promise<OrganisationRow[]> {
  return byName(await db.select().from(organisations).where(eq(organisations.kind, 'committee')));
}

export async function findOrganisations(db: Db, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

/** The member municipalities of a committee, in Swedish order. */
export async function listMunicipalities(db: Db, committeeId: string): Promise<OrganisationRow[]> {
  return byName(await db.select().from(organisations).where(and(eq(organisations.committeeId, committeeId), eq(organisations.kind, 'municipality'))));
}

export async function listBodiesOfKind(db: Db, committeeId: string, kind: 'committee' | 'preparation_group') {
  return db.select().from(bodies).where(and(eq(bodies.organisationId, committeeId), eq(bodies.kind, kind)));
}

/** Sammanträden held: closed meetings (not strategy days) of the bodies, in date order. */
export async function listClosedMeetings(db: Db, bodyIds: string[]) {
  if (bodyIds.length === 0) return [];
  return db.select().from(meetings).where(and(inArray(meetings.bodyId, bodyIds), eq(meetings.status, 'closed'), eq(meetings.kind, 'meeting'))).orderBy(asc(meetings.startsAt));
}

/** Planned meetings of the committee's own bodies, for the status list. */
export async function listPlannedMeetings(db: Db, bodyIds: string[]) {
  if (bodyIds.length === 0) return [];
  return db.select().from(meetings).where(and(inArray(meetings.bodyId, bodyIds), eq(meetings.status, 'planned'))).orderBy(asc(meetings.startsAt));
}

export async function findPlan(db: Db, committeeId: string, year: number): Promise<BusinessPlanRow | undefined> {
  return firstRow(db.select().from(businessPlans).where(and(eq(businessPlans.committeeId, committeeId), eq(businessPlans.year, year))));
}

export async function findPlanById(db: Db, id: string): Promise<BusinessPlanRow | undefined> {
  return firstRow(db.select().from(businessPlans).where(eq(businessPlans.id, id)));
}

export async function listEditions(db: Db, planId: string): Promise<BusinessPlanEditionRow[]> {
  const rows = await db.select().from(businessPlanEditions).where(eq(businessPlanEditions.planId, planId));
  return rows.sort((a, b) => a.editedOn.localeCompare(b.editedOn) || collator.compare(a.edition, b.edition));
}

export async function listGoals(db: Db, planId: string): Promise<GoalRow[]> {
  return db.select().from(goals).where(eq(goals.planId, planId)).orderBy(asc(goals.position), asc(goals.createdAt));
}

export async function listIndicators(db: Db, goalIds: string[]): Promise<IndicatorRow[]> {
  if (goalIds.length === 0) return [];
  return db.select().from(indicators).where(inArray(indicators.goalId, goalIds)).orderBy(asc(indicators.position), asc(indicators.createdAt));
}

export async function findGoal(db: Db, id: string): Promise<GoalRow | undefined> {
  return firstRow(db.select().from(goals).where(eq(goals.id, id)));
}

export async function findIndicator(db: Db, id: string): Promise<IndicatorRow | undefined> {
  return firstRow(db.select().from(indicators).where(eq(indicators.id, id)));
}

export async function listFollowups(db: Db, indicatorIds: string[], year: number): Promise<IndicatorFollowupRow[]> {
  if (indicatorIds.length === 0) return [];
  return db.select().from(indicatorFollowups).where(and(inArray(indicatorFollowups.indicatorId, indicatorIds), eq(indicatorFollowups.year, year)));
}

export async function listDialogues(db: Db, committeeId: string): Promise<FollowupDialogueRow[]> {
  return db.select().from(followupDialogues).where(eq(followupDialogues.committeeId, committeeId)).orderBy(asc(followupDialogues.heldOn));
}

/** The numbered paragraphs of the committee's protocols, to link a plan to the one that adopted or tabled it. */
export async function listParagraphs(db: Db, committeeId: string) {
  return selectFromParagraphs(db, { id: protocolParagraphs.id, number: protocolParagraphs.number, year: protocolParagraphs.year, heading: protocolParagraphs.heading, meetingId: meetings.id, startsAt: meetings.startsAt })
    .where(eq(bodies.organisationId, committeeId))
    .orderBy(asc(meetings.startsAt), asc(protocolParagraphs.position));
}

export async function listRisks(db: Db, committeeId: string, year: number): Promise<RiskRow[]> {
  return db.select().from(risks).where(and(eq(risks.committeeId, committeeId), eq(risks.year, year))).orderBy(asc(risks.position), asc(risks.createdAt));
}

export async function findRisk(db: Db, id: string): Promise<RiskRow | undefined> {
  return firstRow(db.select().from(risks).where(eq(risks.id, id)));
}

export async function listControlPoints(db: Db, committeeId: string, year: number): Promise<ControlPointRow[]> {
  return db.select().from(controlPoints).where(and(eq(controlPoints.committeeId, committeeId), eq(controlPoints.year, year))).orderBy(asc(controlPoints.createdAt));
}

export async function findControlPoint(db: Db, id: string): Promise<ControlPointRow | undefined> {
  return firstRow(db.select().from(controlPoints).where(eq(controlPoints.id, id)));
}

export async function listActivities(db: Db, committeeId: string, year: number): Promise<ControlActivityRow[]> {
  return db.select().from(controlActivities).where(and(eq(controlActivities.committeeId, committeeId), eq(controlActivities.year, year))).orderBy(asc(controlActivities.createdAt));
}

export async function findActivity(db: Db, id: string): Promise<ControlActivityRow | undefined> {
  return firstRow(db.select().from(controlActivities).where(eq(controlActivities.id, id)));
}

export async function listTemplates(db: Db, committeeId: string): Promise<ChecklistTemplateRow[]> {
  return byName(await db.select().from(checklistTemplates).where(eq(checklistTemplates.committeeId, committeeId)));
}

export async function findTemplate(db: Db, id: string): Promise<ChecklistTemplateRow | undefined> {
  return firstRow(db.select().from(checklistTemplates).where(eq(checklistTemplates.id, id)));
}

export async function listChecklists(db: Db, templateIds: string[]): Promise<ChecklistRow[]> {
  if (templateIds.length === 0) return [];
  return db.select().from(checklists).where(inArray(checklists.templateId, templateIds)).orderBy(asc(checklists.year));
}

export async function findChecklist(db: Db, id: string): Promise<ChecklistRow | undefined> {
  return firstRow(db.select().from(checklists).where(eq(checklists.id, id)));
}

export async function listAnswers(db: Db, checklistIds: string[]): Promise<ChecklistAnswerRow[]> {
  if (checklistIds.length === 0) return [];
  return db.select().from(checklistAnswers).where(inArray(checklistAnswers.checklistId, checklistIds));
}

export async function listPortfolio(db: Db, committeeId: string): Promise<PortfolioItemRow[]> {
  return db.select().from(portfolioItems).where(eq(portfolioItems.committeeId, committeeId)).orderBy(asc(portfolioItems.position), asc(portfolioItems.createdAt));
}

export async function findPortfolioItem(db: Db, id: string): Promise<PortfolioItemRow | undefined> {
  return firstRow(db.select().from(portfolioItems).where(eq(portfolioItems.id, id)));
}

export async function listInitiatives(db: Db, committeeId: string) {
  return byName(await db.select({ id: initiatives.id, name: initiatives.name }).from(initiatives).where(eq(initiatives.committeeId, committeeId)));
}
