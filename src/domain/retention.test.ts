import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeInScheme, disposalDecision, disposalDueOn, matchRetentionRule, type RetentionRule } from './retention.js';

const rule = (id: string, classificationCode: string, action: 'keep' | 'dispose', retentionYears: number | null): RetentionRule => ({ id, classificationCode, action, retentionYears });

describe('matchRetentionRule — arkivlagen 10 §, OSL 5 kap.: the plan governs by classification code, never by words in a description', () => {
  // The demo plan: 2.3.4.1 systematic work environment "gallras efter 10 år"; invitations have their own code.
  const rules = [rule('a', '2.3.4.1', 'dispose', 10), rule('b', '2.2.0.2.1', 'dispose', 2), rule('c', '2.3', 'keep', null), rule('d', '1.2.1.3', 'keep', null), rule('e', '2.2.0.2', 'keep', null)];
  const cases: [code: string, description: string, expected: string | undefined][] = [
    ['2.3.4.1', 'Uppföljning SAM 2022', 'a'],
    // A word in the description changes nothing: only the code governs.
    ['2.3.4.1', 'Inbjudan till skyddsrond', 'a'],
    ['2.2.0.2', 'Inbjudan till konferens', 'e'],
    ['2.2.0.2', 'Protokoll som ska gallras', 'e'],
    ['2.2.0.2.1', 'Inbjudan till konferens', 'b'],
    ['2.2.0.2.1', 'Protokoll', 'b'],
    ['2.3.1.1', 'Anställningsavtal', 'c'],
    ['2.3', 'Översikt', 'c'],
    ['1.2.1.3', 'Verksamhetsplan 2023', 'd'],
    ['1.2.1', 'Verksamhetsplan', undefined],
    ['1.2.1.30', 'Annat', undefined],
    ['2.4.0.2', 'Ekonomisk rapport', undefined],
  ];
  for (const [code, description, expected] of cases) {
    it(`${code} “${description}” → ${expected ?? 'no rule'}`, () => {
      const document = { classificationCode: code, description };
      assert.equal(matchRetentionRule(rules, document)?.id, expected);
      // Whatever the description says, the same code gets the same rule.
      const reworded = { ...document, description: `gallras ${description} inbjudan bevaras` };
      assert.equal(matchRetentionRule(rules, reworded)?.id, expected);
    });
  }
});

describe('codeInScheme — a rule names a code of the registry’s classification scheme', () => {
  const scheme = ['1.2.1.3', '2.2.0.2', '2.2.0.2.1', '2.3.4.1'];
  const cases: [string, boolean][] = [
    ['2.3.4.1', true],
    ['2.3', true],
    ['2', true],
    ['2.2.0.2.1', true],
    ['2.3.4.2', false],
    ['2.3.4.1.1', false],
    ['3', false],
    ['1.2.1.30', false],
  ];
  for (const [code, expected] of cases) it(`${code} → ${expected}`, () => assert.equal(codeInScheme(code, scheme), expected));
});

describe('disposalDueOn', () => {
  const cases: [string, string, number, string][] = [
    ['2022-11-01', '2022-12-14', 2, '2025-01-01'],
    ['2022-11-01', '2023-01-10', 2, '2026-01-01'],
    ['2024-03-01', '2023-12-31', 10, '2035-01-01'],
    ['2010-05-05', '2010-05-05', 0, '2011-01-01'],
  ];
  for (const [documentDate, caseClosedOn, retentionYears, expected] of cases) {
    it(`${documentDate} / closed ${caseClosedOn} + ${retentionYears} years → ${expected}`, () => assert.equal(disposalDueOn({ documentDate, caseClosedOn, retentionYears }), expected));
  }
});

describe('disposalDecision', () => {
  const dispose2 = rule('x', '2.3.4.1', 'dispose', 2);
  const base = { rule: dispose2, caseStatus: 'closed' as const, caseClosedOn: '2022-12-14', documentDate: '2022-11-01', underLegalHold: false, today: '2026-11-27' };
  it('disposable once the period has run out', () => assert.deepEqual(disposalDecision(base), { disposable: true, dueOn: '2025-01-01' }));
  it('disposable on the due day itself', () => assert.equal(disposalDecision({ ...base, today: '2025-01-01' }).disposable, true));
  it('not the day before', () => assert.deepEqual(disposalDecision({ ...base, today: '2024-12-31' }), { disposable: false, reason: 'not-due', dueOn: '2025-01-01' }));
  it('never under a legal hold', () => assert.deepEqual(disposalDecision({ ...base, underLegalHold: true }), { disposable: false, reason: 'legal-hold' }));
  it('never in an open case', () => assert.deepEqual(disposalDecision({ ...base, caseStatus: 'open', caseClosedOn: null }), { disposable: false, reason: 'case-open' }));
  it('never when the plan keeps it', () => assert.deepEqual(disposalDecision({ ...base, rule: rule('k', '2', 'keep', null) }), { disposable: false, reason: 'keep' }));
  it('never when the plan says nothing', () => assert.deepEqual(disposalDecision({ ...base, rule: undefined }), { disposable: false, reason: 'no-rule' }));
});
