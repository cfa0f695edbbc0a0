/**
 * The demo's economy, transcribed from the seed protocol 2022-12-14 (§ 19 with its attachment
 * "Ekonomi 2022", and the financing appendix of the cooperation agreement): the 2022 budget, the
 * outcome per 31 October, the forecast, the per-municipality tables, and 2023's base funding
 * indexed by PKV. The reports computed from these inputs reproduce the seed's tables.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Services } from '../../services.js';
import type { Db } from '../../platform/db/database.js';
import { costObjects, outcomeComments, outcomeEntries, outcomeImports, pkvReadings } from '../economy/economy.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { planNextBaseFunding } from '../economy/pkv-plan.js';
import type { CostObjectKind, Invoicing, TAllocationKey } from '../economy/economy.schema.js';
import { DEMO_COMMITTEE_SLUG, DEMO_MUNICIPALITIES } from './demo-data.js';
import { listMunicipalities, toCostObjectData } from '../economy/economy.repository.js';
import { insertOne } from '../../platform/db/insert-one.js';

const DEMO_ECONOMIST = { userId: null, label: 'Ekonom (demo)' };

/** Municipalities in the seed tables' order (slugs of DEMO_MUNICIPALITIES). */
const ORDER = DEMO_MUNICIPALITIES.map((m) => m.slug);

/** Per-municipality amounts in the seed's order, Arjeplog … Övertorneå. */
type Column = readonly number[];

/** Seed, financing appendix "Fördelning per kommun": Verksamhetsutvecklare e-tjänster 2022. */
export const SEED_DEVELOPER_2022: Column = [40000, 46200, 85200, 66300, 52300, 43800, 63400, 75900, 174500, 45900, 110500, 49500, 41000, 42700];
/** Seed § 19, "Gemensamma tjänster 2022". */
export const SEED_E_SERVICES_2022: Column = [48200, 54600, 92800, 75400, 60600, 52100, 72000, 83300, 178600, 54100, 117100, 57700, 49100, 51300];
export const SEED_RESCUE_2022: Column = [25800, 30200, 67700, 44400, 45200, 39300, 67500, 50900, 149600, 40600, 74000, 32300, 37200, 27800];
export const SEED_E_ARCHIVE_2022: Column = [4000, 9000, 36000, 23000, 13000, 7000, 21000, 29000, 97000, 8000, 53000, 11000, 5000, 6000];
/** Seed § 19, "Datacenter Norrbotten" (invoiced by the supplier). */
export const SEED_DATA_CENTRE_2022: Column = [50400, 58800, 110400, 85200, 67200, 55200, 81600, 98400, 230400, 57600, 145200, 62400, 51600, 54000];

interface DemoCostObject {
  code: string;
  name: string;
  kind: CostObjectKind;
  invoicing: Invoicing;
  key: TAllocationKey | { kind: 'fixed'; column: Column };
  budget: number;
  forecastIncome?: number;
  forecastCost?: number;
  comment?: string;
  /** Invented where the seed is silent (origin 'demo', shown as Exempeldata); else the seed's. */
  invented?: true;
  /** Outcome per 31 October 2022 in öre: income and cost (seed § 19, to the krona; öre chosen to round as printed). */
  outcome?: { income: number; cost: number; comment?: string };
}

/**
 * 2022 (seed § 19, "Budget 2022", "Budget och prognos helår 2022", "Utfall per sista oktober
 * 2022"). The e-services developer is part of the base funding in the reports (GF.VU rolls up
 * into GF, as the seed's "Grundfinansiering 2 002 600"); the vacant coordinator post lowers the
 * base funding's own cost. The projects' forecast is one line in the seed, kept as one object.
 */
