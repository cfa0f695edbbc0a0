/**
 * The demo's economy computed by Kansli against the seed's printed tables (protocol 2022-12-14,
 * § 19 attachment "Ekonomi 2022" and the financing appendix). The expected values below are
 * transcribed from the seed text, independently of the demo's input data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestContext } from '../../../test/support/app.js';
import { organisations, populations } from '../organisation/organisation.tables.js';
import type { Principal } from '../../platform/auth/policy.js';
import { DEMO_COMMITTEE_SLUG, DEMO_MUNICIPALITIES } from '../demo/demo-data.js';
import { loadEconomyDemo } from '../demo/demo-economy.js';
import { columnTotal, shareOf } from './reports.js';

const economist = (committeeId: string): Principal => ({ userId: '00000000-0000-4000-8000-000000000001', email: 'e@x.se', name: 'E', grants: [{ organisationId: committeeId, role: 'economist' }] });

/** Seed § 19, "Utfall per sista oktober 2022": INTÄKTER, KOSTNADER, AVVIKELSE. */
const SEED_OUTCOME: [string, number, number, number][] = [
  ['GF', 1_781_236, 1_597_387, 183_848],
  ['ETJ', 910_713, 872_417, 38_296],
  ['RTJ', 637_212, 610_417, 26_795],
  ['EARK', 272_283, 260_833, 11_450],
  ['SOC', 1_252_502, 1_199_833, 52_669],
  ['PELEV', 426_258, 421_475, 4_783],
  ['PHR', 0, 254_150, -254_150],
  ['PLMS', 191_381, 166_750, 24_631],
  ['PDCBD', 0, 144_280, -144_280],
];
const SEED_OUTCOME_SUM = { income: 5_471_584, cost: 5_527_542, deviation: -55_958 };

/** Seed § 19, "Budget och prognos helår 2022": Budget 2022, Prognos 2022, Avvikelse. */
const SEED_INCOME: [number, number, number][] = [
  [2_002_600, 2_002_600, 0],
  [0, 1_078_800, 1_078_800],
  [1_046_900, 1_046_900, 0],
  [732_500, 732_500, 0],
  [322_000, 313_000, -9_000],
  [930_600, 2_175_800, 1_245_200],
];
const SEED_COST: [number, number, number][] = [
  [2_002_600, 1_894_287, -108_313],
  [0, 1_078_800, 1_078_800],
  [1_046_900, 1_046_900, 0],
  [732_500, 732_500, 0],
  [322_000, 313_000, -9_000],
  [930_600, 2_175_800, 1_245_200],
];

/** Seed, "Fördelning årskostnader 2022" and "Gemensamma tjänster 2022", Arjeplog … Övertorneå. */
const SEED_TABLES: Record<string, { column: number[]; sum: number }> = {
  GF: { column: Array(14).fill(76_100), sum: 1_065_400 },
  'GF.VU': { column: [40000, 46200, 85200, 66300, 52300, 43800, 63400, 75900, 174500, 45900, 110500, 49500, 41000, 42700], sum: 937_200 },
  ETJ: { column: [48200, 54600, 92800, 75400, 60600, 52100, 72000, 83300, 178600, 54100, 117100, 57700, 49100, 51300], sum: 1_046_900 },
  RTJ: { column: [25800, 30200, 67700, 44400, 45200, 39300, 67500, 50900, 149600, 40600, 74000, 32300, 37200, 27800], sum: 732_500 },
  EARK: { column: [4000, 9000, 36000, 23000, 13000, 7000, 21000, 29000, 97000, 8000, 53000, 11000, 5000, 6000], sum: 322_000 },
  DC: { column: [50400, 58800, 110400, 85200, 67200, 55200, 81600, 98400, 230400, 57600, 145200, 62400, 51600, 54000], sum: 1_208_400 },
};
const SEED_MUNICIPALITY_ORDER = ['Arjeplog', 'Arvidsjaur', 'Boden', 'Gällivare', 'Haparanda', 'Jokkmokk', 'Kalix', 'Kiruna', 'Luleå', 'Pajala', 'Piteå', 'Älvsbyn', 'Överkalix', 'Övertorneå'];

