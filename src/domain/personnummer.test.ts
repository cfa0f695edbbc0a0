import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containsPersonalIdentityNumber, findPersonalIdentityNumbers } from './personnummer.js';

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
  ];
  for (const text of clean) it(`finds none in “${text}”`, () => assert.equal(containsPersonalIdentityNumber(text), false));
});
