/**
 * The cooperation feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, origin, ref, updatedAt } from '../../platform/db/columns.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { protocolParagraphs } from '../protocols/protocols.tables.js';
import { cases, documents } from '../registry/registry.tables.js';

/** One phase of a process template and the decisions it requires, and by whom. */
export interface ProcessPhaseTemplate {
  key: string;
  label: { sv: string; en: string };
  decisions: {
    key: string;
    label: { sv: string; en: string };
    by: 'each_municipality' | 'preparation_group' | 'committee' | 'steering_group' | 'procuring_municipality';
    /** Required for the phase to close. */
    required: boolean;
    /** A yes here makes the municipality a participant of the phase. */
    joins?: boolean;
  }[];
}
/** The process as data: phases and required decisions; the seed's diagram is the default template. */
export const processTemplates = pgTable('process_templates', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  name: text('name').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  phases: jsonb('phases').$type<ProcessPhaseTemplate[]>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
/** A joint initiative (e.g. a shared system) moving through the phases of its template. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: id(),
    committeeId: ref('committee_id', () => organisations.id).notNull(),
    templateId: ref('template_id', () => processTemplates.id).notNull(),
    caseId: ref('case_id', () => cases.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The key of the current phase in the template. */
    phaseKey: text('phase_key').notNull(),
    status: text('status', { enum: ['active', 'stopped', 'completed'] }).notNull().default('active'),
    /** The municipality that procures on behalf of the participants. */
    procuringOrganisationId: ref('procuring_organisation_id', () => organisations.id),
    /** The cost allocation key (default: by population among participants). */
    allocationKey: jsonb('allocation_key').$type<Record<string, unknown>>().notNull().default({ kind: 'population' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [index('initiatives_committee_idx').on(t.committeeId)],
);
/** A phase of an initiative: opened, budgeted, closed with its participants fixed. */
export const initiativePhases = pgTable(
  'initiative_phases',
  {
    id: id(),
    initiativeId: ref('initiative_id', () => initiatives.id).notNull(),
    phaseKey: text('phase_key').notNull(),
    position: integer('position').notNull(),
    /** Budget of the phase in whole kronor. */
    budget: bigint('budget', { mode: 'number' }).notNull().default(0),
    decisionDeadline: date('decision_deadline'),
    openedAt: instant('opened_at').notNull().defaultNow(),
    closedAt: instant('closed_at'),
    closedByUserId: ref('closed_by_user_id', () => users.id),
    /** Municipality ids that participated when the phase was closed. */
    participants: jsonb('participants').$type<string[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('initiative_phases_key').on(t.initiativeId, t.phaseKey)],
);
/** One cell of the decision matrix: one organisation's decision on one required decision of a phase. */
export const initiativeDecisions = pgTable(
  'initiative_decisions',
  {
    id: id(),
    initiativeId: ref('initiative_id', () => initiatives.id).notNull(),
    phaseKey: text('phase_key').notNull(),
    decisionKey: text('decision_key').notNull(),
    /** The deciding organisation: a municipality, or the committee for its own and its groups' decisions. */
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    status: text('status', { enum: ['pending', 'yes', 'no', 'not_applicable'] }).notNull().default('pending'),
    /** The municipality's own reference: its body, date, paragraph, and extract (document or link). */
    decidingBody: text('deciding_body').notNull().default(''),
    decidedOn: date('decided_on'),
    paragraph: text('paragraph').notNull().default(''),
    documentId: ref('document_id', () => documents.id),
    /** For the committee's own decisions: the protocol paragraph. */
    protocolParagraphId: ref('protocol_paragraph_id', () => protocolParagraphs.id),
    link: text('link').notNull().default(''),
    note: text('note').notNull().default(''),
    deadline: date('deadline'),
    recordedByUserId: ref('recorded_by_user_id', () => users.id),
    recordedAt: instant('recorded_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('initiative_decisions_cell_key').on(t.initiativeId, t.phaseKey, t.decisionKey, t.organisationId)],
);
/** Every change of a decision cell, append-only. */
export const initiativeDecisionHistory = pgTable(
  'initiative_decision_history',
  {
    id: id(),
    decisionId: ref('decision_id', () => initiativeDecisions.id).notNull(),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    recordedByUserId: ref('recorded_by_user_id', () => users.id),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
    origin: origin(),
  },
  (t) => [index('initiative_decision_history_idx').on(t.decisionId, t.recordedAt)],
);
/** Fullmakt: a participant's power of attorney to the procuring municipality. */
export const powersOfAttorney = pgTable(
  'powers_of_attorney',
  {
    id: id(),
    initiativeId: ref('initiative_id', () => initiatives.id).notNull(),
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    procuringOrganisationId: ref('procuring_organisation_id', () => organisations.id).notNull(),
    grantedOn: date('granted_on').notNull(),
    reference: text('reference').notNull().default(''),
    documentId: ref('document_id', () => documents.id),
    createdAt: createdAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('powers_of_attorney_key').on(t.initiativeId, t.organisationId)],
);
/** Reminders sent, so that each is sent once (kind, the thing it concerns, to whom, for which day). */
export const reminderLog = pgTable(
  'reminder_log',
  {
    kind: text('kind').notNull(),
    refId: uuid('ref_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    dueOn: date('due_on').notNull(),
    sentAt: instant('sent_at').notNull().defaultNow(),
    /** The reminder's e-mails in the mail log (mail_log.id), so that their state can be shown. */
    mailIds: jsonb('mail_ids').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId, t.organisationId, t.dueOn] })],
);

// ---------------------------------------------------------------------------------------------
// Economy: cost objects with budgets and allocation keys, PKV, outcome imports, reports.

/** What a select of each table above returns. */
export type ProcessTemplateRow = typeof processTemplates.$inferSelect;
export type InitiativeRow = typeof initiatives.$inferSelect;
export type InitiativePhaseRow = typeof initiativePhases.$inferSelect;
export type InitiativeDecisionRow = typeof initiativeDecisions.$inferSelect;
export type InitiativeDecisionHistoryRow = typeof initiativeDecisionHistory.$inferSelect;
export type PowerOfAttorneyRow = typeof powersOfAttorney.$inferSelect;
export type ReminderLogRow = typeof reminderLog.$inferSelect;
