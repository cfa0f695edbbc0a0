/** Account ranges and BAS-based suggestions, table by table. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findRange, inRange, parseRange, rangesFor, suggestMapping, type RangeMapping, type SuggestionCostObject } from './account-ranges.js';

const OBJECTS: SuggestionCostObject[] = [
  { code: 'GF', name: 'Grundfinansiering', kind: 'base_funding' },
  { code: 'VU', name: 'Verksamhetsutvecklare', kind: 'management' },
  { code: 'SOC', name: 'SOC', kind: 'management' },
  { code: 'ETJ', name: 'E-tjänsteplattform', kind: 'shared_service' },
];

describe('account ranges', () => {
  test('parseRange accepts two account numbers of one length in order, nothing else', () => {
    const cases: [string, ReturnType<typeof parseRange>][] = [
      ['5400-5499', { from: '5400', to: '5499' }], ['5400–5499', { from: '5400', to: '5499' }], [' 5000-5999 ', { from: '5000', to: '5999' }],
      ['5499-5400', null], ['540-5499', null], ['5400', null], ['abcd-efgh', null], ['', null], ['5400-5499; drop', null],
    ];
    for (const [text, expected] of cases) assert.deepEqual(parseRange(text), expected, text);
  });

  test('inRange compares the leading digits, so sub-accounts belong to their range', () => {
    const r = { from: '5400', to: '5499' };
    const cases: [string, boolean][] = [['5400', true], ['5499', true], ['5410', true], ['54101', true], ['5500', false], ['5399', false], ['540', false], ['54a0', false]];
    for (const [account, expected] of cases) assert.equal(inRange(account, r), expected, account);
  });

  test('rangesFor offers the ten, the hundred and the class', () => {
    assert.deepEqual(rangesFor('5410'), [{ from: '5410', to: '5419' }, { from: '5400', to: '5499' }, { from: '5000', to: '5999' }]);
    assert.deepEqual(rangesFor('7'), []);
  });

  test('findRange picks the narrowest range, and a cost centre\'s own before any centre', () => {
    const ranges: RangeMapping[] = [
      { from: '5000', to: '5999', costCentre: '', costObjectCode: 'GF', ignore: false },
      { from: '5400', to: '5499', costCentre: '', costObjectCode: 'ETJ', ignore: false },
      { from: '5400', to: '5499', costCentre: 'Nord', costObjectCode: 'SOC', ignore: false },
    ];
    assert.equal(findRange(ranges, '5410', '')?.costObjectCode, 'ETJ');
    assert.equal(findRange(ranges, '5410', 'Nord')?.costObjectCode, 'SOC');
    assert.equal(findRange(ranges, '5610', 'Nord')?.costObjectCode, 'GF');
    assert.equal(findRange(ranges, '6110', ''), undefined);
  });

  test('suggestMapping: the nearest mapped neighbours first, then the BAS class', () => {
    const known = [{ account: '5420', code: 'ETJ' }, { account: '5411', code: 'SOC' }, { account: '6110', code: 'GF' }, { account: '6120', code: 'GF' }, { account: '6130', code: 'ETJ' }, { account: '6990', code: 'GONE' }];
    const cases: [string, string | null, RegExp][] = [
      ['5410', 'SOC', /5411/], // same ten beats the same hundred
      ['5460', 'ETJ', /5420/],
      ['6150', 'GF', /närliggande konto 6110/], // the most used in the hundred
      ['5010', 'ETJ', /5420/], // same class, first by count then code
      ['7010', 'VU', /personal/], // no neighbour: class 7 is personnel, the first management object
      ['3010', 'GF', /intäkter/],
      ['4010', 'ETJ', /klass 4/],
      ['8310', 'GF', /finansiella/],
      ['1930', null, /.*/],
    ];
    for (const [account, code, reason] of cases) {
      const s = suggestMapping(account, { known: known.filter((k) => !(account === '5010' && k.account.startsWith('6'))), costObjects: OBJECTS });
      assert.equal(s?.code ?? null, code, account);
      if (s) assert.match(s.reason.sv, reason, account);
    }
    assert.equal(suggestMapping('7010', { known: [], costObjects: OBJECTS.filter((o) => o.kind !== 'management') }), null, 'no object of the kind: no suggestion');
    assert.equal(suggestMapping('6991', { known, costObjects: OBJECTS })?.code, 'GF', 'a code not in the year is never offered');
  });
});
