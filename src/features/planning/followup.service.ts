/**
 * Follow-up of the business plan per tertial (verksamhetsplan 2023, 2.3 "Målen följs upp
 * tertialvis"): each indicator measured from Kansli's records or entered by hand, a status per
 * goal by the domain's goalStatus, the evidence a click away, and the follow-up dialogues.
 */
import { swedishDate } from '../../platform/clock.js';
import * as write from './planning-write.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { goalStatus, indicatorStatus, tertialOfMonth, type GoalStatus, type IndicatorReading } from '../../domain/index.js';
import { actorOf } from '../auth/auth.service.js';
import type { Principal } from '../../platform/auth/policy.js';
import * as repo from './planning.repository.js';
import { assertManage, mayManage, thisYear, type PlanningDeps } from './planning-context.js';
import { loadPlan, numberOrNull, type PlanService } from './plan.service.js';
import { KIND_OF, measure, measureAll, tertialEnd, type Measurement } from './measure.js';
import { GOAL_STATUSES, MEASURED, ZDialogueInput, type MeasuredKind } from './planning.schema.js';
import type { IndicatorFollowupRow, IndicatorRow } from './planning.tables.js';

/** One indicator at a follow-up: the figure now, what was recorded, and its status. */
export interface IndicatorFollowup {
  indicator: IndicatorRow;
  /** The measured figure (null for a hand-entered indicator, or nothing measured yet). */
  measured: number | null;
  recorded: IndicatorFollowupRow | undefined;
  status: GoalStatus | null;
}

function readingOf(indicator: IndicatorRow, value: number | null, handStatus: GoalStatus | null): IndicatorReading | null {
  if (indicator.measure === 'manual' && handStatus) return { status: handStatus };
  const target = numberOrNull(indicator.target);
  const minimum = numberOrNull(indicator.minimum);
  if (target === null && minimum === null) return null;
  return { value, kind: KIND_OF[indicator.measure], target, minimum, maximum: numberOrNull(indicator.maximum) };
}

const isMeasured = (m: string): m is MeasuredKind => (MEASURED as readonly string[]).includes(m);

