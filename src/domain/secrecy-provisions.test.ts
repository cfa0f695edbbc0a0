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
