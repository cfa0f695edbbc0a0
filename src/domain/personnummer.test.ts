import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPersonalIdentityNumbers, maskPersonalIdentityNumbers } from './personnummer.js';

describe('findPersonalIdentityNumbers', () => {
  // Skatteverket's published test numbers (e.g. 19121212-1212) and co-ordination numbers (day + 60).
  const found: [string, string[]][] = [
    ['Sökande 19121212-1212 har', ['19121212-1212']],
    ['pnr 121212-1212.', ['121212-1212']],
    ['191212121212', ['191212121212']],
    ['Hundraåring 121212+1212', ['121212+1212']],
    ['samordningsnummer 701063-2391', ['701063-2391']],
    ['två: 19121212-1212 och 811218-9876', ['19121212-1212', '811218-9876']],
  ];
  for (const [text, expected] of found) it(`finds ${expected.join(', ')}`, () => assert.deepEqual(findPersonalIdentityNumbers(text), expected));

  const clean = [
    'Dnr 2022/20-2.4.0.2',
    'Hid: 2022.14',
    'Belopp 1 065 400 kr',
    '19121212-1213', // wrong check digit
    '121312-1212', // month 13
    'telefon 0920-45 30 00',
    'SHA-256 8F40A1B2C3D4',
    'org.nr 212000-2742', // a municipality's organisation number: month 20 is no date
    'href="/handlingar/0f8e2c1a-2b3c-4d5e-8f90-191212121212"', // the last group of a UUID
    'SHA-256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495a191212121212b', // digits inside a checksum
    'id=a191212121212',
  ];
  for (const text of clean) it(`finds none in “${text}”`, () => assert.deepEqual(findPersonalIdentityNumbers(text), []));
});

describe('maskPersonalIdentityNumbers', () => {
  const masked: [string, string][] = [
    ['Sökande 19121212-1212 har', 'Sökande 19121212-XXXX har'],
    ['pnr 121212-1212.', 'pnr 121212-XXXX.'],
    ['<td>191212121212</td>', '<td>19121212XXXX</td>'],
    ['Hundraåring 121212+1212', 'Hundraåring 121212+XXXX'],
    ['samordningsnummer 701063-2391', 'samordningsnummer 701063-XXXX'],
    ['två: 19121212-1212 och 811218-9876', 'två: 19121212-XXXX och 811218-XXXX'],
  ];
  for (const [text, expected] of masked) it(`masks “${text}”`, () => assert.equal(maskPersonalIdentityNumbers(text), expected));

  const untouched = [
    'Dnr 2022/20-2.4.0.2',
    'Belopp 1 065 400 kr',
    '19121212-1213',
    '121312-1212',
    'org.nr 212000-2742',
    'href="/handlingar/0f8e2c1a-2b3c-4d5e-8f90-191212121212"', // the last group of a UUID
    'id=a191212121212', // part of a longer token
    'sum 1912121212345',
  ];
  for (const text of untouched) it(`leaves “${text}” alone`, () => assert.equal(maskPersonalIdentityNumbers(text), text));

  it('in JSON, masks inside strings but never a bare number value', () => {
    assert.equal(maskPersonalIdentityNumbers('{"d":"Ansökan 121212-1212","n":1212121212,"l":[1, 1212121212]}', { json: true }), '{"d":"Ansökan 121212-XXXX","n":1212121212,"l":[1, 1212121212]}');
  });
});
