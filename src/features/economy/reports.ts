/**
 * The economy's reports as values, computed from cost objects and the outcome (no I/O): the
 * outcome to a date, budget and forecast for the year, the per-municipality distribution and
 * the invoice basis. Seed § 19 ("Utfall per sista oktober", "Budget och prognos helår") and the
 * financing appendix ("Fördelning årskostnader", "Gemensamma tjänster").
 */
import { allocateCost, DomainError, type Share, type UserMessage } from '../../domain/index.js';
import type { CostObjectKind, Invoicing, TAllocationKey } from './economy.schema.js';

export interface CostObjectData {
  id: string;
  code: string;
  name: string;
  kind: CostObjectKind;
  invoicing: Invoicing;
  allocationKey: TAllocationKey;
  budgetIncome: number;
  budgetCost: number;
  forecastIncome: number | null;
  forecastCost: number | null;
  carriedOver: number;
  position: number;
  initiativeId: string | null;
  /** 'demo': invented by the demo, marked "Exempeldata" in the reports (platform/views/example-data). */
  origin?: string | null;
}

export interface OutcomeEntryData {
  costObjectId: string;
  kind: 'income' | 'cost';
  /** Signed as in the ledger: income is credit (negative), cost is debit (positive). */
  amountOre: number;
}

export interface MunicipalityData {
  id: string;
  name: string;
  /** Population per year (31 December). */
  populations: Readonly<Record<number, number>>;
}

const collator = new Intl.Collator('sv');

/** Öre to whole kronor, half away from zero (the seed's 183 848 = 1 781 235,60 − 1 597 387,40). */
export function oreToKronor(ore: number): number {
  const kronor = Math.floor((Math.abs(ore) + 50) / 100);
  return ore < 0 ? -kronor || 0 : kronor;
}

/** Income as a positive amount: the ledger books income on the credit side (negative). */
export function incomeOre(entry: OutcomeEntryData): number {
  return -entry.amountOre;
}

export const byPosition = (a: CostObjectData, b: CostObjectData) => a.position - b.position || collator.compare(a.code, b.code);

/** The code of the cost object a code rolls up into: `GF.VU` is part of `GF`. */
export function parentCode(code: string): string | null {
  const dot = code.indexOf('.');
  return dot > 0 ? code.slice(0, dot) : null;
}

/** A report line: a top-level cost object with the cost objects that are part of it. */
export interface CostGroup {
  head: CostObjectData;
  members: CostObjectData[];
}

/** Groups cost objects under their parent code (a child whose parent is missing stands alone). */
export function groupCostObjects(objects: readonly CostObjectData[]): CostGroup[] {
  const sorted = [...objects].sort(byPosition);
  const codes = new Set(sorted.map((o) => o.code));
  const groups = new Map<string, CostGroup>();
  for (const o of sorted) {
    const parent = parentCode(o.code);
    if (parent === null || !codes.has(parent)) groups.set(o.code, { head: o, members: [o] });
  }
  for (const o of sorted) {
    const parent = parentCode(o.code);
    if (parent !== null && codes.has(parent)) groups.get(parent)?.members.push(o);
  }
  return [...groups.values()];
}

// ----------------------------------------------------------------------------------------------
// Outcome to a date (seed § 19 "Utfall per sista oktober")

export interface OutcomeRow {
  costObjectId: string;
  code: string;
  name: string;
  income: number;
  cost: number;
  /** Income minus cost, rounded from öre. */
  deviation: number;
  comment: string;
}

export interface OutcomeReport {
  rows: OutcomeRow[];
  totals: { income: number; cost: number; deviation: number };
}

/**
 * Income, cost and deviation per cost object from one outcome snapshot. Parts roll up into
 * their parent; a cost object with nothing booked is left out; each figure is rounded from the
 * exact öre sums, so the totals are the rounded sums, not sums of rounded rows (as the seed).
 */
export function computeOutcomeReport(options: {
  objects: readonly CostObjectData[];
  entries: readonly OutcomeEntryData[];
  comments?: ReadonlyMap<string, string>;
}): OutcomeReport {
  const groupOf = new Map<string, CostGroup>();
  const groups = groupCostObjects(options.objects);
  for (const g of groups) for (const m of g.members) groupOf.set(m.id, g);
  const sums = new Map<string, { income: number; cost: number }>();
  for (const e of options.entries) {
    const group = groupOf.get(e.costObjectId);
    if (!group) continue;
    const sum = sums.get(group.head.id) ?? { income: 0, cost: 0 };
    if (e.kind === 'income') sum.income += incomeOre(e);
    else sum.cost += e.amountOre;
    sums.set(group.head.id, sum);
  }
  const rows: OutcomeRow[] = [];
  let income = 0;
  let cost = 0;
  for (const g of groups) {
    const sum = sums.get(g.head.id);
    if (!sum) continue;
    income += sum.income;
    cost += sum.cost;
    rows.push({
      costObjectId: g.head.id,
      code: g.head.code,
      name: g.head.name,
      income: oreToKronor(sum.income),
      cost: oreToKronor(sum.cost),
      deviation: oreToKronor(sum.income - sum.cost),
      comment: options.comments?.get(g.head.id) ?? '',
    });
  }
  return { rows, totals: { income: oreToKronor(income), cost: oreToKronor(cost), deviation: oreToKronor(income - cost) } };
}

