import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allocateCostObject, computeBudgetForecast, computeDistribution, computeInvoiceBasis, computeOutcomeReport, groupCostObjects, oreToKronor,
  type CostObjectData, type MunicipalityData,
} from './reports.js';
import { planNextBaseFunding } from './pkv-plan.js';
import ExcelJS from 'exceljs';
import { renderCsv, outcomeDoc } from './report-doc.js';
import { renderReportXlsx } from './report-xlsx.js';
import { translator } from '../../platform/i18n/i18n.js';

let n = 0;
function object(overrides: Partial<CostObjectData>): CostObjectData {
  n += 1;
  return {
    id: `o${n}`, code: `C${n}`, name: `Objekt ${n}`, kind: 'shared_service', invoicing: 'advance', allocationKey: { kind: 'equal', roundTo: 1 },
    budgetIncome: 0, budgetCost: 0, forecastIncome: null, forecastCost: null, carriedOver: 0, position: n, initiativeId: null, ...overrides,
  };
}

const towns: MunicipalityData[] = [
  { id: 'b', name: 'Boden', populations: { 2021: 3 } },
  { id: 'a', name: 'Arjeplog', populations: { 2021: 1 } },
  { id: 'o', name: 'Överkalix', populations: {} },
];

describe('oreToKronor: half away from zero (seed § 19 rounds 183 848,20 to 183 848)', () => {
  const cases: [number, number][] = [[0, 0], [49, 0], [50, 1], [150, 2], [-50, -1], [-49, 0], [18_384_820, 183_848], [-5_595_820, -55_958]];
  for (const [ore, kronor] of cases) it(`${ore} öre → ${kronor} kr`, () => assert.equal(oreToKronor(ore), kronor));
});

describe('groupCostObjects', () => {
  it('rolls a part (GF.VU) into its parent and keeps an orphan part alone', () => {
    const gf = object({ code: 'GF', position: 1 });
    const vu = object({ code: 'GF.VU', position: 2 });
    const orphan = object({ code: 'X.Y', position: 3 });
    assert.deepEqual(groupCostObjects([orphan, vu, gf]).map((g) => [g.head.code, g.members.map((m) => m.code)]), [['GF', ['GF', 'GF.VU']], ['X.Y', ['X.Y']]]);
  });
});

describe('computeOutcomeReport', () => {
  it('sums the ledger signs (income credit), rounds from öre, leaves out objects with nothing booked', () => {
    const gf = object({ code: 'GF' });
    const vu = object({ code: 'GF.VU' });
    const empty = object({ code: 'E' });
    const report = computeOutcomeReport({
      objects: [gf, vu, empty],
      entries: [
        { costObjectId: gf.id, kind: 'income', amountOre: -100_060 },
        { costObjectId: vu.id, kind: 'income', amountOre: -50_000 },
        { costObjectId: gf.id, kind: 'cost', amountOre: 120_040 },
      ],
      comments: new Map([[gf.id, 'Vakans']]),
    });
    assert.deepEqual(report.rows.map((r) => [r.code, r.income, r.cost, r.deviation, r.comment]), [['GF', 1501, 1200, 300, 'Vakans']]);
    assert.deepEqual(report.totals, { income: 1501, cost: 1200, deviation: 300 });
  });
});