export const DEMO_COST_OBJECTS_2022: DemoCostObject[] = [
  {
    code: 'GF', name: 'Grundfinansiering', kind: 'base_funding', invoicing: 'advance', key: { kind: 'equal', roundTo: 100 }, budget: 1_065_400,
    forecastIncome: 1_065_400, forecastCost: 957_087,
    comment: 'Kansliets samordnande uppgifter, lika delar, betalas i förskott i januari (samverkansavtal 4). Uppräkning med 2% enligt samverkansavtalet. Prognosen för helåret 2022 visar på ett överskott, 108 tkr. Vakant tjänst e-samordnare.',
    outcome: { income: 178_123_560, cost: 159_738_740, comment: 'Lägre kostnader gällande grundfinansiering och e-kontor på grund av vakant tjänst samordnare.' },
  },
  { code: 'GF.VU', name: 'Verksamhetsutvecklare e-tjänster', kind: 'management', invoicing: 'advance', key: { kind: 'fixed', column: SEED_DEVELOPER_2022 }, budget: 937_200, comment: 'En del rakt fördelat och en del efter invånarantal; beslutade belopp per kommun.' },
  { code: 'ETJ', name: 'E-tjänsteplattform', kind: 'shared_service', invoicing: 'advance', key: { kind: 'fixed', column: SEED_E_SERVICES_2022 }, budget: 1_046_900, comment: 'Gemensamt alternativ (2017). Transaktionskostnader för BankID tillkommer, beräkna 500-1500 kr/år. Förvaltningskostnader för eIDAS tillkommit under 2019.', outcome: { income: 91_071_260, cost: 87_241_700 } },
  { code: 'RTJ', name: 'Räddningstjänsten verksamhetssystem', kind: 'shared_service', invoicing: 'advance', key: { kind: 'fixed', column: SEED_RESCUE_2022 }, budget: 732_500, comment: 'Gemensamt alternativ (2017). Nya funktioner beställda av verksamheten har tillkommit under 2018, 2019 och 2020.', outcome: { income: 63_721_200, cost: 61_041_700 } },
  { code: 'EARK', name: 'E-arkiv', kind: 'shared_service', invoicing: 'advance', key: { kind: 'fixed', column: SEED_E_ARCHIVE_2022 }, budget: 322_000, forecastIncome: 313_000, forecastCost: 313_000, comment: 'Gemensamt alternativ (2018). 40 000 kr i engångskostnad tillkommer vid uppstart. Lagning och backup tillkommer med 84kr/GB/år.', outcome: { income: 27_228_300, cost: 26_083_300 } },
  { code: 'SOC', name: 'SOC Ekosystem', kind: 'management', invoicing: 'arrears', key: { kind: 'separate' }, budget: 930_600, forecastIncome: 2_175_800, forecastCost: 2_175_800, comment: 'Förvaltningsledare verksamhetssystem SOC; enligt överenskommelse i respektive medlemskommun. SOC Ekosystem har tillkommit under året och noteras som avvikelse jämfört med urspungsbudget.', outcome: { income: 125_250_200, cost: 119_983_300 } },
  { code: 'PROJ', name: 'Uppdrag och projekt, prognos', kind: 'project', invoicing: 'arrears', key: { kind: 'separate' }, budget: 0, forecastIncome: 1_078_800, forecastCost: 1_078_800, comment: 'Inga projekt budgeterade för 2022. Projekt som tillkommer till budgeten under året rapporteras som en avvikelse. Projekt har tillkommit under året och noteras som avvikelse jämfört med urspungsbudget.' },
  { code: 'PELEV', name: 'Projekt Elevhälsan', kind: 'project', invoicing: 'arrears', key: { kind: 'separate' }, budget: 0, outcome: { income: 42_625_800, cost: 42_147_500, comment: 'Vissa upplupna kostnader gällande projekt.' } },
  { code: 'PHR', name: 'Projekt HR', kind: 'project', invoicing: 'arrears', key: { kind: 'separate' }, budget: 0, outcome: { income: 0, cost: 25_415_000, comment: 'Intäkten faktureras i efterskott, november/december.' } },
  { code: 'PLMS', name: 'Projekt LMS, e-utbildning', kind: 'project', invoicing: 'arrears', key: { kind: 'separate' }, budget: 0, outcome: { income: 19_138_100, cost: 16_675_000, comment: 'Vissa upplupna kostnader gällande projekt.' } },
  { code: 'PDCBD', name: 'Projekt DCBD', kind: 'project', invoicing: 'arrears', key: { kind: 'separate' }, budget: 0, outcome: { income: 0, cost: 14_428_000, comment: 'Intäkten faktureras i efterskott, november/december.' } },
  { code: 'DC', name: 'Datacenter Norrbotten', kind: 'shared_service', invoicing: 'supplier', key: { kind: 'fixed', column: SEED_DATA_CENTRE_2022 }, budget: 1_208_400, comment: 'Nytt gemensamt alternativ 2020. Kostnaderna faktureras direkt till respektive kommun från leverantören. Delar av kostnaderna baseras på nyttjandet är justeras löpande vilket gör att vi valt att faktureras direkt från leverantörernas system.' },
];

