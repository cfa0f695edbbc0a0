import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { annualCycleStatus, DEMO_ANNUAL_CYCLE, parseMatchWords, type AnnualCycleRequirement } from './annual-cycle.js';
import { SEED_DECEMBER_HEADINGS } from '../../../../test/support/seed-headings.js';

const summary = (checks: ReturnType<typeof annualCycleStatus>) => checks.map((c) => `${c.title}: ${c.met ? 'met' : 'missing'}`);

describe('annualCycleStatus', () => {
  test("the seed's December meeting has the business plan and the economy, not the internal control plan", () => {
    const checks = annualCycleStatus({ cycleItems: DEMO_ANNUAL_CYCLE, month: 12, agendaItemHeadings: SEED_DECEMBER_HEADINGS });
    assert.deepEqual(summary(checks), ['Verksamhetsplan: met', 'Internkontrollplan: missing', 'Information om ekonomi och verksamhet: met']);
    assert.equal(checks[0]?.matchedHeading, 'Verksamhetsplan 2023');
    assert.equal(checks[1]?.matchedHeading, undefined);
  });

  test('the business plan\'s combined "Verksamhets- och internkontrollplan" meets both December rows', () => {
    const checks = annualCycleStatus({ cycleItems: DEMO_ANNUAL_CYCLE, month: 12, agendaItemHeadings: ['Beslut om Verksamhets- och internkontrollplan 2024'] });
    assert.deepEqual(summary(checks).slice(0, 2), ['Verksamhetsplan: met', 'Internkontrollplan: met']);
  });

  const table: [name: string, month: number, headings: string[], expected: string[]][] = [
    ['March: annual report and economy', 3, ['VERKSAMHETSBERÄTTELSE 2022', 'Ekonomi – utfall februari'], ['Verksamhetsberättelse: met', 'Information om ekonomi och verksamhet: met']],
    ['March: nothing on the agenda', 3, [], ['Verksamhetsberättelse: missing', 'Information om ekonomi och verksamhet: missing']],
    ['June: budget and interim report 1', 6, ['Budget 2024', 'Delårsrapport per april'], ['Budget: met', 'Delårsrapport 1: met', 'Information om ekonomi och verksamhet: missing']],
    ['October: strategy day and interim report 2', 10, ['Strategidag: riskanalys', 'Delårsrapport 2'], ['Delårsrapport 2: met', 'Riskanalys och verksamhetsplanering (strategidag): met', 'Information om ekonomi och verksamhet: missing']],
    ['September has the same rows as October', 9, ['Riskanalys 2024'], ['Delårsrapport 2: missing', 'Riskanalys och verksamhetsplanering (strategidag): met', 'Information om ekonomi och verksamhet: missing']],
    ['a month without requirements', 1, ['Budget'], []],
  ];
  for (const [name, month, headings, expected] of table) {
    test(name, () => assert.deepEqual(summary(annualCycleStatus({ cycleItems: DEMO_ANNUAL_CYCLE, month, agendaItemHeadings: headings })), expected));
  }

  test('matching ignores case and spacing but keeps å, ä and ö apart from a and o', () => {
    const items: AnnualCycleRequirement[] = [{ month: 5, title: 'Årsredovisning', matchWords: ['årsredovisning'] }];
    const check = (heading: string) => annualCycleStatus({ cycleItems: items, month: 5, agendaItemHeadings: [heading] })[0]?.met;
    assert.equal(check('ÅRSREDOVISNING 2022'), true);
    assert.equal(check('Godkännande av  årsredovisning'), true);
    assert.equal(check('Arsredovisning'), false);
    // "å" written as a + combining ring (as some PDFs and Macs do) is the same letter.
    assert.equal(check('A\u030arsredovisning'), true);
  });

  test('a row without match words is matched by its title', () => {
    const items: AnnualCycleRequirement[] = [{ month: 4, title: 'Attestordning', matchWords: [] }];
    assert.equal(annualCycleStatus({ cycleItems: items, month: 4, agendaItemHeadings: ['Ny attestordning'] })[0]?.met, true);
  });
});

describe('parseMatchWords', () => {
  test('splits on commas, trims, lower-cases and drops repeats and blanks', () => {
    assert.deepEqual(parseMatchWords(' Budget, delårsrapport ;; BUDGET,\nÅrsredovisning '), ['budget', 'delårsrapport', 'årsredovisning']);
    assert.deepEqual(parseMatchWords(''), []);
  });
});

describe('DEMO_ANNUAL_CYCLE', () => {
  test('follows business plan 6.1.1: economy at every meeting month, months 1–12 only', () => {
    const months = [...new Set(DEMO_ANNUAL_CYCLE.map((r) => r.month))];
    assert.deepEqual(months, [3, 6, 9, 10, 12]);
    for (const m of months) assert.ok(DEMO_ANNUAL_CYCLE.some((r) => r.month === m && r.title === 'Information om ekonomi och verksamhet'), `month ${m}`);
    for (const r of DEMO_ANNUAL_CYCLE) assert.ok(r.matchWords.length > 0 && r.matchWords.every((w) => w === w.toLocaleLowerCase('sv')), r.title);
  });
});
