import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMON_PROVISIONS, normaliseProvision, provisionCitation } from './secrecy-provisions.js';

test('a provision written as registrars write it is named in full, chapter and section', () => {
  const cases: [string, string | undefined][] = [
    ['21 kap. 7 §', '21 kap. 7 § offentlighets- och sekretesslagen (2009:400)'],
    ['OSL 18 kap. 8 §', '18 kap. 8 § offentlighets- och sekretesslagen (2009:400)'],
    ['OSL 18:8', '18 kap. 8 § offentlighets- och sekretesslagen (2009:400)'],
    ['31:16', '31 kap. 16 § offentlighets- och sekretesslagen (2009:400)'],
    ['osl 10 kap 27 §', '10 kap. 27 § offentlighets- och sekretesslagen (2009:400)'],
    ['17 kap. 7 a §', '17 kap. 7 a § offentlighets- och sekretesslagen (2009:400)'],
    ['21 kap. 7 § offentlighets- och sekretesslagen (2009:400)', '21 kap. 7 § offentlighets- och sekretesslagen (2009:400)'],
    ['Sekretess', undefined],
    ['45 kap. 1 §', undefined],
    ['0:3', undefined],
    ['18:8x9', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(normaliseProvision(input), expected, input);
});

test('every listed provision reads back as itself', () => {
  for (const p of COMMON_PROVISIONS) {
    const full = provisionCitation(p);
    assert.equal(normaliseProvision(full), full);
    assert.match(full, new RegExp(`^${p.chapter} kap\\. ${p.section} § `));
  }
});

test('the common provisions are the sections of OSL that protect what their subject says', () => {
  // Checked against SFS 2009:400: each chapter and section, and a word of what that section protects.
  const expected: [string, RegExp][] = [
    ['18:8', /säkerhets- eller bevakningsåtgärder/],
    ['19:1', /myndighetens affärs- eller driftförhållanden när den driver affärsverksamhet/],
    ['19:3', /upphandling/],
    ['21:1', /hälsa eller sexualliv/],
    ['21:3', /adress .*förföljelse/],
    ['21:7', /dataskyddsregleringen/],
    ['25:1', /^hälso- och sjukvård/],
    ['26:1', /^socialtjänst/],
    ['31:16', /gör affärer med myndigheten/],
    ['39:1', /^personalsocial verksamhet/],
  ];
  assert.deepEqual(COMMON_PROVISIONS.map((p) => `${p.chapter}:${p.section}`), expected.map(([ref]) => ref));
  for (const [i, p] of COMMON_PROVISIONS.entries()) assert.match(p.subject.sv, expected[i]?.[1] ?? /^$/, `${p.chapter}:${p.section}`);
});