export const DEMO_OUTCOME_DATE = '2022-10-31';
/** The report's date ("Uppdaterad 2022-11-15"), not the day the demo is loaded. */
export const DEMO_REPORT_DATE = new Date('2022-11-15T12:00:00+01:00');
/** Seed § 19, "Utfall per sista oktober 2022": the result and why. */
export const DEMO_OUTCOME_NOTE = 'Nämnden visat ett underskott på -55 958 kr per sista oktober 2022. Underskottet uppstår på grund av upplupna intäkter för vissa projekt.';

/**
 * The October 2022 PKV reading for 2023. Demo value: SKR's published figure is to be entered by
 * the economist; 5.8 % is chosen because it turns the seed's 76 100 into its 80 500. Invented
 * (origin 'demo').
 */
export const DEMO_PKV_2023 = { readOn: '2022-10-31', pkvPercent: 5.8, source: 'Vald så att 76 100 kr blir 80 500 kr som i seed (ersätt med SKR:s PKV)' };

/** 2023 (seed, verksamhetsplan 2023, 8.4) besides the base funding, which is derived by PKV. */
export const DEMO_COST_OBJECTS_2023: DemoCostObject[] = [
  // Its own row in 2023 (seed 8.4), not a part of the base funding as in 2022's forecast.
  {
    code: 'VU', name: 'Verksamhetsutvecklare e-tjänster', kind: 'management', invoicing: 'advance', budget: 991_800,
    key: { kind: 'mixed', flatPercent: 52.5, year: 2021, roundTo: 100 },
    comment: 'Blandad nyckel, 52,5 % rakt och resten efter invånarantal 2021. Den beslutade modellens andelar finns inte i underlaget.',
    invented: true,
  },
  { code: 'SOC', name: 'Förvaltningsledare verksamhetssystem SOC', kind: 'management', invoicing: 'arrears', key: { kind: 'separate' }, budget: 2_888_700, comment: 'Enligt överenskommelse i respektive medlemskommun.' },
  { code: 'ETJ', name: 'E-tjänsteplattform', kind: 'shared_service', invoicing: 'advance', key: { kind: 'fixed', column: SEED_E_SERVICES_2022 }, budget: 1_046_900, comment: 'Samma belopp per kommun som 2022 (oförändrad total).', invented: true },
  { code: 'RTJ', name: 'Räddningstjänsten system', kind: 'shared_service', invoicing: 'advance', key: { kind: 'fixed', column: SEED_RESCUE_2022 }, budget: 732_500, comment: 'Samma belopp per kommun som 2022 (oförändrad total).', invented: true },
  { code: 'SOCG', name: 'SOC system, grund', kind: 'management', invoicing: 'arrears', key: { kind: 'separate' }, budget: 509_200, comment: 'Enligt överenskommelse i respektive medlemskommun.' },
  { code: 'EARK', name: 'E-arkiv', kind: 'shared_service', invoicing: 'advance', key: { kind: 'fixed', column: SEED_E_ARCHIVE_2022 }, budget: 322_000, comment: 'Samma belopp per kommun som 2022 (oförändrad total).', invented: true },
];

function keyFor(object: DemoCostObject, ids: readonly string[]): TAllocationKey {
  const key = object.key;
  if (key.kind !== 'fixed' || !('column' in key)) return key;
  return { kind: 'fixed', amounts: Object.fromEntries(ids.map((id, i) => [id, key.column[i] ?? 0])) };
}