describe('computeBudgetForecast', () => {
  it('puts projects in one row after the base funding, leaves out the supplier-invoiced, uses the budget where no forecast', () => {
    const report = computeBudgetForecast({
      projectsLabel: 'Projekt',
      objects: [
        object({ kind: 'shared_service', name: 'Tjänst', budgetIncome: 100, budgetCost: 100, position: 1 }),
        object({ kind: 'project', name: 'P1', forecastIncome: 40, forecastCost: 50, position: 2 }),
        object({ kind: 'base_funding', name: 'Grund', budgetIncome: 200, budgetCost: 200, forecastCost: 150, position: 3 }),
        object({ kind: 'project', name: 'P2', forecastIncome: 10, forecastCost: 10, position: 4 }),
        object({ kind: 'shared_service', invoicing: 'supplier', name: 'Datacenter', budgetIncome: 999, budgetCost: 999, position: 5 }),
      ],
    });
    assert.deepEqual(report.income.rows.map((r) => [r.name, r.budget, r.forecast, r.deviation]), [['Grund', 200, 200, 0], ['Projekt', 0, 50, 50], ['Tjänst', 100, 100, 0]]);
    assert.deepEqual(report.cost.rows.map((r) => [r.name, r.budget, r.forecast, r.deviation]), [['Grund', 200, 150, -50], ['Projekt', 0, 60, 60], ['Tjänst', 100, 100, 0]]);
    assert.deepEqual(report.result, { budget: 0, forecast: 40, deviation: 40 });
    assert.deepEqual(report.excluded.map((e) => e.name), ['Datacenter']);
  });
});

describe('allocateCostObject: keys as data', () => {
  const cases: { name: string; o: Partial<CostObjectData>; participants?: string[]; expected: Record<string, number> | string }[] = [
    { name: 'equal, ties to the first in Swedish order', o: { budgetIncome: 1001, allocationKey: { kind: 'equal', roundTo: 1 } }, expected: { a: 334, b: 334, o: 333 } },
    { name: 'equal in hundreds', o: { budgetIncome: 1200, allocationKey: { kind: 'equal', roundTo: 100 } }, expected: { a: 400, b: 400, o: 400 } },
    { name: 'fixed amounts as decided', o: { budgetIncome: 60, allocationKey: { kind: 'fixed', amounts: { a: 10, b: 20, o: 30 } } }, expected: { a: 10, b: 20, o: 30 } },
    { name: 'fixed amounts that do not sum to the budget', o: { budgetIncome: 61, allocationKey: { kind: 'fixed', amounts: { a: 10, b: 20, o: 30 } } }, expected: 'De fasta beloppen summerar till 60' },
    { name: 'participants by population', o: { budgetIncome: 1000, allocationKey: { kind: 'participants', year: 2021, roundTo: 1, participants: ['a', 'b'] } }, expected: { a: 250, b: 750, o: 0 } },
    { name: 'participants from the initiative win over the list', o: { budgetIncome: 1000, allocationKey: { kind: 'participants', year: 2021, roundTo: 1, participants: ['a'] } }, participants: ['b'], expected: { a: 0, b: 1000, o: 0 } },
    { name: 'population of a year with a missing figure names the municipality', o: { budgetIncome: 1000, allocationKey: { kind: 'population', year: 2021, roundTo: 1 } }, expected: 'Överkalix' },
    { name: 'a total not in hundreds cannot be rounded to hundreds', o: { budgetIncome: 1050, allocationKey: { kind: 'equal', roundTo: 100 } }, expected: 'multipel av 100' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = allocateCostObject(object(c.o), towns, c.participants ?? null);
      if (typeof c.expected === 'string') {
        assert.equal(result.kind, 'error');
        if (result.kind === 'error') assert.match(result.message.sv, new RegExp(c.expected));
      } else {
        assert.equal(result.kind, 'shares');
        if (result.kind === 'shares') assert.deepEqual(Object.fromEntries(['a', 'b', 'o'].map((id) => [id, result.shares.get(id) ?? 0])), c.expected);
      }
    });
  }
  it('separate agreements are not split', () => assert.equal(allocateCostObject(object({ allocationKey: { kind: 'separate' } }), towns).kind, 'separate'));
});

