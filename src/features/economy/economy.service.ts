import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { isIsoDate } from '../../domain/calendar-date.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal, requirePrincipal } from '../../platform/auth/policy.js';
import * as repo from './economy.repository.js';
import { insertEntries, insertImport } from './import.repository.js';
import { ZOutcomeComment, ZPkvReading } from './economy.schema.js';
import { costObjectFromForm, manualOutcomeFromForm } from './economy-input.js';
import { planNextBaseFunding } from './pkv-plan.js';
import { computeBudgetForecast, computeDistribution, computeInvoiceBasis, computeOutcomeReport, groupCostObjects, incomeOre, oreToKronor, type CostObjectData } from './reports.js';

const COMMITTEE_NOT_FOUND = { sv: 'Nämnden finns inte.', en: 'The committee does not exist.' };
const OBJECT_NOT_FOUND = { sv: 'Kostnadsobjektet finns inte.', en: 'The cost object does not exist.' };
const PROJECTS_LABEL = { sv: 'Uppdrag och projekt', en: 'Assignments and projects' };

function requireYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2200) throw notFound();
  return year;
}

export function createEconomyService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;

  /** The committee by slug, after the policy has allowed the action there. */
  async function committeeFor(principal: Principal | null, slug: string, action: 'economy.read' | 'economy.manage') {
    const committee = await repo.findCommitteeBySlug(db, slug);
    if (!committee) throw notFound(COMMITTEE_NOT_FOUND);
    assertCan(principal, action, [committee.id]);
    return committee;
  }

  async function objectFor(principal: Principal | null, id: string, action: 'economy.read' | 'economy.manage') {
    const row = await repo.findCostObject(db, id);
    if (!row) throw notFound(OBJECT_NOT_FOUND);
    assertCan(principal, action, [row.committeeId]);
    const committee = await repo.findOrganisation(db, row.committeeId);
    if (!committee) throw notFound(COMMITTEE_NOT_FOUND);
    return { row, committee };
  }

  async function yearData(committeeId: string, year: number) {
    const [rows, municipalities] = await Promise.all([repo.listCostObjects(db, committeeId, year), repo.listMunicipalities(db, committeeId)]);
    const objects = rows.map(repo.toCostObjectData);
    const participants = await repo.initiativeParticipants(db, objects.flatMap((o) => (o.initiativeId ? [o.initiativeId] : [])));
    return { rows, objects, municipalities, participantsOf: (o: CostObjectData) => (o.initiativeId ? (participants.get(o.initiativeId) ?? null) : null) };
  }

  /** The snapshot for a date and the outcome report computed from it. */
  async function outcomeAt(committeeId: string, year: number, objects: CostObjectData[], date: string) {
    const snapshot = await repo.findSnapshot(db, committeeId, year, date);
    const entries = snapshot ? await repo.listEntries(db, snapshot.id) : [];
    const comments = snapshot ? await repo.commentsFor(db, objects.map((o) => o.id), snapshot.periodTo) : new Map<string, string>();
    return { snapshot, entries, report: computeOutcomeReport({ objects, entries, comments }) };
  }

  const canManage = (principal: Principal | null, committeeId: string) => can(principal, 'economy.manage', [committeeId]);

  return {
    async listCommittees(principal: Principal | null) {
      requirePrincipal(principal, 'economy.read');
      const committees = (await repo.listCommittees(db)).filter((c) => can(principal, 'economy.read', [c.id]));
      return Promise.all(committees.map(async (c) => ({ slug: c.slug, name: c.name, years: await repo.listYears(db, c.id) })));
    },

    async overview(principal: Principal | null, slug: string, year: number) {
      requirePrincipal(principal, 'economy.read');
      const committee = await committeeFor(principal, slug, 'economy.read');
      const { rows, objects } = await yearData(committee.id, requireYear(year));
      const [years, imports, pkv] = await Promise.all([repo.listYears(db, committee.id), repo.listImports(db, committee.id, year), repo.findPkvReading(db, committee.id, year)]);
      const budget = computeBudgetForecast({ objects, projectsLabel: PROJECTS_LABEL.sv });
      return { committee, year, years, rows, imports, pkv, budget, canManage: canManage(principal, committee.id) };
    },

    async costObjectContext(principal: Principal | null, slug: string, year: number) {
      requirePrincipal(principal, 'economy.manage');
      const committee = await committeeFor(principal, slug, 'economy.manage');
      const [municipalities, initiatives] = await Promise.all([repo.listMunicipalities(db, committee.id), repo.listInitiatives(db, committee.id)]);
      return { committee, year: requireYear(year), municipalities, initiatives };
    },

    async costObject(principal: Principal | null, id: string) {
      requirePrincipal(principal, 'economy.read');
      const { row, committee } = await objectFor(principal, id, 'economy.read');
      const [municipalities, initiatives, inUse] = await Promise.all([repo.listMunicipalities(db, committee.id), repo.listInitiatives(db, committee.id), repo.isCostObjectInUse(db, id)]);
      return { row, committee, municipalities, initiatives, inUse, canManage: canManage(principal, committee.id) };
    },

    async createCostObject(principal: Principal | null, slug: string, year: number, values: Record<string, string>) {
      requirePrincipal(principal, 'economy.manage');
      const committee = await committeeFor(principal, slug, 'economy.manage');
      const { form, key } = costObjectFromForm(values, await repo.listMunicipalities(db, committee.id));
      return db.transaction(async (tx) => {
        await assertCodeFree(tx, committee.id, requireYear(year), form.code);
        const row = await repo.insertCostObject(tx, { committeeId: committee.id, year, ...form, forecastIncome: form.forecastIncome ?? null, forecastCost: form.forecastCost ?? null, initiativeId: form.initiativeId ?? null, comment: form.comment ?? '', allocationKey: key });
        await recordAudit(tx, actorOf(principal), { action: 'cost_object.create', entity: 'cost_object', entityId: row.id, after: row, organisationId: committee.id }, clock());
        return row;
      });
    },

    async updateCostObject(principal: Principal | null, id: string, values: Record<string, string>) {
      requirePrincipal(principal, 'economy.manage');
      const { row: before, committee } = await objectFor(principal, id, 'economy.manage');
      const { form, key } = costObjectFromForm(values, await repo.listMunicipalities(db, committee.id));
      await db.transaction(async (tx) => {
        if (form.code !== before.code) await assertCodeFree(tx, committee.id, before.year, form.code);
        // Saved by the economist: real data, also where the demo had invented it (origin).
        const after = await repo.updateCostObject(tx, id, { ...form, forecastIncome: form.forecastIncome ?? null, forecastCost: form.forecastCost ?? null, initiativeId: form.initiativeId ?? null, comment: form.comment ?? '', allocationKey: key, updatedAt: clock(), origin: null });
        await recordAudit(tx, actorOf(principal), { action: 'cost_object.update', entity: 'cost_object', entityId: id, before, after, organisationId: committee.id }, clock());
      });
      return { ...before, year: before.year };
    },

    async deleteCostObject(principal: Principal | null, id: string) {
      requirePrincipal(principal, 'economy.manage');
      const { row, committee } = await objectFor(principal, id, 'economy.manage');
      await db.transaction(async (tx) => {
        if (await repo.isCostObjectInUse(tx, id)) {
          throw conflict({ sv: 'Kostnadsobjektet har utfall eller kommentarer och kan inte tas bort.', en: 'The cost object has outcome or comments and cannot be deleted.' });
        }
        await repo.deleteCostObject(tx, id);
        await recordAudit(tx, actorOf(principal), { action: 'cost_object.delete', entity: 'cost_object', entityId: id, before: row, organisationId: committee.id }, clock());
      });
      return { committee, year: row.year };
    },

    async pkv(principal: Principal | null, slug: string, year: number) {
      requirePrincipal(principal, 'economy.read');
      const committee = await committeeFor(principal, slug, 'economy.read');
      const { objects, municipalities } = await yearData(committee.id, requireYear(year));
      const reading = await repo.findPkvReading(db, committee.id, year + 1);
      const fullYear = await fullYearOutcome(committee.id, year, objects);
      const plans = reading ? planNextBaseFunding({ objects, members: municipalities.length, pkvPercent: Number(reading.pkvPercent), unit: 100, fullYear }) : [];
      const next = await repo.listCostObjects(db, committee.id, year + 1);
      return { committee, year, reading, plans, next, members: municipalities.length, canManage: canManage(principal, committee.id) };
    },

    /** Record the October reading and set next year's base funding and carried-over result from it. */
    async recordPkv(principal: Principal | null, slug: string, year: number, values: Record<string, string>) {
      requirePrincipal(principal, 'economy.manage');
      const committee = await committeeFor(principal, slug, 'economy.manage');
      const input = parseInput(ZPkvReading, values);
      const { objects, municipalities } = await yearData(committee.id, requireYear(year));
      const fullYear = await fullYearOutcome(committee.id, year, objects);
      const plans = planNextBaseFunding({ objects, members: municipalities.length, pkvPercent: input.pkvPercent, unit: input.roundTo, fullYear });
      if (plans.length === 0) {
        throw new DomainError('INVALID_INPUT', { userMessage: { sv: `Det finns ingen grundfinansiering för ${year} att räkna upp.`, en: `There is no base funding for ${year} to index.` } });
      }
      await db.transaction(async (tx) => {
        await repo.savePkvReading(tx, { committeeId: committee.id, year: year + 1, readOn: input.readOn, pkvPercent: input.pkvPercent.toFixed(2), source: input.source ?? '' });
        for (const plan of plans) {
          const o = plan.object;
          const existing = await repo.findCostObjectByCode(tx, committee.id, year + 1, o.code);
          const amounts = { budgetIncome: plan.nextAmount, budgetCost: plan.nextAmount, carriedOver: plan.carry.amount };
          if (existing) await repo.updateCostObject(tx, existing.id, { ...amounts, updatedAt: clock() });
          else {
            await repo.insertCostObject(tx, { committeeId: committee.id, year: year + 1, code: o.code, name: o.name, kind: o.kind, invoicing: o.invoicing, allocationKey: o.allocationKey, position: o.position, ...amounts });
          }
        }
        await recordAudit(tx, actorOf(principal), { action: 'pkv.record', entity: 'organisation', entityId: committee.id, after: { year: year + 1, ...input, plans: plans.map((p) => ({ code: p.object.code, amount: p.nextAmount, carriedOver: p.carry.amount })) }, organisationId: committee.id }, clock());
      });
      return plans;
    },

    async outcome(principal: Principal | null, slug: string, year: number, date?: string) {
      requirePrincipal(principal, 'economy.read');
      const committee = await committeeFor(principal, slug, 'economy.read');
      const { objects } = await yearData(committee.id, requireYear(year));
      const imports = await repo.listImports(db, committee.id, year);
      const chosen = date && isIsoDate(date) ? date : (imports[0]?.periodTo ?? `${year}-12-31`);
      const { snapshot, report } = await outcomeAt(committee.id, year, objects, chosen);
      return { committee, year, date: chosen, snapshot, report, imports, objects, canManage: canManage(principal, committee.id) };
    },

    async setComment(principal: Principal | null, costObjectId: string, values: Record<string, string>) {
      requirePrincipal(principal, 'economy.manage');
      const { row, committee } = await objectFor(principal, costObjectId, 'economy.manage');
      const input = parseInput(ZOutcomeComment, values);
      await db.transaction(async (tx) => {
        const before = await repo.findComment(tx, costObjectId, input.periodTo);
        await repo.saveComment(tx, costObjectId, input.periodTo, input.comment ?? '');
        await recordAudit(tx, actorOf(principal), { action: 'outcome_comment.save', entity: 'cost_object', entityId: costObjectId, before: before ?? null, after: { periodTo: input.periodTo, comment: input.comment ?? '' }, organisationId: committee.id }, clock());
      });
      return { committee, year: row.year, periodTo: input.periodTo };
    },

    async budgetForecast(principal: Principal | null, slug: string, year: number) {
      requirePrincipal(principal, 'economy.read');
      const committee = await committeeFor(principal, slug, 'economy.read');
      const { objects } = await yearData(committee.id, requireYear(year));
      return { committee, year, objects, report: computeBudgetForecast({ objects, projectsLabel: PROJECTS_LABEL.sv }), projectsLabel: PROJECTS_LABEL };
    },

    async distribution(principal: Principal | null, slug: string, year: number) {
      requirePrincipal(principal, 'economy.read');
      const committee = await committeeFor(principal, slug, 'economy.read');
      const { objects, municipalities, participantsOf } = await yearData(committee.id, requireYear(year));
      const distribution = computeDistribution({ objects, municipalities, participantsOf });
      return { committee, year, distribution, invoiceBasis: computeInvoiceBasis(distribution) };
    },

    async manualOutcomeForm(principal: Principal | null, slug: string, year: number, date: string) {
      requirePrincipal(principal, 'economy.manage');
      const committee = await committeeFor(principal, slug, 'economy.manage');
      const { objects } = await yearData(committee.id, requireYear(year));
      const snapshot = await repo.findSnapshot(db, committee.id, year, date);
      const entries = snapshot ? await repo.listEntries(db, snapshot.id) : [];
      const sumOf = (id: string, kind: 'income' | 'cost') => entries.filter((e) => e.costObjectId === id && e.kind === kind).reduce((s, e) => s + (kind === 'income' ? incomeOre(e) : e.amountOre), 0);
      return { committee, year, objects, snapshot, prefill: new Map(objects.map((o) => [o.id, { income: sumOf(o.id, 'income'), cost: sumOf(o.id, 'cost') }])) };
    },

    /** A manual entry is a complete snapshot of the year's outcome up to its date (format 'manual'). */
    async recordManualOutcome(principal: Principal | null, slug: string, year: number, values: Record<string, string>) {
      requirePrincipal(principal, 'economy.manage');
      const committee = await committeeFor(principal, slug, 'economy.manage');
      const { objects } = await yearData(committee.id, requireYear(year));
      const { periodTo, amounts } = manualOutcomeFromForm(values, objects, year);
      const income = amounts.reduce((s, a) => s + a.income, 0);
      const cost = amounts.reduce((s, a) => s + a.cost, 0);
      return db.transaction(async (tx) => {
        const imported = await insertImport(tx, { committeeId: committee.id, year, format: 'manual', periodTo, importedByUserId: principal.userId, summary: { entries: amounts.length, incomeOre: income, costOre: cost } });
        const rows = amounts.flatMap((a) => [
          ...(a.income !== 0 ? [{ importId: imported.id, costObjectId: a.costObjectId, kind: 'income' as const, amountOre: -a.income }] : []),
          ...(a.cost !== 0 ? [{ importId: imported.id, costObjectId: a.costObjectId, kind: 'cost' as const, amountOre: a.cost }] : []),
        ]);
        await insertEntries(tx, rows);
        await recordAudit(tx, actorOf(principal), { action: 'outcome.manual', entity: 'outcome_import', entityId: imported.id, after: { year, periodTo, income: oreToKronor(income), cost: oreToKronor(cost) }, organisationId: committee.id }, clock());
        return imported;
      });
    },

    today: () => swedishDate(clock()),
  };

  async function assertCodeFree(tx: Db, committeeId: string, year: number, code: string) {
    if (await repo.findCostObjectByCode(tx, committeeId, year, code)) {
      const message = { sv: `Koden ${code} används redan ${year}.`, en: `The code ${code} is already used in ${year}.` };
      throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'code', message }] });
    }
  }

  /** The closed year's outcome per base-funding group, when a snapshot up to 31 December exists. */
  async function fullYearOutcome(committeeId: string, year: number, objects: CostObjectData[]) {
    const snapshot = await repo.findSnapshot(db, committeeId, year, `${year}-12-31`);
    if (!snapshot || snapshot.periodTo !== `${year}-12-31`) return undefined;
    const report = computeOutcomeReport({ objects, entries: await repo.listEntries(db, snapshot.id) });
    const heads = new Set(groupCostObjects(objects).map((g) => g.head.id));
    return new Map(report.rows.filter((r) => heads.has(r.costObjectId)).map((r) => [r.costObjectId, { income: r.income, cost: r.cost }]));
  }
}

export type EconomyService = ReturnType<typeof createEconomyService>;
