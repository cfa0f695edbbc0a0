/**
 * The planning feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { date, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, origin, ref, updatedAt } from '../../platform/db/columns.js';
import { users } from '../auth/auth.tables.js';
import { initiatives } from '../cooperation/cooperation.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { protocolParagraphs } from '../protocols/protocols.tables.js';

/** Verksamhetsplan of a year as a structured document. */
export const businessPlans = pgTable(
  'business_plans',
  {
    id: id(),
    committeeId: ref('committee_id', () => organisations.id).notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** Sections by key: purpose, strategicDirection, effectGoals, organisation, annualCycle, economy. */
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: ['draft', 'tabled', 'adopted'] }).notNull().default('draft'),
    /** The protocol paragraph that adopted (or tabled) the plan. */
    paragraphId: ref('paragraph_id', () => protocolParagraphs.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('business_plans_year_key').on(t.committeeId, t.year)],
);
/** Utgåvehistorik: edition, date, comment. */
export const businessPlanEditions = pgTable('business_plan_editions', {
  id: id(),
  planId: ref('plan_id', () => businessPlans.id, { onDelete: 'cascade' }).notNull(),
  edition: text('edition').notNull(),
  editedOn: date('edited_on').notNull(),
  comment: text('comment').notNull().default(''),
  createdAt: createdAt(),
});
export const goals = pgTable('goals', {
  id: id(),
  planId: ref('plan_id', () => businessPlans.id, { onDelete: 'cascade' }).notNull(),
  position: integer('position').notNull().default(0),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
/** An indicator of a goal: measured from Kansli's data (`measure`) or entered by hand (`manual`). */
export const indicators = pgTable('indicators', {
  id: id(),
  goalId: ref('goal_id', () => goals.id, { onDelete: 'cascade' }).notNull(),
  position: integer('position').notNull().default(0),
  name: text('name').notNull(),
  measure: text('measure', {
    enum: ['committee_meetings', 'member_attendance', 'prep_meetings', 'prep_municipality_share', 'followup_dialogues', 'manual'],
  }).notNull(),
  /** The target as written ("minst 4", "100 %, minst 75 %") and as numbers. */
  targetText: text('target_text').notNull().default(''),
  target: numeric('target', { precision: 12, scale: 2 }),
  minimum: numeric('minimum', { precision: 12, scale: 2 }),
  maximum: numeric('maximum', { precision: 12, scale: 2 }),
  unit: text('unit').notNull().default(''),
  createdAt: createdAt(),
});
/** A tertial follow-up of an indicator: value (hand-entered or a snapshot of the measured), status, comment. */
export const indicatorFollowups = pgTable(
  'indicator_followups',
  {
    id: id(),
    indicatorId: ref('indicator_id', () => indicators.id, { onDelete: 'cascade' }).notNull(),
    year: integer('year').notNull(),
    tertial: integer('tertial').notNull(),
    value: numeric('value', { precision: 12, scale: 2 }),
    status: text('status', { enum: ['met', 'on_track', 'at_risk', 'not_met'] }),
    comment: text('comment').notNull().default(''),
    recordedByUserId: ref('recorded_by_user_id', () => users.id),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_followups_key').on(t.indicatorId, t.year, t.tertial)],
);
/** A follow-up dialogue (uppföljningsdialog) held with a member municipality. */
export const followupDialogues = pgTable('followup_dialogues', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  organisationId: ref('organisation_id', () => organisations.id).notNull(),
  heldOn: date('held_on').notNull(),
  note: text('note').notNull().default(''),
  createdAt: createdAt(),
});
/** A risk of the internal control plan: probability × consequence (1–4 each). */
export const risks = pgTable('risks', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  year: integer('year').notNull(),
  position: integer('position').notNull().default(0),
  title: text('title').notNull(),
  responsible: text('responsible').notNull().default(''),
  method: text('method').notNull().default(''),
  probability: integer('probability').notNull(),
  consequence: integer('consequence').notNull(),
  decision: text('decision', { enum: ['accepted', 'internal_control'] }).notNull(),
  analysis: text('analysis').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
/** A mandatory control point issued by the host's executive board, and the committee's assessment. */
export const controlPoints = pgTable('control_points', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  year: integer('year').notNull(),
  issuedBy: text('issued_by').notNull().default(''),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  assessment: text('assessment').notNull().default(''),
  riskId: ref('risk_id', () => risks.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
/** A control activity with owner, due date and result. */
export const controlActivities = pgTable('control_activities', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  year: integer('year').notNull(),
  riskId: ref('risk_id', () => risks.id),
  controlPointId: ref('control_point_id', () => controlPoints.id),
  title: text('title').notNull(),
  owner: text('owner').notNull().default(''),
  dueOn: date('due_on'),
  status: text('status', { enum: ['planned', 'done'] }).notNull().default('planned'),
  result: text('result').notNull().default(''),
  completedOn: date('completed_on'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  origin: origin(),
});
/** A checklist template (e.g. the 25 statements of the yearly work-environment follow-up). */
export const checklistTemplates = pgTable('checklist_templates', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  name: text('name').notNull(),
  statements: jsonb('statements').$type<{ key: string; text: string; area?: string }[]>().notNull(),
  createdAt: createdAt(),
});
/** A yearly checklist from a template. */
export const checklists = pgTable(
  'checklists',
  {
    id: id(),
    templateId: ref('template_id', () => checklistTemplates.id).notNull(),
    year: integer('year').notNull(),
    status: text('status', { enum: ['open', 'completed'] }).notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('checklists_year_key').on(t.templateId, t.year)],
);
export const checklistAnswers = pgTable(
  'checklist_answers',
  {
    checklistId: ref('checklist_id', () => checklists.id, { onDelete: 'cascade' }).notNull(),
    statementKey: text('statement_key').notNull(),
    answer: text('answer', { enum: ['yes', 'partly', 'no', 'not_applicable'] }).notNull(),
    explanation: text('explanation').notNull().default(''),
    /** Required for "partly" and "no": an action with owner and date. */
    action: text('action').notNull().default(''),
    actionOwner: text('action_owner').notNull().default(''),
    actionDueOn: date('action_due_on'),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [primaryKey({ columns: [t.checklistId, t.statementKey] })],
);
/** Portfolio: a project, managed service or ongoing work with phase, status and time plan. */
export const portfolioItems = pgTable('portfolio_items', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  kind: text('kind', { enum: ['project', 'managed_service', 'ongoing'] }).notNull(),
  name: text('name').notNull(),
  phase: text('phase').notNull().default(''),
  status: text('status', { enum: ['on_track', 'at_risk', 'delayed', 'paused', 'done'] }).notNull().default('on_track'),
  timePlan: text('time_plan').notNull().default(''),
  comment: text('comment').notNull().default(''),
  initiativeId: ref('initiative_id', () => initiatives.id),
  participants: jsonb('participants').$type<string[]>().notNull().default([]),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------------------------
// Archive and data protection: document management plan, deliveries, disposal, personal data.

/** What a select of each table above returns. */
export type BusinessPlanRow = typeof businessPlans.$inferSelect;
export type BusinessPlanEditionRow = typeof businessPlanEditions.$inferSelect;
export type GoalRow = typeof goals.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorFollowupRow = typeof indicatorFollowups.$inferSelect;
export type FollowupDialogueRow = typeof followupDialogues.$inferSelect;
export type RiskRow = typeof risks.$inferSelect;
export type ControlPointRow = typeof controlPoints.$inferSelect;
export type ControlActivityRow = typeof controlActivities.$inferSelect;
export type ChecklistTemplateRow = typeof checklistTemplates.$inferSelect;
export type ChecklistRow = typeof checklists.$inferSelect;
export type ChecklistAnswerRow = typeof checklistAnswers.$inferSelect;
export type PortfolioItemRow = typeof portfolioItems.$inferSelect;