describe('distribution and invoice basis', () => {
  it('sorts municipalities in Swedish order and invoices advance and arrears, showing the supplier apart', () => {
    const d = computeDistribution({
      municipalities: towns,
      objects: [
        object({ code: 'G', kind: 'base_funding', budgetIncome: 300, allocationKey: { kind: 'equal', roundTo: 1 } }),
        object({ code: 'P', kind: 'project', invoicing: 'arrears', budgetIncome: 40, allocationKey: { kind: 'participants', year: 2021, roundTo: 1, participants: ['a', 'b'] } }),
        object({ code: 'D', invoicing: 'supplier', budgetIncome: 30, allocationKey: { kind: 'equal', roundTo: 1 } }),
        object({ code: 'S', invoicing: 'arrears', budgetIncome: 30, allocationKey: { kind: 'separate' } }),
      ],
    });
    assert.deepEqual(d.municipalities.map((m) => m.name), ['Arjeplog', 'Boden', 'Överkalix']);
    assert.deepEqual(d.sections.map((s) => s.section), ['annual', 'projects', 'supplier']);
    assert.deepEqual(d.separate.map((o) => o.code), ['S']);
    const basis = computeInvoiceBasis(d);
    assert.deepEqual(basis.map((r) => [r.municipality.id, r.advanceTotal, r.arrearsTotal, r.supplierTotal]), [['a', 100, 10, 10], ['b', 100, 30, 10], ['o', 100, 0, 10]]);
  });
});

describe('planNextBaseFunding (samverkansavtal 8.1)', () => {
  it('indexes the equal share, multiplies by the members and carries the forecast result over', () => {
    const gf = object({ code: 'GF', kind: 'base_funding', budgetIncome: 1_065_400, budgetCost: 1_065_400, forecastCost: 957_087, allocationKey: { kind: 'equal', roundTo: 100 } });
    const [plan] = planNextBaseFunding({ objects: [gf], members: 14, pkvPercent: 5.8, unit: 100 });
    assert.equal(plan?.sharePerMember, 76_100);
    assert.equal(plan?.nextSharePerMember, 80_500);
    assert.equal(plan?.nextAmount, 1_127_000);
    assert.deepEqual(plan?.carry, { amount: 108_313, kind: 'surplus' });
    assert.deepEqual(plan?.steps.map((s) => s.kind), ['start', 'apply-index', 'round', 'multiply']);
  });
});

describe('CSV for Excel', () => {
  it('is UTF-8 with BOM, semicolon-separated, quotes what needs it', () => {
    const doc = outcomeDoc(translator('sv'), {
      committee: 'Nämnd', year: 2022, date: '2022-10-31', basis: null,
      report: { rows: [{ costObjectId: 'x', code: 'A', name: 'Projekt LMS; e-utbildning', income: 1000, cost: 1200, deviation: -200, comment: 'Säger "hej"' }], totals: { income: 1000, cost: 1200, deviation: -200 } },
    });
    const bytes = renderCsv(doc);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    assert.equal(lines[0], 'Kostnadsobjekt;Intäkter;Kostnader;Avvikelse;Kommentar');
    assert.equal(lines[1], '"Projekt LMS; e-utbildning";1000;1200;-200;"Säger ""hej"""');
    assert.equal(lines[2], 'Summa;1000;1200;-200;');
  });
});

describe('formula injection in the economy exports', () => {
  const doc = outcomeDoc(translator('sv'), {
    committee: '@Nämnd', year: 2022, date: '2022-10-31', basis: null,
    report: { rows: [{ costObjectId: 'x', code: 'A', name: '=HYPERLINK("http://evil.example";"Klicka")', income: 1000, cost: 1200, deviation: -200, comment: '+cmd|calc' }], totals: { income: 1000, cost: 1200, deviation: -200 } },
  });

  it('a cost object name or comment that looks like a formula is written as text in the CSV', () => {
    const lines = renderCsv(doc).subarray(3).toString('utf8').split('\r\n');
    assert.equal(lines[1], `"'=HYPERLINK(""http://evil.example"";""Klicka"")";1000;1200;-200;'+cmd|calc`);
  });

  it('and in the XLSX, where amounts stay numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportXlsx(doc)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (sheet?.getRow(5).values ?? []) as unknown[];
    assert.deepEqual(values.slice(1), [`'=HYPERLINK("http://evil.example";"Klicka")`, 1000, 1200, -200, `'+cmd|calc`]);
    assert.equal(sheet?.getRow(2).getCell(1).value, `'@Nämnd`);
  });
});