export function createFollowupService(deps: PlanningDeps & { plans: PlanService }) {
  const db = deps.database.db;
  const { clock, plans } = deps;

  /** The tertial asked for; by default the current one in the current year, else the year's last. */
  function tertialOf(year: number, asked: number | undefined): number {
    if (asked) return asked;
    const today = swedishDate(clock());
    return year === thisYear(clock) ? tertialOfMonth(Number(today.slice(5, 7))) : 3;
  }

  async function build(committeeId: string, year: number, tertial: number) {
    const loaded = await loadPlan(db, committeeId, year);
    const until = tertialEnd(year, tertial);
    const measurements = await measureAll(db, { committeeId, year, until });
    const all = loaded?.goals.flatMap((g) => g.indicators) ?? [];
    const recorded = (await repo.listFollowups(db, all.map((i) => i.id), year)).filter((f) => f.tertial === tertial);
    const goalsOut = (loaded?.goals ?? []).map(({ goal, indicators }) => {
      const rows: IndicatorFollowup[] = indicators.map((indicator) => {
        const saved = recorded.find((r) => r.indicatorId === indicator.id);
        const measured = isMeasured(indicator.measure) ? (measurements.get(indicator.measure)?.value ?? null) : null;
        const value = isMeasured(indicator.measure) ? measured : numberOrNull(saved?.value ?? null);
        const reading = readingOf(indicator, value, saved?.status ?? null);
        return { indicator, measured, recorded: saved, status: reading ? indicatorStatus(reading, tertial) : null };
      });
      const readings = rows.flatMap((r) => {
        const reading = r.status ? ({ status: r.status } as IndicatorReading) : null;
        return reading ? [reading] : [];
      });
      return { goal, indicators: rows, status: goalStatus({ tertial, readings }) };
    });
    return { loaded, until, measurements, goals: goalsOut };
  }

  return {
    /** The follow-up of a tertial: every goal with its status and every indicator with its figure. */
    async view(principal: Principal | null, query: unknown) {
      const s = await plans.scope(principal, query);
      const tertial = tertialOf(s.year, s.q.tertial);
      return { ...s, tertial, ...(await build(s.committee.id, s.year, tertial)), canManage: mayManage(principal, s.committee.id) };
    },

    /**
     * Records the tertial's follow-up: a measured indicator keeps the figure and status of today's
     * measurement; a hand-entered one takes the value and status given. A comment on each.
     */
    async record(principal: Principal | null, query: unknown, raw: Record<string, string>): Promise<{ year: number; tertial: number; slug: string }> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const tertial = tertialOf(s.year, s.q.tertial);
      const built = await build(s.committee.id, s.year, tertial);
      if (!built.loaded) throw notFound({ sv: `Det finns ingen verksamhetsplan för ${s.year}.`, en: `There is no business plan for ${s.year}.` });
      const rows = built.goals.flatMap((g) => g.indicators).map((r) => {
        const id = r.indicator.id;
        const comment = (raw[`comment_${id}`] ?? '').trim().slice(0, 5000);
        if (isMeasured(r.indicator.measure)) return { id, value: r.measured, status: r.status, comment };
        const text = (raw[`value_${id}`] ?? '').trim().replace(',', '.');
        const value = text === '' ? null : Number(text);
        const statusText = raw[`status_${id}`] ?? '';
        const status = (GOAL_STATUSES as readonly string[]).includes(statusText) ? (statusText as GoalStatus) : null;
        return { id, value: value !== null && Number.isFinite(value) ? value : Number.NaN, status, comment };
      });
      const bad = rows.filter((r) => r.value !== null && Number.isNaN(r.value));
      if (bad.length) {
        throw new DomainError('INVALID_INPUT', {
          userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' },
          fieldErrors: bad.map((r) => ({ field: `value_${r.id}`, message: { sv: 'Ange ett tal, till exempel 3 eller 7,5.', en: 'Enter a number, for example 3 or 7.5.' } })),
        });
      }
      await db.transaction(async (tx) => {
        for (const r of rows) {
          const values = { value: r.value === null ? null : String(r.value), status: r.status, comment: r.comment, recordedByUserId: principal.userId, recordedAt: clock() };
          await write.saveIndicatorFollowup(tx, { indicatorId: r.id, year: s.year, tertial }, values);
        }
        await recordAudit(tx, actorOf(principal), { action: 'planning.followup.record', entity: 'business_plan', entityId: built.loaded?.plan.id, after: { year: s.year, tertial, indicators: rows.map((r) => ({ id: r.id, value: r.value, status: r.status })) }, organisationId: s.committee.id }, clock());
      });
      return { year: s.year, tertial, slug: s.committee.slug };
    },

    /** The meetings, attendance or dialogues behind one measured figure. */
    async evidence(principal: Principal | null, query: unknown): Promise<{ measurement: Measurement; tertial: number; until: string } & Awaited<ReturnType<PlanService['scope']>>> {
      const s = await plans.scope(principal, query);
      if (!s.q.matt) throw notFound();
      const tertial = tertialOf(s.year, s.q.tertial);
      const until = tertialEnd(s.year, tertial);
      return { ...s, tertial, until, measurement: await measure(db, { committeeId: s.committee.id, year: s.year, until, measure: s.q.matt }) };
    },

    async dialogues(principal: Principal | null, query: unknown) {
      const s = await plans.scope(principal, query);
      const [municipalities, all] = [await repo.listMunicipalities(db, s.committee.id), await repo.listDialogues(db, s.committee.id)];
      const nameOf = new Map(municipalities.map((m) => [m.id, m.name]));
      const held = all.filter((d) => d.heldOn.startsWith(`${s.year}-`)).map((d) => ({ ...d, municipalityName: nameOf.get(d.organisationId) ?? '' }));
      return { ...s, municipalities, held, canManage: mayManage(principal, s.committee.id) };
    },

    async addDialogue(principal: Principal | null, query: unknown, raw: unknown): Promise<{ year: number; slug: string }> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const input = parseInput(ZDialogueInput, raw);
      if (!(await repo.listMunicipalities(db, s.committee.id)).some((m) => m.id === input.organisationId)) {
        throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' }, fieldErrors: [{ field: 'organisationId', message: { sv: 'Kommunen är inte medlem i nämnden.', en: 'The municipality is not a member of the committee.' } }] });
      }
      await db.transaction(async (tx) => {
        const dialogueId = await write.insertDialogue(tx, { committeeId: s.committee.id, organisationId: input.organisationId, heldOn: input.heldOn, note: input.note ?? '', createdAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.dialogue.add', entity: 'followup_dialogue', entityId: dialogueId, after: input, organisationId: s.committee.id }, clock());
      });
      return { year: Number(input.heldOn.slice(0, 4)), slug: s.committee.slug };
    },
  };
}

export type FollowupService = ReturnType<typeof createFollowupService>;