describe('the demo economy reproduces the seed', () => {
  let t: TestContext;
  let principal: Principal;

  before(async () => {
    t = await createTestApp();
    const db = t.services.database.db;
    const [committee] = await db.insert(organisations).values({ kind: 'committee', name: 'Norrbottens e-nämnd', slug: DEMO_COMMITTEE_SLUG }).returning();
    if (!committee) throw new Error('no committee');
    for (const m of DEMO_MUNICIPALITIES) {
      const [row] = await db.insert(organisations).values({ kind: 'municipality', name: m.name, slug: m.slug, committeeId: committee.id, isHost: m.host ?? false }).returning();
      for (const [i, year] of [2020, 2021, 2022].entries()) await db.insert(populations).values({ organisationId: row?.id ?? '', year, population: m.population[i] ?? 0, source: 'test' });
    }
    principal = economist(committee.id);
    await loadEconomyDemo(t.services);
    await loadEconomyDemo(t.services); // idempotent
  });
  after(() => t.close());

  it('outcome per 31 October 2022: every row, the deviations and the totals to the krona', async () => {
    const { report, snapshot } = await t.services.economy.outcome(principal, DEMO_COMMITTEE_SLUG, 2022, '2022-10-31');
    assert.equal(snapshot?.periodTo, '2022-10-31');
    assert.deepEqual(report.rows.map((r) => [r.code, r.income, r.cost, r.deviation]), SEED_OUTCOME);
    assert.deepEqual(report.totals, SEED_OUTCOME_SUM);
    assert.match(report.rows[0]?.comment ?? '', /vakant tjänst samordnare/);
    assert.match(report.rows.find((r) => r.code === 'PHR')?.comment ?? '', /faktureras i efterskott/);
  });

  it('no outcome before the first snapshot', async () => {
    const { report, snapshot } = await t.services.economy.outcome(principal, DEMO_COMMITTEE_SLUG, 2022, '2022-09-30');
    assert.equal(snapshot, undefined);
    assert.deepEqual(report.rows, []);
  });

  it('budget and forecast 2022: rows, sums, deviations and operating result', async () => {
    const { report } = await t.services.economy.budgetForecast(principal, DEMO_COMMITTEE_SLUG, 2022);
    assert.deepEqual(report.income.rows.map((r) => [r.budget, r.forecast, r.deviation]), SEED_INCOME);
    assert.deepEqual(report.cost.rows.map((r) => [r.budget, r.forecast, r.deviation]), SEED_COST);
    assert.deepEqual(report.income.total, { budget: 5_034_600, forecast: 7_349_600, deviation: 2_315_000 });
    assert.deepEqual(report.cost.total, { budget: 5_034_600, forecast: 7_241_287, deviation: 2_206_687 });
    assert.deepEqual(report.result, { budget: 0, forecast: 108_313, deviation: 108_313 });
    assert.deepEqual(report.excluded.map((e) => [e.name, e.budgetIncome]), [['Datacenter Norrbotten', 1_208_400]]);
  });

  it('distribution 2022: the seed tables per municipality and their sums', async () => {
    const { distribution, invoiceBasis } = await t.services.economy.distribution(principal, DEMO_COMMITTEE_SLUG, 2022);
    assert.deepEqual(distribution.municipalities.map((m) => m.name.replace(/s? kommun$/, '')), SEED_MUNICIPALITY_ORDER);
    const columns = distribution.sections.flatMap((s) => s.columns);
    for (const [code, expected] of Object.entries(SEED_TABLES)) {
      const column = columns.find((c) => c.object.code === code);
      assert.ok(column, code);
      assert.deepEqual(distribution.municipalities.map((m) => shareOf(column, m.id)), expected.column, code);
      assert.equal(columnTotal(column), expected.sum, code);
    }
    assert.deepEqual(distribution.sections.map((s) => [s.section, s.columns.map((c) => c.object.code)]), [['annual', ['GF', 'GF.VU']], ['shared', ['ETJ', 'RTJ', 'EARK']], ['supplier', ['DC']]]);
    // Luleå pays in advance 76 100 + 174 500 + 178 600 + 149 600 + 97 000; the data centre is shown, not invoiced.
    const lulea = invoiceBasis.find((r) => r.municipality.name === 'Luleå kommun');
    assert.equal(lulea?.advanceTotal, 76_100 + 174_500 + 178_600 + 149_600 + 97_000);
    assert.equal(lulea?.supplierTotal, 230_400);
    assert.equal(invoiceBasis.reduce((s, r) => s + r.advanceTotal, 0), 1_065_400 + 937_200 + 1_046_900 + 732_500 + 322_000);
  });

  it('2023: base funding 80 500 per municipality (PKV), 1 127 000 in all, 2022 surplus carried over; budget 7 618 100', async () => {
    const { distribution } = await t.services.economy.distribution(principal, DEMO_COMMITTEE_SLUG, 2023);
    const gf = distribution.sections.flatMap((s) => s.columns).find((c) => c.object.code === 'GF');
    assert.ok(gf);
    assert.deepEqual(distribution.municipalities.map((m) => shareOf(gf, m.id)), Array(14).fill(80_500));
    assert.equal(gf.object.budgetIncome, 1_127_000);
    assert.equal(gf.object.carriedOver, 108_313);
    const { report } = await t.services.economy.budgetForecast(principal, DEMO_COMMITTEE_SLUG, 2023);
    assert.equal(report.income.total.budget, 7_618_100);
    assert.equal(report.cost.total.budget, 7_618_100);
    // Verksamhetsplan 2023, 8.4 Budget 2023: seven rows, none merged.
    assert.deepEqual(report.income.rows.map((r) => [r.name, r.budget]), [
      ['Grundfinansiering', 1_127_000],
      ['Verksamhetsutvecklare e-tjänster', 991_800],
      ['Förvaltningsledare verksamhetssystem SOC', 2_888_700],
      ['E-tjänsteplattform', 1_046_900],
      ['Räddningstjänsten system', 732_500],
      ['SOC system, grund', 509_200],
      ['E-arkiv', 322_000],
    ]);
    const pkv = await t.services.economy.pkv(principal, DEMO_COMMITTEE_SLUG, 2022);
    assert.equal(pkv.plans[0]?.nextSharePerMember, 80_500);
    assert.equal(pkv.plans[0]?.sharePerMember, 76_100);
  });
});
