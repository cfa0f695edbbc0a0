/** zod schemas for every input of planning and follow-up (forms arrive as strings). */
import { z } from 'zod';
import { isoDate, msg, optionalText, requiredText } from '../../platform/validation.js';

export const SECTION_KEYS = ['purpose', 'strategicDirection', 'effectGoals', 'organisation', 'annualCycle', 'economy'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const MEASURES = ['committee_meetings', 'member_attendance', 'prep_meetings', 'prep_municipality_share', 'followup_dialogues', 'manual'] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURED = MEASURES.filter((m): m is Exclude<Measure, 'manual'> => m !== 'manual');
export type MeasuredKind = Exclude<Measure, 'manual'>;

export const PLAN_STATUSES = ['draft', 'tabled', 'adopted'] as const;
export const GOAL_STATUSES = ['met', 'on_track', 'at_risk', 'not_met'] as const;
export const RISK_DECISIONS = ['accepted', 'internal_control'] as const;
export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];
export const PORTFOLIO_KINDS = ['project', 'managed_service', 'ongoing'] as const;
export const PORTFOLIO_STATUSES = ['on_track', 'at_risk', 'delayed', 'paused', 'done'] as const;

const date = () => z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), isoDate());
const optionalDate = () => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), isoDate().optional());
const optionalUuid = (sv: string, en: string) => z.preprocess((v) => (v === '' ? undefined : v), z.uuid(msg(sv, en)).optional());
/** "75", "75,5" or "75 %": Swedish decimal comma accepted; empty is "not given". */
const optionalNumber = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(/[\s%]/g, '').replace(',', '.'))) : v),
    z.number(msg('Ange ett tal, till exempel 75 eller 7,5.', 'Enter a number, for example 75 or 7.5.')).finite().min(-1e9).max(1e9).optional(),
  );
const score = (sv: string, en: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number(msg(sv, en)).int(msg(sv, en)).min(1, msg(sv, en)).max(4, msg(sv, en)));

export const ZYear = z.coerce.number().int().min(2000).max(2100);

/** The planning pages' query: year and, optionally, committee and tertial. */
export const ZPlanningQuery = z.object({
  ar: ZYear.optional().catch(undefined),
  namnd: z.string().max(200).optional().catch(undefined),
  tertial: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  matt: z.enum(MEASURED).optional().catch(undefined),
});

export const ZPlanInput = z.object({
  title: requiredText(200),
  status: z.enum(PLAN_STATUSES, msg('Välj status.', 'Choose a status.')),
  paragraphId: optionalUuid('Välj en paragraf ur listan.', 'Choose a paragraph from the list.'),
  ...Object.fromEntries(SECTION_KEYS.map((k) => [k, optionalText(50_000)])) as Record<SectionKey, ReturnType<typeof optionalText>>,
});
export type TPlanInput = z.output<typeof ZPlanInput>;

/** Creating a year's plan: copy the previous year's (the default when there is one) or start empty; `replace` confirms replacing a draft. */
export const ZCreatePlan = z.object({
  source: z.enum(['copy', 'empty'], msg('Välj hur planen ska börja.', 'Choose how the plan starts.')).optional(),
  replace: z.literal('yes').optional().catch(undefined),
});
export type TCreatePlan = z.output<typeof ZCreatePlan>;

export const ZEditionInput = z.object({ edition: requiredText(20), editedOn: date(), comment: optionalText(2000) });
export const ZGoalInput = z.object({ title: requiredText(1000), description: optionalText(5000) });

export const ZIndicatorInput = z
  .object({
    name: requiredText(500),
    measure: z.enum(MEASURES, msg('Välj hur indikatorn mäts.', 'Choose how the indicator is measured.')),
    targetText: optionalText(200),
    target: optionalNumber(),
    minimum: optionalNumber(),
    maximum: optionalNumber(),
    unit: optionalText(20),
  })
  .superRefine((v, ctx) => {
    if (v.target === undefined && v.minimum === undefined) {
      ctx.addIssue({ code: 'custom', path: ['minimum'], message: msg('Ange ett mål eller en lägsta nivå.', 'Enter a target or a minimum.').error });
    }
    if (v.minimum !== undefined && v.maximum !== undefined && v.maximum < v.minimum) {
      ctx.addIssue({ code: 'custom', path: ['maximum'], message: msg('Högsta nivån kan inte vara lägre än den lägsta.', 'The maximum cannot be below the minimum.').error });
    }
  });
export type TIndicatorInput = z.output<typeof ZIndicatorInput>;

export const ZDialogueInput = z.object({
  organisationId: z.uuid(msg('Välj en kommun.', 'Choose a municipality.')),
  heldOn: date(),
  note: optionalText(2000),
});

export const ZRiskInput = z.object({
  title: requiredText(1000),
  responsible: optionalText(300),
  method: optionalText(1000),
  probability: score('Välj sannolikhet 1–4.', 'Choose a probability 1–4.'),
  consequence: score('Välj konsekvens 1–4.', 'Choose a consequence 1–4.'),
  decision: z.enum(RISK_DECISIONS, msg('Välj beslut.', 'Choose a decision.')),
  analysis: optionalText(5000),
});
export type TRiskInput = z.output<typeof ZRiskInput>;

export const ZControlPointInput = z.object({ title: requiredText(1000), description: optionalText(5000), issuedBy: optionalText(300) });
export const ZAssessmentInput = z.object({
  assessment: optionalText(5000),
  riskId: optionalUuid('Välj en risk ur listan.', 'Choose a risk from the list.'),
});

export const ZActivityInput = z.object({
  title: requiredText(1000),
  owner: requiredText(300),
  dueOn: optionalDate(),
  riskId: optionalUuid('Välj en risk ur listan.', 'Choose a risk from the list.'),
  controlPointId: optionalUuid('Välj ett kontrollmoment ur listan.', 'Choose a control point from the list.'),
});
export const ZActivityResult = z.object({ result: requiredText(5000), completedOn: date() });

/** A checklist template: one statement a line; a leading "1." is the statement's own number and dropped. */
export const ZTemplateInput = z.object({
  name: requiredText(300),
  statements: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/\r?\n/).map((line) => line.replace(/^\s*\d{1,3}[.)]\s*/, '').trim()).filter(Boolean) : v),
    z.array(z.string().max(2000)).min(1, msg('Skriv minst ett påstående, ett per rad.', 'Write at least one statement, one a line.')).max(200),
  ),
});

export const ZStartChecklist = z.object({ templateId: z.uuid(msg('Välj en mall.', 'Choose a template.')), year: ZYear });

export const ZPortfolioInput = z.object({
  kind: z.enum(PORTFOLIO_KINDS, msg('Välj typ.', 'Choose a kind.')),
  name: requiredText(300),
  phase: optionalText(100),
  status: z.enum(PORTFOLIO_STATUSES, msg('Välj status.', 'Choose a status.')),
  timePlan: optionalText(200),
  comment: optionalText(5000),
  initiativeId: optionalUuid('Välj en samverkansinsats ur listan.', 'Choose an initiative from the list.'),
  participants: z.array(z.uuid()).max(100).default([]),
});
export type TPortfolioInput = z.output<typeof ZPortfolioInput>;

export const ZStatusListInput = z.object({ meetingId: z.uuid(msg('Välj ett planerat sammanträde.', 'Choose a planned meeting.')) });