// ----------------------------------------------------------------------------------------------
// Budget and forecast for the year (seed § 19 "Budget och prognos helår")

export interface BudgetRow {
  /** The head cost object's id, or `projects` for the row of all projects. */
  key: string;
  name: string;
  budget: number;
  forecast: number;
  deviation: number;
}

export interface BudgetSide {
  rows: BudgetRow[];
  total: { budget: number; forecast: number; deviation: number };
}

export interface BudgetForecastReport {
  income: BudgetSide;
  cost: BudgetSide;
  result: { budget: number; forecast: number; deviation: number };
  /** Invoiced by the supplier: not in the committee's budget (seed: "Exkl. Datacenter Norrbotten"). */
  excluded: { code: string; name: string; budgetIncome: number }[];
  carriedOver: number;
}

function side(lines: { key: string; name: string; budget: number; forecast: number }[]): BudgetSide {
  const rows = lines.map((l) => ({ ...l, deviation: l.forecast - l.budget }));
  const budget = rows.reduce((s, r) => s + r.budget, 0);
  const forecast = rows.reduce((s, r) => s + r.forecast, 0);
  return { rows, total: { budget, forecast, deviation: forecast - budget } };
}

/**
 * Budget, forecast (the budget where no forecast is set) and deviation (forecast − budget) for
 * income and cost, and the operating result. Projects are one row, "Uppdrag och projekt", after
 * the base funding: they are not budgeted and are reported as a deviation (seed, Budget 2022).
 */
export function computeBudgetForecast(options: { objects: readonly CostObjectData[]; projectsLabel: string }): BudgetForecastReport {
  const inBudget = options.objects.filter((o) => o.invoicing !== 'supplier');
  const groups = groupCostObjects(inBudget);
  const lines: { key: string; name: string; members: CostObjectData[] }[] = [];
  const projects = groups.filter((g) => g.head.kind === 'project').flatMap((g) => g.members);
  const others = groups.filter((g) => g.head.kind !== 'project');
  const baseFunding = others.filter((g) => g.head.kind === 'base_funding');
  for (const g of baseFunding) lines.push({ key: g.head.id, name: g.head.name, members: g.members });
  if (projects.length) lines.push({ key: 'projects', name: options.projectsLabel, members: projects });
  for (const g of others.filter((x) => x.head.kind !== 'base_funding')) lines.push({ key: g.head.id, name: g.head.name, members: g.members });
  const sum = (members: CostObjectData[], pick: (o: CostObjectData) => number) => members.reduce((s, o) => s + pick(o), 0);
  const income = side(lines.map((l) => ({ key: l.key, name: l.name, budget: sum(l.members, (o) => o.budgetIncome), forecast: sum(l.members, (o) => o.forecastIncome ?? o.budgetIncome) })));
  const cost = side(lines.map((l) => ({ key: l.key, name: l.name, budget: sum(l.members, (o) => o.budgetCost), forecast: sum(l.members, (o) => o.forecastCost ?? o.budgetCost) })));
  const result = {
    budget: income.total.budget - cost.total.budget,
    forecast: income.total.forecast - cost.total.forecast,
    deviation: 0,
  };
  result.deviation = result.forecast - result.budget;
  return {
    income,
    cost,
    result,
    excluded: options.objects.filter((o) => o.invoicing === 'supplier').sort(byPosition).map((o) => ({ code: o.code, name: o.name, budgetIncome: o.budgetIncome })),
    carriedOver: inBudget.reduce((s, o) => s + o.carriedOver, 0),
  };
}

// ----------------------------------------------------------------------------------------------
// Distribution per municipality (financing appendix, "Fördelning årskostnader")

export type Allocation =
  | { kind: 'shares'; shares: Map<string, number> }
  | { kind: 'separate' }
  | { kind: 'error'; message: UserMessage };

function populationsOf(municipalities: readonly MunicipalityData[], year: number): { id: string; population: number }[] {
  const missing = municipalities.filter((m) => m.populations[year] === undefined).map((m) => m.name);
  if (missing.length) {
    throw new DomainError('ALLOCATION_IMPOSSIBLE', {
      userMessage: {
        sv: `Invånarantal för ${year} saknas för ${missing.join(', ')}. Fyll i det under Organisation.`,
        en: `The population of ${year} is missing for ${missing.join(', ')}. Enter it under Organisation.`,
      },
    });
  }
  return municipalities.map((m) => ({ id: m.id, population: m.populations[year] ?? 0 }));
}

/**
 * One cost object's budgeted income split among the municipalities by its key, summing exactly
 * to the total; a key that cannot be applied gives its reason instead of shares.
 */