async function insertObjects(tx: Db, committeeId: string, year: number, objects: DemoCostObject[], ids: readonly string[], firstPosition = 10): Promise<Map<string, string>> {
  for (const [index, o] of objects.entries()) {
    await tx
      .insert(costObjects)
      .values({
        committeeId, year, code: o.code, name: o.name, kind: o.kind, invoicing: o.invoicing, allocationKey: keyFor(o, ids), position: firstPosition + index * 10,
        budgetIncome: o.budget, budgetCost: o.budget, forecastIncome: o.forecastIncome ?? null, forecastCost: o.forecastCost ?? null, comment: o.comment ?? '',
        origin: o.invented ? 'demo' : 'seed',
      })
      .onConflictDoNothing();
  }
  const rows = await tx.select({ id: costObjects.id, code: costObjects.code }).from(costObjects).where(and(eq(costObjects.committeeId, committeeId), eq(costObjects.year, year)));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The outcome per 31 October 2022 as one snapshot, with the seed's comments on the deviations. */
async function insertOutcome(tx: Db, committeeId: string, codes: Map<string, string>): Promise<void> {
  const [existing] = await tx
    .select({ id: outcomeImports.id })
    .from(outcomeImports)
    .where(and(eq(outcomeImports.committeeId, committeeId), eq(outcomeImports.periodTo, DEMO_OUTCOME_DATE), sql`${outcomeImports.summary}->>'demo' = 'true'`));
  if (existing) return;
  const imported = await insertOne(
    tx
      .insert(outcomeImports)
      .values({ committeeId, year: 2022, format: 'manual', periodTo: DEMO_OUTCOME_DATE, summary: { demo: true, source: 'Seed § 19, Utfall per sista oktober 2022 (uppdaterad 2022-11-15)', note: DEMO_OUTCOME_NOTE }, createdAt: DEMO_REPORT_DATE })
      .returning({ id: outcomeImports.id }),
  );
  for (const o of DEMO_COST_OBJECTS_2022) {
    const costObjectId = codes.get(o.code);
    if (!o.outcome || !costObjectId) continue;
    if (o.outcome.income) await tx.insert(outcomeEntries).values({ importId: imported.id, costObjectId, kind: 'income', account: '3', amountOre: -o.outcome.income });
    await tx.insert(outcomeEntries).values({ importId: imported.id, costObjectId, kind: 'cost', account: '4-7', amountOre: o.outcome.cost });
    if (o.outcome.comment) await tx.insert(outcomeComments).values({ costObjectId, periodTo: DEMO_OUTCOME_DATE, comment: o.outcome.comment }).onConflictDoNothing();
  }
}

/** 2023's base funding from 2022's and the PKV reading, with 2022's result carried over. */
async function indexBaseFunding(tx: Db, committeeId: string, municipalityCount: number): Promise<void> {
  await tx
    .insert(pkvReadings)
    .values({ committeeId, year: 2023, readOn: DEMO_PKV_2023.readOn, pkvPercent: DEMO_PKV_2023.pkvPercent.toFixed(2), source: DEMO_PKV_2023.source, origin: 'demo' })
    .onConflictDoNothing();
  const rows = await tx.select().from(costObjects).where(and(eq(costObjects.committeeId, committeeId), eq(costObjects.year, 2022)));
  const plans = planNextBaseFunding({ objects: rows.map(toCostObjectData), members: municipalityCount, pkvPercent: DEMO_PKV_2023.pkvPercent, unit: 100 });
  for (const plan of plans) {
    const o = plan.object;
    await tx
      .insert(costObjects)
      .values({
        committeeId, year: 2023, code: o.code, name: o.name, kind: o.kind, invoicing: o.invoicing, allocationKey: o.allocationKey, position: o.position,
        budgetIncome: plan.nextAmount, budgetCost: plan.nextAmount, carriedOver: plan.carry.amount, comment: `Uppräknad med PKV ${DEMO_PKV_2023.pkvPercent} % från 2022.`,
        // The seed's 80 500 per municipality (verksamhetsplan 2023, 8.4), reached through the invented PKV.
        origin: 'seed',
      })
      .onConflictDoNothing();
  }
}

/** Load the demo's economy (idempotent: rows are found by their natural keys first). */
export async function loadEconomyDemo(services: Services): Promise<void> {
  await services.database.db.transaction(async (tx) => {
    const [committee] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
    if (!committee) throw new Error('the demo committee is missing');
    const [before] = await tx.select({ id: costObjects.id }).from(costObjects).where(eq(costObjects.committeeId, committee.id)).limit(1);
    const municipalities = await listMunicipalities(tx, committee.id);
    const idOf = new Map(municipalities.map((m) => [m.name, m.id]));
    const ids = ORDER.map((slug) => idOf.get(DEMO_MUNICIPALITIES.find((m) => m.slug === slug)?.name ?? '') ?? '');
    const codes = await insertObjects(tx, committee.id, 2022, DEMO_COST_OBJECTS_2022, ids);
    await insertOutcome(tx, committee.id, codes);
    await indexBaseFunding(tx, committee.id, municipalities.length);
    await insertObjects(tx, committee.id, 2023, DEMO_COST_OBJECTS_2023, ids, 20);
    if (!before) {
      await recordAudit(tx, DEMO_ECONOMIST, { action: 'demo.economy', entity: 'organisation', entityId: committee.id, after: { years: [2022, 2023] }, organisationId: committee.id }, services.clock());
    }
  });
}
