import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assuranceLabel, meetsAssuranceLevel } from './assurance.js';
import { normalisePersonalIdentityNumber } from './personnummer.js';

const L = (n: string) => `http://id.elegnamnden.se/loa/1.0/${n}`;

for (const [actual, required, expected] of [
  [L('loa3'), L('loa3'), true],
  [L('loa4'), L('loa3'), true],
  [L('eidas-sub'), L('loa3'), true],
  [L('eidas-high'), L('loa3'), true],
  [L('loa2'), L('loa3'), false],
  [L('eidas-low'), L('loa3'), false],
  ['urn:unknown', L('loa3'), false],
  ['urn:unknown', 'urn:unknown', true],
  [null, L('loa2'), false],
] as const) {
  test(`acr ${actual} ${expected ? 'meets' : 'does not meet'} ${required}`, () => {
    assert.equal(meetsAssuranceLevel(actual, required), expected);
  });
}

test('labels name the level, or keep an unknown acr', () => {
  assert.equal(assuranceLabel(L('loa3')), 'tillitsnivå 3');
  assert.equal(assuranceLabel('urn:x'), 'urn:x');
});

for (const [input, expected] of [
  ['198003141234', '198003141234'],
  ['19800314-1234', '198003141234'],
  [' 19800314-1234 ', '198003141234'],
  ['19800374-1231', '198003741231'], // a co-ordination number (samordningsnummer): day + 60
  ['19800314-1235', null],
  ['800314-1234', null],
  ['19801314-1234', null],
  ['abc', null],
] as const) {
  test(`personnummer ${JSON.stringify(input)} → ${String(expected)}`, () => {
    assert.equal(normalisePersonalIdentityNumber(input), expected);
  });
}