export function allocateCostObject(object: CostObjectData, municipalities: readonly MunicipalityData[], participantIds?: readonly string[] | null): Allocation {
  const key = object.allocationKey;
  const total = object.budgetIncome;
  try {
    let shares: Share[];
    switch (key.kind) {
      case 'separate':
        return { kind: 'separate' };
      case 'equal':
        shares = allocateCost({ total, unit: key.roundTo, key: { kind: 'equal' }, parties: municipalities });
        break;
      case 'population':
        shares = allocateCost({ total, unit: key.roundTo, key: { kind: 'population' }, parties: populationsOf(municipalities, key.year) });
        break;
      case 'mixed':
        shares = allocateCost({ total, unit: key.roundTo, key: { kind: 'mixed', flatSharePercent: key.flatPercent }, parties: populationsOf(municipalities, key.year) });
        break;
      case 'fixed':
        shares = allocateCost({
          total,
          unit: 1,
          key: { kind: 'fixed', amounts: municipalities.map((m) => ({ partyId: m.id, amount: key.amounts[m.id] ?? 0 })) },
          parties: municipalities,
        });
        break;
      case 'participants': {
        const ids = new Set(participantIds ?? key.participants);
        const payers = municipalities.filter((m) => ids.has(m.id));
        shares = allocateCost({ total, unit: key.roundTo, key: { kind: 'population' }, parties: populationsOf(payers, key.year) });
        break;
      }
    }
    return { kind: 'shares', shares: new Map(shares.map((s) => [s.partyId, s.amount])) };
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'error', message: error.userMessage };
    throw error;
  }
}

export interface DistributionColumn {
  object: CostObjectData;
  allocation: Allocation;
}

export type DistributionSection = 'annual' | 'shared' | 'projects' | 'supplier';

/** Which of the seed's tables a cost object belongs in. */
export function sectionOf(object: CostObjectData): DistributionSection {
  if (object.invoicing === 'supplier') return 'supplier';
  if (object.kind === 'shared_service') return 'shared';
  if (object.kind === 'project') return 'projects';
  return 'annual';
}

export interface Distribution {
  municipalities: MunicipalityData[];
  sections: { section: DistributionSection; columns: DistributionColumn[] }[];
  /** Distributed by separate agreements: listed, not split. */
  separate: CostObjectData[];
}

/** Every cost object's split, in the seed's tables; municipalities in Swedish order. */
export function computeDistribution(options: {
  objects: readonly CostObjectData[];
  municipalities: readonly MunicipalityData[];
  participantsOf?: (object: CostObjectData) => readonly string[] | null;
}): Distribution {
  const municipalities = [...options.municipalities].sort((a, b) => collator.compare(a.name, b.name));
  const order: DistributionSection[] = ['annual', 'shared', 'projects', 'supplier'];
  const columns = [...options.objects].sort(byPosition).map((object) => ({ object, allocation: allocateCostObject(object, municipalities, options.participantsOf?.(object) ?? null) }));
  return {
    municipalities,
    sections: order
      .map((section) => ({ section, columns: columns.filter((c) => sectionOf(c.object) === section && c.allocation.kind !== 'separate') }))
      .filter((s) => s.columns.length > 0),
    separate: columns.filter((c) => c.allocation.kind === 'separate').map((c) => c.object),
  };
}

export function shareOf(column: DistributionColumn, municipalityId: string): number | null {
  return column.allocation.kind === 'shares' ? (column.allocation.shares.get(municipalityId) ?? 0) : null;
}

export function columnTotal(column: DistributionColumn): number | null {
  return column.allocation.kind === 'shares' ? [...column.allocation.shares.values()].reduce((s, v) => s + v, 0) : null;
}

// ----------------------------------------------------------------------------------------------
// Invoice basis (samverkansavtal 4: base funding paid in advance in January)

export interface InvoiceLine {
  code: string;
  name: string;
  amount: number;
}

export interface InvoiceBasisRow {
  municipality: MunicipalityData;
  advance: InvoiceLine[];
  arrears: InvoiceLine[];
  supplier: InvoiceLine[];
  advanceTotal: number;
  arrearsTotal: number;
  supplierTotal: number;
}

/**
 * What each municipality is invoiced: the advance in January, the items invoiced in arrears,
 * and (shown, not invoiced) what the supplier invoices directly. Keys that cannot be applied
 * are left out here and named on the distribution page.
 */
export function computeInvoiceBasis(distribution: Distribution): InvoiceBasisRow[] {
  const columns = distribution.sections.flatMap((s) => s.columns);
  return distribution.municipalities.map((municipality) => {
    const lines = (invoicing: Invoicing) =>
      columns
        .filter((c) => c.object.invoicing === invoicing && c.allocation.kind === 'shares')
        .map((c) => ({ code: c.object.code, name: c.object.name, amount: shareOf(c, municipality.id) ?? 0 }))
        .filter((l) => l.amount !== 0);
    const advance = lines('advance');
    const arrears = lines('arrears');
    const supplier = lines('supplier');
    const total = (l: InvoiceLine[]) => l.reduce((s, x) => s + x.amount, 0);
    return { municipality, advance, arrears, supplier, advanceTotal: total(advance), arrearsTotal: total(arrears), supplierTotal: total(supplier) };
  });
}
